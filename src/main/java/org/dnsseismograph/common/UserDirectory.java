package org.dnsseismograph.common;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the program keeps a kind of the user's files, as the XDG Base Directory Specification
 * says: {@code $XDG_<KIND>_HOME/dns-seismograph}, or under the home directory when that variable is
 * unset or not absolute (the specification says to ignore a relative one); a system property, when
 * set, names the directory itself (the tests' own directories). Stateless.
 *
 * @see <a href="https://specifications.freedesktop.org/basedir-spec/latest/">XDG Base Directory Specification</a>
 */
public final class UserDirectory {
  private static final String PROGRAM = "dns-seismograph";

  private UserDirectory() {}

  /**
   * The directory: {@code props[override]} when set, else {@code $variable/dns-seismograph/sub},
   * else {@code ~/homeRelative/dns-seismograph/sub}.
   *
   * @param override a system property naming the directory itself, or null for none
   * @param variable the XDG variable, such as {@code XDG_STATE_HOME}
   * @param homeRelative the variable's default under the home directory, such as {@code .local/state}
   * @param sub a directory under the program's, or "" for the program's own
   */
  public static Path of(Properties props, Map<String, String> env, String override, String variable, String homeRelative, String sub) {
    String explicit = override == null ? null : props.getProperty(override);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get(variable);
    Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(props.getProperty("user.home")).resolve(homeRelative);
    return sub.isEmpty() ? base.resolve(PROGRAM) : base.resolve(PROGRAM).resolve(sub);
  }
}
