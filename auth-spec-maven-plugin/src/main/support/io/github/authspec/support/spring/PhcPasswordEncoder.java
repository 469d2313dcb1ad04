package io.github.authspec.support.spring;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's {@link PasswordEncoder} over the hashes the users table stores (PHC strings
 * such as {@code $pbkdf2-sha256$i=600000$<salt>$<hash>}): hashing, constant-time verification
 * and the re-hash decision belong to a {@link Hashing}. {@code upgradeEncoding} answers
 * {@link Hashing#needsRehash}, so Spring Security re-hashes on login when a
 * {@code UserDetailsPasswordService} is present. The password's characters are wiped after use.
 * Every answer of {@code matches} costs one verification: an account without a stored hash (or
 * no password offered) is verified against a dummy hash, so it answers as slowly as a wrong
 * password and timing does not single such accounts out.
 */
public final class PhcPasswordEncoder implements PasswordEncoder {
  /** What is verified when there is no password to verify. */
  private static final String STAND_IN = "dummy password for accounts without one";

  private final Hashing hashing;
  private volatile String dummy;

  /** Hashes and verifies passwords in the stored format. */
  public interface Hashing {
    /**
     * Hashes a password with a fresh salt.
     *
     * @param password the password; the caller wipes it afterwards
     * @return the PHC string to store
     */
    String hash(char[] password);

    /**
     * Whether a password matches a stored hash, compared in constant time.
     *
     * @param password the password; the caller wipes it afterwards
     * @param stored the stored PHC string
     * @return whether it matches; false for a malformed hash
     */
    boolean verify(char[] password, String stored);

    /**
     * Whether a stored hash is weaker than what {@link #hash} writes today.
     *
     * @param stored the stored PHC string
     * @return whether to re-hash at the next login
     */
    boolean needsRehash(String stored);
  }

  /**
   * An encoder.
   *
   * @param hashing the hashing the stored hashes were made with
   */
  public PhcPasswordEncoder(Hashing hashing) {
    this.hashing = Objects.requireNonNull(hashing, "hashing");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    char[] password = chars(Objects.requireNonNull(rawPassword, "rawPassword"));
    try {
      return hashing.hash(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    boolean stored = encodedPassword != null && !encodedPassword.isEmpty();
    char[] password = chars(rawPassword == null ? STAND_IN : rawPassword);
    try {
      boolean match = hashing.verify(password, stored ? encodedPassword : dummy());
      return match && stored && rawPassword != null;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** A hash to verify against when the account has none, made once. */
  private String dummy() {
    String hash = dummy;
    if (hash == null) {
      char[] password = STAND_IN.toCharArray();
      try {
        hash = hashing.hash(password);
      } finally {
        Arrays.fill(password, '\0');
      }
      dummy = hash;
    }
    return hash;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return encodedPassword != null && !encodedPassword.isEmpty()
        && hashing.needsRehash(encodedPassword);
  }

  private static char[] chars(CharSequence text) {
    CharBuffer buffer = CharBuffer.wrap(text);
    char[] out = new char[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
