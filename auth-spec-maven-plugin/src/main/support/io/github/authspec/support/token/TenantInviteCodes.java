package io.github.authspec.support.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Codes that let users join a tenant, each redeemable a fixed number of times: one redemption
 * is one atomic {@code used_count = used_count + 1 ... AND used_count < max_uses} in the
 * transaction that makes the user a member, so exactly max-uses redemptions succeed, also
 * concurrently ({@link SingleUseSecrets}, counted).
 */
public final class TenantInviteCodes {
  /**
   * Where codes and accounts live.
   *
   * @param invites the codes' table
   * @param secret its code-digest column
   * @param expiresAt its expiry column
   * @param usedCount its use counter
   * @param maxUses its use limit
   * @param tenant its tenant column
   * @param createdBy its creator column, or null
   * @param accounts the accounts' table
   * @param accountId the account's id column
   * @param accountTenant the account's tenant column
   */
  public record Table(String invites, String secret, String expiresAt, String usedCount,
      String maxUses, String tenant, String createdBy, String accounts, String accountId,
      String accountTenant) {}

  private static final String JOIN = "UPDATE {accounts} SET {tenant} = ? WHERE {id} = ?";

  private final Table table;
  private final SingleUseSecrets secrets;
  private final Clock clock;
  private final String joinSql;

  /**
   * Codes over a database.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random the codes' source
   */
  public TenantInviteCodes(DataSource dataSource, Table table, Clock clock, SecureRandom random) {
    this.table = table;
    this.secrets = new SingleUseSecrets(dataSource, new SingleUseSecrets.Table(table.invites(),
        table.secret(), table.expiresAt(), null, table.usedCount(), table.maxUses(), List.of(),
        List.of(table.tenant())), clock, random);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.joinSql = Sql.render(JOIN, Map.of("accounts", table.accounts(), "tenant",
        table.accountTenant(), "id", table.accountId()));
  }

  /**
   * Creates a code; checked before anything is written.
   *
   * @param tenantId the tenant it joins
   * @param maxUses how often it may be redeemed (at least 1)
   * @param expiresAt when it stops working (in the future)
   * @param createdBy its creator (recorded when the table has the column)
   * @return the code, shown once (only its hash is stored)
   * @throws IllegalArgumentException for no uses or a past expiry
   */
  public String create(Object tenantId, int maxUses, Instant expiresAt, Object createdBy) {
    if (maxUses < 1 || !expiresAt.isAfter(clock.instant())) {
      throw new IllegalArgumentException("a code needs at least one use and an expiry in the "
          + "future");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(table.tenant(), tenantId);
    row.put(table.maxUses(), maxUses);
    if (table.createdBy() != null) {
      row.put(table.createdBy(), createdBy);
    }
    return secrets.issue(Duration.between(clock.instant(), expiresAt), row).secret();
  }

  /**
   * Uses one of the code's uses and joins the tenant, in one transaction.
   *
   * @param code the presented code
   * @param userId the joining user
   * @return the tenant's id
   * @throws SingleUseSecrets.Refused when the code is unknown, expired or used up
   */
  public Object redeem(String code, Object userId) {
    return secrets.consume(code, (c, row) -> {
      Sql.update(c, joinSql, row.get(table.tenant()), userId);
      return row.get(table.tenant());
    }).orElseThrow(SingleUseSecrets.Refused::new);
  }

  @Override
  public String toString() {
    return "TenantInviteCodes[" + table.invites() + "]";
  }
}
