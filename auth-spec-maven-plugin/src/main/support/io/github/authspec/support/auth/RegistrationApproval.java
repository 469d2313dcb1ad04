package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * New accounts wait for an administrator. The rule fails closed: an account signs in only when
 * its status is {@link #APPROVED}; pending, rejected and unset (null) all refuse, so an account
 * made by a path that forgot to mark it pending is still refused. Accounts that predate the
 * feature must be set to approved once (one UPDATE) when it is introduced. Approving records the
 * approver; a rejection's reason is the caller's to audit (the seed table keeps none).
 *
 * @param <I> the type of the account id
 */
public final class RegistrationApproval<I> {
  /** The status that lets an account sign in. */
  public static final String APPROVED = "approved";
  /** The status of an account waiting for a decision. */
  public static final String PENDING = "pending";
  /** The status of a refused account. */
  public static final String REJECTED = "rejected";
  /** The most accounts {@link #pending} lists. */
  public static final int MAX_LIST = 1000;

  /**
   * Where the status lives: on the account row.
   *
   * @param table the account table
   * @param id the account id
   * @param status the approval status ({@code pending}, {@code approved}, {@code rejected})
   * @param approvedBy who decided (null when the table keeps none)
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

  private static final String PENDING_LIST = "SELECT {id} FROM {t} WHERE {status} IS NULL"
      + " OR {status} = ? ORDER BY {id} LIMIT ?";
  private static final String DECIDE = "UPDATE {t} SET {status} = ?";
  private static final String BY = ", {by} = ?";
  private static final String UNDECIDED = " WHERE {id} = ? AND ({status} IS NULL OR {status} = ?)";
  private static final String APPROVED_SQL = "SELECT {status} = ? FROM {t} WHERE {id} = ?";

  private final Db db;
  private final Class<I> idType;
  private final boolean by;
  private final String pendingSql;
  private final String decideSql;
  private final String approvedSql;

  /**
   * Approvals over {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param idType the type of the account id
   */
  public RegistrationApproval(DataSource dataSource, Table table, Class<I> idType) {
    this.db = new Db(dataSource);
    this.idType = Objects.requireNonNull(idType, "idType");
    this.by = table.approvedBy() != null;
    Map<String, String> ids = table.ids();
    this.pendingSql = Jdbc.render(PENDING_LIST, ids);
    this.decideSql = Jdbc.render(DECIDE + (by ? BY : "") + UNDECIDED, ids);
    this.approvedSql = Jdbc.render(APPROVED_SQL, ids);
  }

  /**
   * The accounts awaiting a decision (pending or unset), by id, at most {@link #MAX_LIST}.
   *
   * @return their ids
   */
  public List<I> pending() {
    return db.query(pendingSql, rs -> rs.getObject(1, idType), PENDING, MAX_LIST);
  }

  /**
   * Marks a new account pending (registration calls it).
   *
   * @param userId the account
   */
  public void markPending(I userId) {
    decide(userId, PENDING, null);
  }

  /**
   * Approves an account awaiting a decision.
   *
   * @param userId the account
   * @param approvedBy the administrator
   * @throws IllegalStateException when the account is not awaiting a decision
   */
  public void approve(I userId, I approvedBy) {
    if (!decide(userId, APPROVED, approvedBy)) {
      throw new IllegalStateException("no account awaiting a decision");
    }
  }

  /**
   * Rejects an account awaiting a decision; it never signs in.
   *
   * @param userId the account
   * @param rejectedBy the administrator
   * @param reason why (for the caller's audit)
   * @throws IllegalStateException when the account is not awaiting a decision
   */
  public void reject(I userId, I rejectedBy, String reason) {
    if (!decide(userId, REJECTED, rejectedBy)) {
      throw new IllegalStateException("no account awaiting a decision");
    }
  }

  /**
   * Whether the account may sign in.
   *
   * @param userId the account
   * @return whether its status is approved
   */
  public boolean isApproved(I userId) {
    List<Boolean> rows = db.query(approvedSql, rs -> rs.getBoolean(1), APPROVED, userId);
    return !rows.isEmpty() && rows.get(0);
  }

  private boolean decide(I userId, String status, I decidedBy) {
    return (by ? db.update(decideSql, status, decidedBy, userId, PENDING)
        : db.update(decideSql, status, userId, PENDING)) == 1;
  }

  @Override
  public String toString() {
    return "RegistrationApproval[" + idType.getSimpleName() + "]";
  }
}
