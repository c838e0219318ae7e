package org.dnsseismograph.cli;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;
import picocli.CommandLine.Option;

/** Options every verb that reads captures shares: extra DNS ports and the query timeout. */
final class CaptureOptions {
  @Option(names = "--dns-port", paramLabel = "PORT", split = ",",
      description = "Also treat this port as DNS (53 always is); repeatable or comma-separated.")
  List<Integer> dnsPorts = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3s",
      description = "A query without a response within this time counts as unanswered (default: ${DEFAULT-VALUE}).")
  String timeout;

  DecodeOptions decodeOptions() {
    DnsPorts ports = DnsPorts.DEFAULT;
    for (int p : dnsPorts) {
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("--dns-port " + p + " is not a port number (1-65535)");
      }
      ports = ports.plus(p);
    }
    return DecodeOptions.defaults().withPorts(ports);
  }

  long timeoutNanos() {
    long t = TimeUnits.parseDuration(timeout);
    if (t <= 0) {
      throw new IllegalArgumentException("--timeout must be positive, not " + timeout);
    }
    return t;
  }
}
