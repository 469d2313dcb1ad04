package io.github.authspec.support.client;

/**
 * A call to an external service failed: a non-2xx status (with the body), a timeout or an I/O
 * error (status 0).
 */
public class ClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  /**
   * An error answer or a failed exchange.
   *
   * @param message what failed
   * @param status the HTTP status, or 0 when there was no answer
   * @param body the response body, or an empty string
   * @param cause the underlying exception, or null
   */
  public ClientException(String message, int status, String body, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.body = body;
  }

  /**
   * The HTTP status.
   *
   * @return the status, or 0 when there was no answer
   */
  public int status() {
    return status;
  }

  /**
   * The response body.
   *
   * @return the body, or an empty string
   */
  public String body() {
    return body;
  }
}
