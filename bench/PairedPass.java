import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The capture pass of several builds in one JVM, for bench/paired-pass: each build's classes in a
 * class loader of its own (with the driver, PairedPassDriver, loaded beside them), four warm-up
 * passes each, then PAIRS rounds of one pass per build, in the order given and reversed every other
 * round. Per build: CPU ns per packet, and the median ratio of its pass to the first build's pass
 * of the same round. The JVM's classpath must not hold the project's classes, or every loader would
 * find the same ones first. Usage: PairedPass DRIVER_DIR CAPTURE PAIRS CLASSDIR...
 */
public final class PairedPass {
  private PairedPass() {}

  public static void main(String[] args) throws Exception {
    String driver = args[0];
    String capture = args[1];
    int pairs = Integer.parseInt(args[2]);
    int n = args.length - 3;
    Method[] pass = new Method[n];
    for (int i = 0; i < n; i++) {
      URL[] urls = {new File(driver + "/").toURI().toURL(), new File(args[3 + i] + "/").toURI().toURL()};
      pass[i] = new URLClassLoader(urls, PairedPass.class.getClassLoader()).loadClass("PairedPassDriver").getMethod("pass", String.class);
    }
    for (int w = 0; w < 4; w++) {
      for (Method m : pass) {
        m.invoke(null, capture);
      }
    }
    List<List<Double>> times = new ArrayList<>();
    List<List<Double>> ratios = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      times.add(new ArrayList<>());
      ratios.add(new ArrayList<>());
    }
    for (int round = 0; round < pairs; round++) {
      double[] ns = new double[n];
      for (int k = 0; k < n; k++) {
        int i = round % 2 == 0 ? k : n - 1 - k;
        ns[i] = (Double) pass[i].invoke(null, capture);
      }
      for (int i = 0; i < n; i++) {
        times.get(i).add(ns[i]);
        ratios.get(i).add(ns[i] / ns[0]);
      }
    }
    for (int i = 0; i < n; i++) {
      List<Double> t = times.get(i);
      List<Double> r = ratios.get(i);
      Collections.sort(t);
      Collections.sort(r);
      System.out.printf(Locale.ROOT, "%-32s ns/packet min %.1f p25 %.1f median %.1f | ratio to the first: median %.3f (p25 %.3f, p75 %.3f)%n", args[3 + i],
          t.get(0), t.get(t.size() / 4), t.get(t.size() / 2), r.get(r.size() / 2), r.get(r.size() / 4), r.get(3 * r.size() / 4));
    }
  }
}
