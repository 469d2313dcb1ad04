package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.support.token.AuthorizationCodes.Outcome;
import io.github.authspec.support.token.AuthorizationCodes.Redemption;
import io.github.authspec.support.token.AuthorizationCodes;
import io.github.authspec.support.token.Pkce;
import io.github.authspec.support.token.Secrets;
import io.github.authspec.support.token.SingleUseSecrets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The single-use secret primitive on the seed spec's tables (magic links, phone change codes,
 * tenant invites) and authorization codes with PKCE, on real PostgreSQL.
 */
class SingleUseSecretsTest {
  static final int THREADS = 16;
  static final SecureRandom RANDOM = new SecureRandom();
  static final byte[] CODE_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static DataSource db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("single_use", 2);
  }

  SingleUseSecrets magicLinks() {
    return new SingleUseSecrets(db, SingleUseSecrets.Table.singleUse("magic_links", "token",
        "expires_at", "used_at", List.of("user_id")), clock, RANDOM);
  }

  @Test
  @DisplayName("a magic link is consumed once, not after expiry (fixed clock, to the millisecond), and only its hash is stored")
  void magicLink() {
    SingleUseSecrets links = magicLinks();
    SingleUseSecrets.Issued link = links.issue(Duration.ofMinutes(15), Map.of("user_id", 1L));
    assertThat(link.secret()).hasSize(43);
    assertThat(link.toString()).doesNotContain(link.secret());
    assertThat(SeedDatabase.values(db, "magic_links")).doesNotContain(link.secret())
        .contains(Secrets.sha256(link.secret()));
    assertThat(links.consume(link.secret())).contains(Map.of("user_id", 1L));
    assertThat(links.consume(link.secret())).isEmpty();
    assertThat(links.consume("made-up")).isEmpty();

    SingleUseSecrets.Issued late = links.issue(Duration.ofMinutes(15), Map.of("user_id", 1L));
    clock.advance(Duration.ofMinutes(15));
    assertThat(links.consume(late.secret())).isEmpty();
    SingleUseSecrets.Issued justInTime = links.issue(Duration.ofMinutes(15), Map.of("user_id", 1L));
    clock.advance(Duration.ofMinutes(15).minusMillis(1));
    assertThat(links.consume(justInTime.secret())).isPresent();
  }

  @Test
  @DisplayName("start gun: 16 threads consume one magic link: exactly 1 gets the row, 15 get empty")
  void magicLinkRace() throws Exception {
    SingleUseSecrets links = magicLinks();
    SingleUseSecrets.Issued link = links.issue(Duration.ofMinutes(15), Map.of("user_id", 2L));
    List<Optional<Map<String, Object>>> results = StartGun.fire(THREADS, () -> links.consume(link.secret()));
    assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    assertThat(results.stream().filter(Optional::isEmpty).count()).isEqualTo(THREADS - 1);
  }

  @Test
  @DisplayName("a 6-digit phone-change code is stored as a 10-character HMAC bound to its user: another user's code or a wrong user fails")
  void numericCode() {
    SingleUseSecrets codes = new SingleUseSecrets(db, new SingleUseSecrets.Table(
        "phone_change_requests", "code", "expires_at", "confirmed_at", null, null,
        List.of("user_id"), List.of("new_phone")), SingleUseSecrets.Kind.NUMERIC_CODE, CODE_KEY, 10,
        clock, RANDOM);
    SingleUseSecrets.Issued code = codes.issue(Duration.ofMinutes(10),
        Map.of("user_id", 1L, "new_phone", "+15550100"));
    assertThat(code.secret()).matches("[0-9]{6}");
    assertThat(SeedDatabase.values(db, "phone_change_requests")).doesNotContain(code.secret());
    assertThat(codes.consume(code.secret(), 2L)).isEmpty();
    assertThat(codes.consume(code.secret(), 1L)).contains(Map.of("new_phone", "+15550100"));
    assertThat(codes.consume(code.secret(), 1L)).isEmpty();
    assertThatThrownBy(() -> new SingleUseSecrets(db, SingleUseSecrets.Table.singleUse("magic_links",
        "token", "expires_at", "used_at", List.of()), SingleUseSecrets.Kind.NUMERIC_CODE, CODE_KEY,
        10, clock, RANDOM)).hasMessageContaining("matched with its owner");
  }

  @Test
  @DisplayName("start gun: a tenant invite code with max_uses 3 redeemed by 16 threads admits exactly 3")
  void countedInvite() throws Exception {
    SingleUseSecrets invites = new SingleUseSecrets(db, new SingleUseSecrets.Table("tenant_invites",
        "code", "expires_at", null, "used_count", "max_uses", List.of(), List.of("tenant_id")),
        clock, RANDOM);
    SingleUseSecrets.Issued code = invites.issue(Duration.ofDays(7),
        Map.of("tenant_id", 1L, "created_by", 1L, "max_uses", 3));
    List<Optional<Map<String, Object>>> results = StartGun.fire(THREADS, () -> invites.consume(code.secret()));
    assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(3);
    assertThat(SeedDatabase.count(db, "SELECT used_count FROM tenant_invites")).isEqualTo(3);
  }

  @Test
  @DisplayName("RFC 7636 Appendix B: the verifier's S256 challenge; lengths 42/129, bad characters and plain are refused")
  void pkceVectors() {
    assertThat(Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    Pkce strict = new Pkce(false);
    Optional<String> challenge = Optional.of("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    Optional<String> s256 = Optional.of("S256");
    assertThat(strict.verify(Optional.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), challenge, s256))
        .isEqualTo(Pkce.Result.VALID);
    assertThat(strict.verify(Optional.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj"), challenge, s256))
        .isEqualTo(Pkce.Result.MISMATCH);
    assertThat(strict.verify(Optional.of("a".repeat(42)), challenge, s256)).isEqualTo(Pkce.Result.MALFORMED_VERIFIER);
    assertThat(strict.verify(Optional.of("a".repeat(129)), challenge, s256)).isEqualTo(Pkce.Result.MALFORMED_VERIFIER);
    assertThat(strict.verify(Optional.of("a".repeat(42) + "+"), challenge, s256)).isEqualTo(Pkce.Result.MALFORMED_VERIFIER);
    assertThat(Pkce.wellFormed("a".repeat(43))).isTrue();
    assertThat(Pkce.wellFormed("a".repeat(128))).isTrue();
    String verifier = "x".repeat(50);
    assertThat(strict.verify(Optional.of(verifier), Optional.of(verifier), Optional.of("plain")))
        .isEqualTo(Pkce.Result.METHOD_NOT_ALLOWED);
    assertThat(new Pkce(true).verify(Optional.of(verifier), Optional.of(verifier), Optional.of("plain")))
        .isEqualTo(Pkce.Result.VALID);
    assertThat(strict.verify(Optional.of(verifier), Optional.empty(), Optional.empty()))
        .isEqualTo(Pkce.Result.DOWNGRADE);
    assertThat(strict.verify(Optional.empty(), challenge, s256)).isEqualTo(Pkce.Result.MISSING);
  }

  AuthorizationCodes codes() {
    return new AuthorizationCodes(db, AuthorizationCodes.Table.conventional(), clock, RANDOM);
  }

  @Test
  @DisplayName("an authorization code redeems once with the right client, redirect and verifier; a wrong verifier burns it")
  void authorizationCode() {
    AuthorizationCodes codes = codes();
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    String challenge = Pkce.s256(verifier);
    String redirect = "https://app.example/cb";
    SingleUseSecrets.Issued code = codes.issue("web", 1L, redirect, "openid", challenge, Optional.of("S256"));
    Redemption ok = codes.redeem(code.secret(), "web", redirect, Optional.of(verifier));
    assertThat(ok.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(ok.userId()).contains(1L);
    assertThat(ok.scope()).contains("openid");
    assertThat(codes.redeem(code.secret(), "web", redirect, Optional.of(verifier)).outcome())
        .isEqualTo(Outcome.INVALID_CODE);

    SingleUseSecrets.Issued burnt = codes.issue("web", 1L, redirect, "openid", challenge, Optional.of("S256"));
    Redemption wrong = codes.redeem(burnt.secret(), "web", redirect, Optional.of("w".repeat(43)));
    assertThat(wrong.outcome()).isEqualTo(Outcome.PKCE_FAILED);
    assertThat(wrong.pkce()).contains(Pkce.Result.MISMATCH);
    assertThat(codes.redeem(burnt.secret(), "web", redirect, Optional.of(verifier)).outcome())
        .isEqualTo(Outcome.INVALID_CODE);

    SingleUseSecrets.Issued other = codes.issue("web", 1L, redirect, "openid", challenge, Optional.of("S256"));
    assertThat(codes.redeem(other.secret(), "evil", redirect, Optional.of(verifier)).outcome())
        .isEqualTo(Outcome.CLIENT_MISMATCH);
    SingleUseSecrets.Issued late = codes.issue("web", 1L, redirect, "openid", challenge, Optional.of("S256"));
    clock.advance(AuthorizationCodes.DEFAULT_TTL);
    assertThat(codes.redeem(late.secret(), "web", redirect, Optional.of(verifier)).outcome())
        .isEqualTo(Outcome.INVALID_CODE);
    assertThatThrownBy(() -> codes.issue("web", 1L, redirect, "openid", verifier, Optional.of("plain")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> codes.issue("web", 1L, redirect, "openid", "short", Optional.of("S256")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SeedDatabase.values(db, "oauth_authorization_codes")).doesNotContain(code.secret(), verifier);
  }

  @Test
  @DisplayName("start gun: 16 threads redeem one authorization code: exactly 1 GRANTED, 15 INVALID_CODE")
  void authorizationCodeRace() throws Exception {
    AuthorizationCodes codes = codes();
    String verifier = "v".repeat(64);
    SingleUseSecrets.Issued code = codes.issue("web", 2L, "https://app.example/cb", "openid",
        Pkce.s256(verifier), Optional.of("S256"));
    List<Redemption> results = StartGun.fire(THREADS,
        () -> codes.redeem(code.secret(), "web", "https://app.example/cb", Optional.of(verifier)));
    assertThat(results.stream().collect(Collectors.groupingBy(Redemption::outcome, Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Outcome.GRANTED, 1L, Outcome.INVALID_CODE, (long) THREADS - 1));
  }
}
