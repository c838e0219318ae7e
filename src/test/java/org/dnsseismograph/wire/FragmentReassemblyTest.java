package org.dnsseismograph.wire;

import static org.dnsseismograph.wire.PacketDecoderTest.CLIENT4;
import static org.dnsseismograph.wire.PacketDecoderTest.CLIENT6;
import static org.dnsseismograph.wire.PacketDecoderTest.SERVER4;
import static org.dnsseismograph.wire.PacketDecoderTest.SERVER6;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FragmentReassemblyTest {
  private static final FrameBuilder ETH = new FrameBuilder(LinkType.ETHERNET);

  private static byte[] response(int length, int seed) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static List<byte[]> fragments(boolean v6, byte[] payload, int size, int id) {
    return v6 ? ETH.udpFragments(SERVER6, 53, CLIENT6, 40_000, payload, size, id)
        : ETH.udpFragments(SERVER4, 53, CLIENT4, 40_000, payload, size, id);
  }

  private static DecoderRun decode(DecodeOptions options, List<byte[]> frames) {
    DecoderRun run = new DecoderRun(options);
    frames.forEach(f -> run.frame(LinkType.ETHERNET, f));
    return run.finish();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void fragmentsInOrderReassembleIntoOneMessageAtTheLastFragmentsFrame(boolean v6) {
    byte[] payload = response(3000, 1);
    DecoderRun run = decode(DecodeOptions.defaults(), fragments(v6, payload, 1232, 77));
    assertEquals(1, run.out.messages.size());
    assertArrayEquals(payload, run.out.messages.get(0).bytes());
    assertEquals(3, run.out.messages.get(0).frameNumber());
    assertEquals(0, run.skips.total());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void fragmentsInReverseOrderOrShuffledReassembleToo(boolean v6) {
    byte[] payload = response(5000, 2);
    List<byte[]> reversed = new ArrayList<>(fragments(v6, payload, 512, 78));
    Collections.reverse(reversed);
    List<byte[]> shuffled = new ArrayList<>(fragments(v6, payload, 512, 79));
    Collections.shuffle(shuffled, new Random(3));
    assertArrayEquals(payload, decode(DecodeOptions.defaults(), reversed).out.messages.get(0).bytes());
    assertArrayEquals(payload, decode(DecodeOptions.defaults(), shuffled).out.messages.get(0).bytes());
  }

  @Test
  void overlappingAndDuplicatedFragmentsKeepTheBytesThatArrivedFirst() {
    byte[] payload = response(100, 4);
    byte[] datagram = FrameBuilder.udpSegment(SERVER4, 53, CLIENT4, 40_000, payload);
    byte[] forged = datagram.clone();
    Arrays.fill(forged, 40, 60, (byte) 0x55);
    List<byte[]> frames = List.of(
        ETH.frame(FrameBuilder.ipFragment(SERVER4, CLIENT4, 17, datagram, 0, 48, 9, true)),
        ETH.frame(FrameBuilder.ipFragment(SERVER4, CLIENT4, 17, forged, 32, 40, 9, true)),
        ETH.frame(FrameBuilder.ipFragment(SERVER4, CLIENT4, 17, datagram, 0, 48, 9, true)),
        ETH.frame(FrameBuilder.ipFragment(SERVER4, CLIENT4, 17, datagram, 64, datagram.length - 64, 9, false)));
    DecoderRun run = decode(DecodeOptions.defaults(), frames);
    byte[] expected = datagram.clone();
    System.arraycopy(forged, 48, expected, 48, 16);
    assertEquals(1, run.out.messages.size());
    assertArrayEquals(Arrays.copyOfRange(expected, 8, expected.length), run.out.messages.get(0).bytes());
  }

  @Test
  void aDatagramNotCompletedWithinTheTimeoutIsDroppedAndCounted() {
    List<byte[]> f = fragments(false, response(2000, 5), 1000, 80);
    DecoderRun run = new DecoderRun();
    run.frameAt(DecoderRun.START, 1, f.get(0));
    run.frameAt(DecoderRun.START + 31_000_000_000L, 1, f.get(1));
    run.frameAt(DecoderRun.START + 31_000_000_001L, 1, f.get(2));
    run.finish();
    assertEquals(0, run.out.messages.size());
    assertEquals(List.of(new Skipped(WireSkip.FRAGMENT_TIMEOUT, 1, 2), new Skipped(WireSkip.FRAGMENT_INCOMPLETE, 1, 3)),
        run.skips.snapshot());
  }

  @Test
  void aDatagramCompletedJustWithinTheTimeoutIsKept() {
    List<byte[]> f = fragments(true, response(2000, 6), 1000, 81);
    DecoderRun run = new DecoderRun();
    run.frameAt(DecoderRun.START, 1, f.get(0));
    run.frameAt(DecoderRun.START + 15_000_000_000L, 1, f.get(1));
    run.frameAt(DecoderRun.START + 30_000_000_000L, 1, f.get(2));
    assertEquals(1, run.out.messages.size());
  }

  @Test
  void memoryForIncompleteDatagramsIsBoundedByDroppingTheOldest() {
    DecodeOptions tight = new DecodeOptions(DnsPorts.DEFAULT, 30_000_000_000L, DecodeOptions.MIN_FRAGMENT_BYTES, 10, 1, 1 << 17);
    DecoderRun run = new DecoderRun(tight);
    List<List<byte[]>> datagrams = new ArrayList<>();
    for (int id = 0; id < 200; id++) {
      List<byte[]> f = fragments(false, response(3000, id), 1480, id);
      datagrams.add(f);
      run.frame(LinkType.ETHERNET, f.get(0));
      assertTrue(run.decoder.fragmentBytesHeld() <= DecodeOptions.MIN_FRAGMENT_BYTES, () -> run.decoder.fragmentBytesHeld() + " bytes held");
    }
    long evicted = run.skips.count(WireSkip.FRAGMENT_EVICTED);
    assertTrue(evicted > 100 && evicted < 200, () -> evicted + " evicted");
    // the newest datagram is still held and completes; the oldest was dropped and cannot
    datagrams.get(199).subList(1, 3).forEach(f -> run.frame(LinkType.ETHERNET, f));
    datagrams.get(0).subList(1, 3).forEach(f -> run.frame(LinkType.ETHERNET, f));
    assertEquals(1, run.out.messages.size());
  }

  @Test
  void fragmentsBeyondSixtyFourKibibytesOrContradictingTheirDatagramAreCounted() {
    byte[] datagram = FrameBuilder.udpSegment(SERVER4, 53, CLIENT4, 40_000, response(100, 7));
    byte[] huge = new byte[65_600];
    DecoderRun run = decode(DecodeOptions.defaults(), List.of(
        ETH.frame(FrameBuilder.ipFragment(SERVER4, CLIENT4, 17, huge, 65_528, 40, 1, false)),
        ETH.frame(FrameBuilder.ipFragment(SERVER4, CLIENT4, 17, datagram, 48, 56, 2, false)),
        ETH.frame(FrameBuilder.ipFragment(SERVER4, CLIENT4, 17, datagram, 48, 40, 2, false)),
        ETH.frame(FrameBuilder.ipFragment(SERVER4, CLIENT4, 17, datagram, 0, 48, 2, true))));
    assertEquals(0, run.out.messages.size());
    assertEquals(List.of(new Skipped(WireSkip.FRAGMENT_MALFORMED, 2, 1), new Skipped(WireSkip.FRAGMENT_INCOMPLETE, 1, 4)),
        run.skips.snapshot());
  }

  @Test
  void aFragmentCutByTheSnapLengthCanNeverCompleteItsDatagram() {
    List<byte[]> f = fragments(false, response(2000, 8), 1000, 82);
    DecoderRun run = new DecoderRun().frame(LinkType.ETHERNET, f.get(0));
    run.snapped(1, f.get(1), 200).frame(LinkType.ETHERNET, f.get(2)).finish();
    assertEquals(0, run.out.messages.size());
    assertEquals(1, run.skips.count(WireSkip.FRAGMENT_MALFORMED));
  }
}
