package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Password reset by a link sent to the account's address: a 256-bit token in its own row,
 * consumed once by one atomic UPDATE in the transaction that sets the new password's hash. The
 * caller checks the password policy and hashes before calling (nothing is written when the
 * policy refuses, and the slow hash holds no lock), and ends the account's other credentials
 * after. An address without an account gets the same answer and nothing is sent.
 */
public final class AccountRecovery {
  /**
   * Where requests and accounts live.
   *
   * @param requests the recovery requests' table
   * @param secret its token-digest column
   * @param expiresAt its expiry column
   * @param usedAt its completed-at column
   * @param user its user column
   * @param method its recovery-method column ({@code "email"}), or null
   * @param accounts the accounts' table
   * @param accountId the account's id column
   * @param accountEmail the account's (normalised) email column
   * @param passwordHash the account's password-hash column
   */
  public record Table(String requests, String secret, String expiresAt, String usedAt,
      String user, String method, String accounts, String accountId, String accountEmail,
      String passwordHash) {}

  private static final String SET_PASSWORD = "UPDATE {accounts} SET {hash} = ? WHERE {id} = ?";

  private final Table table;
  private final SingleUseSecrets secrets;
  private final AccountByEmail accounts;
  private final String setPasswordSql;
  private final Duration lifetime;
  private final SecretDelivery delivery;

  /**
   * Recovery over a database.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random the tokens' source
   * @param lifetime how long a token works
   * @param delivery sends the token
   */
  public AccountRecovery(DataSource dataSource, Table table, Clock clock, SecureRandom random,
      Duration lifetime, SecretDelivery delivery) {
    this.table = table;
    this.secrets = new SingleUseSecrets(dataSource, SingleUseSecrets.Table.singleUse(
        table.requests(), table.secret(), table.expiresAt(), table.usedAt(),
        List.of(table.user())), clock, random);
    this.accounts = new AccountByEmail(dataSource, table.accounts(), table.accountId(),
        table.accountEmail());
    this.setPasswordSql = Sql.render(SET_PASSWORD, Map.of("accounts", table.accounts(), "hash",
        table.passwordHash(), "id", table.accountId()));
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /**
   * Sends a reset token to the account with the address; sends nothing, and answers the same,
   * when there is none.
   *
   * @param address the normalised address (null: not an address)
   */
  public void start(String address) {
    Optional<Object> user = accounts.find(address);
    if (user.isEmpty()) {
      return;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(table.user(), user.get());
    if (table.method() != null) {
      row.put(table.method(), "email");
    }
    delivery.send(SecretDelivery.message(address, "token", secrets.issue(lifetime, row)));
  }

  /**
   * Sets the new password in the transaction that uses up the token.
   *
   * @param token the presented token
   * @param passwordHash the new password's hash (policy checked)
   * @return the account's id
   * @throws SingleUseSecrets.Refused when the token is unknown, expired or used
   */
  public Object complete(String token, String passwordHash) {
    Objects.requireNonNull(passwordHash, "passwordHash");
    return secrets.consume(token, (c, row) -> {
      Sql.update(c, setPasswordSql, passwordHash, row.get(table.user()));
      return row.get(table.user());
    }).orElseThrow(SingleUseSecrets.Refused::new);
  }

  @Override
  public String toString() {
    return "AccountRecovery[" + table.requests() + "]";
  }
}
