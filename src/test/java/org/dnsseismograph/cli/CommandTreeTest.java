package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} reads at 80 columns: picocli starts a new line for each line of a
 * description and wraps a longer one wherever its line breaker allows, which is inside a metric's
 * name ("client.\nretry_ratio") or after a lone word ("exports" on a line of its own).
 */
class CommandTreeTest {
  private static final int COLUMNS = 80;

  @Test
  void noDescriptionLineOfAnyCommandIsWrappedByPicocli() {
    CommandLine root = root();
    List<String> tooLong = new ArrayList<>();
    List<CommandLine> commands = new ArrayList<>(root.getSubcommands().values());
    commands.add(root);
    assertTrue(commands.size() > 8, "the verbs were found: " + root.getSubcommands().keySet());
    for (CommandLine c : commands) {
      for (String line : c.getCommandSpec().usageMessage().description()) {
        if (line.length() > COLUMNS) {
          tooLong.add(c.getCommandName() + ": " + line);
        }
      }
    }
    assertEquals(List.of(), tooLong);
  }

  @Test
  void everyOptionIsDescribedInOneParagraphThatPicocliWrapsInItsColumn() {
    CommandLine root = root();
    List<String> split = new ArrayList<>();
    for (CommandLine c : root.getSubcommands().values()) {
      List<CommandLine.Model.ArgSpec> args = new ArrayList<>(c.getCommandSpec().options());
      args.addAll(c.getCommandSpec().positionalParameters());
      for (CommandLine.Model.ArgSpec a : args) {
        // a second line starts again at the column's left edge, which reads as a new option's text
        if (a.description().length > 1) {
          split.add(c.getCommandName() + " " + a.paramLabel() + ": " + List.of(a.description()));
        }
      }
    }
    assertEquals(List.of(), split);
  }

  @Test
  void theHelpOfSeriesNamesEveryMetricFamilyOnWholeLines() {
    StringWriter out = new StringWriter();
    int code = CommandTree.execute(new String[] {"series", "--help"}, null, new PrintWriter(out, true), new PrintWriter(new StringWriter()));
    assertEquals(0, code);
    String help = out.toString();
    for (String name : List.of("client.retry_ratio;", "upstream.server.<ADDR>.queries|responses|timeouts|answer_ratio,", "client.rcode.<NAME>,")) {
      assertTrue(help.contains(name), name + " on one line in:\n" + help);
    }
    help.lines().forEach(l -> assertTrue(l.length() <= COLUMNS, l));
  }

  private static CommandLine root() {
    return new CommandLine(new SeismographCommand(null), new CommandFactory(null, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter())));
  }
}
