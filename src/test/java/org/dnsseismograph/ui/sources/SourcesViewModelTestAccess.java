package org.dnsseismograph.ui.sources;

import java.nio.file.Path;
import org.dnsseismograph.analysis.LoadResult;

/** The direct load the view-model tests compare with, for the window's tests in other packages. */
public final class SourcesViewModelTestAccess {
  private SourcesViewModelTestAccess() {}

  public static LoadResult loadDirectly(Path file) throws Exception {
    return SourcesViewModelTest.loadDirectly(file);
  }
}
