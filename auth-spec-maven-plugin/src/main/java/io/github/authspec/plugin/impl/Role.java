package io.github.authspec.plugin.impl;

import io.github.authspec.model.SqlType;
import java.util.List;
import java.util.Set;

/**
 * A column or Redis key an implementation needs, named by what it does ({@code totp.secret},
 * {@code account-lockout.failures}), with the conventional names that find it when the feature's
 * {@code usedColumns} do not.
 *
 * @param feature the feature id
 * @param name the role's name within the feature, e.g. {@code lastUsed}
 * @param purpose what it holds, for the warning when it is missing
 * @param kind a column or key patterns
 * @param group roles of one group live in one table (one row per user)
 * @param tables conventional tables, in order of preference
 * @param names conventional column names (or, for keys, pattern prefixes), in order
 * @param types the column types the implementation can work with
 * @param optional whether the implementation works without it
 * @param ownerTable whether it lives in another table than the feature's (the owner's
 *     {@code users} row beside {@code invitations}): looked for only in its conventional
 *     tables, never in the feature's used tables, which may have a column of the same name
 */
public record Role(String feature, String name, String purpose, Kind kind, String group,
    List<String> tables, List<String> names, Set<SqlType> types, boolean optional,
    boolean ownerTable) {
  /** Column types a role of each kind accepts: ids, integer keys, counters and text. */
  static final SqlType[] ID = {SqlType.BIGINT, SqlType.INT, SqlType.SMALLINT, SqlType.UUID};
  static final SqlType[] KEY = {SqlType.BIGINT, SqlType.INT};
  static final SqlType[] COUNT = {SqlType.INT, SqlType.BIGINT, SqlType.SMALLINT};
  static final SqlType[] STRING = {SqlType.VARCHAR, SqlType.TEXT};
  /** The tables an account's own columns are looked for in (group {@code account}). */
  static final List<String> ACCOUNT_TABLES = List.of("users", "accounts", "user_accounts");


  /** What a role binds to. */
  public enum Kind {
    /** One column of a table. */
    COLUMN,
    /**
     * Every String Redis key pattern that starts with one of the prefixes and has one
     * placeholder.
     */
    KEYS,
    /** The same, of type Hash. */
    HASH_KEYS;

    /** Whether it binds Redis keys. */
    boolean keys() {
      return this != COLUMN;
    }
  }

  public Role {
    tables = List.copyOf(tables);
    names = List.copyOf(names);
    types = Set.copyOf(types);
  }

  /** {@code feature.name}, as the {@code roles} parameter spells it. */
  public String id() {
    return feature + "." + name;
  }

  /** The same role, not needed for the implementation to work. */
  public Role asOptional() {
    return new Role(feature, name, purpose, kind, group, tables, names, types, true, ownerTable);
  }

  /** The same role, looked for only in its conventional tables. */
  public Role inOwnerTable() {
    return new Role(feature, name, purpose, kind, group, tables, names, types, optional, true);
  }

  static Role column(String feature, String name, String purpose, String group,
      List<String> tables, List<String> names, SqlType... types) {
    return new Role(feature, name, purpose, Kind.COLUMN, group, tables, names, Set.of(types),
        false, false);
  }

  static Role keys(String feature, String name, String purpose, String... prefixes) {
    return new Role(feature, name, purpose, Kind.KEYS, "", List.of(), List.of(prefixes),
        Set.of(), false, false);
  }

  /** A role of Hash keys, as {@link #keys}. */
  static Role hashKeys(String feature, String name, String purpose, String... prefixes) {
    return new Role(feature, name, purpose, Kind.HASH_KEYS, "", List.of(), List.of(prefixes),
        Set.of(), false, false);
  }
}
