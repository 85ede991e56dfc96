package org.tunelab.app.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a search term occurs in a text, case-insensitively, and which occurrence comes next: the
 * output pane's search box. Pure, so tested without a display.
 */
public final class LogSearch {
  private LogSearch() {}

  /** A match: {@code [start, end)} in the text. */
  public record Match(int start, int end) {}

  /** Every occurrence of {@code term} in {@code text}, in order; none for an empty term. */
  public static List<Match> find(String text, String term) {
    List<Match> out = new ArrayList<>();
    if (term == null || term.isEmpty() || text == null) return out;
    String hay = text.toLowerCase(Locale.ROOT);
    String needle = term.toLowerCase(Locale.ROOT);
    if (hay.length() != text.length() || needle.length() != term.length()) {
      // Lower-casing changed lengths (rare scripts): search as written so offsets stay true.
      hay = text;
      needle = term;
    }
    for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length())) {
      out.add(new Match(i, i + needle.length()));
    }
    return out;
  }

  /**
   * The index of the match after the caret at {@code from} (wrapping to the first), or of the one
   * before it when {@code backwards}; -1 when there is none.
   */
  public static int next(List<Match> matches, int from, boolean backwards) {
    if (matches.isEmpty()) return -1;
    if (backwards) {
      for (int i = matches.size() - 1; i >= 0; i--) if (matches.get(i).end() < from) return i;
      return matches.size() - 1;
    }
    for (int i = 0; i < matches.size(); i++) if (matches.get(i).start() >= from) return i;
    return 0;
  }
}
