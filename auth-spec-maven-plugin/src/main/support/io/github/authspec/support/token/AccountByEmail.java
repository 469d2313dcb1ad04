package io.github.authspec.support.token;

import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An account's id by its (already normalised) email, for the flows that start from an address
 * and must answer the same whether or not an account has it.
 */
final class AccountByEmail {
  private static final String BY_EMAIL = "SELECT {id} FROM {accounts} WHERE {email} = ?";

  private final DataSource dataSource;
  private final String sql;

  AccountByEmail(DataSource dataSource, String accounts, String id, String email) {
    this.dataSource = dataSource;
    this.sql = Sql.render(BY_EMAIL, Map.of("accounts", accounts, "id", id, "email", email));
  }

  /** The account's id, or empty for no address or no account. */
  Optional<Object> find(String address) {
    return address == null ? Optional.empty()
        : Sql.first(dataSource, "finding an account by email", sql, address);
  }
}
