package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.support.token.AccountRecovery;
import io.github.authspec.support.token.AddressChange;
import io.github.authspec.support.token.AddressTaken;
import io.github.authspec.support.token.AddressVerification;
import io.github.authspec.support.token.Invitations;
import io.github.authspec.support.token.MagicLinks;
import io.github.authspec.support.token.Secrets;
import io.github.authspec.support.token.SingleUseSecrets;
import io.github.authspec.support.token.TenantInviteCodes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The single-use-secret flows (magic links, address verification, account recovery,
 * invitations, tenant invite codes, address change) on the seed spec's tables, on real
 * PostgreSQL: each works once, also under concurrency, answers the same for unknown addresses,
 * checks before it writes and never shows a secret.
 */
class SecretFlowsTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final byte[] CODE_KEY = "0123456789abcdef0123456789abcdef"
      .getBytes(StandardCharsets.US_ASCII);
  static final Duration LIFETIME = Duration.ofMinutes(15);
  static final AtomicLong NEXT = new AtomicLong(100);
  static DataSource db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final List<Map<String, String>> sent = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("secret_flows", 2);
  }

  /** A new user with a unique address; its id. */
  static long user(String local) {
    long n = NEXT.incrementAndGet();
    Catalog.apply(db, "INSERT INTO users (id, email, phone) VALUES (" + n + ", '" + local + n
        + "@example.org', '+1555000" + n + "');");
    return n;
  }

  static String email(long user) {
    return query("SELECT email FROM users WHERE id = " + user);
  }

  /** The first column of the first row, as text ("null" for NULL). */
  static String query(String sql) {
    try (java.sql.Connection c = db.getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement(sql);
        java.sql.ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).as(sql).isTrue();
      return String.valueOf(rs.getObject(1));
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  Map<String, String> last() {
    return sent.get(sent.size() - 1);
  }

  MagicLinks links() {
    return new MagicLinks(db, new MagicLinks.Table("magic_links", "token", "expires_at",
        "used_at", "user_id", "users", "id", "email"), clock, RANDOM, LIFETIME, sent::add);
  }

  @Test
  @DisplayName("MagicLinks: sent to the account's address with the link, stored as a hash, consumed once; unknown addresses get nothing; a bad redirect sends nothing")
  void magicLinks() {
    long user = user("magic");
    MagicLinks links = links();
    assertThatThrownBy(() -> links.send(email(user), URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> links.send(email(user), URI.create("https://app/#x")))
        .isInstanceOf(IllegalArgumentException.class);
    links.send("nobody@example.org", URI.create("https://app/"));
    links.send(null, URI.create("https://app/"));
    assertThat(sent).isEmpty();
    links.send(email(user), URI.create("https://app/cb?x=1"));
    String token = last().get("token");
    assertThat(last()).containsEntry("to", email(user))
        .containsEntry("link", "https://app/cb?x=1&token=" + token)
        .containsEntry("expiresAt", clock.instant().plus(LIFETIME).toString());
    assertThat(SeedDatabase.values(db, "magic_links")).doesNotContain(token)
        .contains(Secrets.sha256(token));
    assertThat(links.toString()).doesNotContain(token);
    assertThat(links.consume(token + "x")).isEmpty();
    assertThat(links.consume(token)).contains(user);
    assertThat(links.consume(token)).isEmpty();
    links.send(email(user), URI.create("https://app/"));
    assertThat(last().get("link")).startsWith("https://app/?token=");
    clock.advance(LIFETIME);
    assertThat(links.consume(last().get("token"))).as("expired").isEmpty();
  }

  @Test
  @DisplayName("MagicLinks, start gun: 16 threads consume one link, exactly one signs in")
  void magicLinkRace() throws Exception {
    long user = user("race");
    MagicLinks links = links();
    links.send(email(user), URI.create("https://app/"));
    String token = last().get("token");
    List<Optional<Object>> results = StartGun.fire(16, () -> links.consume(token));
    assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
  }

  @Test
  @DisplayName("AddressVerification: email token in the user's row replaces the last one and verifies once; a phone code is only valid for its user")
  void verification() {
    long user = user("verify");
    AddressVerification emails = new AddressVerification(db, new AddressVerification.Table(
        "users", "email_verification_token", "id", "email", "email_verified"),
        SingleUseSecrets.Kind.TOKEN, null, 43, clock, RANDOM, LIFETIME, sent::add);
    emails.send(user);
    String first = last().get("token");
    emails.send(user);
    String token = last().get("token");
    assertThat(last()).containsEntry("to", email(user));
    assertThat(emails.verify(first)).as("replaced").isFalse();
    assertThat(emails.verify(token)).isTrue();
    assertThat(query("SELECT email_verified FROM users WHERE id = " + user)).isEqualTo("true");
    assertThat(emails.verify(token)).as("used").isFalse();
    int before = sent.size();
    emails.send(999_999L);
    assertThat(sent).as("no such user").hasSize(before);

    long other = user("other");
    AddressVerification phones = new AddressVerification(db, new AddressVerification.Table(
        "users", "phone_verification_code", "id", "phone", "phone_verified"),
        SingleUseSecrets.Kind.NUMERIC_CODE, CODE_KEY, 10, clock, RANDOM, LIFETIME, sent::add);
    phones.send(user);
    String code = last().get("code");
    assertThat(code).matches("[0-9]{6}");
    assertThat(phones.verify(other, code)).isFalse();
    assertThat(phones.verify(user, code)).isTrue();
    assertThat(query("SELECT phone_verified FROM users WHERE id = " + user)).isEqualTo("true");
  }

  @Test
  @DisplayName("AccountRecovery: same answer for unknown addresses; the token sets the hash once; a refusal never quotes it")
  void recovery() {
    long user = user("recover");
    AccountRecovery recovery = new AccountRecovery(db, new AccountRecovery.Table(
        "recovery_requests", "token", "expires_at", "completed_at", "user_id",
        "recovery_method", "users", "id", "email", "password_hash"), clock, RANDOM, LIFETIME,
        sent::add);
    recovery.start("nobody@example.org");
    assertThat(sent).isEmpty();
    recovery.start(email(user));
    String token = last().get("token");
    assertThat(query("SELECT recovery_method FROM recovery_requests WHERE user_id = " + user))
        .isEqualTo("email");
    assertThat(recovery.complete(token, "new-hash")).isEqualTo(user);
    assertThat(query("SELECT password_hash FROM users WHERE id = " + user)).isEqualTo("new-hash");
    assertThatThrownBy(() -> recovery.complete(token, "other"))
        .isInstanceOf(SingleUseSecrets.Refused.class).hasMessageNotContaining(token);
    assertThat(query("SELECT password_hash FROM users WHERE id = " + user)).isEqualTo("new-hash");
  }

  @Test
  @DisplayName("Invitations: roles are refused before anything is written; accept creates the account once; a taken address leaves it unused; revoke ends it")
  void invitations() {
    long inviter = user("inviter");
    Invitations invitations = new Invitations(db, new Invitations.Table("invitations", "token",
        "id", "email", "invited_by", "expires_at", "used_at", "used_by", "users", "id", "email",
        "password_hash"), clock, RANDOM, LIFETIME);
    long rows = SeedDatabase.count(db, "SELECT count(*) FROM invitations");
    assertThatThrownBy(() -> invitations.invite("x@example.org", inviter, Set.of("admin")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM invitations")).isEqualTo(rows);
    String token = invitations.invite("invited@example.org", inviter, Set.of());
    assertThat(SeedDatabase.values(db, "invitations")).doesNotContain(token);
    Object created = invitations.accept(token, "hash");
    assertThat(query("SELECT email FROM users WHERE id = " + created))
        .isEqualTo("invited@example.org");
    assertThat(query("SELECT used_by FROM invitations WHERE email = 'invited@example.org'"))
        .isEqualTo(created.toString());
    assertThatThrownBy(() -> invitations.accept(token, "hash"))
        .isInstanceOf(SingleUseSecrets.Refused.class);

    String taken = invitations.invite(email(inviter), inviter, Set.of());
    assertThatThrownBy(() -> invitations.accept(taken, "hash")).isInstanceOf(AddressTaken.class)
        .hasMessageNotContaining(taken).hasMessageNotContaining(email(inviter));
    assertThat(query("SELECT used_at FROM invitations WHERE token = '" + Secrets.sha256(taken)
        + "'")).as("still unused").isEqualTo("null");
    String revoked = invitations.invite("later@example.org", inviter, Set.of());
    invitations.revoke(Long.valueOf(query("SELECT id FROM invitations WHERE email = "
        + "'later@example.org'")));
    assertThatThrownBy(() -> invitations.accept(revoked, "hash"))
        .isInstanceOf(SingleUseSecrets.Refused.class);
  }

  @Test
  @DisplayName("TenantInviteCodes: bad limits write nothing; start gun: 16 threads redeem a code with max uses 3, exactly 3 join")
  void tenantCodes() throws Exception {
    TenantInviteCodes codes = new TenantInviteCodes(db, new TenantInviteCodes.Table(
        "tenant_invites", "code", "expires_at", "used_count", "max_uses", "tenant_id",
        "created_by", "users", "id", "tenant_id"), clock, RANDOM);
    long rows = SeedDatabase.count(db, "SELECT count(*) FROM tenant_invites");
    assertThatThrownBy(() -> codes.create(1L, 0, clock.instant().plusSeconds(60), 1L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> codes.create(1L, 3, clock.instant(), 1L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM tenant_invites")).isEqualTo(rows);
    String code = codes.create(1L, 3, clock.instant().plus(Duration.ofDays(1)), 1L);
    List<Long> users = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      users.add(user("member"));
    }
    AtomicLong next = new AtomicLong();
    List<Object> outcomes = StartGun.fire(16, () -> {
      try {
        return codes.redeem(code, users.get((int) next.getAndIncrement()));
      } catch (SingleUseSecrets.Refused e) {
        return "refused";
      }
    });
    assertThat(outcomes).filteredOn(o -> o.equals(1L)).hasSize(3);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM users WHERE tenant_id = 1"))
        .isEqualTo(3);
  }

  @Test
  @DisplayName("AddressChange: the secret goes to the new address; the change and the verified flag apply once; a taken address or another user's code changes nothing")
  void change() {
    long user = user("old");
    AddressChange emails = new AddressChange(db, new AddressChange.Table("email_change_requests",
        "token", "expires_at", "confirmed_at", "user_id", "new_email", "users", "id", "email",
        "email_verified"), SingleUseSecrets.Kind.TOKEN, null, 43, clock, RANDOM, LIFETIME,
        sent::add);
    emails.request(user, "changed@example.org");
    assertThat(last()).containsEntry("to", "changed@example.org");
    String token = last().get("token");
    emails.confirm(token);
    assertThat(query("SELECT email || ' ' || email_verified FROM users WHERE id = " + user))
        .isEqualTo("changed@example.org true");
    assertThatThrownBy(() -> emails.confirm(token)).isInstanceOf(SingleUseSecrets.Refused.class);
    long other = user("other");
    emails.request(user, email(other));
    String taken = last().get("token");
    assertThatThrownBy(() -> emails.confirm(taken)).isInstanceOf(AddressTaken.class);
    assertThat(email(user)).isEqualTo("changed@example.org");

    AddressChange phones = new AddressChange(db, new AddressChange.Table("phone_change_requests",
        "code", "expires_at", "confirmed_at", "user_id", "new_phone", "users", "id", "phone",
        null), SingleUseSecrets.Kind.NUMERIC_CODE, CODE_KEY, 10, clock, RANDOM, LIFETIME,
        sent::add);
    phones.request(user, "+15559876543");
    String code = last().get("code");
    assertThatThrownBy(() -> phones.confirm(other, code))
        .isInstanceOf(SingleUseSecrets.Refused.class);
    phones.confirm(user, code);
    assertThat(query("SELECT phone FROM users WHERE id = " + user)).isEqualTo("+15559876543");
  }
}
