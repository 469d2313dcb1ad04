package io.github.authspec.support.auth;

import java.util.Locale;

/**
 * The sign-in form of an email address: trimmed and lower-cased (so {@code Ada@Example.com}
 * and {@code ada@example.com} are one account), one {@code @} with text either side, no spaces
 * or control characters, within the column's size.
 */
public final class EmailAddress {
  private EmailAddress() {
  }

  /**
   * The normalised address, or null when {@code text} is not one.
   *
   * @param text what the user typed
   * @param maxLength the column's size
   * @return the address, or null
   */
  public static String normalise(String text, int maxLength) {
    if (text == null) {
      return null;
    }
    String address = text.strip().toLowerCase(Locale.ROOT);
    int at = address.indexOf('@');
    boolean ok = address.length() <= maxLength && at > 0 && at == address.lastIndexOf('@')
        && at < address.length() - 1 && address.codePoints()
            .noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    return ok ? address : null;
  }
}
