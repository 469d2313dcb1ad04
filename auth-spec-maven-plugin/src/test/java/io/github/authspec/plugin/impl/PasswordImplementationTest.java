package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.support.auth.PasswordPolicy;
import java.security.SecureRandom;
import java.time.Instant;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generated email-password-login, password-policies, password-blacklist and
 * password-history implementations of the full seed spec against a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordImplementationTest {
  private static final String GOOD = "correct horse battery staple";
  private DataSource db;
  private MutableClock clock;
  private Object fastHasher;
  private Object policies;
  private Object blocklist;
  private Object login;

  @BeforeAll
  void start() {
    db = Generated.database("impl_passwords");
    clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    // Few iterations keep the table tests fast; the OWASP count is tested in rehash().
    fastHasher = hasher(1_000);
    blocklist = Generated.create("service.passwordmanagement.DefaultPasswordBlacklistService",
        db);
    policies = Generated.create("service.passwordmanagement.DefaultPasswordPoliciesService", db,
        false, blocklist);
    login = login(fastHasher);
  }

  private Object hasher(int iterations) {
    Object pbkdf2 = Generated.passwordAlgorithm(iterations);
    Object none = java.lang.reflect.Array.newInstance(Generated.type("auth.PasswordAlgorithm"), 0);
    return Generated.create("auth.PasswordHasher", new SecureRandom(), pbkdf2, none);
  }

  private Object login(Object hasher) {
    return Generated.create("service.authentication.DefaultEmailPasswordLoginService", db, clock,
        hasher, policies, Generated.scripts(), Generated.accessTokens());
  }

  private long register(Object service, String email, String password) {
    return (long) Generated.call(service, "register", email, password.toCharArray(),
        Generated.context());
  }

  private Object result(Object service, String email, String password) {
    return Generated.call(service, "login", email, password.toCharArray(), Generated.context());
  }

  private static String status(Object result) {
    return Generated.call(result, "status").toString();
  }

  private long users(String email) {
    return Generated.scalar(db, "SELECT count(*) FROM users WHERE email = '" + email + "'");
  }

  @Test
  @DisplayName("register stores a PHC hash; login succeeds with the password, fails without")
  void registerAndLogin() {
    long id = register(login, " Ada@Example.com ", GOOD);
    String stored = Generated.queryText(db, "SELECT password_hash FROM users WHERE id = " + id);
    assertThat(stored).startsWith(Generated.passwordPrefix(1_000)).doesNotContain(GOOD);
    assertThat(Generated.queryText(db, "SELECT hash_algorithm FROM users WHERE id = " + id))
        .isEqualTo(Generated.CELL.bouncyCastle() ? "argon2id" : "pbkdf2-sha256");
    Object ok = result(login, "ada@example.com", GOOD);
    assertThat(status(ok)).isEqualTo("AUTHENTICATED");
    assertThat(Generated.call(ok, "userId")).isEqualTo(id);
    assertThat(status(result(login, "ada@example.com", GOOD + "!"))).isEqualTo("FAILED");
    Object unknown = result(login, "nobody@example.com", GOOD);
    assertThat(status(unknown)).isEqualTo("FAILED");
    assertThat(Generated.call(unknown, "userId")).isNull();
  }

  @Test
  @DisplayName("a hash at old parameters is replaced at login by one at OWASP's 600,000")
  void rehash() {
    long id = register(login, "old@example.com", GOOD);
    Object owasp = login(hasher(600_000));
    assertThat(status(result(owasp, "old@example.com", GOOD))).isEqualTo("AUTHENTICATED");
    String stored = Generated.queryText(db, "SELECT password_hash FROM users WHERE id = " + id);
    assertThat(stored).startsWith(Generated.passwordPrefix(600_000));
    assertThat(status(result(owasp, "old@example.com", GOOD))).isEqualTo("AUTHENTICATED");
    assertThat(Generated.queryText(db, "SELECT password_hash FROM users WHERE id = " + id))
        .isEqualTo(stored);
  }

  @Test
  @DisplayName("too short, too long (1 MB, refused before hashing), blocklisted: refused, no row")
  void refusedRegistrations() {
    assertRefused("short@example.com", "fourteen chars", "password-policy",
        "at least 15 characters");
    char[] huge = new char[1 << 20];
    Arrays.fill(huge, 'a');
    long start = System.nanoTime();
    assertThatThrownBy(() -> Generated.call(login, "register", "huge@example.com", huge,
        Generated.context())).hasMessageContaining("at most 1024 characters");
    assertThat(System.nanoTime() - start).as("refused without hashing").isLessThan(2_000_000_000L);
    assertThat(users("huge@example.com")).isZero();
    String breached = "password1234567890";
    Generated.call(blocklist, "add", PasswordPolicy.blocklistHash(breached), "test");
    Generated.call(blocklist, "add", PasswordPolicy.blocklistHash(breached), "test again");
    assertThat(Generated.scalar(db, "SELECT count(*) FROM blacklisted_passwords")).isEqualTo(1);
    assertRefused("breached@example.com", breached, "password-policy", "breached");
    assertRefused("not-an-email", GOOD, "invalid-email", "invalid-email");
    register(login, "taken@example.com", GOOD);
    assertThatThrownBy(() -> register(login, "TAKEN@example.com", "another fine passphrase"))
        .satisfies(e -> assertThat(Generated.call(e, "reason")).isEqualTo("email-taken"));
    assertThat(users("taken@example.com")).isEqualTo(1);
  }

  private void assertRefused(String email, String password, String reason, String message) {
    assertThatThrownBy(() -> register(login, email, password))
        .satisfies(e -> assertThat(Generated.call(e, "reason")).isEqualTo(reason))
        .hasMessageContaining(message).hasMessageNotContaining(password);
    assertThat(users(email.strip().toLowerCase(java.util.Locale.ROOT))).isZero();
  }

  @Test
  @DisplayName("64 characters and more are accepted; NFKC makes two spellings one password")
  void lengthsAndNormalisation() {
    register(login, "long@example.com", "x".repeat(64) + "y".repeat(200));
    assertThat(status(result(login, "long@example.com", "x".repeat(64) + "y".repeat(200))))
        .isEqualTo("AUTHENTICATED");
    register(login, "nfkc@example.com", "ﬁve ligatured words here");
    assertThat(status(result(login, "nfkc@example.com", "five ligatured words here")))
        .isEqualTo("AUTHENTICATED");
  }

  @Test
  @DisplayName("the spec's policy row decides: its minimum and its composition rules apply")
  void policyRow() throws Exception {
    assertThat(violations("fifteen chars!!")).isEmpty();
    try (var c = db.getConnection(); var s = c.createStatement()) {
      s.execute("INSERT INTO password_policies (min_length, require_uppercase, "
          + "require_lowercase, require_digits, require_special) VALUES (20, false, false, "
          + "true, false)");
      assertThat(violations("fifteen chars!!")).containsExactly("at least 20 characters",
          "a digit");
      assertThat(violations("twenty characters 1234")).isEmpty();
      s.execute("DELETE FROM password_policies");
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> violations(String candidate) {
    return (List<String>) Generated.call(policies, "violations", candidate.toCharArray(),
        Generated.context());
  }

  @Test
  @DisplayName("change password: the current one must verify, the new one pass the policy")
  void changePassword() {
    clock.set(Instant.parse("2026-12-01T12:00:00Z"));
    long id = register(login, "change@example.com", GOOD);
    assertThatThrownBy(() -> Generated.call(login, "changePassword", id, "wrong".toCharArray(),
        "another good passphrase".toCharArray(), Generated.context()))
        .hasMessage("invalid-credentials");
    assertThatThrownBy(() -> Generated.call(login, "changePassword", id, GOOD.toCharArray(),
        "short".toCharArray(), Generated.context())).hasMessageContaining("password-policy");
    Generated.call(login, "changePassword", id, GOOD.toCharArray(),
        "another good passphrase".toCharArray(), Generated.context());
    assertThat(status(result(login, "change@example.com", GOOD))).isEqualTo("FAILED");
    assertThat(status(result(login, "change@example.com", "another good passphrase")))
        .isEqualTo("AUTHENTICATED");
    assertThat(Generated.queryText(db, "SELECT " + Generated.utcWall("password_changed_at")
        + " FROM users WHERE id = " + id))
        .isEqualTo("2026-12-01 12:00:00");
  }

  @Test
  @DisplayName("history: the last 3 passwords are refused, older ones are forgotten")
  void history() {
    long id = Generated.user(db, "history@example.com");
    Object history = Generated.create("service.passwordmanagement.DefaultPasswordHistoryService",
        db, clock, fastHasher, 3);
    for (int i = 1; i <= 5; i++) {
      clock.advance(java.time.Duration.ofMinutes(1));
      Generated.call(history, "remember", id, Generated.call(fastHasher, "hash",
          ("passphrase number " + i).toCharArray()));
    }
    assertThat(Generated.scalar(db, "SELECT count(*) FROM password_history WHERE user_id = "
        + id)).isEqualTo(3);
    for (int i = 1; i <= 5; i++) {
      assertThat(Generated.call(history, "wasUsedRecently", id, ("passphrase number " + i)
          .toCharArray())).as("passphrase " + i).isEqualTo(i >= 3);
    }
  }

  @Test
  @DisplayName("a password with a lone surrogate breaks the policy and is never hashed as '?'")
  void loneSurrogate() {
    assertThat(violations("fifteen chars!!\uD800")).containsExactly(
        "only whole Unicode characters");
    assertRefused("surrogate@example.com", "a correct horse\uD800battery", "password-policy",
        "only whole Unicode characters");
    register(login, "question@example.com", "a correct horse?battery");
    assertThat(status(result(login, "question@example.com", "a correct horse\uD800battery")))
        .isEqualTo("FAILED");
  }

  @Test
  @DisplayName("every refusal costs exactly one verification at the current parameters, as a "
      + "right password does: unknown email, no hash, empty, 1025 characters, lone surrogate, "
      + "wrong password; change password too")
  void everyRefusalDoesTheSameWork() {
    Object pbkdf2 = Generated.passwordAlgorithm(1_000);
    Class<?> algorithm = Generated.type("auth.PasswordAlgorithm");
    java.util.concurrent.atomic.AtomicInteger verifications =
        new java.util.concurrent.atomic.AtomicInteger();
    Object counting = observed(pbkdf2, args -> verifications.incrementAndGet());
    Object none = java.lang.reflect.Array.newInstance(algorithm, 0);
    Object service = login(Generated.create("auth.PasswordHasher", new SecureRandom(), counting,
        none));
    long id = register(service, "work@example.com", GOOD);
    Generated.user(db, "nohash@example.com");
    java.util.Map<String, Object[]> attempts = new java.util.LinkedHashMap<>();
    attempts.put("unknown email", new Object[] {"nobody-here@example.com", GOOD});
    attempts.put("invalid email", new Object[] {"not an email", GOOD});
    attempts.put("account without a hash", new Object[] {"nohash@example.com", GOOD});
    attempts.put("empty password", new Object[] {"work@example.com", ""});
    attempts.put("1025 characters", new Object[] {"work@example.com", "a".repeat(1025)});
    attempts.put("lone surrogate", new Object[] {"work@example.com", "a\uD800b"});
    attempts.put("wrong password", new Object[] {"work@example.com", GOOD + "!"});
    attempts.put("right password", new Object[] {"work@example.com", GOOD});
    attempts.forEach((what, attempt) -> {
      verifications.set(0);
      Object r = result(service, (String) attempt[0], (String) attempt[1]);
      assertThat(status(r)).as(what).isEqualTo(what.equals("right password") ? "AUTHENTICATED"
          : "FAILED");
      assertThat(verifications.get()).as(what).isEqualTo(1);
    });
    for (String current : List.of("", "a".repeat(1025), "a\uD800b", "wrong one")) {
      verifications.set(0);
      assertThatThrownBy(() -> Generated.call(service, "changePassword", id,
          current.toCharArray(), "another good passphrase".toCharArray(), Generated.context()))
          .hasMessage("invalid-credentials");
      assertThat(verifications.get()).as("change password, current " + current.length()
          + " characters").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("an unknown email costs what a wrong password costs: one verification at the "
      + "current parameters, so response time does not tell which emails have accounts")
  void unknownEmailDoesTheSameWork() {
    Object pbkdf2 = Generated.passwordAlgorithm(1_000);
    Class<?> algorithm = Generated.type("auth.PasswordAlgorithm");
    List<String> verified = new java.util.concurrent.CopyOnWriteArrayList<>();
    Object recording = observed(pbkdf2, args -> verified.add(((String) args[1])
        .substring(0, ((String) args[1]).lastIndexOf('$'))));
    Object none = java.lang.reflect.Array.newInstance(algorithm, 0);
    Object service = login(Generated.create("auth.PasswordHasher", new SecureRandom(), recording,
        none));
    register(service, "timing@example.com", GOOD);
    verified.clear();
    assertThat(status(result(service, "timing@example.com", "a wrong pass phrase here")))
        .isEqualTo("FAILED");
    List<String> wrongPassword = List.copyOf(verified);
    verified.clear();
    assertThat(status(result(service, "nobody@example.com", "a wrong pass phrase here")))
        .isEqualTo("FAILED");
    assertThat(wrongPassword).hasSize(1);
    assertThat(verified).as("the unknown email's verifications").hasSize(1);
    // Same scheme and parameters (the PHC prefix up to the salt): the same cost.
    assertThat(verified.get(0).substring(0, verified.get(0).lastIndexOf('$')))
        .isEqualTo(wrongPassword.get(0).substring(0, wrongPassword.get(0).lastIndexOf('$')));
  }

  /**
   * A decorator over the real {@code PasswordAlgorithm} that shows {@code seen} the arguments of
   * each {@code verify}; every call still hashes for real.
   */
  private static Object observed(Object real, java.util.function.Consumer<Object[]> seen) {
    Class<?> algorithm = Generated.type("auth.PasswordAlgorithm");
    return Proxy.newProxyInstance(algorithm.getClassLoader(), new Class<?>[] {algorithm},
        (proxy, method, args) -> {
          if (method.getName().equals("verify")) {
            seen.accept(args);
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
