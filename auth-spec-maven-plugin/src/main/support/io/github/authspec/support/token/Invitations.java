package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Invite-only registration: an invitation is a 256-bit token for one address, and accepting it
 * creates the account in the transaction that uses it up, once. A taken address rolls the
 * consume back ({@link AddressTaken}), so the invitation stays usable; the caller checks the
 * password policy and hashes before calling.
 */
public final class Invitations {
  /**
   * Where invitations and accounts live.
   *
   * @param invitations the invitations' table
   * @param secret its token-digest column
   * @param id its id column
   * @param email its invited-address column
   * @param invitedBy its inviter column
   * @param expiresAt its expiry column
   * @param usedAt its used-at column
   * @param usedBy its created-account column, or null
   * @param accounts the accounts' table
   * @param accountId the account's id column
   * @param accountEmail the account's email column
   * @param passwordHash the account's password-hash column
   */
  public record Table(String invitations, String secret, String id, String email,
      String invitedBy, String expiresAt, String usedAt, String usedBy, String accounts,
      String accountId, String accountEmail, String passwordHash) {}

  private static final String INSERT_USER = "INSERT INTO {accounts} ({email}, {hash}) VALUES "
      + "(?, ?) RETURNING {id}";
  private static final String REVOKE = "UPDATE {t} SET {expires} = ? WHERE {id} = ? AND {used} "
      + "IS NULL";
  private static final String USED_BY = "UPDATE {t} SET {usedBy} = ? WHERE {id} = ?";

  private final DataSource dataSource;
  private final Table table;
  private final SingleUseSecrets secrets;
  private final Clock clock;
  private final Duration lifetime;
  private final String insertUserSql;
  private final String revokeSql;
  private final String usedBySql;

  /**
   * Invitations over a database.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random the tokens' source
   * @param lifetime how long an invitation works
   */
  public Invitations(DataSource dataSource, Table table, Clock clock, SecureRandom random,
      Duration lifetime) {
    this.dataSource = dataSource;
    this.table = table;
    this.secrets = new SingleUseSecrets(dataSource, SingleUseSecrets.Table.singleUse(
        table.invitations(), table.secret(), table.expiresAt(), table.usedAt(),
        List.of(table.id(), table.email())), clock, random);
    this.clock = clock;
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.insertUserSql = Sql.render(INSERT_USER, Map.of("accounts", table.accounts(), "email",
        table.accountEmail(), "hash", table.passwordHash(), "id", table.accountId()));
    this.revokeSql = Sql.render(REVOKE, Map.of("t", table.invitations(), "expires",
        table.expiresAt(), "id", table.id(), "used", table.usedAt()));
    this.usedBySql = table.usedBy() == null ? null : Sql.render(USED_BY, Map.of("t",
        table.invitations(), "usedBy", table.usedBy(), "id", table.id()));
  }

  /**
   * Invites an address.
   *
   * @param address the normalised address
   * @param invitedBy the inviter
   * @param roles must be empty: an invitation here carries none (assign them after accept)
   * @return the token, shown once (only its hash is stored)
   * @throws IllegalArgumentException when roles are given
   */
  public String invite(String address, Object invitedBy, Set<String> roles) {
    Objects.requireNonNull(address, "address");
    if (!roles.isEmpty()) {
      throw new IllegalArgumentException("an invitation carries no roles; assign them after "
          + "accept");
    }
    return secrets.issue(lifetime, Map.of(table.email(), address, table.invitedBy(), invitedBy))
        .secret();
  }

  /**
   * Creates the invited account in the transaction that uses up the invitation.
   *
   * @param token the presented token
   * @param passwordHash the password's hash (policy checked)
   * @return the new account's id
   * @throws AddressTaken when an account has the address; the invitation stays unused
   * @throws SingleUseSecrets.Refused when the token is unknown, expired or used
   */
  public Object accept(String token, String passwordHash) {
    Objects.requireNonNull(passwordHash, "passwordHash");
    return AddressTaken.unique(() -> secrets.consume(token, (c, row) -> create(c, row,
        passwordHash)).orElseThrow(SingleUseSecrets.Refused::new));
  }

  private Object create(Connection c, Map<String, Object> row, String passwordHash)
      throws SQLException {
    Object created = Sql.first(c, insertUserSql, row.get(table.email()), passwordHash)
        .orElseThrow();
    if (usedBySql != null) {
      Sql.update(c, usedBySql, created, row.get(table.id()));
    }
    return created;
  }

  /**
   * Ends an unused invitation now (an unknown id or a used invitation: nothing happens).
   *
   * @param invitationId the invitation's id
   */
  public void revoke(Object invitationId) {
    Sql.transaction(dataSource, "revoking an invitation", c -> Sql.update(c, revokeSql,
        clock.instant(), invitationId));
  }

  @Override
  public String toString() {
    return "Invitations[" + table.invitations() + "]";
  }
}
