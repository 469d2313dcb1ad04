package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The password rules in force: a policy row's values where set, NIST SP 800-63B-4's defaults
 * ({@link PasswordPolicy#nist}) elsewhere, and a block list when there is one. Composition
 * rules apply only where the row asks for them.
 */
public final class PasswordPolicies {
  /**
   * Where the policy row lives; a null column leaves its rule at the default.
   *
   * @param table the table, whose first row by {@code id} is the policy
   * @param minLength the minimum length, or null
   * @param maxLength the maximum length, or null
   * @param upper whether an upper-case letter is required, or null
   * @param lower whether a lower-case letter is required, or null
   * @param digit whether a digit is required, or null
   * @param special whether a special character is required, or null
   * @param id its primary key
   */
  public record Table(String table, String minLength, String maxLength, String upper,
      String lower, String digit, String special, String id) {
    /** Checks that the table and its key are named. */
    public Table {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(id, "id");
    }

    String[] rules() {
      return new String[] {minLength, maxLength, upper, lower, digit, special};
    }
  }

  private static final String SELECT = "SELECT {columns} FROM {t} ORDER BY {id} LIMIT 1";

  private final Db db;
  private final PasswordPolicy defaults;
  private final Predicate<String> blocked;
  private final String[] rules;
  private final String selectSql;

  /**
   * Rules from {@code table}'s first row, or NIST's defaults.
   *
   * @param dataSource the database
   * @param table the mapping, or null when the spec keeps no policy row
   * @param multiFactor whether every account has a second factor (8 characters suffice then,
   *     else 15)
   * @param blocked whether an NFKC password is on a block list, or null for none
   */
  public PasswordPolicies(DataSource dataSource, Table table, boolean multiFactor,
      Predicate<String> blocked) {
    this.db = new Db(dataSource);
    this.defaults = PasswordPolicy.nist(multiFactor);
    this.blocked = blocked;
    this.rules = table == null ? new String[6] : table.rules();
    List<String> columns = new ArrayList<>();
    for (String rule : rules) {
      if (rule != null) {
        columns.add(Jdbc.quote(rule));
      }
    }
    if (columns.isEmpty()) {
      this.selectSql = null;
    } else {
      Map<String, String> ids = new LinkedHashMap<>(Map.of("t", table.table(), "id", table.id()));
      this.selectSql = Jdbc.render(SELECT.replace("{columns}", String.join(", ", columns)), ids);
    }
  }

  /**
   * The rules in force: the policy row's values where set, NIST's defaults elsewhere.
   *
   * @return the policy
   */
  public PasswordPolicy policy() {
    if (selectSql == null) {
      return defaults;
    }
    List<PasswordPolicy> rows = db.query(selectSql, this::read);
    return rows.isEmpty() ? defaults : rows.get(0);
  }

  /**
   * What a candidate password breaks, in words for the user.
   *
   * @param candidate the password; not kept
   * @return the rules it breaks, empty when it passes
   */
  public List<String> violations(char[] candidate) {
    return policy().violations(candidate, blocked, List.of());
  }

  private PasswordPolicy read(ResultSet rs) throws SQLException {
    Object[] v = new Object[rules.length];
    int at = 1;
    for (int i = 0; i < rules.length; i++) {
      Class<?> type = i < 2 ? Integer.class : Boolean.class;
      v[i] = rules[i] == null ? null : rs.getObject(at++, type);
    }
    return new PasswordPolicy(
        v[0] != null ? (Integer) v[0] : defaults.minLength(),
        v[1] != null ? (Integer) v[1] : defaults.maxLength(),
        v[2] != null ? (Boolean) v[2] : defaults.upper(),
        v[3] != null ? (Boolean) v[3] : defaults.lower(),
        v[4] != null ? (Boolean) v[4] : defaults.digit(),
        v[5] != null ? (Boolean) v[5] : defaults.special());
  }

  @Override
  public String toString() {
    return "PasswordPolicies[" + (selectSql == null ? "defaults" : "policy row") + "]";
  }
}
