package io.github.authspec.support.token;

/**
 * A token store could not reach or use its database. The message names the operation only;
 * no token, hash or parameter.
 */
public final class TokenStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure.
   *
   * @param operation what was being done
   * @param cause the driver's exception
   */
  public TokenStoreException(String operation, Throwable cause) {
    super(operation + " failed: " + cause.getClass().getSimpleName(), cause);
  }
}
