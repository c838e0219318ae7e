package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.testsupport.DnstapPieces;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.NotACaptureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resolver's dnstap log read by the analysis the captures go through: its counts are those of
 * BIND's {@code dnstap-read} of the same file (the fixture's peer text), its resolver is the one it
 * names, and a log cut into two files reads as the whole.
 */
class DnstapFilesTest {
  private static final long TIMEOUT = 3_000_000_000L;
  private static final DecodeOptions DNSTAP = DecodeOptions.defaults().withMessages(DnstapFiles.INSTANCE);

  /** dnstap-read's lines of the fixture with this mnemonic (CQ, CR, RQ, RR). */
  private static long peer(String mnemonic) throws IOException {
    return Files.readAllLines(DnstapFixtures.unboundPeerText()).stream().filter(l -> l.split(" ")[2].equals(mnemonic)).count();
  }

  private static LoadResult load(List<Path> files) throws IOException {
    return new CaptureLoader(new LoadRequest(files, DNSTAP, TIMEOUT)).load(Progress.NONE, s -> {});
  }

  @Test
  void aDnstapFileIsToldByItsFirstControlFrame(@TempDir Path dir) throws IOException {
    assertTrue(DnstapFiles.isDnstap(DnstapFixtures.unboundFile()));
    Path empty = Files.createFile(dir.resolve("empty"));
    assertFalse(DnstapFiles.isDnstap(empty));
    Path text = Files.writeString(dir.resolve("text"), "time,queries\n2026-11-25T19:00:00Z,5\n");
    assertFalse(DnstapFiles.isDnstap(text));
    Path other = dir.resolve("other.fstrm");
    try (OutputStream out = Files.newOutputStream(other)) {
      FrameStreamWriter w = new FrameStreamWriter(out);
      w.writeControl(ControlType.START, "protobuf:something.Else");
      w.writeControl(ControlType.STOP);
    }
    assertFalse(DnstapFiles.isDnstap(other), "Frame Streams of another content type");
  }

  @Test
  void theLogsCountsAreDnstapReadsAndItsResolverTheOneItNames() throws IOException {
    LoadResult r = load(List.of(DnstapFixtures.unboundFile()));
    SeriesSet s = r.snapshot().series();

    assertEquals(peer("CQ"), LiveCaptureTest.events(s, "client.queries"));
    assertEquals(peer("CR"), LiveCaptureTest.events(s, "client.responses"));
    assertEquals(peer("RQ"), LiveCaptureTest.events(s, "upstream.queries"));
    assertEquals(peer("RR"), LiveCaptureTest.events(s, "upstream.responses"));
    assertEquals(peer("CQ") + peer("RQ"), LiveCaptureTest.events(s, "dns.queries"));
    assertEquals(0, LiveCaptureTest.events(s, "dns.unanswered"));
    assertEquals(peer("CQ") + peer("RQ"), r.snapshot().transactions().size(), "every query answered: one transaction each");
    assertEquals(List.of(new ResolverRole(IpAddress.parse("127.0.0.150"), ResolverRole.Basis.NAMED_BY_SOURCE, 0, 0)), r.snapshot().resolvers());
    assertEquals(28, r.scan().frames());
    assertEquals(Files.size(DnstapFixtures.unboundFile()), r.scan().bytes());
    assertTrue(r.skipped().isEmpty(), r.skipped().toString());
  }

  @Test
  void aLogCutIntoTwoFilesReadsAsTheWholeWithTwoSpans(@TempDir Path dir) throws IOException {
    List<byte[]> frames = FrameStreamsTest.fixtureFrames();
    Path first = DnstapPieces.write(dir.resolve("log.dnstap.0"), frames.subList(0, 12));
    Path second = DnstapPieces.write(dir.resolve("log.dnstap.1"), frames.subList(12, frames.size()));

    LoadResult whole = load(List.of(DnstapFixtures.unboundFile()));
    LoadResult cut = load(List.of(first, second));
    for (String metric : List.of("dns.queries", "dns.responses", "client.queries", "upstream.queries", "client.rcode.NXDOMAIN")) {
      assertEquals(LiveCaptureTest.events(whole.snapshot().series(), metric), LiveCaptureTest.events(cut.snapshot().series(), metric), metric);
    }
    assertEquals(2, cut.scan().fileSpans().size());
    assertEquals(whole.scan().firstTimestampNanos(), cut.scan().firstTimestampNanos());
    assertEquals(whole.scan().lastTimestampNanos(), cut.scan().lastTimestampNanos());
  }

  /** A recording rotated as the live dnstap source rotates it: pieces named by number, grouped and put in time order. */
  @Test
  void piecesOfARotatedLogGroupInTheOrderOfTheirTimesAndACaptureNamedAlikeStaysApart(@TempDir Path dir) throws IOException {
    List<byte[]> frames = FrameStreamsTest.fixtureFrames();
    Path second = DnstapPieces.write(dir.resolve("live-dnstap-00002.fstrm"), frames.subList(12, frames.size()));
    Path first = DnstapPieces.write(dir.resolve("live-dnstap-00001.fstrm"), frames.subList(0, 12));
    Path capture = Files.copy(Path.of("assets/demo/capture.pcap.gz"), dir.resolve("live-dnstap-00003.fstrm"));
    java.util.function.Function<Path, org.dnsseismograph.wire.MessageFiles> kind = p -> {
      try {
        return DnstapFiles.isDnstap(p) ? DnstapFiles.INSTANCE : org.dnsseismograph.wire.MessageFiles.CAPTURES;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };

    List<List<Path>> groups = org.dnsseismograph.wire.RotatedCaptures.group(List.of(second, capture, first), kind);

    assertEquals(List.of(List.of(first, second), List.of(capture)), groups);
    assertTrue(DnstapFiles.INSTANCE.firstTimeNanos(first) < DnstapFiles.INSTANCE.firstTimeNanos(second));
  }

  /**
   * An authoritative server's log (AUTH_QUERY and AUTH_RESPONSE: the fixture's client side retyped,
   * its resolver side left out) names no resolver; its resolvers are then looked for in its traffic,
   * as a capture's are, and it still loads.
   */
  @Test
  void anAuthoritativeServersLogNamesNoResolverAndLoadsAsTraffic(@TempDir Path dir) throws IOException {
    List<byte[]> retyped = new ArrayList<>();
    for (byte[] frame : FrameStreamsTest.fixtureFrames()) {
      byte[] auth = asAuthoritative(frame);
      if (auth != null) {
        retyped.add(auth);
      }
    }
    Path log = DnstapPieces.write(dir.resolve("auth.fstrm"), retyped);
    assertEquals(List.of(), DnstapFiles.INSTANCE.namedResolvers(List.of(log), Progress.NONE));

    LoadResult r = load(List.of(log));

    assertEquals(peer("CQ"), LiveCaptureTest.events(r.snapshot().series(), "dns.queries"));
    assertEquals(peer("CR"), LiveCaptureTest.events(r.snapshot().series(), "dns.responses"));
    assertEquals(peer("CQ"), r.snapshot().transactions().size());
  }

  /** The frame with its CLIENT_QUERY / CLIENT_RESPONSE message retyped AUTH_QUERY / AUTH_RESPONSE; null for any other type. */
  private static byte[] asAuthoritative(byte[] frame) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(frame);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    boolean client = false;
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) == 14 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        CodedInputStream m = CodedInputStream.newInstance(in.readByteArray());
        java.io.ByteArrayOutputStream inner = new java.io.ByteArrayOutputStream();
        CodedOutputStream mo = CodedOutputStream.newInstance(inner);
        int t;
        while ((t = m.readTag()) != 0) {
          if (WireFormat.getTagFieldNumber(t) == 1 && WireFormat.getTagWireType(t) == WireFormat.WIRETYPE_VARINT) {
            int type = m.readEnum();
            client = type == DnstapType.CLIENT_QUERY.number() || type == DnstapType.CLIENT_RESPONSE.number();
            mo.writeEnum(1, type == DnstapType.CLIENT_QUERY.number() ? DnstapType.AUTH_QUERY.number() : DnstapType.AUTH_RESPONSE.number());
          } else {
            m.skipField(t, mo);
          }
        }
        mo.flush();
        out.writeByteArray(14, inner.toByteArray());
      } else {
        in.skipField(tag, out);
      }
    }
    out.flush();
    return client ? bytes.toByteArray() : null;
  }

  @Test
  void aCaptureReadAsDnstapIsRefusedByName() {
    Path capture = Path.of("assets/demo/capture.pcap.gz");
    IOException e = assertThrows(IOException.class, () -> load(List.of(capture)));
    assertFalse(e instanceof NotACaptureException);
    assertTrue(e.getMessage().contains("capture.pcap.gz"), e.getMessage());
  }

}
