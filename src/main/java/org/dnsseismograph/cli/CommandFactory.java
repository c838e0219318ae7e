package org.dnsseismograph.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the verbs with what they need (the GUI launcher, the output streams): constructor
 * injection instead of statics.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final GuiLauncher gui;
  private final PrintWriter out;
  private final PrintWriter err;

  CommandFactory(GuiLauncher gui, PrintWriter out, PrintWriter err) {
    this.gui = gui;
    this.out = out;
    this.err = err;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    for (var ctor : cls.getDeclaredConstructors()) {
      Class<?>[] types = ctor.getParameterTypes();
      if (types.length == 3 && types[0] == GuiLauncher.class && types[1] == PrintWriter.class && types[2] == PrintWriter.class) {
        ctor.setAccessible(true);
        return cls.cast(ctor.newInstance(gui, out, err));
      }
      if (types.length == 2 && types[0] == PrintWriter.class && types[1] == PrintWriter.class) {
        ctor.setAccessible(true);
        return cls.cast(ctor.newInstance(out, err));
      }
      if (types.length == 1 && types[0] == GuiLauncher.class) {
        ctor.setAccessible(true);
        return cls.cast(ctor.newInstance(gui));
      }
    }
    return CommandLine.defaultFactory().create(cls);
  }
}
