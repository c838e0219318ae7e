package org.dnsseismograph.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.series.SeriesSet;

/**
 * Loads a path as one source's series: what {@code align}, {@code series} and the UI call without
 * caring whether the path is an export, a snapshot sequence or (through a loader the command line
 * plugs in) a packet capture. Implementations say whether they recognise a path before loading it,
 * so loaders can be chained: the first that recognises a path loads it.
 *
 * <p>Implementations must be safe to call from any thread (one call per path).
 */
public interface SourceLoader {

  /** True if this loader reads {@code path} (a cheap look at its name or first bytes). */
  boolean recognizes(Path path);

  /**
   * Loads {@code path} as one source.
   *
   * @throws IOException when the path cannot be read or holds nothing this loader understands;
   *     the message is one line naming the path and the reason
   */
  SeriesSet load(Path path) throws IOException;

  /** A loader that asks each of {@code loaders} in order and uses the first that recognises the path. */
  static SourceLoader firstOf(List<SourceLoader> loaders) {
    List<SourceLoader> all = List.copyOf(loaders);
    return new SourceLoader() {
      @Override
      public boolean recognizes(Path path) {
        return all.stream().anyMatch(l -> l.recognizes(path));
      }

      @Override
      public SeriesSet load(Path path) throws IOException {
        for (SourceLoader l : all) {
          if (l.recognizes(path)) {
            return l.load(path);
          }
        }
        throw new IOException(path + ": no loader recognises this file");
      }
    };
  }
}
