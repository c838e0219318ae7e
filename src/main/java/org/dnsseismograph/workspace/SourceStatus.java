package org.dnsseismograph.workspace;

/** What became of a workspace's source file since the workspace was saved. */
public enum SourceStatus {
  /** The file is there with the content hash the workspace recorded. */
  PRESENT,
  /** The file is there but the workspace recorded no hash, so its content cannot be vouched for. */
  UNVERIFIED,
  /** A file is there but its content differs from what the workspace recorded. */
  CHANGED,
  /** No file at the recorded path (nor, with the same content, beside the workspace). */
  MISSING;

  /** Whether the analyst must be asked where the source is (or whether to go on without it). */
  public boolean needsAnswer() {
    return this == CHANGED || this == MISSING;
  }
}
