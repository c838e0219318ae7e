package org.dnsseismograph.ui.workspace;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dnsseismograph.workspace.Recovery;
import org.dnsseismograph.workspace.SourceCheck;

/**
 * The analyst of a test: answers the session's questions from a script, in order, and records
 * what was asked (file choosers cannot run headless, so this stands in for the person and the
 * choosers; the alerts themselves are tested in {@code FxSessionDialogsUITest}).
 */
final class ScriptedDialogs implements SessionDialogs {
  final Deque<Object> answers = new ArrayDeque<>();
  final List<String> asked = new ArrayList<>();
  final List<String> errors = new ArrayList<>();

  ScriptedDialogs answer(Object... a) {
    answers.addAll(List.of(a));
    return this;
  }

  @SuppressWarnings("unchecked")
  private <T> T next(String question, Class<T> type) {
    asked.add(question);
    Object a = answers.poll();
    if (a == null) {
      throw new AssertionError("no answer scripted for: " + question + " (asked so far: " + asked + ")");
    }
    if (!type.isInstance(a)) {
      throw new AssertionError("scripted " + a + " for: " + question);
    }
    return (T) a;
  }

  @Override
  public CompletableFuture<Optional<Path>> chooseWorkspaceToOpen() {
    Path p = next("open which?", Path.class);
    return CompletableFuture.completedFuture(Optional.of(p));
  }

  @Override
  public CompletableFuture<Optional<Path>> chooseWorkspaceToSave(Path suggested) {
    Path p = next("save where? (" + suggested.getFileName() + ")", Path.class);
    return CompletableFuture.completedFuture(Optional.of(p));
  }

  @Override
  public CompletableFuture<Boolean> offerRecovery(Recovery r) {
    return CompletableFuture.completedFuture(next("restore " + r.describe() + "?", Boolean.class));
  }

  @Override
  public CompletableFuture<SourceAnswer> locateSource(SourceCheck check) {
    return CompletableFuture.completedFuture(next("where is " + check.describe() + "?", SourceAnswer.class));
  }

  @Override
  public CompletableFuture<Unsaved> confirmUnsaved(String name) {
    return CompletableFuture.completedFuture(next("save " + name + "?", Unsaved.class));
  }

  @Override
  public void showError(String message) {
    errors.add(message);
  }
}
