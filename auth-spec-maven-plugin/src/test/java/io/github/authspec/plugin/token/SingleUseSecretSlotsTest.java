package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.support.token.SingleUseSecrets;
import io.github.authspec.support.token.SingleUseSecrets.Table;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SingleUseSecrets' slots (one secret in the owner's row, no expiry column: the time window is
 * in the digest) and consume-then-apply, on the seed spec's users table in real PostgreSQL.
 */
class SingleUseSecretSlotsTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final Duration LIFETIME = Duration.ofMinutes(20);
  static DataSource db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("slots", 2);
  }

  SingleUseSecrets emailTokens() {
    return new SingleUseSecrets(db, Table.slot("users", "email_verification_token", "id",
        LIFETIME, List.of(), List.of("id", "email")), clock, RANDOM);
  }

  @Test
  @DisplayName("a slot's token expires exactly at the issuing window + 5 windows of lifetime/4; the stored digest is neither the token nor its plain hash")
  void windowedExpiry() {
    SingleUseSecrets tokens = emailTokens();
    clock.set(Instant.parse("2026-03-01T10:02:00Z"));
    SingleUseSecrets.IssuedTo slot = tokens.issueTo(1L).orElseThrow();
    // windows of 5 minutes: issued in [10:00, 10:05), so it lives until 10:25 (23 of 20..25 min)
    assertThat(slot.issued().expiresAt()).isEqualTo(Instant.parse("2026-03-01T10:25:00Z"));
    assertThat(slot.toString()).doesNotContain(slot.issued().secret());
    assertThat(SeedDatabase.values(db, "users")).doesNotContain(slot.issued().secret(),
        io.github.authspec.support.token.Secrets.sha256(slot.issued().secret()));
    clock.set(Instant.parse("2026-03-01T10:25:00Z"));
    assertThat(tokens.consume(slot.issued().secret())).as("at expiry").isEmpty();
    clock.set(Instant.parse("2026-03-01T10:24:59.999Z"));
    assertThat(tokens.consume(slot.issued().secret())).map(r -> r.get("id")).contains(1L);
    assertThat(tokens.consume(slot.issued().secret())).as("slot emptied").isEmpty();
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM users WHERE id = 1 AND "
        + "email_verification_token IS NULL")).isEqualTo(1);
    assertThat(tokens.issueTo(999L)).as("no such owner").isEmpty();
  }

  @Test
  @DisplayName("a slot's code is bound to its owner; a new code replaces the old; 16 threads: one wins")
  void codes() throws Exception {
    SingleUseSecrets codes = new SingleUseSecrets(db, Table.slot("users",
        "phone_verification_code", "id", LIFETIME, List.of("id"), List.of("id")),
        SingleUseSecrets.Kind.NUMERIC_CODE, KEY, 10, clock, RANDOM);
    String first = codes.issueTo(2L).orElseThrow().issued().secret();
    String second = codes.issueTo(2L).orElseThrow().issued().secret();
    assertThat(second).matches("[0-9]{6}");
    assertThat(codes.consume(second, 1L)).as("other owner").isEmpty();
    if (!first.equals(second)) {
      assertThat(codes.consume(first, 2L)).as("replaced").isEmpty();
    }
    List<Optional<Map<String, Object>>> results = StartGun.fire(16, () -> codes.consume(second, 2L));
    assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
  }

  @Test
  @DisplayName("what a consumed secret authorises commits with it; when it fails the secret stays unused")
  void thenIsAtomic() {
    SingleUseSecrets tokens = emailTokens();
    String token = tokens.issueTo(1L).orElseThrow().issued().secret();
    assertThatThrownBy(() -> tokens.consume(token, (c, row) -> {
      try (var ps = c.prepareStatement("UPDATE users SET email = NULL WHERE no_such_column = 1")) {
        return ps.executeUpdate();
      }
    })).hasMessage("consuming a secret in users failed: PSQLException")
        .hasMessageNotContaining(token);
    assertThat(tokens.consume(token, (c, row) -> "applied " + row.get("id")))
        .contains("applied 1");
  }

  @Test
  @DisplayName("a mapping is single-use, counted or a slot, with an expiry column or a lifetime of at least 4 s")
  void mappingChecks() {
    assertThatThrownBy(() -> new Table("t", "s", null, "used", null, null, List.of(), List.of(),
        null, null)).hasMessageContaining("expiry column or a lifetime");
    assertThatThrownBy(() -> new Table("t", "s", "e", "used", null, null, List.of(), List.of(),
        "id", null)).hasMessageContaining("either single-use");
    assertThatThrownBy(() -> Table.slot("t", "s", "id", Duration.ofSeconds(3), List.of(),
        List.of())).hasMessageContaining("at least 4 seconds");
    assertThatThrownBy(() -> emailTokens().issue(LIFETIME, Map.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(new SingleUseSecrets.Refused()).hasMessage("the secret is unknown, expired or "
        + "already used");
  }
}
