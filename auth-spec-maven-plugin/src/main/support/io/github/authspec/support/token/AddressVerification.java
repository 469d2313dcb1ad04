package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Verifies that a user owns their email address or phone number: a secret kept in the user's own
 * row (a slot of {@link SingleUseSecrets}: a new one replaces the old), sent to the address and
 * marking it verified in the transaction that consumes it, once. A link token for email, a
 * 6-digit code bound to its user for phone.
 */
public final class AddressVerification {
  /**
   * Where the secret and the address live: the owner's table.
   *
   * @param table the owner's table
   * @param secret the column of the pending secret's digest
   * @param id the owner's id column
   * @param address the address or number column
   * @param verified the verified flag
   */
  public record Table(String table, String secret, String id, String address, String verified) {}

  private static final String VERIFIED = "UPDATE {table} SET {verified} = TRUE WHERE {id} = ?";

  private final Table table;
  private final SingleUseSecrets secrets;
  private final String kind;
  private final String verifiedSql;
  private final SecretDelivery delivery;

  /**
   * Verification over a database.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param kind a link token (email) or a numeric code (phone, matched with its owner)
   * @param codeKey for codes: the HMAC key (at least 32 bytes); null for tokens
   * @param digestLength the secret column's width (43 for tokens)
   * @param clock the clock
   * @param random the secrets' source
   * @param lifetime how long a secret lives (between it and 1.25 times it: the time window is
   *     bound into the digest, as the row has no expiry column)
   * @param delivery sends the secret
   */
  public AddressVerification(DataSource dataSource, Table table, SingleUseSecrets.Kind kind,
      byte[] codeKey, int digestLength, Clock clock, SecureRandom random, Duration lifetime,
      SecretDelivery delivery) {
    this.table = table;
    boolean code = kind == SingleUseSecrets.Kind.NUMERIC_CODE;
    this.secrets = new SingleUseSecrets(dataSource, SingleUseSecrets.Table.slot(table.table(),
        table.secret(), table.id(), lifetime, code ? List.of(table.id()) : List.of(),
        List.of(table.id(), table.address())), kind, codeKey, digestLength, clock, random);
    this.kind = code ? "code" : "token";
    this.verifiedSql = Sql.render(VERIFIED, Map.of("table", table.table(), "verified",
        table.verified(), "id", table.id()));
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /**
   * Sends a new secret to the user's address, replacing any pending one; sends nothing when the
   * user has no address (or does not exist).
   *
   * @param userId the user
   */
  public void send(Object userId) {
    Optional<SingleUseSecrets.IssuedTo> slot = secrets.issueTo(userId);
    if (slot.isPresent() && slot.get().row().get(table.address()) != null) {
      delivery.send(SecretDelivery.message((String) slot.get().row().get(table.address()), kind,
          slot.get().issued()));
    }
  }

  /**
   * Verifies with a link token.
   *
   * @param token the presented token
   * @return whether it was valid (it is used up now)
   */
  public boolean verify(String token) {
    return consume(token);
  }

  /**
   * Verifies with a code, valid only for its user.
   *
   * @param userId the user the code was sent to
   * @param code the presented code
   * @return whether it was valid (it is used up now)
   */
  public boolean verify(Object userId, String code) {
    return consume(code, userId);
  }

  private boolean consume(String secret, Object... match) {
    return secrets.consume(secret, (c, row) -> Sql.update(c, verifiedSql, row.get(table.id()))
        == 1, match).orElse(false);
  }

  @Override
  public String toString() {
    return "AddressVerification[" + table.table() + "." + table.address() + "]";
  }
}
