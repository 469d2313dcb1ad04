package io.github.authspec.support.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one primitive behind magic links, email and phone verification, account recovery,
 * invitations, tenant invite codes and email/phone change: a random secret, stored only as its
 * digest, that expires and is consumed exactly once by one statement,
 * {@code UPDATE t SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ?
 * RETURNING ...} (or, for multi-use codes, {@code used_count = used_count + 1 ... AND
 * used_count < max_uses}). PostgreSQL re-checks the WHERE clause after a concurrent writer
 * commits, so of many concurrent consumers exactly one gets the row; the others see empty.
 *
 * <p>A <em>slot</em> table keeps one secret per owner row ({@code users.email_verification_token}):
 * issuing writes the digest into the owner's row, consuming sets it back to NULL. A table without
 * an expiry column binds the issuing time window into the digest instead: with a lifetime L, the
 * window is L/4 and a consume accepts the digests of the last five windows, so a secret lives
 * between L and 1.25 L, decided by the one {@code UPDATE ... WHERE secret IN (...)}.
 */
public final class SingleUseSecrets {
  /**
   * Where the secrets live.
   *
   * @param table the table
   * @param secretColumn the column holding the secret's digest
   * @param expiresAtColumn the expiry column (UTC TIMESTAMP); null: the time window is bound into
   *     the digest ({@code lifetime})
   * @param usedAtColumn the single-use marker (null for a counted secret or a slot)
   * @param usedCountColumn the use counter of a counted secret (null for single use or a slot)
   * @param maxUsesColumn the use limit of a counted secret (null: 1)
   * @param matchColumns columns that must also match on consume (a short code is only valid
   *     for its user): {@code user_id}
   * @param returning columns whose values a successful consume returns
   * @param ownerColumn for a slot: the key of the owner's row the secret is written into
   *     (neither used-at nor used-count); null otherwise
   * @param lifetime for a table without expiry column: how long a secret lives (at least 4 s)
   */
  public record Table(String table, String secretColumn, String expiresAtColumn,
      String usedAtColumn, String usedCountColumn, String maxUsesColumn,
      List<String> matchColumns, List<String> returning, String ownerColumn, Duration lifetime) {
    /** Checks the mapping. */
    public Table {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(secretColumn, "secretColumn");
      int markers = (usedAtColumn == null ? 0 : 1) + (usedCountColumn == null ? 0 : 1)
          + (ownerColumn == null ? 0 : 1);
      if (markers != 1) {
        throw new IllegalArgumentException("a secret is either single-use (usedAtColumn), counted "
            + "(usedCountColumn) or a slot in its owner's row (ownerColumn)");
      }
      if ((expiresAtColumn == null) == (lifetime == null)) {
        throw new IllegalArgumentException("give either an expiry column or a lifetime");
      }
      if (lifetime != null && lifetime.compareTo(Duration.ofSeconds(4)) < 0) {
        throw new IllegalArgumentException("a lifetime is at least 4 seconds");
      }
      matchColumns = List.copyOf(matchColumns);
      returning = List.copyOf(returning);
    }

    /**
     * A mapping with an expiry column.
     *
     * @param table the table
     * @param secretColumn the digest column
     * @param expiresAtColumn the expiry column
     * @param usedAtColumn the used-at column, or null
     * @param usedCountColumn the use counter, or null
     * @param maxUsesColumn the use limit, or null
     * @param matchColumns columns that must also match
     * @param returning columns to return
     */
    public Table(String table, String secretColumn, String expiresAtColumn,
        String usedAtColumn, String usedCountColumn, String maxUsesColumn,
        List<String> matchColumns, List<String> returning) {
      this(table, secretColumn, expiresAtColumn, usedAtColumn, usedCountColumn, maxUsesColumn,
          matchColumns, returning, null, null);
    }

    /**
     * A single-use table.
     *
     * @param table the table
     * @param secretColumn the digest column
     * @param expiresAtColumn the expiry column
     * @param usedAtColumn the used-at column
     * @param returning columns to return
     * @return the mapping
     */
    public static Table singleUse(String table, String secretColumn, String expiresAtColumn,
        String usedAtColumn, List<String> returning) {
      return new Table(table, secretColumn, expiresAtColumn, usedAtColumn, null, null, List.of(),
          returning);
    }

    /**
     * A slot: one secret per owner row, no expiry column (the window is in the digest).
     *
     * @param table the owner's table
     * @param secretColumn the digest column
     * @param ownerColumn the owner row's key
     * @param lifetime how long a secret lives
     * @param matchColumns columns that must also match (a code: the owner column)
     * @param returning columns to return on issue and on consume
     * @return the mapping
     */
    public static Table slot(String table, String secretColumn, String ownerColumn,
        Duration lifetime, List<String> matchColumns, List<String> returning) {
      return new Table(table, secretColumn, null, null, null, null, matchColumns, returning,
          ownerColumn, lifetime);
    }

    boolean windowed() {
      return expiresAtColumn == null;
    }
  }

  /**
   * Work done in the consuming transaction, after the secret was consumed: applying what it
   * authorises (the new email, the joined tenant) commits or rolls back with the consume.
   *
   * @param <R> the result
   */
  @FunctionalInterface
  public interface Then<R> {
    /**
     * Applies a consumed secret.
     *
     * @param connection the consuming transaction's connection
     * @param row the returning columns of the consumed row
     * @return the result (null: empty)
     * @throws SQLException to roll the consume back
     */
    R apply(Connection connection, Map<String, Object> row) throws SQLException;
  }

  /**
   * A presented secret was refused: unknown, wrong, expired or used up. Deliberately one
   * outcome (which of these it was would help guessing); the message never quotes the secret.
   */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal. */
    public Refused() {
      super("the secret is unknown, expired or already used");
    }
  }

  /**
   * A secret just written into its owner's slot.
   *
   * @param issued the secret and its expiry
   * @param row the owner row's returning columns (the address to send it to)
   */
  public record IssuedTo(Issued issued, Map<String, Object> row) {
    /** Keeps an unmodifiable copy. */
    public IssuedTo {
      row = Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }
  }

  /** How a secret is generated and digested. */
  public enum Kind {
    /** 256 random bits as base64url (links); stored as base64url(SHA-256), 43 characters. */
    TOKEN,
    /**
     * A 6-digit code (SMS, typed by hand); stored as HMAC-SHA256 under the server's key (a plain
     * hash of a 6-digit code is reversed offline in milliseconds), cut to the column width.
     * Only ever valid together with its match columns, and attempts must be rate-limited.
     */
    NUMERIC_CODE
  }

  /**
   * A secret just issued. {@link #toString()} leaves it out.
   *
   * @param secret the secret to send (once) to its owner
   * @param expiresAt when it expires
   */
  public record Issued(String secret, Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[expiresAt=" + expiresAt + ", secret=<redacted>]";
    }
  }

  /** The windows a consume accepts: the current one and the four before. */
  private static final int WINDOWS = 5;

  private final DataSource dataSource;
  private final Table table;
  private final Kind kind;
  private final byte[] codeKey;
  private final int digestLength;
  private final Clock clock;
  private final SecureRandom random;
  private final String consumeSql;
  private final String slotSql;
  private final long windowMillis;

  /**
   * A store of link tokens ({@link Kind#TOKEN}).
   *
   * @param dataSource the database
   * @param table the mapping
   * @param clock the clock
   * @param random randomness
   */
  public SingleUseSecrets(DataSource dataSource, Table table, Clock clock, SecureRandom random) {
    this(dataSource, table, Kind.TOKEN, null, 43, clock, random);
  }

  /**
   * A store.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param kind token or numeric code
   * @param codeKey for {@link Kind#NUMERIC_CODE}: the HMAC key (at least 32 bytes, from the
   *     application's secret store); null for tokens
   * @param digestLength the stored digest's length in characters (at most 43; at least 10)
   * @param clock the clock
   * @param random randomness
   */
  public SingleUseSecrets(DataSource dataSource, Table table, Kind kind, byte[] codeKey,
      int digestLength, Clock clock, SecureRandom random) {
    if (kind == Kind.NUMERIC_CODE && (codeKey == null || codeKey.length < 32)) {
      throw new IllegalArgumentException("numeric codes need an HMAC key of at least 32 bytes");
    }
    if (kind == Kind.NUMERIC_CODE && table.matchColumns().isEmpty()) {
      throw new IllegalArgumentException("a numeric code must be matched with its owner (matchColumns)");
    }
    if (digestLength < 10 || digestLength > 43 || kind == Kind.TOKEN && digestLength != 43) {
      throw new IllegalArgumentException("digest length must be 43 for tokens, 10..43 for codes");
    }
    this.dataSource = dataSource;
    this.table = table;
    this.kind = kind;
    this.codeKey = codeKey == null ? null : codeKey.clone();
    this.digestLength = digestLength;
    this.clock = clock;
    this.random = random;
    this.consumeSql = consumeSql(table);
    this.slotSql = table.ownerColumn() == null ? null : slotSql(table);
    this.windowMillis = table.windowed() ? table.lifetime().toMillis() / 4 : 0;
  }

  private static String slotSql(Table t) {
    StringBuilder sql = new StringBuilder(Sql.render("UPDATE {table} SET {secret} = ? WHERE "
        + "{owner} = ?", Map.of("table", t.table(), "secret", t.secretColumn(), "owner",
            t.ownerColumn())));
    return sql.append(returning(t)).toString();
  }

  private static String returning(Table t) {
    List<String> cols = new ArrayList<>();
    for (String r : t.returning().isEmpty() ? List.of(t.secretColumn()) : t.returning()) {
      cols.add(Sql.quote(r));
    }
    return " RETURNING " + String.join(", ", cols);
  }

  private static String consumeSql(Table t) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("table", t.table());
    ids.put("secret", t.secretColumn());
    StringBuilder sql = new StringBuilder();
    String match = t.windowed()
        ? " IN (" + String.join(", ", Collections.nCopies(WINDOWS, "?")) + ")"
        : Sql.render(" = ? AND {expires} > ?", Map.of("expires", t.expiresAtColumn()));
    if (t.ownerColumn() != null) {
      sql.append(Sql.render("UPDATE {table} SET {secret} = NULL WHERE {secret}", ids))
          .append(match);
    } else if (t.usedAtColumn() != null) {
      ids.put("used", t.usedAtColumn());
      sql.append(Sql.render("UPDATE {table} SET {used} = ? WHERE {secret}", ids)).append(match)
          .append(Sql.render(" AND {used} IS NULL", ids));
    } else {
      ids.put("count", t.usedCountColumn());
      sql.append(Sql.render("UPDATE {table} SET {count} = {count} + 1 WHERE {secret}", ids))
          .append(match);
      sql.append(t.maxUsesColumn() == null ? Sql.render(" AND {count} < 1", ids)
          : Sql.render(" AND {count} < COALESCE({max}, 1)", Map.of("count", t.usedCountColumn(),
              "max", t.maxUsesColumn())));
    }
    for (String m : t.matchColumns()) {
      sql.append(" AND ").append(Sql.quote(m)).append(" = ?");
    }
    return sql.append(returning(t)).toString();
  }

  /**
   * Issues a secret: inserts a row with its digest, its expiry and the given columns.
   *
   * @param ttl how long it lives
   * @param columns the row's other columns (user id, new email, ...)
   * @return the secret, to send once
   */
  public Issued issue(Duration ttl, Map<String, ?> columns) {
    if (table.windowed() || table.ownerColumn() != null) {
      throw new IllegalStateException(table.table() + " keeps its secrets in slots: issueTo");
    }
    String secret = kind == Kind.TOKEN ? Secrets.newToken(random) : sixDigits();
    Instant expires = clock.instant().plus(ttl);
    List<String> names = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    names.add(Sql.quote(table.secretColumn()));
    values.add(digest(secret, matchValues(columns)));
    names.add(Sql.quote(table.expiresAtColumn()));
    values.add(expires);
    for (Map.Entry<String, ?> e : columns.entrySet()) {
      names.add(Sql.quote(e.getKey()));
      values.add(e.getValue());
    }
    String sql = "INSERT INTO " + Sql.quote(table.table()) + " (" + String.join(", ", names)
        + ") VALUES (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
    Sql.transaction(dataSource, "issuing a secret in " + table.table(),
        c -> Sql.update(c, sql, values.toArray()));
    return new Issued(secret, expires);
  }

  /**
   * Issues a secret into its owner's slot, replacing any earlier one (which stops working).
   *
   * @param owner the owner row's key value
   * @return the secret and the owner row's returning columns, or empty when there is no such row
   */
  public Optional<IssuedTo> issueTo(Object owner) {
    if (slotSql == null) {
      throw new IllegalStateException(table.table() + " has no slots: issue");
    }
    List<Object> match = new ArrayList<>();
    for (String m : table.matchColumns()) {
      if (!m.equals(table.ownerColumn())) {
        throw new IllegalStateException("a slot's code can only be matched with its owner");
      }
      match.add(owner);
    }
    String secret = kind == Kind.TOKEN ? Secrets.newToken(random) : sixDigits();
    long window = window(clock.instant());
    Instant expires = Instant.ofEpochMilli((window + WINDOWS) * windowMillis);
    String digest = digest(secret, match, window);
    return Sql.transaction(dataSource, "issuing a secret in " + table.table(), c -> {
      try (PreparedStatement ps = c.prepareStatement(slotSql)) {
        ps.setString(1, digest);
        ps.setObject(2, owner);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new IssuedTo(new Issued(secret, expires), row(rs)))
              : Optional.<IssuedTo>empty();
        }
      }
    });
  }

  /**
   * Consumes a secret, once: the first caller gets the row's returning columns; later and
   * concurrent callers, and callers with an expired, unknown or wrong secret, get empty.
   *
   * @param secret the presented secret
   * @param matchValues values of the match columns, in order
   * @return the returning columns of the consumed row, or empty
   */
  public Optional<Map<String, Object>> consume(String secret, Object... matchValues) {
    return consume(secret, (c, row) -> row, matchValues);
  }

  /**
   * Consumes a secret, once, and applies it in the same transaction: when {@code then} throws,
   * the secret stays unused.
   *
   * @param <R> the result
   * @param secret the presented secret
   * @param then what the consumed secret authorises, given the returning columns
   * @param matchValues values of the match columns, in order
   * @return the result of {@code then}, or empty when the secret was refused
   */
  public <R> Optional<R> consume(String secret, Then<R> then, Object... matchValues) {
    if (matchValues.length != table.matchColumns().size()) {
      throw new IllegalArgumentException("expected " + table.matchColumns().size() + " match values");
    }
    if (secret == null || secret.isEmpty() || secret.length() > 512) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    List<String> digests = new ArrayList<>();
    if (table.windowed()) {
      long current = window(now);
      for (int w = 0; w < WINDOWS; w++) {
        digests.add(digest(secret, List.of(matchValues), current - w));
      }
    } else {
      digests.add(digest(secret, List.of(matchValues)));
    }
    return Sql.transaction(dataSource, "consuming a secret in " + table.table(), c -> {
      Map<String, Object> row;
      try (PreparedStatement ps = c.prepareStatement(consumeSql)) {
        int i = 1;
        if (table.usedAtColumn() != null) {
          Sql.set(ps, i++, now);
        }
        for (String d : digests) {
          ps.setString(i++, d);
        }
        if (!table.windowed()) {
          Sql.set(ps, i++, now);
        }
        for (Object m : matchValues) {
          ps.setObject(i++, m);
        }
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<R>empty();
          }
          row = row(rs);
        }
      }
      return Optional.ofNullable(then.apply(c, row));
    });
  }

  private static Map<String, Object> row(ResultSet rs) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    ResultSetMetaData md = rs.getMetaData();
    for (int col = 1; col <= md.getColumnCount(); col++) {
      row.put(md.getColumnName(col), rs.getObject(col));
    }
    return Collections.unmodifiableMap(row);
  }

  private long window(Instant now) {
    return Math.floorDiv(now.toEpochMilli(), windowMillis);
  }

  /**
   * The stored form of a secret.
   *
   * @param secret the secret
   * @param matchValues its match values (bound into a code's HMAC)
   * @return the digest
   */
  String digest(String secret, List<?> matchValues) {
    return digest(secret, matchValues, -1);
  }

  /** The stored form of a secret issued in a time window (-1: the table has an expiry column). */
  private String digest(String secret, List<?> matchValues, long window) {
    String windowed = window < 0 ? secret : secret + "\u0000w" + window;
    if (kind == Kind.TOKEN) {
      return Secrets.sha256(windowed);
    }
    StringBuilder message = new StringBuilder(windowed);
    for (Object m : matchValues) {
      message.append('\u0000').append(m);
    }
    String mac = Secrets.base64Url(Secrets.hmacSha256(codeKey,
        message.toString().getBytes(StandardCharsets.UTF_8)));
    return mac.substring(0, digestLength);
  }

  private List<Object> matchValues(Map<String, ?> columns) {
    List<Object> values = new ArrayList<>();
    for (String m : table.matchColumns()) {
      if (!columns.containsKey(m)) {
        throw new IllegalArgumentException("issue needs a value for match column " + m);
      }
      values.add(columns.get(m));
    }
    return values;
  }

  private String sixDigits() {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  @Override
  public String toString() {
    return "SingleUseSecrets[" + table.table() + ", " + kind + "]";
  }
}
