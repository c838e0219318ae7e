package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The idle read buffers: a buffer given back goes to one next owner only, of its exact capacity and
 * kind. Capacities here are odd numbers no reader asks for, so no other test takes these buffers.
 */
class ReadBuffersTest {
  @Test
  void aBufferGoesToOneOwnerEvenWhenAnotherIdleOneHasTheSameContents() {
    ByteBuffer small = ReadBuffers.take(1_001);
    ByteBuffer large = ReadBuffers.take(1_003);
    // Read to their ends, both have no bytes remaining: equal by ByteBuffer.equals, not the same buffer.
    small.position(small.limit());
    large.position(large.limit());
    assertEquals(small, large);
    ReadBuffers.give(large);
    ReadBuffers.give(small);

    ByteBuffer first = ReadBuffers.take(1_003);
    ByteBuffer second = ReadBuffers.take(1_003);
    assertSame(large, first);
    assertNotSame(first, second, "one idle buffer handed to two readers");
    assertSame(small, ReadBuffers.take(1_001));
  }

  @Test
  void aBufferComesBackClearedBigEndianAndOfItsKind() {
    ByteBuffer heap = ReadBuffers.takeHeap(1_005);
    assertFalse(heap.isDirect());
    heap.order(ByteOrder.LITTLE_ENDIAN).position(17).limit(40);
    ReadBuffers.give(heap);
    ByteBuffer direct = ReadBuffers.take(1_005);
    assertTrue(direct.isDirect());
    assertNotSame(heap, direct);
    ByteBuffer again = ReadBuffers.takeHeap(1_005);
    assertSame(heap, again);
    assertEquals(0, again.position());
    assertEquals(1_005, again.limit());
    assertEquals(ByteOrder.BIG_ENDIAN, again.order());
  }

  @Test
  void aViewIntoPartOfAnArrayIsNotKept() {
    ByteBuffer view = ByteBuffer.wrap(new byte[2_014], 7, 1_007).slice();
    assertEquals(1_007, view.capacity());
    ReadBuffers.give(view);
    assertNotSame(view, ReadBuffers.takeHeap(1_007));
  }
}
