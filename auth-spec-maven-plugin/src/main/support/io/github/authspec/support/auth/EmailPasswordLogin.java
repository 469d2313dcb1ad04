package io.github.authspec.support.auth;

import io.github.authspec.support.repository.Jdbc;
import io.github.authspec.support.repository.RepositoryException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Sign-up, sign-in and password change with an email address and a password over one account
 * table. It exists so that the properties an account store must have are written and tested
 * once: a refused registration writes nothing (address and policy are checked first, then one
 * INSERT); every refused login costs exactly one password verification at the current
 * parameters, so timing does not tell which addresses have accounts; a hash at outdated
 * parameters is replaced while the password is at hand; and a password change is a
 * compare-and-set on the old hash, so two concurrent changes cannot both win.
 *
 * @param <I> the type of the account id
 */
public final class EmailPasswordLogin<I> {
  /**
   * Where accounts live.
   *
   * @param table the account table
   * @param id the account id (the key)
   * @param email the normalised email address (unique)
   * @param passwordHash the PHC hash
   * @param hashAlgorithm the hash's scheme name, or null when the table keeps none
   * @param passwordChangedAt when the password last changed, or null when the table keeps none
   */
  public record Table(String table, String id, String email, String passwordHash,
      String hashAlgorithm, String passwordChangedAt) {
    /** Checks that every required column is named. */
    public Table {
      for (String s : new String[] {table, id, email, passwordHash}) {
        Objects.requireNonNull(s, "every required column of the account table must be named");
      }
    }

    /**
     * The seed spec's names.
     *
     * @return the mapping of {@code users}
     */
    public static Table conventional() {
      return new Table("users", "id", "email", "password_hash", "hash_algorithm",
          "password_changed_at");
    }

    Map<String, String> ids() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("t", table);
      m.put("id", id);
      m.put("email", email);
      m.put("hash", passwordHash);
      if (hashAlgorithm != null) {
        m.put("alg", hashAlgorithm);
      }
      if (passwordChangedAt != null) {
        m.put("changed", passwordChangedAt);
      }
      return m;
    }
  }

  /** The rules a new password must pass (a policy service, or {@link PasswordPolicy}). */
  @FunctionalInterface
  public interface Policy {
    /**
     * The rules {@code password} breaks.
     *
     * @param password the candidate
     * @return the broken rules, empty when it passes
     */
    List<String> violations(char[] password);
  }

  /**
   * A login's outcome. The id is set for a wrong password too, for lockout counting; never
   * show it to the caller.
   *
   * @param <I> the type of the account id
   * @param authenticated whether the password verified
   * @param userId the account, when it exists
   */
  public record Attempt<I>(boolean authenticated, I userId) {
  }

  private static final String BY_EMAIL = "SELECT {id}, {hash} FROM {t} WHERE {email} = ?";
  private static final String BY_ID = "SELECT {hash} FROM {t} WHERE {id} = ?";
  private static final String INSERT = "INSERT INTO {t} ({email}, {hash}";
  private static final String INSERTED = " RETURNING {id}";
  private static final String SET_HASH = "UPDATE {t} SET {hash} = ?";
  private static final String UNCHANGED = " WHERE {id} = ? AND {hash} = ?";
  private static final String ALGORITHM = "alg";
  private static final String CHANGED_AT = "changed";

  private final Db db;
  private final Class<I> idType;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final int maxEmailLength;
  private final boolean algorithm;
  private final boolean changedAt;
  private final String byEmailSql;
  private final String byIdSql;
  private final String insertSql;
  private final String setHashSql;

  /**
   * Accounts in {@code table}.
   *
   * @param dataSource the database
   * @param table the mapping
   * @param idType the type of the account id
   * @param clock stamps password changes
   * @param hasher hashes and verifies passwords
   * @param maxEmailLength the longest address the email column holds
   */
  public EmailPasswordLogin(DataSource dataSource, Table table, Class<I> idType, Clock clock,
      PasswordHasher hasher, int maxEmailLength) {
    this.db = new Db(dataSource);
    this.idType = Objects.requireNonNull(idType, "idType");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.maxEmailLength = maxEmailLength;
    Map<String, String> ids = table.ids();
    this.algorithm = ids.containsKey(ALGORITHM);
    this.changedAt = ids.containsKey(CHANGED_AT);
    StringBuilder columns = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    StringBuilder assignments = new StringBuilder();
    for (String optional : List.of(ALGORITHM, CHANGED_AT)) {
      if (ids.containsKey(optional)) {
        columns.append(", {").append(optional).append('}');
        marks.append(", ?");
        assignments.append(", {").append(optional).append("} = ?");
      }
    }
    this.byEmailSql = Jdbc.render(BY_EMAIL, ids);
    this.byIdSql = Jdbc.render(BY_ID, ids);
    this.insertSql = Jdbc.render(INSERT + columns + ") VALUES (?, ?" + marks + ")" + INSERTED,
        ids);
    this.setHashSql = Jdbc.render(SET_HASH + assignments + UNCHANGED, ids);
  }

  /**
   * Creates an account: the address and the policy are checked first, then one INSERT.
   *
   * @param email the address as typed
   * @param password the password
   * @param policy the password rules
   * @return the new account's id
   * @throws CredentialException {@code invalid-email}, {@code password-policy} or
   *     {@code email-taken}; nothing was written
   */
  public I register(String email, char[] password, Policy policy) {
    String address = EmailAddress.normalise(email, maxEmailLength);
    if (address == null) {
      throw new CredentialException(CredentialException.INVALID_EMAIL, List.of());
    }
    requirePolicy(password, policy);
    try {
      return db.query(insertSql, rs -> rs.getObject(1, idType),
          values(address, hasher.hash(password))).get(0);
    } catch (RepositoryException e) {
      if ("23505".equals(e.sqlState())) {
        throw new CredentialException(CredentialException.EMAIL_TAKEN, List.of());
      }
      throw e;
    }
  }

  /**
   * Signs in: exactly one verification whatever the outcome, and a rehash when the stored
   * parameters are outdated.
   *
   * @param email the address as typed
   * @param password the password
   * @return the outcome
   */
  public Attempt<I> login(String email, char[] password) {
    return login(email, password, id -> false);
  }

  /**
   * Signs in unless {@code barred} refuses the account first (a lock): a barred account's
   * password is not verified, and a stand-in verification spends the same work, so neither
   * the answer nor its time tells a lock from a wrong password.
   *
   * @param email the address as typed
   * @param password the password
   * @param barred asked once with the account's id, before its password is verified
   * @return the outcome; not authenticated for a barred account
   */
  public Attempt<I> login(String email, char[] password, Predicate<I> barred) {
    String address = EmailAddress.normalise(email, maxEmailLength);
    List<Object[]> rows = address == null ? List.of()
        : db.query(byEmailSql, rs -> new Object[] {rs.getObject(1, idType), rs.getString(2)},
            address);
    if (rows.isEmpty() || rows.get(0)[1] == null) {
      // As slow as a wrong password, so timing does not tell which emails exist.
      hasher.verifyDummy(password);
      return new Attempt<>(false, null);
    }
    I id = idType.cast(rows.get(0)[0]);
    String stored = (String) rows.get(0)[1];
    if (barred.test(id)) {
      hasher.verifyDummy(password);
      return new Attempt<>(false, id);
    }
    if (!hasher.verify(password, stored)) {
      return new Attempt<>(false, id);
    }
    if (hasher.needsRehash(stored)) {
      // Outdated parameters or a legacy scheme: upgrade while the password is here.
      db.update(setHashSql, values(null, hasher.hash(password), id, stored));
    }
    return new Attempt<>(true, id);
  }

  /**
   * Replaces the password: the current one must verify and the new one pass the policy; the
   * UPDATE only takes effect if the hash did not change meanwhile.
   *
   * @param userId the account
   * @param currentPassword the password in force
   * @param newPassword its replacement
   * @param policy the password rules
   * @throws CredentialException {@code invalid-credentials}, {@code password-policy} or
   *     {@code concurrent-change}; nothing was written
   */
  public void changePassword(I userId, char[] currentPassword, char[] newPassword,
      Policy policy) {
    List<String> rows = db.query(byIdSql, rs -> rs.getString(1), userId);
    String stored = rows.isEmpty() ? null : rows.get(0);
    if (stored == null) {
      hasher.verifyDummy(currentPassword);
      throw new CredentialException(CredentialException.INVALID_CREDENTIALS, List.of());
    }
    if (!hasher.verify(currentPassword, stored)) {
      throw new CredentialException(CredentialException.INVALID_CREDENTIALS, List.of());
    }
    requirePolicy(newPassword, policy);
    if (db.update(setHashSql, values(null, hasher.hash(newPassword), userId, stored)) != 1) {
      throw new CredentialException(CredentialException.CONCURRENT_CHANGE, List.of());
    }
  }

  /**
   * A digest of the account's stored password hash, which changes whenever the password does:
   * what a login started (a second-factor challenge) is bound to it, so a password change or
   * reset in between ends it. The digest reveals nothing a hash would not.
   *
   * @param userId the account
   * @return the digest, empty for an unknown account or one without a password
   */
  public Optional<String> passwordStamp(I userId) {
    List<String> rows = db.query(byIdSql, rs -> rs.getString(1), userId);
    return rows.isEmpty() || rows.get(0) == null ? Optional.empty()
        : Optional.of(digest(rows.get(0)));
  }

  /** SHA-256 of the text's UTF-8, base64url without padding: the flow's one digest. */
  static String digest(String text) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance(
          "SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static void requirePolicy(char[] password, Policy policy) {
    List<String> broken = policy.violations(password);
    if (!broken.isEmpty()) {
      throw new CredentialException(CredentialException.POLICY, broken);
    }
  }

  /** {@code head}, then the new hash and the columns that change with it, then {@code tail}. */
  private Object[] values(Object head, String hash, Object... tail) {
    List<Object> out = new ArrayList<>();
    if (head != null) {
      out.add(head);
    }
    out.add(hash);
    if (algorithm) {
      out.add(hasher.algorithm());
    }
    if (changedAt) {
      out.add(clock.instant());
    }
    out.addAll(List.of(tail));
    return out.toArray();
  }

  @Override
  public String toString() {
    return "EmailPasswordLogin[" + idType.getSimpleName() + "]";
  }
}
