package io.github.authspec.support.auth;

import java.util.Optional;

/**
 * Where hardware token seeds come from when the table has no seed column: the vendor's seed
 * file (PSKC, RFC 6030) loaded into a key store or HSM, looked up by serial number.
 */
@FunctionalInterface
public interface TokenSeeds {
  /**
   * The seed of a token.
   *
   * @param serial the token's serial number
   * @return its seed, or empty when unknown; it may be the store's own array, which callers
   *     only read (they copy it before wiping)
   */
  Optional<byte[]> seed(String serial);
}
