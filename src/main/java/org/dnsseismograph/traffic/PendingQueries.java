package org.dnsseismograph.traffic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.WireNameText;
import org.dnsseismograph.wire.Transport;

/**
 * The bounded table of queries waiting for their response: a primitive open-addressing hash
 * table (linear probing, backward-shift deletion, no tombstones) over slots, plus an {@link
 * ArrivalRing} of slots in arrival order, so the oldest pending query is found in O(1) for expiry
 * and eviction. The ring holds at most 8 x capacity arrivals; when that many have arrived since the
 * oldest pending query, the table counts as full too. The oldest query's time is remembered as well
 * ({@link #oldestTimeBound}), so the matcher's check for due timeouts, once per message, reads one
 * field instead of the ring and a slot.
 *
 * <p>Each slot keeps its key, its question and the first {@value #INLINE_NAME} bytes of its name
 * in one stride of 12 longs (two cache lines), so matching a typical name touches nothing else;
 * longer names continue in {@link NameBlocks}. Grows by doubling up to its capacity and never
 * shrinks; no allocation once grown. Confined to the matcher's thread.
 *
 * <p>The key is loaded into the {@code k*} registers by the caller, then {@link #find} or {@link
 * #insert}; this keeps the hot path free of key objects. The hash covers transport, client and
 * server address and port, and id; qname (its bytes) and qtype are compared on top when
 * asked, so a response without a question can still find its query.
 */
final class PendingQueries {
  private static final int STRIDE = 12;
  private static final int W_TIME = 0;
  private static final int W_CHI = 1;
  private static final int W_CLO = 2;
  private static final int W_SHI = 3;
  private static final int W_SLO = 4;
  private static final int W_QHASH = 5;
  /** The key word: see {@link MatchKey#word}. */
  private static final int W_KEY = 6;
  /** qtype(16) nameLength(16) first overflow block of the name(32). */
  private static final int W_QUESTION = 7;
  /** Four words holding the name's first 32 bytes, little-endian, zero beyond its length. */
  private static final int W_NAME = 8;

  static final int INLINE_NAME = 32;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long KEY_MASK = MatchKey.KEY_MASK;

  private static final Transport[] TRANSPORTS = Transport.values();
  private static final int INITIAL_SLOTS = 1024;
  private static final int BLOCKS_PER_SLOT = 1;

  private final int maxSlots;
  private final int maxBlocks;
  private long[] slots = new long[0];
  private long[] frames = new long[0];
  /** Per free slot: the next free slot, or -1. */
  private int[] freeNext = new int[0];
  private final ArrivalRing arrivals;
  private long[] table;
  private int mask;
  private int slotCount;
  private int freeSlot = -1;
  private int size;
  private final NameBlocks names;

  long kChi;
  long kClo;
  long kShi;
  long kSlo;
  /** W_KEY of the probe: ports, id, transport; the misc bits are ignored by comparisons. */
  long kKey;

  int kQtype;
  long kQhash;
  /** False while the name registers hold a response's words as sent ({@link #setQuestionAsSent}). */
  private boolean kFolded;
  /** False while {@link #kQhash} is not made yet for the registers' name. */
  private boolean kHashed;
  private byte[] kName;
  private int kNameLength;
  private long kName0;
  private long kName1;
  private long kName2;
  private long kName3;
  /** Hash of the registers' key, set by {@link #find}. */
  private long kHash;
  /** Table position of the slot {@link #find} returned. */
  private int foundPos;
  /**
   * The empty table position where {@link #find} ended without a match, which is where {@link
   * #insert} puts the same key while the table is unchanged; -1 once it changed.
   */
  private int emptyPos = -1;
  /** The oldest slot as last looked up ({@link #oldestTimeBound}), -1 when none was pending. */
  private int headSlot = -1;
  /**
   * The capture time of {@link #headSlot}: {@link Long#MAX_VALUE} when nothing is pending, {@link
   * Long#MIN_VALUE} when the oldest changed since and must be looked up again.
   */
  private long headTime = Long.MIN_VALUE;

  PendingQueries(int capacity) {
    maxSlots = capacity;
    arrivals = new ArrivalRing(8L * capacity);
    maxBlocks = BLOCKS_PER_SLOT * capacity + NameBlocks.blocksFor(WireNameText.WIRE_CAPACITY - INLINE_NAME);
    int initial = Math.min(INITIAL_SLOTS, capacity);
    names = new NameBlocks(Math.min(maxBlocks, BLOCKS_PER_SLOT * initial));
    growSlots(initial);
  }

  int size() {
    return size;
  }

  /** Slots allocated so far (grows up to the capacity). */
  int slotCount() {
    return slotCount;
  }

  int capacity() {
    return maxSlots;
  }

  /** The oldest pending query by arrival, or -1. */
  int oldest() {
    return arrivals.oldest();
  }

  long time(int slot) {
    return slots[slot * STRIDE + W_TIME];
  }

  /**
   * The capture time of the oldest pending query by arrival ({@link Long#MAX_VALUE} when none), or
   * {@link Long#MIN_VALUE} when that query changed since {@link #noteOldest}: a bound below which
   * no expiry is due, read without touching the ring or the slot.
   */
  long oldestTimeBound() {
    return headTime;
  }

  /** Remembers the oldest pending query and its time for {@link #oldestTimeBound}. */
  void noteOldest() {
    int s = arrivals.oldest();
    headSlot = s;
    headTime = s < 0 ? Long.MAX_VALUE : time(s);
  }

  /**
   * Loads the question registers from the view's first question: its qtype, and its name as
   * lower-cased wire words, read from the message without writing its text, and hashed. A view
   * without a question gives qtype 0, the empty name and its hash.
   */
  void setQuestion(DnsMessageView v) {
    setQuestionAsSent(v);
    hashName();
  }

  /**
   * Loads the question registers as {@link #setQuestion} does, but with the name's words as sent,
   * neither lower-cased nor hashed: for a response, which repeats its query's question as the query
   * sent it, so the words compare equal to the pending query's lower-cased ones whenever the name
   * has no capital. Only when they differ are they lower-cased and compared again ({@link
   * #questionEquals}), and the hash is made only when asked for ({@link #registerFullHash}).
   */
  void setQuestionAsSent(DnsMessageView v) {
    int length = v.qnameOctets();
    kQtype = v.qtype;
    kNameLength = length;
    kName0 = v.qnameRawWord(0);
    kName1 = v.qnameRawWord(1);
    kName2 = v.qnameRawWord(2);
    kName3 = v.qnameRawWord(3);
    kFolded = false;
    kHashed = false;
    if (length > INLINE_NAME) {
      // names this long are rare, so the reference store's GC barrier does not matter
      kName = v.qnameWire();
    }
  }

  /** Makes {@link #kQhash} for the registers' name, lower-cased first, unless made already. */
  private void hashName() {
    if (!kHashed) {
      foldName();
      kQhash = nameHash(kName0, kName1, kName2, kName3, kNameLength);
      kHashed = true;
    }
  }

  /** Lower-cases the name registers if they are a response's words as sent. */
  private void foldName() {
    if (!kFolded) {
      kName0 = DnsMessageView.lowerCase(kName0);
      kName1 = DnsMessageView.lowerCase(kName1);
      kName2 = DnsMessageView.lowerCase(kName2);
      kName3 = DnsMessageView.lowerCase(kName3);
      kFolded = true;
    }
  }

  int nameLength() {
    return kNameLength;
  }

  /**
   * A hash of a name from its first 32 bytes and its length, for {@link RecentKeys}: it only has to
   * tell most names apart cheaply ({@link #questionEquals} compares the names' bytes, and the closed
   * keys' memory is lossy already); longer names that differ only past byte 32 share it.
   */
  static long nameHash(long w0, long w1, long w2, long w3, int length) {
    long h = w0 * 0x9E3779B97F4A7C15L + Long.rotateLeft(w1 * 0xC2B2AE3D27D4EB4FL, 17);
    h += Long.rotateLeft(w2 * 0x165667B19E3779F9L, 31) + Long.rotateLeft(w3 * 0xD6E8FEB86659FD93L, 47);
    return h ^ length;
  }

  /** Copies the question name in the registers into a transaction. */
  void fillName(Transaction t) {
    // Folded already on every path here today (by the question's comparison or by the hash of an
    // unmatched response); kept so that a transaction's name is lower-cased whatever the path.
    foldName();
    t.qnameOctets = kNameLength;
    LONGS.set(t.qnameWire, 0, kName0);
    LONGS.set(t.qnameWire, 8, kName1);
    LONGS.set(t.qnameWire, 16, kName2);
    LONGS.set(t.qnameWire, 24, kName3);
    if (kNameLength > INLINE_NAME) {
      System.arraycopy(kName, INLINE_NAME, t.qnameWire, INLINE_NAME, kNameLength - INLINE_NAME);
    }
    t.nameChanged();
  }

  /** The slot whose key equals the registers (and question too when {@code matchQuestion}), or -1. */
  int find(boolean matchQuestion) {
    long h = MatchKey.hash(kChi, kClo, kShi, kSlo, kKey & KEY_MASK);
    kHash = h;
    int tag = (int) (h >>> 32);
    int pos = tag & mask;
    emptyPos = -1;
    while (true) {
      long e = table[pos];
      if (e == 0) {
        emptyPos = pos;
        return -1;
      }
      if ((int) (e >>> 32) == tag) {
        int s = (int) e - 1;
        if (keyEquals(s) && (!matchQuestion || questionEquals(s))) {
          foundPos = pos;
          return s;
        }
      }
      pos = (pos + 1) & mask;
    }
  }

  private boolean keyEquals(int s) {
    int b = s * STRIDE;
    return slots[b + W_CLO] == kClo && slots[b + W_SLO] == kSlo && (slots[b + W_KEY] & KEY_MASK) == (kKey & KEY_MASK)
        && slots[b + W_CHI] == kChi && slots[b + W_SHI] == kShi;
  }

  private boolean questionEquals(int s) {
    int b = s * STRIDE;
    long q = slots[b + W_QUESTION];
    if ((int) (q >>> 48) != kQtype || ((int) (q >>> 32) & 0xFFFF) != kNameLength) {
      return false;
    }
    if (!nameWordsEqual(b)) {
      if (kFolded) {
        return false;
      }
      // a response whose name has capitals: compare it lower-cased, as the query's was stored
      foldName();
      if (!nameWordsEqual(b)) {
        return false;
      }
    }
    return kNameLength <= INLINE_NAME || names.equals((int) q, kName, INLINE_NAME, kNameLength - INLINE_NAME);
  }

  private boolean nameWordsEqual(int b) {
    return slots[b + W_NAME] == kName0 && slots[b + W_NAME + 1] == kName1 && slots[b + W_NAME + 2] == kName2 && slots[b + W_NAME + 3] == kName3;
  }

  /**
   * Makes room for one more query with a name of {@code nameLength} bytes, growing up to the
   * capacity; false when full (the caller evicts the oldest and asks again).
   */
  boolean ensureRoom(int nameLength) {
    if (!arrivals.makeRoom()) {
      return false;
    }
    if (freeSlot < 0) {
      if (slotCount >= maxSlots) {
        return false;
      }
      growSlots((int) Math.min(maxSlots, 2L * slotCount));
    }
    int needed = NameBlocks.blocksFor(Math.max(0, nameLength - INLINE_NAME));
    if (names.freeBlocks() < needed) {
      int missing = needed - names.freeBlocks();
      if (names.blockCount() + missing > maxBlocks) {
        return false;
      }
      names.grow((int) Math.min(maxBlocks, Math.max(2L * names.blockCount(), names.blockCount() + (long) missing)));
    }
    return true;
  }

  /**
   * Inserts the registers' key and question as the newest pending query; room was ensured and
   * {@link #find} was called with these registers.
   */
  int insert(long timeNanos, long frame) {
    int s = freeSlot;
    freeSlot = freeNext[s];
    int b = s * STRIDE;
    slots[b + W_TIME] = timeNanos;
    slots[b + W_CHI] = kChi;
    slots[b + W_CLO] = kClo;
    slots[b + W_SHI] = kShi;
    slots[b + W_SLO] = kSlo;
    slots[b + W_QHASH] = kQhash;
    slots[b + W_KEY] = kKey;
    slots[b + W_NAME] = kName0;
    slots[b + W_NAME + 1] = kName1;
    slots[b + W_NAME + 2] = kName2;
    slots[b + W_NAME + 3] = kName3;
    int block = kNameLength <= INLINE_NAME ? -1 : names.store(kName, INLINE_NAME, kNameLength - INLINE_NAME);
    slots[b + W_QUESTION] = ((long) kQtype << 48) | ((long) kNameLength << 32) | (block & 0xFFFF_FFFFL);
    frames[s] = frame;
    arrivals.append(s);
    // Kept out of this method: its bytecode must stay under the JIT's limit for inlining hot calls.
    place(s);
    size++;
    return s;
  }

  /** Removes a pending query. */
  void remove(int s) {
    int pos = foundPos;
    if (pos >= table.length || (int) table[pos] - 1 != s) {
      pos = positionOf(s);
    }
    tableRemove(pos);
    arrivals.remove(s);
    if (s == headSlot) {
      headTime = Long.MIN_VALUE;
    }
    names.free((int) slots[s * STRIDE + W_QUESTION]);
    freeNext[s] = freeSlot;
    freeSlot = s;
    size--;
  }

  /** Copies the name of pending slot {@code s}, of {@code octets} octets, into {@code into}. */
  void copyName(int s, int octets, byte[] into) {
    int b = s * STRIDE;
    for (int i = 0; i < 4; i++) {
      LONGS.set(into, 8 * i, slots[b + W_NAME + i]);
    }
    if (octets > INLINE_NAME) {
      names.copy((int) slots[b + W_QUESTION], octets - INLINE_NAME, into, INLINE_NAME);
    }
  }

  /**
   * Copies the query side of slot {@code s} into a transaction; its name stays in the slot until
   * read ({@link Transaction#nameInSlot}), so the slot must stay until the transaction is handed on.
   */
  void fillQuery(int s, Transaction t) {
    int b = s * STRIDE;
    long key = slots[b + W_KEY];
    long q = slots[b + W_QUESTION];
    t.queryTimeNanos = slots[b + W_TIME];
    t.queryFrame = frames[s];
    t.clientHi = slots[b + W_CHI];
    t.clientLo = slots[b + W_CLO];
    t.serverHi = slots[b + W_SHI];
    t.serverLo = slots[b + W_SLO];
    t.clientPort = (int) (key >>> 48);
    t.serverPort = (int) (key >>> 32) & 0xFFFF;
    t.id = (int) (key >>> 16) & 0xFFFF;
    t.qtype = (int) (q >>> 48);
    t.qnameOctets = (int) (q >>> 32) & 0xFFFF;
    t.nameInSlot(this, s);
    int misc = MatchKey.misc(key);
    t.rd = (misc & 1) != 0;
    t.opcode = misc >>> 1;
    Transport transport = TRANSPORTS[(int) key & 7];
    if (t.transport != transport) {
      t.transport = transport;
    }
  }

  /** A hash of the full key (with question) of slot {@code s}, for {@link RecentKeys}. */
  long fullHash(int s) {
    int b = s * STRIDE;
    return MatchKey.withQuestion(slotHash(s), slots[b + W_QHASH], (int) (slots[b + W_QUESTION] >>> 48));
  }

  /** A hash of the full key in the registers, for {@link RecentKeys}; after {@link #find}. */
  long registerFullHash() {
    hashName();
    return MatchKey.withQuestion(kHash, kQhash, kQtype);
  }

  /**
   * {@link #fullHash} of the slot {@link #find} just returned: its key hashes as the registers' did,
   * so only the question comes from the slot.
   */
  long foundFullHash(int s) {
    int b = s * STRIDE;
    return MatchKey.withQuestion(kHash, slots[b + W_QHASH], (int) (slots[b + W_QUESTION] >>> 48));
  }

  private long slotHash(int s) {
    int b = s * STRIDE;
    return MatchKey.hash(slots[b + W_CHI], slots[b + W_CLO], slots[b + W_SHI], slots[b + W_SLO], slots[b + W_KEY] & KEY_MASK);
  }

  /** Puts slot {@code s}, holding the registers' key, in the table; the newest arrival. */
  private void place(int s) {
    if (emptyPos >= 0) {
      table[emptyPos] = ((long) (int) (kHash >>> 32) << 32) | (s + 1L);
      emptyPos = -1;
    } else {
      tableInsert(s, kHash);
    }
    if (size == 0) {
      // the new query is the oldest now
      headTime = Long.MIN_VALUE;
    }
  }

  private void tableInsert(int s, long h) {
    int tag = (int) (h >>> 32);
    int pos = tag & mask;
    while (table[pos] != 0) {
      pos = (pos + 1) & mask;
    }
    table[pos] = ((long) tag << 32) | (s + 1L);
  }

  private int positionOf(int s) {
    int i = (int) (slotHash(s) >>> 32) & mask;
    while ((int) table[i] - 1 != s) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Empties table position {@code pos}. */
  private void tableRemove(int pos) {
    emptyPos = -1;
    int i = pos;
    // Backward-shift deletion: pull later entries of the probe run into the hole when their home
    // position allows it, so lookups never need tombstones.
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long e = table[j];
      if (e == 0) {
        break;
      }
      int home = (int) (e >>> 32) & mask;
      if (((j - home) & mask) >= ((j - i) & mask)) {
        table[i] = e;
        i = j;
      }
    }
    table[i] = 0;
  }

  private void growSlots(int newCount) {
    slots = Arrays.copyOf(slots, newCount * STRIDE);
    frames = Arrays.copyOf(frames, newCount);
    arrivals.ensureSlots(newCount);
    freeNext = Arrays.copyOf(freeNext, newCount);
    for (int s = newCount - 1; s >= slotCount; s--) {
      freeNext[s] = freeSlot;
      freeSlot = s;
    }
    slotCount = newCount;
    table = new long[Integer.highestOneBit(Math.max(2, newCount) * 2 - 1) * 2];
    mask = table.length - 1;
    emptyPos = -1;
    arrivals.forEachLive(s -> tableInsert(s, slotHash(s)));
  }

}
