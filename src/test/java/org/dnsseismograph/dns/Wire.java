package org.dnsseismograph.dns;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Builds DNS messages byte by byte for tests, so every malformation can be written on purpose. */
final class Wire {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A header: id, flags (the 16-bit word), and the four counts. */
  static Wire header(int id, int flags, int qd, int an, int ns, int ar) {
    return new Wire().u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
  }

  Wire u8(int v) {
    out.write(v);
    return this;
  }

  Wire u16(int v) {
    return u8(v >>> 8).u8(v & 0xFF);
  }

  Wire u32(long v) {
    return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
  }

  Wire bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  Wire hex(String hex) {
    return bytes(HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  /** Uncompressed labels, then the root: {@code name("www", "example", "com")}. */
  Wire name(String... labels) {
    for (String l : labels) {
      label(l.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    return u8(0);
  }

  /** One label with these bytes (no root after it). */
  Wire label(byte[] bytes) {
    u8(bytes.length);
    return bytes(bytes);
  }

  /** A compression pointer to {@code offset}. */
  Wire pointer(int offset) {
    return u16(0xC000 | offset);
  }

  /** A question's type and class after its name. */
  Wire typeClass(int type, int dnsClass) {
    return u16(type).u16(dnsClass);
  }

  /** A record's fixed part after its owner name, and its data. */
  Wire record(int type, int dnsClass, long ttl, byte[] data) {
    return u16(type).u16(dnsClass).u32(ttl).u16(data.length).bytes(data);
  }

  /** An OPT record owned by the root: payload size, extended rcode, version, DO, options. */
  Wire opt(int payload, int extendedRcode, int version, boolean dnssecOk, byte[] options) {
    return u8(0).record(41, payload, ((long) extendedRcode << 24) | (version << 16) | (dnssecOk ? 0x8000 : 0), options);
  }

  int size() {
    return out.size();
  }

  byte[] build() {
    return out.toByteArray();
  }
}
