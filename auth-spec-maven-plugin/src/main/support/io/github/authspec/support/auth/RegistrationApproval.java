package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * New accounts wait for an administrator: only an account whose status is {@link #APPROVED} may
 * sign in. Every other status bars it, including none at all and a value this class does not
 * know, so a row written by other code fails closed (the seed spec's column defaults to
 * {@code pending}). Each decision is one UPDATE guarded by the status it leaves, so two
 * administrators deciding at once cannot both win: a rejection applies only to a pending
 * account (an approved one is suspended instead, which also ends its credentials), and approval
 * also lifts a rejection.
 */
public final class RegistrationApproval {
  /** The status of an account that may sign in. */
  public static final String APPROVED = "approved";
  /** The status of an account waiting for a decision. */
  public static final String PENDING = "pending";
  /** The status of a refused account. */
  public static final String REJECTED = "rejected";

  /**
   * Where the decision lives: on the account row.
   *
   * @param table the account table
   * @param id the account id
   * @param status the approval status ({@code pending}, {@code approved}, {@code rejected})
   * @param approvedBy who approved it (null when the table keeps none)
   */
  public record Table(String table, String id, String status, String approvedBy) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, id, status}) {
        Objects.requireNonNull(s, "every required column of the approval must be named");
      }
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("id", id);
      m.put("status", status);
      if (approvedBy != null) {
        m.put("by", approvedBy);
      }
      return m;
    }
  }

  private static final String WAITING = "({status} IS NULL OR {status} = '" + PENDING + "')";
  private static final String PENDING_IDS = "SELECT {id} FROM {t} WHERE " + WAITING
      + " ORDER BY {id}";
  private static final String APPROVE = "UPDATE {t} SET {status} = '" + APPROVED + "'";
  private static final String APPROVE_BY = ", {by} = ?";
  private static final String NOT_APPROVED = " WHERE {id} = ? AND {status} IS DISTINCT FROM '"
      + APPROVED + "'";
  private static final String REJECT = "UPDATE {t} SET {status} = '" + REJECTED + "'"
      + " WHERE {id} = ? AND " + WAITING;
  private static final String STATUS = "SELECT {status} FROM {t} WHERE {id} = ?";

  private final Db db;
  private final boolean stamped;
  private final String pendingSql;
  private final String approveSql;
  private final String rejectSql;
  private final String statusSql;

  /**
   * Approvals over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   */
  public RegistrationApproval(DataSource dataSource, Table table) {
    this.db = new Db(dataSource);
    this.stamped = table.approvedBy() != null;
    Map<String, String> ids = table.ids();
    this.pendingSql = Jdbc.render(PENDING_IDS, ids);
    this.approveSql = Jdbc.render(APPROVE + (stamped ? APPROVE_BY : "") + NOT_APPROVED, ids);
    this.rejectSql = Jdbc.render(REJECT, ids);
    this.statusSql = Jdbc.render(STATUS, ids);
  }

  /**
   * The accounts waiting for a decision, by id.
   *
   * @param <T> the id type of the account table
   * @return their ids, ascending
   */
  @SuppressWarnings("unchecked")
  public <T> List<T> pending() {
    return (List<T>) db.query(pendingSql, r -> r.getObject(1));
  }

  /**
   * Lets an account sign in: pending or rejected before.
   *
   * @param userId the account
   * @param approvedBy the administrator, kept when the table has a column for it
   * @throws IllegalArgumentException for an unknown account
   * @throws IllegalStateException when it is approved already
   */
  public void approve(Object userId, Object approvedBy) {
    int changed = stamped ? db.update(approveSql, approvedBy, userId)
        : db.update(approveSql, userId);
    if (changed == 0) {
      throw refusal(userId, "approved already");
    }
  }

  /**
   * Refuses a pending account; it stays barred. The reason is the caller's to audit: the seed
   * table keeps none.
   *
   * @param userId the account
   * @param rejectedBy the administrator (audited by the caller)
   * @param reason why (audited by the caller, never shown at login)
   * @throws IllegalArgumentException for an unknown account
   * @throws IllegalStateException when it is not pending (suspend an approved account instead)
   */
  public void reject(Object userId, Object rejectedBy, String reason) {
    Objects.requireNonNull(rejectedBy, "rejectedBy");
    if (db.update(rejectSql, userId) == 0) {
      throw refusal(userId, "not pending; suspend an approved account instead");
    }
  }

  /**
   * Whether the account may not sign in: not approved (pending, rejected, no status, or one
   * this class does not know), or unknown.
   *
   * @param userId the account
   * @return true unless it is approved
   */
  public boolean isUnapproved(Object userId) {
    List<String> status = db.query(statusSql, r -> r.getString(1), userId);
    return status.isEmpty() || !APPROVED.equals(status.get(0));
  }

  /** Why a decision changed nothing: the account is unknown, or in the wrong state. */
  private RuntimeException refusal(Object userId, String state) {
    if (db.query(statusSql, r -> r.getString(1), userId).isEmpty()) {
      return new IllegalArgumentException("no such account");
    }
    return new IllegalStateException("the account is " + state);
  }

  @Override
  public String toString() {
    return "RegistrationApproval";
  }
}
