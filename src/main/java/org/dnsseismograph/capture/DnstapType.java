package org.dnsseismograph.capture;

/**
 * The {@code Message.Type} values of the dnstap schema, with the role each gives its DNS message
 * from the point of view of the server that logged it, and whether it carries the query or the
 * response. Immutable.
 *
 * <p>Roles: the ends where the logging server answers are {@link MessageRole#CLIENT} (CLIENT_*
 * on a resolver, AUTH_* and UPDATE_* on an authoritative server: those messages are between the
 * server and whoever asks it); the ends where it asks are {@link MessageRole#UPSTREAM}
 * (RESOLVER_*, FORWARDER_*, and STUB_* / TOOL_* logged by a stub or a tool about the server it
 * asks).
 *
 * @see <a href="https://github.com/dnstap/dnstap.pb/blob/master/dnstap.proto">dnstap.proto</a>
 */
public enum DnstapType {
  AUTH_QUERY(1, "AQ", MessageRole.CLIENT, false),
  AUTH_RESPONSE(2, "AR", MessageRole.CLIENT, true),
  RESOLVER_QUERY(3, "RQ", MessageRole.UPSTREAM, false),
  RESOLVER_RESPONSE(4, "RR", MessageRole.UPSTREAM, true),
  CLIENT_QUERY(5, "CQ", MessageRole.CLIENT, false),
  CLIENT_RESPONSE(6, "CR", MessageRole.CLIENT, true),
  FORWARDER_QUERY(7, "FQ", MessageRole.UPSTREAM, false),
  FORWARDER_RESPONSE(8, "FR", MessageRole.UPSTREAM, true),
  STUB_QUERY(9, "SQ", MessageRole.UPSTREAM, false),
  STUB_RESPONSE(10, "SR", MessageRole.UPSTREAM, true),
  TOOL_QUERY(11, "TQ", MessageRole.UPSTREAM, false),
  TOOL_RESPONSE(12, "TR", MessageRole.UPSTREAM, true),
  UPDATE_QUERY(13, "UQ", MessageRole.CLIENT, false),
  UPDATE_RESPONSE(14, "UR", MessageRole.CLIENT, true);

  private static final DnstapType[] BY_NUMBER = new DnstapType[15];

  static {
    for (DnstapType t : values()) {
      BY_NUMBER[t.number] = t;
    }
  }

  private final int number;
  private final String mnemonic;
  private final MessageRole role;
  private final boolean response;

  DnstapType(int number, String mnemonic, MessageRole role, boolean response) {
    this.number = number;
    this.mnemonic = mnemonic;
    this.role = role;
    this.response = response;
  }

  /** The type with this schema number, or null for a number the schema does not define. */
  public static DnstapType of(int number) {
    return number > 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
  }

  /** The number in the schema. */
  public int number() {
    return number;
  }

  /** The two-letter mnemonic of the schema's diagram ({@code CQ}, {@code RR}, ...). */
  public String mnemonic() {
    return mnemonic;
  }

  public MessageRole role() {
    return role;
  }

  /** True when the message carries the response ({@code response_message}, {@code response_time}). */
  public boolean isResponse() {
    return response;
  }
}
