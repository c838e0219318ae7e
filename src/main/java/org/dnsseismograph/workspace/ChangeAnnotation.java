package org.dnsseismograph.workspace;

/**
 * Replaces one annotation by a changed version of itself (same id): accept, reject, or any edit of
 * span, label, text, kind or targets. The lifecycle is checked when the change is made ({@link
 * Annotation#accept()} and the other methods), so an edit object always holds a legal move; undo
 * restores the earlier version whole. Confined to the book's thread.
 */
public final class ChangeAnnotation implements AnnotationEdit {
  private final AnnotationBook book;
  private final Annotation before;
  private final Annotation after;
  private final String verb;

  /**
   * @param after the changed annotation; its id names the one it replaces
   * @param verb what the change was, for menus: "accept", "edit", "move"
   * @throws IllegalArgumentException if the book holds no annotation with {@code after}'s id
   */
  public ChangeAnnotation(AnnotationBook book, Annotation after, String verb) {
    this.book = book;
    this.before = book.get(after.id()).orElseThrow(() -> new IllegalArgumentException("no annotation " + after.id()));
    this.after = after;
    this.verb = verb;
  }

  /** Accepting the annotation with {@code id} as it is. */
  public static ChangeAnnotation accept(AnnotationBook book, String id) {
    return new ChangeAnnotation(book, find(book, id).accept(), "accept");
  }

  /** Rejecting the annotation with {@code id} (kept, not drawn). */
  public static ChangeAnnotation reject(AnnotationBook book, String id) {
    return new ChangeAnnotation(book, find(book, id).reject(), "reject");
  }

  /** The annotation as it was before the change. */
  public Annotation before() {
    return before;
  }

  /** The annotation as the change leaves it. */
  public Annotation after() {
    return after;
  }

  @Override
  public void execute() {
    book.replace(after);
  }

  @Override
  public void undo() {
    book.replace(before);
  }

  @Override
  public String description() {
    return verb + " " + before.kind().word() + " '" + before.label() + "'";
  }

  private static Annotation find(AnnotationBook book, String id) {
    return book.get(id).orElseThrow(() -> new IllegalArgumentException("no annotation " + id));
  }
}
