package org.dnsseismograph.dns;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the fuzz seed corpus: real DNS messages out of the test captures (as tshark extracts them),
 * one per distinct shape per capture (QR, opcode, rcode, EDNS, TC, which sections are non-empty, scan
 * result), so the corpus is small but covers what the captures hold; plus crafted edge cases of
 * {@link DnsHeaderScannerTest}. Run by hand when the captures change, from the project directory:
 * {@code java -cp <test classpath> org.dnsseismograph.dns.SeedCorpusWriter <dir>}, where {@code <dir>} is
 * {@code src/test/resources/org/dnsseismograph/dns/DnsScannerFuzzTestInputs/scannersNeverThrowAndAgreeWithDnsjava}.
 */
final class SeedCorpusWriter {
  private SeedCorpusWriter() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args[0]));
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView v = new DnsMessageView();
    int written = 0;
    for (Path file : TsharkDns.captureFiles()) {
      Set<String> shapes = new HashSet<>();
      String stem = file.getFileName().toString().replaceAll("\\.(pcap|pcapng|pcap\\.gz)$", "");
      for (TsharkDns.Msg m : TsharkDns.messages(file)) {
        ScanResult r = scanner.scan(ByteBuffer.wrap(m.wire()), 0, m.wire().length, v);
        String shape = v.qr + "/" + v.opcode + "/" + v.rcode + "/" + v.edns + "/" + v.tc + "/" + (v.anCount > 0)
            + (v.nsCount > 0) + (v.arCount > 0) + "/" + r;
        if (shapes.add(shape)) {
          Files.write(dir.resolve("real-" + stem + "-f" + m.frame() + "-m" + m.index()), m.wire());
          written++;
        }
      }
    }
    List<byte[]> crafted = new ArrayList<>(List.of(
        DnsHeaderScannerTest.query(), DnsHeaderScannerTest.response(), ResponseSectionScannerTest.referral(),
        DnsHeaderScannerTest.chainMessage(128), DnsHeaderScannerTest.chainMessage(129)));
    DnsHeaderScannerTest.malformedMessages().forEach(a -> crafted.add((byte[]) a.get()[1]));
    for (int i = 0; i < crafted.size(); i++) {
      Files.write(dir.resolve("crafted-" + i), crafted.get(i));
      written++;
    }
    if (written == 0) {
      throw new IllegalStateException("no seeds written");
    }
  }
}
