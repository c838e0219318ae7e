package org.dnsseismograph.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The annotations of an open workspace, in the order they were added, with listeners told after
 * every change: the document that {@link AnnotationEdit}s change and views show. Ids are unique.
 *
 * <p>Not thread-safe: confine it to one thread (the FX thread in the window, the caller in the CLI
 * and tests). Listeners run on that thread, after the change.
 */
public final class AnnotationBook {
  private final List<Annotation> items = new ArrayList<>();
  private final List<Runnable> listeners = new ArrayList<>();

  /** An empty book. */
  public AnnotationBook() {}

  /** A book holding {@code initial} (a loaded workspace's annotations). */
  public AnnotationBook(List<Annotation> initial) {
    replaceAll(initial);
  }

  /** The annotations now, as an immutable copy. */
  public List<Annotation> all() {
    return List.copyOf(items);
  }

  public int size() {
    return items.size();
  }

  public Optional<Annotation> get(String id) {
    int i = indexOf(id);
    return i < 0 ? Optional.empty() : Optional.of(items.get(i));
  }

  /** Position of the annotation with {@code id}, or -1. */
  public int indexOf(String id) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Inserts {@code a} at {@code index} (0 .. size).
   *
   * @throws IllegalArgumentException if an annotation with its id is already here
   */
  public void insert(int index, Annotation a) {
    if (indexOf(a.id()) >= 0) {
      throw new IllegalArgumentException("annotation " + a.id() + " is already in the book");
    }
    items.add(index, a);
    fire();
  }

  /**
   * Replaces the annotation with {@code a}'s id by {@code a}, keeping its position.
   *
   * @throws IllegalArgumentException if no annotation has that id
   */
  public void replace(Annotation a) {
    int i = requireIndex(a.id());
    items.set(i, a);
    fire();
  }

  /**
   * Removes the annotation with {@code id} and returns where it was.
   *
   * @throws IllegalArgumentException if no annotation has that id
   */
  public int remove(String id) {
    int i = requireIndex(id);
    items.remove(i);
    fire();
    return i;
  }

  /**
   * Replaces everything (loading a workspace); not an edit, so not undoable.
   *
   * @throws IllegalArgumentException if two annotations share an id
   */
  public void replaceAll(List<Annotation> annotations) {
    List<Annotation> copy = new ArrayList<>();
    for (Annotation a : annotations) {
      if (copy.stream().anyMatch(b -> b.id().equals(a.id()))) {
        throw new IllegalArgumentException("two annotations share the id " + a.id());
      }
      copy.add(a);
    }
    items.clear();
    items.addAll(copy);
    fire();
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  private int requireIndex(String id) {
    int i = indexOf(id);
    if (i < 0) {
      throw new IllegalArgumentException("no annotation " + id);
    }
    return i;
  }

  private void fire() {
    for (Runnable r : List.copyOf(listeners)) {
      r.run();
    }
  }
}
