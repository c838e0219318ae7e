import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.dnsseismograph.cli.SeismographCommand;

/**
 * Runs one {@code seismograph} command line as {@code Main} does (same parsing, same output), and
 * then writes to stderr how long the command itself took: wall time from the call to its return,
 * and the CPU time of the thread that ran it. The compiler and collector threads' CPU time is left
 * out, so on a machine shared with other work this is the figure that says what the command costs;
 * the process's whole CPU time is what {@code /usr/bin/time} adds. bench/detect-vs-series compiles
 * it against the fat jar and runs {@code java -cp <fat jar>:<its class> MainThreadCpu ARGS...}.
 */
public final class MainThreadCpu {
  private MainThreadCpu() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    int code = SeismographCommand.run(args, request -> 2, out, err);
    double wall = (System.nanoTime() - wall0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    err.printf(Locale.ROOT, "main-thread: wall %.3f cpu %.3f%n", wall, cpu);
    System.exit(code);
  }
}
