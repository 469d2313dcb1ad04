package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Accounts over the seed spec's users and over a minimal table, on a real PostgreSQL. */
class EmailPasswordLoginTest {
  static final String GOOD = "correct horse battery staple";
  static final EmailPasswordLogin.Policy NIST = p -> PasswordPolicy.nist(false)
      .violations(p, null, List.of());
  static DataSource db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  final CountingAlgorithm pbkdf2 = new CountingAlgorithm(1_000);

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("email_login", 0);
  }

  EmailPasswordLogin<Long> accounts() {
    return new EmailPasswordLogin<>(db, EmailPasswordLogin.Table.conventional(), Long.class,
        clock, CountingAlgorithm.hasher(pbkdf2), 320);
  }

  @Test
  @DisplayName("register stores a PHC hash, its scheme and time; login tells right from wrong")
  void registerAndLogin() {
    long id = accounts().register(" Ada@Example.com ", GOOD.toCharArray(), NIST);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM users WHERE id = " + id
        + " AND email = 'ada@example.com' AND hash_algorithm = 'pbkdf2-sha256'"
        + " AND password_hash LIKE '$pbkdf2-sha256$i=1000,%' AND password_changed_at IS NOT NULL"))
        .isEqualTo(1);
    assertThat(accounts().login("ada@example.com", GOOD.toCharArray()))
        .isEqualTo(new EmailPasswordLogin.Attempt<>(true, id));
    assertThat(accounts().login("ada@example.com", (GOOD + "!").toCharArray()))
        .isEqualTo(new EmailPasswordLogin.Attempt<>(false, id));
    assertThat(accounts().login("nobody@example.com", GOOD.toCharArray()))
        .isEqualTo(new EmailPasswordLogin.Attempt<Long>(false, null));
  }

  @Test
  @DisplayName("a refused registration writes nothing and names no password")
  void refusals() {
    assertThatThrownBy(() -> accounts().register("not an email", GOOD.toCharArray(), NIST))
        .hasMessage("invalid-email");
    assertThatThrownBy(() -> accounts().register("short@example.com", "short".toCharArray(),
        NIST)).hasMessageContaining("password-policy").hasMessageNotContaining("short,");
    accounts().register("taken@example.com", GOOD.toCharArray(), NIST);
    assertThatThrownBy(() -> accounts().register("TAKEN@example.com", GOOD.toCharArray(), NIST))
        .hasMessage("email-taken");
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM users WHERE email IN "
        + "('short@example.com', 'taken@example.com')")).isEqualTo(1);
  }

  @Test
  @DisplayName("every refused login and password change costs exactly one verification")
  void everyRefusalDoesTheSameWork() {
    EmailPasswordLogin<Long> accounts = accounts();
    long id = accounts.register("work@example.com", GOOD.toCharArray(), NIST);
    Catalog.apply(db, "INSERT INTO users (email) VALUES ('nohash@example.com');");
    for (String[] attempt : List.of(new String[] {"nobody@example.com", GOOD},
        new String[] {"not an email", GOOD}, new String[] {"nohash@example.com", GOOD},
        new String[] {"work@example.com", ""}, new String[] {"work@example.com", "a\uD800b"},
        new String[] {"work@example.com", "a".repeat(1025)},
        new String[] {"work@example.com", GOOD + "!"}, new String[] {"work@example.com", GOOD})) {
      pbkdf2.verifications.set(0);
      assertThat(accounts.login(attempt[0], attempt[1].toCharArray()).authenticated())
          .isEqualTo(attempt[0].equals("work@example.com") && attempt[1].equals(GOOD));
      assertThat(pbkdf2.verifications.get()).as(attempt[0]).isEqualTo(1);
    }
    for (long user : List.of(id, -1L)) {
      pbkdf2.verifications.set(0);
      assertThatThrownBy(() -> accounts.changePassword(user, "wrong".toCharArray(),
          "another good passphrase".toCharArray(), NIST)).hasMessage("invalid-credentials");
      assertThat(pbkdf2.verifications.get()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a change verifies the current password, checks the new one, and is a "
      + "compare-and-set: a hash changed meanwhile refuses it")
  void changePassword() {
    EmailPasswordLogin<Long> accounts = accounts();
    long id = accounts.register("change@example.com", GOOD.toCharArray(), NIST);
    assertThatThrownBy(() -> accounts.changePassword(id, GOOD.toCharArray(),
        "short".toCharArray(), NIST)).hasMessageContaining("password-policy");
    clock.set(Instant.parse("2026-12-02T08:00:00Z"));
    accounts.changePassword(id, GOOD.toCharArray(), "another good passphrase".toCharArray(),
        NIST);
    assertThat(accounts.login("change@example.com", GOOD.toCharArray()).authenticated())
        .isFalse();
    assertThat(accounts.login("change@example.com", "another good passphrase".toCharArray())
        .authenticated()).isTrue();
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM users WHERE id = " + id
        + " AND password_changed_at = '2026-12-02 08:00:00+00'")).isEqualTo(1);
    EmailPasswordLogin.Policy racing = p -> {
      Catalog.apply(db, "UPDATE users SET password_hash = password_hash || 'x' WHERE id = " + id
          + ";");
      return List.of();
    };
    assertThatThrownBy(() -> accounts.changePassword(id, "another good passphrase"
        .toCharArray(), "a third good passphrase".toCharArray(), racing))
        .hasMessage("concurrent-change");
  }

  @Test
  @DisplayName("an outdated hash is replaced at login; a table without the optional columns "
      + "and with awkward names works alike")
  void rehashAndMinimalTable() {
    Catalog.apply(db, "CREATE TABLE \"the \"\"accounts\"\"\" (\"key\" bigserial PRIMARY KEY, "
        + "\"e-mail\" text UNIQUE, \"pw\" text);");
    EmailPasswordLogin.Table table = new EmailPasswordLogin.Table("the \"accounts\"", "key",
        "e-mail", "pw", null, null);
    EmailPasswordLogin<Long> old = new EmailPasswordLogin<>(db, table, Long.class, clock,
        new PasswordHasher(new java.security.SecureRandom(), new Pbkdf2(1_000)), 64);
    long id = old.register("min@example.com", GOOD.toCharArray(), NIST);
    EmailPasswordLogin<Long> current = new EmailPasswordLogin<>(db, table, Long.class, clock,
        new PasswordHasher(new java.security.SecureRandom(), new Pbkdf2(2_000)), 64);
    assertThat(current.login("min@example.com", GOOD.toCharArray()).authenticated()).isTrue();
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM \"the \"\"accounts\"\"\" WHERE "
        + "\"key\" = " + id + " AND pw LIKE '$pbkdf2-sha256$i=2000,%'")).isEqualTo(1);
    assertThat(old.toString()).isEqualTo("EmailPasswordLogin[Long]");
  }
}
