package io.github.authspec.support.token;

/**
 * Applying a consumed secret would give an account an address another account has (a unique
 * violation); the consume was rolled back, so the secret stays unused. The message names no
 * address and no secret.
 */
public final class AddressTaken extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal. */
  public AddressTaken() {
    super("the address belongs to another account");
  }

  /**
   * Runs {@code work}, turning a unique violation into {@link AddressTaken}.
   *
   * @param <T> the result
   * @param work the consuming call
   * @return its result
   */
  static <T> T unique(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (TokenStoreException e) {
      if (e.getCause() instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
        throw new AddressTaken();
      }
      throw e;
    }
  }
}
