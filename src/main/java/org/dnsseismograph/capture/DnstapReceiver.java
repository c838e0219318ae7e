package org.dnsseismograph.capture;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dnsseismograph.wire.Skipped;

/**
 * Receives a resolver's dnstap stream (Frame Streams, bidirectional handshake, content type
 * {@value DnstapFileReader#CONTENT_TYPE}) on a Unix socket or a TCP port, and feeds each message
 * with its own time, addresses and role into the {@link LiveAnalysis}, published at frame rate in
 * {@link LiveSnapshot}s with our queue's drops ({@code dnstap.dropped.queue}). Received frames may
 * also be recorded as dnstap files ({@link Recording}) that {@link DnstapFileReader} reads back.
 *
 * <p>Threads: one accepting, one per connected sender ({@link DnstapSession}; they never wait for
 * the worker), a flush timer when recording, and the worker. A Unix socket path left behind by a
 * crashed receiver is reused; one another process listens on is refused. The socket file is removed
 * at {@link #stop()}. The resolver must be allowed to connect: the socket is created with the
 * process' umask, so a resolver running as another user needs the directory and socket writable
 * for it, or a TCP endpoint. Thread-safe as {@link LiveSource} says.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 * @see <a href="https://dnstap.info/">dnstap</a>
 */
public final class DnstapReceiver implements LiveSource {
  private static final long FLUSH_EVERY_MILLIS = 1000;
  private static final long JOIN_MILLIS = 5000;

  private final DnstapReceiverConfig config;
  private final LiveRuntime<byte[]> runtime;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong receivedBytes = new AtomicLong();
  private final AtomicLong pausedDiscarded = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private final Map<DnstapSkip, AtomicLong> streamSkips = new EnumMap<>(DnstapSkip.class);
  private final Set<DnstapSession> sessions = ConcurrentHashMap.newKeySet();
  private final Set<Thread> sessionThreads = ConcurrentHashMap.newKeySet();
  private ServerSocketChannel server;
  private volatile SocketAddress bound;
  /** The configured endpoint, then (TCP) with the port actually bound: what the name says. */
  private volatile DnstapEndpoint endpoint;
  private Thread acceptor;
  private volatile DnstapRecorder recorder;
  /** The recorder after it was closed, so its files and counts stay visible. */
  private volatile DnstapRecorder closedRecorder;
  private ScheduledExecutorService flusher;

  /** A receiver analysed by the built-in {@link LiveDnsSeries}. */
  public DnstapReceiver(DnstapReceiverConfig config) {
    this(config, new LiveDnsSeries());
  }

  public DnstapReceiver(DnstapReceiverConfig config, LiveAnalysis analysis) {
    this.config = Objects.requireNonNull(config, "config");
    this.endpoint = config.endpoint();
    for (DnstapSkip s : DnstapSkip.values()) {
      streamSkips.put(s, new AtomicLong());
    }
    this.runtime = new LiveRuntime<>(name(), config.live(), analysis, new DnstapPath(analysis), b -> b.length + 32,
        this::counts, "dnstap", false);
  }

  /** {@code dnstap } and the {@link #endpoint()}: {@code dnstap tcp:127.0.0.1:43817}, {@code dnstap unix:/run/dnstap.sock}. */
  @Override
  public String name() {
    return "dnstap " + endpoint;
  }

  /**
   * Where the receiver listens: the configured endpoint, and once started the TCP port actually
   * bound (the one the system chose when port 0 was asked for), so a resolver can be pointed at it.
   */
  public DnstapEndpoint endpoint() {
    return endpoint;
  }

  /** The address bound (with the real port when port 0 was asked for); null before the start. */
  public SocketAddress boundAddress() {
    return bound;
  }

  @Override
  public synchronized void start() throws CaptureException {
    if (runtime.state() != LiveState.NEW) {
      throw new IllegalStateException(name() + " was already started");
    }
    try {
      server = DnstapSockets.bind(config.endpoint());
      bound = server.getLocalAddress();
      if (config.endpoint() instanceof DnstapEndpoint.Tcp asked && bound instanceof InetSocketAddress b) {
        endpoint = new DnstapEndpoint.Tcp(new InetSocketAddress(asked.address().getAddress(), b.getPort()));
        runtime.rename(name());
      }
      if (config.recording() != null) {
        recorder = new DnstapRecorder(config.recording());
      }
    } catch (CaptureException e) {
      runtime.failedToStart(e.getMessage());
      throw e;
    } catch (IOException e) {
      closeServer();
      if (server != null) {
        try {
          DnstapSockets.remove(config.endpoint());
        } catch (IOException ignored) {
          // The socket file stays behind; the next start reuses it.
        }
      }
      String why = "cannot listen for dnstap on " + config.endpoint() + ": " + e.getMessage();
      runtime.failedToStart(why);
      throw new CaptureException(CaptureException.Kind.OTHER, why);
    }
    runtime.begin();
    acceptor = new Thread(this::accept, "seismograph-dnstap-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    if (recorder != null) {
      flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "seismograph-dnstap-flush");
        t.setDaemon(true);
        return t;
      });
      flusher.scheduleWithFixedDelay(this::flushRecording, FLUSH_EVERY_MILLIS, FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void accept() {
    while (true) {
      SocketChannel ch;
      try {
        ch = server.accept();
      } catch (IOException e) {
        // The server was closed by stop(), or failed: either way no more senders.
        return;
      }
      if (connections.incrementAndGet() > config.maxConnections()) {
        connections.decrementAndGet();
        closeQuietly(ch);
        continue;
      }
      DnstapSession[] self = new DnstapSession[1];
      self[0] = new DnstapSession(ch, config.maxFrameBytes(), new Sink(), () -> {
        sessions.remove(self[0]);
        sessionThreads.remove(Thread.currentThread());
        connections.decrementAndGet();
      });
      sessions.add(self[0]);
      Thread t = new Thread(self[0], "seismograph-dnstap-session");
      t.setDaemon(true);
      sessionThreads.add(t);
      t.start();
    }
  }

  /** Where the sessions' frames go: recording first, then the worker's queue. Runs on session threads. */
  private final class Sink implements DnstapSession.FrameSink {
    @Override
    public void onFrame(byte[] frame) {
      received.incrementAndGet();
      receivedBytes.addAndGet(frame.length);
      if (runtime.isPaused()) {
        pausedDiscarded.incrementAndGet();
        return;
      }
      DnstapRecorder r = recorder;
      if (r != null) {
        try {
          r.write(frame);
        } catch (IOException e) {
          recordingFailed(e);
        }
      }
      runtime.handOff().offer(frame, LiveRuntime.wallNanos());
    }

    @Override
    public void onSkip(DnstapSkip reason) {
      streamSkips.get(reason).incrementAndGet();
    }
  }

  private void flushRecording() {
    DnstapRecorder r = recorder;
    if (r != null) {
      try {
        r.flush();
      } catch (IOException e) {
        recordingFailed(e);
      }
    }
  }

  private synchronized void recordingFailed(IOException e) {
    runtime.reportProblem("recording stopped: " + e.getMessage() + "; receiving goes on without it");
    closeRecorder();
  }

  private synchronized void closeRecorder() {
    DnstapRecorder r = recorder;
    if (r != null) {
      closedRecorder = r;
      recorder = null;
      try {
        r.close();
      } catch (IOException e) {
        runtime.reportProblem("recording could not be closed: " + e.getMessage());
      }
    }
  }

  @Override
  public void pause() {
    runtime.pause();
  }

  @Override
  public void resume() {
    runtime.resume();
  }

  @Override
  public synchronized void stop() {
    if (server == null || runtime.state() == LiveState.STOPPED) {
      return;
    }
    closeServer();
    joinQuietly(acceptor);
    for (DnstapSession s : sessions) {
      s.close();
    }
    for (Thread t : new ArrayList<>(sessionThreads)) {
      joinQuietly(t);
    }
    if (flusher != null) {
      flusher.shutdownNow();
    }
    closeRecorder();
    try {
      DnstapSockets.remove(config.endpoint());
    } catch (IOException e) {
      runtime.reportProblem("could not remove the socket of " + config.endpoint() + ": " + e.getMessage());
    }
    runtime.end();
  }

  @Override
  public LiveSnapshot snapshot() {
    return runtime.snapshot();
  }

  private void closeServer() {
    if (server != null) {
      closeQuietly(server);
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // Closing on the way out: nothing to report.
    }
  }

  private static void joinQuietly(Thread t) {
    if (t == null) {
      return;
    }
    try {
      t.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private SourceCounts counts() {
    DnstapRecorder r = recorder != null ? recorder : closedRecorder;
    List<Skipped> skipped = new ArrayList<>();
    streamSkips.forEach((reason, n) -> {
      if (n.get() > 0) {
        skipped.add(new Skipped(reason, n.get(), 0));
      }
    });
    return new SourceCounts(received.get(), receivedBytes.get(), pausedDiscarded.get(), r == null ? 0 : r.frames(), r == null ? 0 : r.bytes(), 0, 0,
        connections.get(), r == null ? List.of() : r.files(), r == null ? 0 : r.deletedFiles(), r == null ? 0 : r.deletedEarlierFiles(), skipped);
  }
}
