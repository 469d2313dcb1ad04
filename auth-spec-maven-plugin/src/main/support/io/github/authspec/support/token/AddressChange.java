package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Changes a user's email address or phone number only once the new one proves reachable: the
 * secret goes to the new address, and the change (marking it verified, when the account keeps
 * the flag) happens in the transaction that uses the secret up, once. A link token for email, a
 * 6-digit code bound to its user for phone. An address another account took meanwhile rolls the
 * consume back ({@link AddressTaken}).
 */
public final class AddressChange {
  /**
   * Where requests and accounts live.
   *
   * @param requests the change requests' table
   * @param secret its digest column
   * @param expiresAt its expiry column
   * @param usedAt its confirmed-at column
   * @param user its user column
   * @param newValue its new-address column
   * @param accounts the accounts' table
   * @param accountId the account's id column
   * @param accountAddress the account's address column
   * @param accountVerified the account's verified flag, or null
   */
  public record Table(String requests, String secret, String expiresAt, String usedAt,
      String user, String newValue, String accounts, String accountId, String accountAddress,
      String accountVerified) {}

  private static final String APPLY = "UPDATE {accounts} SET {address} = ? WHERE {id} = ?";
  private static final String APPLY_VERIFIED = "UPDATE {accounts} SET {address} = ?, "
      + "{verified} = TRUE WHERE {id} = ?";

  private final Table table;
  private final SingleUseSecrets secrets;
  private final String kind;
  private final String applySql;
  private final Duration lifetime;
  private final SecretDelivery delivery;

  /**
   * Changes over a database.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param kind a link token (email) or a numeric code (phone, matched with its user)
   * @param codeKey for codes: the HMAC key (at least 32 bytes); null for tokens
   * @param digestLength the secret column's width (43 for tokens)
   * @param clock the clock
   * @param random the secrets' source
   * @param lifetime how long a secret works
   * @param delivery sends the secret to the new address
   */
  public AddressChange(DataSource dataSource, Table table, SingleUseSecrets.Kind kind,
      byte[] codeKey, int digestLength, Clock clock, SecureRandom random, Duration lifetime,
      SecretDelivery delivery) {
    this.table = table;
    boolean code = kind == SingleUseSecrets.Kind.NUMERIC_CODE;
    this.secrets = new SingleUseSecrets(dataSource, new SingleUseSecrets.Table(table.requests(),
        table.secret(), table.expiresAt(), table.usedAt(), null, null,
        code ? List.of(table.user()) : List.of(), List.of(table.user(), table.newValue())),
        kind, codeKey, digestLength, clock, random);
    this.kind = code ? "code" : "token";
    Map<String, String> ids = table.accountVerified() == null
        ? Map.of("accounts", table.accounts(), "address", table.accountAddress(), "id",
            table.accountId())
        : Map.of("accounts", table.accounts(), "address", table.accountAddress(), "id",
            table.accountId(), "verified", table.accountVerified());
    this.applySql = Sql.render(table.accountVerified() == null ? APPLY : APPLY_VERIFIED, ids);
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /**
   * Sends a secret to the new address; nothing changes until it comes back. Re-authenticate
   * the user before calling.
   *
   * @param userId the user
   * @param address the new address, already validated and normalised
   */
  public void request(Object userId, String address) {
    Objects.requireNonNull(address, "address");
    delivery.send(SecretDelivery.message(address, kind, secrets.issue(lifetime, Map.of(
        table.user(), userId, table.newValue(), address))));
  }

  /**
   * Applies the change with a link token.
   *
   * @param token the presented token
   * @throws SingleUseSecrets.Refused when it is unknown, expired or used
   * @throws AddressTaken when another account has the address now; the token stays unused
   */
  public void confirm(String token) {
    apply(token);
  }

  /**
   * Applies the change with a code, valid only for its user.
   *
   * @param userId the user the code was sent for
   * @param code the presented code
   * @throws SingleUseSecrets.Refused when it is unknown, wrong, expired or used
   * @throws AddressTaken when another account has the number now; the code stays unused
   */
  public void confirm(Object userId, String code) {
    apply(code, userId);
  }

  private void apply(String secret, Object... match) {
    AddressTaken.unique(() -> secrets.consume(secret, (c, row) -> Sql.update(c, applySql,
        row.get(table.newValue()), row.get(table.user())), match)
        .orElseThrow(SingleUseSecrets.Refused::new));
  }

  @Override
  public String toString() {
    return "AddressChange[" + table.requests() + "." + table.newValue() + "]";
  }
}
