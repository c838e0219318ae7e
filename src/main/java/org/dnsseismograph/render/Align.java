package org.dnsseismograph.render;

/** Where a text's x names: its left end, centre or right end. */
public enum Align {
  LEFT,
  CENTER,
  RIGHT
}
