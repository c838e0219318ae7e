package org.dnsseismograph.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentThreadTaskRunnerTest {
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final List<String> heard = new ArrayList<>();

  private TaskRunner.Outcome<String> outcome() {
    return new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(String value) {
        heard.add("ok " + value);
      }

      @Override
      public void failed(Throwable error) {
        heard.add("failed " + error.getMessage());
      }

      @Override
      public void cancelled() {
        heard.add("cancelled");
      }
    };
  }

  @Test
  void eachJobEndsInExactlyOneOfItsThreeWays() {
    runner.submit("a", p -> "v", outcome());
    runner.submit("b", p -> {
      throw new IOException("unreadable");
    }, outcome());
    runner.cancelNext();
    runner.submit("c", p -> {
      p.checkCancelled();
      return "never";
    }, outcome());
    runner.submit("d", p -> "after", outcome());

    assertEquals(List.of("ok v", "failed unreadable", "cancelled", "ok after"), heard);
  }
}
