package org.dnsseismograph.workspace;

import java.util.Locale;

/** The words a workspace saves for its choices (an annotation's kind, a lane's axis): lower-case names, read back in any case. */
final class SavedWords {
  private SavedWords() {}

  /** The word saved for {@code choice}: its name in lower case. */
  static String of(Enum<?> choice) {
    return choice.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The choice of {@code type} that {@code word} names.
   *
   * @param what the choice in words, for the message ("annotation kind")
   * @throws IllegalArgumentException naming the words wanted, for an unknown word
   */
  static <E extends Enum<E>> E parse(Class<E> type, String word, String what) {
    E[] all = type.getEnumConstants();
    StringBuilder wanted = new StringBuilder();
    for (int i = 0; i < all.length; i++) {
      if (all[i].name().equalsIgnoreCase(word)) {
        return all[i];
      }
      wanted.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(of(all[i]));
    }
    throw new IllegalArgumentException("unknown " + what + " '" + word + "' (want " + wanted + ")");
  }
}
