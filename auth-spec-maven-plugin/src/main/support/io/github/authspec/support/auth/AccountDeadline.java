package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deadline kept on the account row: an explicit instant, or else a base instant (the last
 * change, the account's creation) plus a duration; read in one SELECT, set in one UPDATE.
 */
final class AccountDeadline {
  private static final String SELECT = "SELECT {at} FROM {t} WHERE {id} = ?";
  private static final String SELECT_BASED = "SELECT {at}, {from} FROM {t} WHERE {id} = ?";
  private static final String SET = "UPDATE {t} SET {at} = ? WHERE {id} = ?";

  private final Db db;
  private final Duration after;
  private final boolean based;
  private final String select;
  private final String set;

  /**
   * A deadline.
   *
   * @param db the database
   * @param table the account table
   * @param id its id column
   * @param at the explicit deadline's column
   * @param from the base instant's column, or null when the table has none
   * @param after the duration after the base, or null for none
   */
  AccountDeadline(Db db, String table, String id, String at, String from, Duration after) {
    this.db = db;
    this.after = after;
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("t", Objects.requireNonNull(table, "table"));
    ids.put("id", Objects.requireNonNull(id, "id"));
    ids.put("at", Objects.requireNonNull(at, "the deadline's column must be named"));
    this.based = from != null;
    if (based) {
      ids.put("from", from);
    }
    this.select = Jdbc.render(based ? SELECT_BASED : SELECT, ids);
    this.set = Jdbc.render(SET, ids);
  }

  /** The explicit deadline, else the base plus the duration when both exist. */
  Optional<Instant> of(Object userId) {
    return db.query(select, rs -> {
      Instant at = SqlTime.get(rs, 1);
      Instant from = based ? SqlTime.get(rs, 2) : null;
      return at != null ? at : from != null && after != null ? from.plus(after) : null;
    }, userId).stream().filter(Objects::nonNull).findFirst();
  }

  /** Whether the deadline is not after {@code now}; {@code whenNone} without one. */
  boolean passed(Object userId, Instant now, boolean whenNone) {
    return of(userId).map(at -> !now.isBefore(at)).orElse(whenNone);
  }

  /** Sets the explicit deadline. */
  void set(Object userId, Instant at) {
    db.update(set, at, userId);
  }
}
