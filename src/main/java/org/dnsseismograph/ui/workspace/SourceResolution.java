package org.dnsseismograph.ui.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.dnsseismograph.workspace.SourceCheck;
import org.dnsseismograph.workspace.SourceStatus;
import org.dnsseismograph.workspace.SourceVerifier;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceSession;

/**
 * Settles a workspace's sources before it is shown: each is looked for and hashed on the
 * background executor ({@link SourceVerifier}); one found beside the workspace after a move is
 * taken as it is; for one missing or changed the analyst is asked, one at a time, where it is (the
 * file they point at is taken, and its content becomes the recorded one) or whether to go on
 * without it (marked missing, everything else kept). FX thread, apart from the hashing.
 */
final class SourceResolution {

  /**
   * What was decided about one source.
   *
   * @param name the source
   * @param file where it is now, or null when marked missing
   * @param hash its content hash now
   */
  record Fix(String name, Path file, String hash) {}

  /** Every decision, applied to the session once it holds the workspace. */
  record Fixes(List<Fix> fixes) {
    void applyTo(WorkspaceSession session) {
      for (Fix f : fixes) {
        if (f.file() == null) {
          session.markMissing(f.name());
        } else {
          session.relocate(f.name(), f.file(), f.hash());
        }
      }
    }

    /** " (2 sources relocated, 1 missing)" or empty. */
    String summary() {
      long missing = fixes.stream().filter(f -> f.file() == null).count();
      long moved = fixes.size() - missing;
      if (fixes.isEmpty()) {
        return "";
      }
      List<String> parts = new ArrayList<>();
      if (moved > 0) {
        parts.add(moved + (moved == 1 ? " source relocated" : " sources relocated"));
      }
      if (missing > 0) {
        parts.add(missing + " missing");
      }
      return " (" + String.join(", ", parts) + ")";
    }
  }

  private SourceResolution() {}

  static CompletableFuture<Fixes> resolve(Workspace w, Path file, SessionDialogs dialogs, Executor background, Executor fx) {
    return CompletableFuture.supplyAsync(() -> SourceVerifier.check(w, file), background).thenComposeAsync(checks -> {
      CompletableFuture<List<Fix>> chain = CompletableFuture.completedFuture(new ArrayList<>());
      for (SourceCheck c : checks) {
        chain = chain.thenCompose(fixes -> decide(c, dialogs, background, fx).thenApply(f -> {
          if (f != null) {
            fixes.add(f);
          }
          return fixes;
        }));
      }
      return chain.thenApply(Fixes::new);
    }, fx);
  }

  private static CompletableFuture<Fix> decide(SourceCheck c, SessionDialogs dialogs, Executor background, Executor fx) {
    if (c.status() == SourceStatus.PRESENT && c.relocated()) {
      return CompletableFuture.completedFuture(new Fix(c.ref().name(), c.file(), c.actualHash()));
    }
    if (!c.status().needsAnswer()) {
      return CompletableFuture.completedFuture(null);
    }
    return dialogs.locateSource(c).thenCompose(a -> {
      if (!a.located()) {
        return CompletableFuture.completedFuture(new Fix(c.ref().name(), null, ""));
      }
      return CompletableFuture.supplyAsync(() -> SourceVerifier.checkAt(c.ref(), a.file()), background).thenApplyAsync(
          found -> found.status() == SourceStatus.MISSING ? new Fix(c.ref().name(), null, "")
              : new Fix(c.ref().name(), found.file(), found.actualHash()), fx);
    });
  }
}
