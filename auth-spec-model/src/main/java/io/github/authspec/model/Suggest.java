package io.github.authspec.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for a misspelt name: the closest candidate within a small edit distance. */
public final class Suggest {
  private Suggest() {}

  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    String w = wrong.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, w.length() / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** A hint such as {@code did you mean 'BIGINT'? known: ...}. */
  public static String hint(String wrong, Collection<String> candidates) {
    String known = "known: " + String.join(", ", candidates);
    return closest(wrong, candidates).map(c -> "did you mean '" + c + "'? " + known).orElse(known);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
