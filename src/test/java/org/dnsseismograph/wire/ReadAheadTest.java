package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chunks a closed {@link ReadAhead} used go to the next file's, through {@link ReadBuffers},
 * once: reading a day of rotated gzip'd files made new chunks per file before. Chunk sizes here are
 * odd numbers no other reader asks for, so no other test in the JVM takes these buffers.
 */
class ReadAheadTest {
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aClosedReadAheadsChunksAreTheNextOnesAndTheBytesComeOutWhole(boolean threaded) throws IOException {
    int chunk = threaded ? 1_237 : 1_239;
    byte[] data = bytes(10 * chunk + 17, 1);
    ReadAhead a = new ReadAhead(new ArrayFiller(data), chunk, 3, "test read-ahead", threaded);
    assertArrayEquals(data, drain(a, identitySet()));
    a.close();
    // Every buffer the first took, not only those that carried its chunks: a producer thread that
    // cycled two buffers takes its third only to find the end, and that one is given back last.
    Set<ByteBuffer> first = identitySet();
    first.addAll(a.buffersTaken());

    byte[] next = bytes(4 * chunk, 7);
    ReadAhead b = new ReadAhead(new ArrayFiller(next), chunk, 3, "test read-ahead", threaded);
    // The first chunk is made on this thread, into the buffer given back last; how many more a
    // producer thread takes depends on how far ahead of the reader it runs.
    ReadAhead.Chunk c = b.next();
    assertTrue(first.contains(c.buffer()), "the second file's first chunk is one of the first file's");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(c.buffer().array(), 0, c.length());
    b.release(c.buffer());
    // a recycled chunk still holding the first file's bytes would show here
    out.write(drain(b, identitySet()));
    assertArrayEquals(next, out.toByteArray());
    b.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void closingTwiceGivesTheChunksBackOnce(boolean threaded) throws IOException {
    int chunk = threaded ? 1_241 : 1_243;
    ReadAhead a = new ReadAhead(new ArrayFiller(bytes(chunk, 3)), chunk, 1, "test read-ahead", threaded);
    drain(a, identitySet());
    a.close();
    a.close();
    // Given twice, one buffer would be handed to two readers at once.
    ByteBuffer one = ReadBuffers.takeHeap(chunk);
    ByteBuffer two = ReadBuffers.takeHeap(chunk);
    assertNotSame(one, two);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aHeapChunkIsNeverHandedOutAsADirectBuffer(boolean threaded) throws IOException {
    int chunk = threaded ? 1_247 : 1_249;
    Set<ByteBuffer> used = identitySet();
    ReadAhead a = new ReadAhead(new ArrayFiller(bytes(chunk, 5)), chunk, 1, "test read-ahead", threaded);
    drain(a, used);
    a.close();
    ByteBuffer direct = ReadBuffers.take(chunk);
    assertTrue(direct.isDirect());
    assertEquals(chunk, direct.capacity());
    ByteBuffer heap = ReadBuffers.takeHeap(chunk);
    assertSame(used.iterator().next(), heap);
    assertEquals(0, heap.position());
    assertEquals(chunk, heap.limit());
  }

  private static byte[] drain(ReadAhead ahead, Set<ByteBuffer> buffers) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      ReadAhead.Chunk c = ahead.next();
      if (c.last()) {
        return out.toByteArray();
      }
      buffers.add(c.buffer());
      out.write(c.buffer().array(), 0, c.length());
      ahead.release(c.buffer());
    }
  }

  private static Set<ByteBuffer> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  /** Bytes from an array, as a stream would put them. */
  private static final class ArrayFiller implements ReadAhead.Filler {
    private final byte[] data;
    private int at;

    ArrayFiller(byte[] data) {
      this.data = data;
    }

    @Override
    public int fill(ByteBuffer into) {
      int n = Math.min(into.remaining(), data.length - at);
      into.put(data, at, n);
      at += n;
      return n;
    }
  }
}
