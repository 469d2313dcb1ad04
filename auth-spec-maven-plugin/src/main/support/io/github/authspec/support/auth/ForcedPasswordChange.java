package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A password change required at next login: a flag on the account row, set by an
 * administrator and cleared once the password was changed; each change is one UPDATE.
 */
public final class ForcedPasswordChange {
  /**
   * Where the flag lives.
   *
   * @param table the account table
   * @param id the account id
   * @param required the must-change flag
   */
  public record Table(String table, String id, String required) {
    /** Checks that every column is named. */
    public Table {
      for (String s : new String[] {table, id, required}) {
        Objects.requireNonNull(s, "every column of the flag must be named");
      }
    }
  }

  private static final String SET = "UPDATE {t} SET {flag} = ? WHERE {id} = ?";
  private static final String SELECT = "SELECT {flag} FROM {t} WHERE {id} = ?";

  private final Db db;
  private final String set;
  private final String select;

  /**
   * The flag over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   */
  public ForcedPasswordChange(DataSource dataSource, Table table) {
    this.db = new Db(dataSource);
    Map<String, String> ids = Map.of("t", table.table(), "id", table.id(), "flag",
        table.required());
    this.set = Jdbc.render(SET, ids);
    this.select = Jdbc.render(SELECT, ids);
  }

  /**
   * Requires a change at next login. The reason belongs in the audit log; the table has no
   * column for it.
   *
   * @param userId the account
   */
  public void require(Object userId) {
    db.update(set, true, userId);
  }

  /**
   * Whether a change is required (an unknown user: no).
   *
   * @param userId the account
   * @return the flag
   */
  public boolean isRequired(Object userId) {
    return db.query(select, rs -> rs.getBoolean(1), userId).stream().anyMatch(r -> r);
  }

  /**
   * Clears the flag once the password was changed.
   *
   * @param userId the account
   */
  public void clear(Object userId) {
    db.update(set, false, userId);
  }
}
