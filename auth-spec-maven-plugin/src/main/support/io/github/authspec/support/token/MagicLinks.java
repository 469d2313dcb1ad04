package io.github.authspec.support.token;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Passwordless sign-in by a link sent to the account's address: a 256-bit token stored as its
 * SHA-256 in its own row and consumed once by one atomic UPDATE ({@link SingleUseSecrets}), so
 * of concurrent clicks exactly one signs in. An address without an account gets the same answer
 * and nothing is sent, so the flow does not tell which addresses have accounts.
 */
public final class MagicLinks {
  /**
   * Where links and accounts live.
   *
   * @param links the links' table
   * @param secret its token-digest column
   * @param expiresAt its expiry column
   * @param usedAt its used-at column
   * @param user its user column
   * @param accounts the accounts' table
   * @param accountId the account's id column
   * @param accountEmail the account's (normalised) email column
   */
  public record Table(String links, String secret, String expiresAt, String usedAt, String user,
      String accounts, String accountId, String accountEmail) {}

  private final Table table;
  private final SingleUseSecrets secrets;
  private final AccountByEmail accounts;
  private final Duration lifetime;
  private final SecretDelivery delivery;

  /**
   * Magic links over a database.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random the tokens' source
   * @param lifetime how long a link works
   * @param delivery sends the link
   */
  public MagicLinks(DataSource dataSource, Table table, Clock clock, SecureRandom random,
      Duration lifetime, SecretDelivery delivery) {
    this.table = table;
    this.secrets = new SingleUseSecrets(dataSource, SingleUseSecrets.Table.singleUse(
        table.links(), table.secret(), table.expiresAt(), table.usedAt(),
        java.util.List.of(table.user())), clock, random);
    this.accounts = new AccountByEmail(dataSource, table.accounts(), table.accountId(),
        table.accountEmail());
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /**
   * Sends a link to the account with the address; sends nothing, and answers the same, when
   * there is none.
   *
   * @param address the normalised address (null: not an address)
   * @param redirectTo where the link leads; the token is appended as {@code token=}
   * @throws IllegalArgumentException when {@code redirectTo} is not absolute or has a fragment
   *     (match it against an allow-list before calling)
   */
  public void send(String address, URI redirectTo) {
    if (!redirectTo.isAbsolute() || redirectTo.getRawFragment() != null) {
      throw new IllegalArgumentException("redirectTo must be an absolute URI without fragment");
    }
    Optional<Object> user = accounts.find(address);
    if (user.isEmpty()) {
      return;
    }
    SingleUseSecrets.Issued link = secrets.issue(lifetime, Map.of(table.user(), user.get()));
    Map<String, String> message = SecretDelivery.message(address, "token", link);
    message.put("link", redirectTo + (redirectTo.getRawQuery() == null ? "?" : "&") + "token="
        + link.secret());
    delivery.send(message);
  }

  /**
   * Consumes a link, once.
   *
   * @param token the presented token
   * @return the signed-in user's id, or empty when the link is unknown, expired or used
   */
  public Optional<Object> consume(String token) {
    return secrets.consume(token).map(row -> row.get(table.user()));
  }

  @Override
  public String toString() {
    return "MagicLinks[" + table.links() + "]";
  }
}
