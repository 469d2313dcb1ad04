package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A block list of breached and common passwords over one table, keyed by the upper-case hex
 * SHA-1 of the NFKC password ({@link PasswordPolicy#blocklistHash}), the format of the Pwned
 * Passwords downloads, so a breached-password list loads as it is. Only hashes are stored.
 */
public final class PasswordBlocklist {
  /**
   * Where the hashes live.
   *
   * @param table the table
   * @param hash the upper-case hex SHA-1
   * @param source where the entry came from, or null when the table keeps none
   */
  public record Table(String table, String hash, String source) {
    /** Checks that the table and the hash column are named. */
    public Table {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(hash, "hash");
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("hash", hash);
      if (source != null) {
        m.put("source", source);
      }
      return m;
    }
  }

  private static final String EXISTS = "SELECT 1 FROM {t} WHERE {hash} = ?";
  private static final String INSERT = "INSERT INTO {t} ({hash}) SELECT ?";
  private static final String INSERT_SOURCE = "INSERT INTO {t} ({hash}, {source}) SELECT ?, ?";
  private static final String UNLISTED = " WHERE NOT EXISTS (SELECT 1 FROM {t} WHERE {hash} = ?)";

  private final Db db;
  private final boolean sources;
  private final String existsSql;
  private final String insertSql;

  /**
   * A block list in {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   */
  public PasswordBlocklist(DataSource dataSource, Table table) {
    this.db = new Db(dataSource);
    this.sources = table.source() != null;
    Map<String, String> ids = table.ids();
    this.existsSql = Jdbc.render(EXISTS, ids);
    this.insertSql = Jdbc.render((sources ? INSERT_SOURCE : INSERT) + UNLISTED, ids);
  }

  /**
   * Whether a password is listed. Null and over-long candidates are not (the policy refuses
   * those before).
   *
   * @param candidate the password; not kept
   * @return whether its hash is listed
   */
  public boolean isBlacklisted(char[] candidate) {
    if (candidate == null || candidate.length > PasswordHasher.MAX_LENGTH) {
      return false;
    }
    String normal = Normalizer.normalize(CharBuffer.wrap(candidate), Normalizer.Form.NFKC);
    return !db.query(existsSql, rs -> 1, PasswordPolicy.blocklistHash(normal)).isEmpty();
  }

  /**
   * Lists a hash once; a listed one is left as it is.
   *
   * @param passwordHash the hex SHA-1 of a password, either case
   * @param source where it came from (kept when the table has a column for it)
   * @throws IllegalArgumentException when the hash is not 40 hex digits
   */
  public void add(String passwordHash, String source) {
    if (passwordHash == null || !passwordHash.matches("[0-9A-Fa-f]{40}")) {
      throw new IllegalArgumentException(
          "a block-list entry is the hex SHA-1 of a password (40 hex digits)");
    }
    String upper = passwordHash.toUpperCase(Locale.ROOT);
    if (sources) {
      db.update(insertSql, upper, source, upper);
    } else {
      db.update(insertSql, upper, upper);
    }
  }

  @Override
  public String toString() {
    return "PasswordBlocklist";
  }
}
