package org.dnsseismograph.wire;

/** The transport a DNS message travelled on. */
public enum Transport {
  UDP,
  TCP
}
