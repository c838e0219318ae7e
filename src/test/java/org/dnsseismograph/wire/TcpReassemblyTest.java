package org.dnsseismograph.wire;

import static org.dnsseismograph.wire.TcpConversation.framed;
import static org.dnsseismograph.wire.TcpConversation.query;
import static org.dnsseismograph.wire.TcpConversation.response;
import static org.dnsseismograph.wire.TcpConversation.slice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TcpReassemblyTest {
  private static final byte[] Q1 = query(1, "one.example");
  private static final byte[] Q2 = query(2, "two.example.org");
  private static final byte[] Q3 = query(3, "three.example");
  private static final byte[] Q4 = query(4, "four.example.net");
  private static final byte[] Q5 = query(5, "five.example");

  private final TcpConversation tcp = new TcpConversation();
  private final DecoderRun run = new DecoderRun();

  private DecoderRun send(byte[]... frames) {
    for (byte[] f : frames) {
      run.frame(LinkType.ETHERNET, f);
    }
    return run;
  }

  private void assertMessages(List<byte[]> expected) {
    assertEquals(expected.size(), run.out.messages.size(), () -> run.skips.snapshot().toString());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), run.out.messages.get(i).bytes(), "message " + i);
    }
  }

  @Test
  void aMessageOverThreeSegmentsIsOneMessageAtTheLastSegmentsFrame() {
    byte[] s = framed(Q1);
    send(tcp.syn(), tcp.synAck(), tcp.client(0, slice(s, 0, 1)), tcp.client(1, slice(s, 1, 10)), tcp.client(10, slice(s, 10, s.length)));
    assertMessages(List.of(Q1));
    Collected.Message m = run.out.messages.get(0);
    assertEquals(5, m.frameNumber());
    assertEquals(Transport.TCP, m.transport());
    assertEquals(tcp.client, m.source());
    assertEquals(53, m.dstPort());
    assertEquals(0, run.skips.total());
  }

  @Test
  void severalMessagesInOneSegmentAreEachOffered() {
    send(tcp.syn(), tcp.client(0, framed(Q1, Q2, Q3)));
    assertMessages(List.of(Q1, Q2, Q3));
    assertEquals(List.of(2L, 2L, 2L), run.out.frames());
  }

  @Test
  void retransmittedAndOverlappingSegmentsGiveEachMessageOnce() {
    byte[] s = framed(Q1, Q2);
    send(tcp.syn(), tcp.client(0, slice(s, 0, 20)), tcp.client(0, slice(s, 0, 20)), tcp.client(10, slice(s, 10, 40)),
        tcp.client(0, s), tcp.client(30, slice(s, 30, s.length)), tcp.client(0, s));
    assertMessages(List.of(Q1, Q2));
    assertEquals(0, run.skips.total());
  }

  @Test
  void outOfOrderSegmentsAreHeldUntilTheGapIsFilled() {
    byte[] s = framed(Q1, Q2, Q3);
    int a = 2 + Q1.length + 5;
    int b = a + 20;
    send(tcp.syn(), tcp.client(b, slice(s, b, s.length)), tcp.client(a, slice(s, a, b)));
    assertEquals(0, run.out.messages.size());
    send(tcp.client(0, slice(s, 0, a)));
    assertMessages(List.of(Q1, Q2, Q3));
    assertEquals(List.of(4L, 4L, 4L), run.out.frames());
  }

  /** A hole that ends inside the next message: that message is lost too, and the framer resynchronises. */
  @Test
  void aHoleAcknowledgedByThePeerIsGivenUpAndTheStreamResynchronises() {
    byte[] s = framed(Q1, Q2, Q3, Q4, Q5);
    int q2 = 2 + Q1.length;
    int q3 = q2 + 2 + Q2.length;
    int q4 = q3 + 2 + Q3.length;
    int holeFrom = q2 + 6;
    int holeTo = q3 + 9;
    send(tcp.syn(), tcp.client(0, slice(s, 0, holeFrom)), tcp.client(holeTo, slice(s, holeTo, q4)),
        tcp.client(q4, slice(s, q4, s.length)));
    assertMessages(List.of(Q1));
    send(tcp.serverAck(s.length));
    assertMessages(List.of(Q1, Q4, Q5));
    assertEquals(List.of(2L, 5L, 5L), run.out.frames());
    assertEquals(List.of(new Skipped(WireSkip.TCP_HOLE, 1, 5), new Skipped(WireSkip.TCP_MESSAGE_LOST, 1, 5),
        new Skipped(WireSkip.TCP_RESYNC_DISCARD, 1, 5)), run.skips.snapshot());
  }

  @Test
  void anAcknowledgementBeyondAnythingSentDoesNotSkipTheDataStillToCome() {
    byte[] s = framed(Q1, Q2);
    send(tcp.syn(), tcp.client(0, slice(s, 0, 10)), tcp.serverAck(1_000_000), tcp.client(10, slice(s, 10, s.length)));
    assertMessages(List.of(Q1, Q2));
    assertEquals(0, run.skips.total());
  }

  @Test
  void aHoleInsideAMessageOfKnownLengthLosesOnlyThatMessage() {
    byte[] s = framed(Q1, Q2, Q3);
    int q2 = 2 + Q1.length;
    int q3 = q2 + 2 + Q2.length;
    send(tcp.syn(), tcp.client(0, slice(s, 0, q2 + 4)), tcp.client(q2 + 10, slice(s, q2 + 10, s.length)), tcp.serverAck(s.length));
    assertMessages(List.of(Q1, Q3));
    assertEquals(0, run.skips.count(WireSkip.TCP_RESYNC_DISCARD));
    assertEquals(1, run.skips.count(WireSkip.TCP_MESSAGE_LOST));
    assertTrue(q3 > q2 + 10);
  }

  @Test
  void aStreamSeenFromTheMiddleStartsAtTheNextPlausibleMessage() {
    byte[] s = framed(response(9, "a.example", 2), Q2, Q3);
    send(tcp.server(7, slice(s, 7, s.length)));
    assertMessages(List.of(Q2, Q3));
    assertEquals(List.of(new Skipped(WireSkip.TCP_RESYNC_DISCARD, 1, 1)), run.skips.snapshot());
  }

  @Test
  void aMessageUnfinishedAtFinIsCountedAndLateRetransmissionsAreIgnored() {
    byte[] s = framed(Q1, Q2);
    int cut = s.length - 5;
    send(tcp.syn(), tcp.client(0, slice(s, 0, cut)), tcp.clientFin(cut), tcp.client(0, slice(s, 0, cut)));
    assertMessages(List.of(Q1));
    assertEquals(List.of(new Skipped(WireSkip.TCP_UNFINISHED, 1, 3)), run.skips.snapshot());
  }

  @Test
  void rstClosesBothDirections() {
    byte[] q = framed(Q1);
    byte[] r = framed(response(1, "one.example", 1));
    send(tcp.syn(), tcp.synAck(), tcp.client(0, slice(q, 0, 8)), tcp.server(0, slice(r, 0, 9)), tcp.clientRst(8));
    assertEquals(List.of(new Skipped(WireSkip.TCP_UNFINISHED, 2, 5)), run.skips.snapshot());
    assertEquals(0, run.out.messages.size());
  }

  @Test
  void aNewConnectionOnTheSamePortsAfterFinIsANewStream() {
    byte[] s = framed(Q1);
    send(tcp.syn(), tcp.client(0, s), tcp.clientFin(s.length));
    TcpConversation again = new TcpConversation(tcp.client, tcp.clientPort, 777_777, tcp.server, 1);
    send(again.syn(), again.client(0, framed(Q2)));
    assertMessages(List.of(Q1, Q2));
  }

  @Test
  void sequenceNumbersWrapAroundTwoToTheThirtySecond() {
    TcpConversation wrapping = new TcpConversation(tcp.client, 40_001, 0xFFFF_FFF0, tcp.server, 1);
    byte[] s = framed(Q1, Q2);
    send(wrapping.syn(), wrapping.client(0, slice(s, 0, 9)), wrapping.client(30, slice(s, 30, s.length)),
        wrapping.client(9, slice(s, 9, 30)));
    assertMessages(List.of(Q1, Q2));
  }

  @Test
  void aZeroLengthPrefixIsCountedAndFramingGoesOn() {
    send(tcp.syn(), tcp.client(0, framed(new byte[0], Q1)));
    assertMessages(List.of(Q1));
    assertEquals(1, run.skips.count(WireSkip.TCP_EMPTY_MESSAGE));
  }

  @Test
  void theFlowTableIsBoundedAndEvictsTheLeastRecentlyUsedStream() {
    DecoderRun small = new DecoderRun(new DecodeOptions(DnsPorts.DEFAULT, 1, DecodeOptions.MIN_FRAGMENT_BYTES, 4,
        120_000_000_000L, DecodeOptions.LARGEST_TCP_MESSAGE));
    byte[] s = framed(Q1);
    for (int i = 0; i < 10; i++) {
      TcpConversation c = new TcpConversation(tcp.client, 41_000 + i, i * 1000, tcp.server, 1);
      small.frame(LinkType.ETHERNET, c.syn()).frame(LinkType.ETHERNET, c.client(0, slice(s, 0, 5)));
      assertTrue(small.decoder.tcpStreamsTracked() <= 4);
    }
    assertEquals(6, small.skips.count(WireSkip.TCP_FLOW_EVICTED));
    assertEquals(6, small.skips.count(WireSkip.TCP_UNFINISHED));
  }

  @Test
  void aStreamSilentLongerThanTheIdleTimeoutIsClosed() {
    byte[] s = framed(Q1);
    send(tcp.syn(), tcp.client(0, slice(s, 0, 5)));
    run.frameAt(run.now() + 121_000_000_000L, 1, new FrameBuilder(LinkType.ETHERNET).udp(tcp.client, 5, tcp.server, 5, Q1));
    assertEquals(List.of(new Skipped(WireSkip.TCP_UNFINISHED, 1, 3)), run.skips.snapshot());
    assertEquals(0, run.decoder.tcpStreamsTracked());
  }

  @Test
  void heldOutOfOrderBytesAreBoundedAndGivenUpAsAHoleBeyondTheBound() {
    DecoderRun bounded = new DecoderRun(new DecodeOptions(DnsPorts.DEFAULT, 1, DecodeOptions.MIN_FRAGMENT_BYTES, 10,
        120_000_000_000L, DecodeOptions.LARGEST_TCP_MESSAGE));
    bounded.frame(LinkType.ETHERNET, tcp.syn());
    int offset = 500;
    for (int i = 0; i < 100; i++) {
      // each segment: a query and a filler message, 1000 bytes together, after 500 bytes never seen
      byte[] q = query(i, "held.example");
      byte[] segment = framed(q, new byte[1000 - 4 - q.length]);
      bounded.frame(LinkType.ETHERNET, tcp.client(offset, segment));
      offset += segment.length;
    }
    assertEquals(1, bounded.skips.count(WireSkip.TCP_HOLE));
    // what was held beyond the bound was framed when the hole was given up; the rest as it came
    assertEquals(200, bounded.out.messages.size());
    assertTrue(bounded.out.frames().get(0) > 60, () -> "held until frame " + bounded.out.frames().get(0));
  }

  @Test
  void segmentsStillHeldAtTheEndOfInputAreFlushedAcrossTheirHole() {
    byte[] s = framed(Q1, Q2, Q3);
    int q2 = 2 + Q1.length;
    send(tcp.syn(), tcp.client(q2, slice(s, q2, s.length)));
    assertEquals(0, run.out.messages.size());
    run.finish();
    assertMessages(List.of(Q2, Q3));
    assertEquals(List.of(2L, 2L), run.out.frames());
    assertEquals(1, run.skips.count(WireSkip.TCP_HOLE));
  }
}
