package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.testsupport.DnstapPieces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameStreamsTest {

  @Test
  void controlFramesRoundTripWithTheirContentTypes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameStreamWriter w = new FrameStreamWriter(out);
    w.writeControl(ControlType.READY, "protobuf:other", DnstapFileReader.CONTENT_TYPE);
    w.writeData(new byte[] {1, 2, 3}, 0, 3);
    w.writeControl(ControlType.FINISH);
    FrameStreamReader r = new FrameStreamReader(new ByteArrayInputStream(out.toByteArray()));

    StreamFrame.Control ready = assertInstanceOf(StreamFrame.Control.class, r.next());
    assertEquals(ControlType.READY, ready.type());
    assertEquals(List.of("protobuf:other", DnstapFileReader.CONTENT_TYPE), ready.contentTypes());
    assertEquals(3, assertInstanceOf(StreamFrame.Data.class, r.next()).bytes().length);
    assertEquals(new StreamFrame.Control(ControlType.FINISH, List.of()), r.next());
    assertNull(r.next());
    assertEquals(out.size(), r.bytesRead());
  }

  /** The escape, a control length and a body, as raw hex. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      control length below 4,                00000000 00000002 0000,                     fstrm.bad-control
      control length beyond 512,             00000000 00000201 00000002,                 fstrm.bad-control
      unknown control type,                  00000000 00000004 00000009,                 fstrm.bad-control
      field header cut short,                00000000 00000008 00000002 00000001,        fstrm.bad-control
      field longer than the frame,           00000000 0000000c 00000002 00000001 00000010, fstrm.bad-control
      input ends inside the control length,  00000000 0000,                              fstrm.truncated
      input ends inside a data frame,        00000010 0102,                              fstrm.truncated
      """)
  void malformedFramesAreRefusedWithTheirReason(String what, String hex, String code) {
    byte[] bytes = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    FrameStreamReader r = new FrameStreamReader(new ByteArrayInputStream(bytes));
    FrameStreamException e = assertThrows(FrameStreamException.class, r::next);
    assertEquals(code, e.reason().code());
  }

  @Test
  void ourBidirectionalSenderIsAcceptedByFstrmCapture(@TempDir Path dir) throws Exception {
    Path fstrmCapture = Path.of("/usr/bin/fstrm_capture");
    assumeTrue(Files.isExecutable(fstrmCapture), "fstrm_capture (fstrm-bin) is the peer for the handshake");
    Path socket = dir.resolve("fstrm.sock");
    Path written = dir.resolve("written.dnstap");
    Process capture = new ProcessBuilder(fstrmCapture.toString(), "-t", DnstapFileReader.CONTENT_TYPE, "-u", socket.toString(), "-w", written.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("fstrm.log").toFile()).start();
    try {
      waitFor(socket);
      List<byte[]> sent = fixtureFrames();
      try (FrameStreamSender s = new FrameStreamSender(UnixDomainSocketAddress.of(socket))) {
        assertEquals(new StreamFrame.Control(ControlType.ACCEPT, List.of(DnstapFileReader.CONTENT_TYPE)), s.ready(DnstapFileReader.CONTENT_TYPE));
        s.start();
        s.send(sent);
        assertEquals(new StreamFrame.Control(ControlType.FINISH, List.of()), s.stop());
      }
      capture.destroy();
      assertTrue(capture.waitFor(10, TimeUnit.SECONDS));
      List<byte[]> got = framesOf(written);
      assertEquals(sent.size(), got.size());
      for (int i = 0; i < sent.size(); i++) {
        assertEquals(java.nio.ByteBuffer.wrap(sent.get(i)), java.nio.ByteBuffer.wrap(got.get(i)), "frame " + i);
      }
    } finally {
      capture.destroyForcibly();
    }
  }

  @Test
  void fstrmReplayIsServedByOurReceiver(@TempDir Path dir) throws Exception {
    Path fstrmReplay = Path.of("/usr/bin/fstrm_replay");
    assumeTrue(Files.isExecutable(fstrmReplay), "fstrm_replay (fstrm-bin) is the peer for the handshake");
    Path socket = dir.resolve("receiver.sock");
    DnstapReceiver receiver = new DnstapReceiver(DnstapReceiverConfig.of(new DnstapEndpoint.Unix(socket)));
    receiver.start();
    try {
      Process replay = new ProcessBuilder(fstrmReplay.toString(), "-t", DnstapFileReader.CONTENT_TYPE, "-u", socket.toString(), "-r",
          DnstapFixtures.unboundFile().toString()).redirectErrorStream(true).redirectOutput(dir.resolve("replay.log").toFile()).start();
      assertTrue(replay.waitFor(30, TimeUnit.SECONDS), "fstrm_replay finished");
      assertEquals(0, replay.exitValue(), Files.readString(dir.resolve("replay.log")));
    } finally {
      receiver.stop();
    }
    LiveCounters c = receiver.snapshot().counters();
    assertEquals(28, c.received());
    assertEquals(28, c.dnsMessages());
    assertEquals(14, c.queries());
    assertEquals(14, c.responses());
    assertEquals(List.of(), c.skipped());
    assertTrue(Files.notExists(socket), "the socket file is removed at stop");
  }

  static List<byte[]> fixtureFrames() throws IOException {
    return framesOf(DnstapFixtures.unboundFile());
  }

  static List<byte[]> framesOf(Path file) throws IOException {
    return DnstapPieces.dataFrames(file);
  }


  static void waitFor(Path socket) throws InterruptedException {
    for (int i = 0; i < 100 && !Files.exists(socket); i++) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(socket), socket + " appeared");
  }
}
