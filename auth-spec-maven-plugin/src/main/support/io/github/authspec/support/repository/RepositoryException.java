package io.github.authspec.support.repository;

import java.sql.SQLException;

/**
 * A database error from a generated repository, unchecked so repositories compose with lambdas
 * and transaction templates. The driver's {@link SQLException} (with its SQLState) is the cause.
 */
public class RepositoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps a driver error.
   *
   * @param cause the driver's exception
   */
  public RepositoryException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /**
   * The SQLState of the driver's error, e.g. {@code 23505} for a unique violation.
   *
   * @return the SQLState, or null
   */
  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }
}
