package org.dnsseismograph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.capture.DnstapFiles;
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

  /**
   * {@link #decodeOptions()} for {@code files}: read as dnstap logs when they all are, as captures
   * when none is; a mix is refused, naming the first dnstap log (a log and a capture of the same
   * resolver would count every message twice).
   */
  DecodeOptions decodeOptionsFor(List<Path> files) {
    List<Path> logs = files.stream().filter(CaptureSourceLoader::isDnstap).toList();
    if (logs.isEmpty()) {
      return decodeOptions();
    }
    if (logs.size() < files.size()) {
      throw new InputFailure(logs.get(0), "is a dnstap log; read dnstap logs and captures in separate runs");
    }
    return decodeOptions().withMessages(DnstapFiles.INSTANCE);
  }

  long timeoutNanos() {
    long t = TimeUnits.parseDuration(timeout);
    if (t <= 0) {
      throw new IllegalArgumentException("--timeout must be positive, not " + timeout);
    }
    return t;
  }
}
