package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.imports.ImportFormat;
import org.dnsseismograph.ui.UiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

  @Test
  void filesAreRecognisedByContentNotByName(@TempDir Path dir) throws Exception {
    Path captureNamedJson = Files.copy(UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap"), dir.resolve("looks-like.json"));
    Path workspaceNamedPcap = Files.copy(UiFixtures.demo().resolve("demo.seismograph.json"), dir.resolve("looks-like.pcap"));
    Path exportNamedPcap = Files.copy(UiFixtures.export("prometheus-query_range_grafana-range_simple.json"), dir.resolve("export.pcap"));

    assertEquals(SourceFiles.Kind.CAPTURE, SourceFiles.recognise(captureNamedJson).kind());
    assertEquals(SourceFiles.Kind.WORKSPACE, SourceFiles.recognise(workspaceNamedPcap).kind());
    assertEquals(SourceFiles.Kind.EXPORT, SourceFiles.recognise(exportNamedPcap).kind());
    assertEquals(SourceFiles.Kind.CAPTURE, SourceFiles.recognise(UiFixtures.demo().resolve("capture.pcap.gz")).kind(), "gzip'd capture");
    assertEquals(SourceFiles.Kind.EXPORT, SourceFiles.recognise(UiFixtures.demo().resolve("pdns-api.txt.gz")).kind(), "gzip'd export");
    assertEquals(SourceFiles.Kind.EXPORT, SourceFiles.recognise(dir).kind(), "a directory is a snapshot sequence");
    Path dnstapNamedPcap = Files.copy(UiFixtures.dnstap(), dir.resolve("log.pcap"));
    assertEquals(SourceFiles.Kind.DNSTAP, SourceFiles.recognise(dnstapNamedPcap).kind(), "a dnstap log");
  }

  @Test
  void whatIsNoneOfThemSaysWhy(@TempDir Path dir) throws Exception {
    SourceFiles.Recognised text = SourceFiles.recognise(UiFixtures.resource("not-a-source.txt"));
    SourceFiles.Recognised missing = SourceFiles.recognise(dir.resolve("gone.pcap"));
    SourceFiles.Recognised empty = SourceFiles.recognise(Files.createFile(dir.resolve("empty")));

    assertEquals(SourceFiles.Kind.UNKNOWN, text.kind());
    assertTrue(text.reason().startsWith("not-a-source.txt: neither a capture"), text.reason());
    assertEquals(ImportFormat.values().length, text.detail().size(), "every export format tried, one line each: " + text.detail());
    assertTrue(text.detail().stream().anyMatch(l -> l.startsWith("csv: ")), text.detail().toString());
    assertEquals("gone.pcap: no such file", missing.reason());
    assertEquals(List.of(), missing.detail());
    assertEquals(SourceFiles.Kind.UNKNOWN, empty.kind());
    assertEquals(List.of(), empty.detail(), "an empty file is said to be empty, no format tried");
  }

  @Test
  void aTableWhoseColumnsAreNotNumbersSaysSoAmongTheFormatsTried(@TempDir Path dir) throws Exception {
    // Half the cells of the one value column are words: no column of numbers, so no time series.
    Path csv = Files.writeString(dir.resolve("rates.csv"), """
        time,queries
        2026-11-25T19:08:30Z,100
        2026-11-25T19:08:31Z,n/a?
        2026-11-25T19:08:32Z,120
        2026-11-25T19:08:33Z,lost
        """);
    SourceFiles.Recognised r = SourceFiles.recognise(csv);
    assertEquals(SourceFiles.Kind.UNKNOWN, r.kind());
    assertTrue(r.detail().contains("csv: no column of numbers besides the time"), r.detail().toString());
  }

  @Test
  void aWorkspaceIsFoundBehindABomAndMoreWhiteSpaceThanTheFirstLookReads(@TempDir Path dir) throws Exception {
    String json = Files.readString(UiFixtures.demo().resolve("demo.seismograph.json"));
    Path padded = dir.resolve("padded.json");
    Files.writeString(padded, "\uFEFF" + " \n".repeat(3_000) + json);
    Path truncatedCapture = dir.resolve("head.pcap");
    Files.write(truncatedCapture, Arrays.copyOf(Files.readAllBytes(UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap")), 24));

    assertEquals(SourceFiles.Kind.WORKSPACE, SourceFiles.recognise(padded).kind());
    // a pcap header alone is a capture (of no frames): recognising it reads no frame
    assertEquals(SourceFiles.Kind.CAPTURE, SourceFiles.recognise(truncatedCapture).kind());
  }
}
