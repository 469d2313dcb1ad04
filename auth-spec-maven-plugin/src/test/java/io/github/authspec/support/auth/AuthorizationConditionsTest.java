package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.token.SeedDatabase;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grant conditions in CEL and deny rules, on the seed spec's role_permissions. */
class AuthorizationConditionsTest {
  private static final Map<String, Object> OFFICE = Map.of("ip", "203.0.113.7", "level", 3L);
  private static DataSource db;
  private static AuthzData data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));

  @BeforeAll
  static void database() {
    db = SeedDatabase.fresh("authz_conditions", 12);
    data = new AuthzData(db);
  }

  private Authorization cel() {
    return new Authorization(db, AuthzData.seed(), clock).withConditions(new CelConditions());
  }

  @Test
  @DisplayName("an allow condition narrows its grant: it allows only while it holds; a missing"
      + " attribute or a failure denies")
  void allowConditions() {
    Authorization a = cel();
    long r = data.role("cond-allow");
    data.permission("cond.read", "cond", "read");
    a.grantPermission(r, "cond:read", null, null, "request.ip == '203.0.113.7'", false);
    a.assignRole(1L, r, null);
    assertThat(a.decideWith(1L, "cond.read", OFFICE).allowed()).isTrue();
    assertThat(a.decideWith(1L, "cond.read", Map.of("ip", "198.51.100.9")).reason())
        .endsWith("(its condition does not hold, or cannot be evaluated)");
    assertThat(a.decideWith(1L, "cond.read", Map.of()).allowed()).isFalse();
    assertThat(a.permissions(1L)).isEmpty();
    assertThat(new Authorization(db, AuthzData.seed(), clock).decideWith(1L, "cond.read",
        OFFICE).allowed()).as("without an evaluator it never allows").isFalse();
  }

  @Test
  @DisplayName("a deny rule overrides every allow while its condition holds or cannot be"
      + " evaluated; one whose condition is false leaves the allow")
  void denyOverridesAllow() {
    Authorization a = cel();
    long reader = data.role("deny-reader");
    long blocked = data.role("deny-blocked");
    data.permission("deny.read", "deny", "read");
    a.grantPermission(reader, "deny.read", null, null, null, false);
    a.grantPermission(blocked, "deny.read", null, null, "request.level < 2", true);
    a.assignRole(2L, reader, null);
    a.assignRole(2L, blocked, null);
    assertThat(a.decideWith(2L, "deny.read", OFFICE).allowed()).isTrue();
    assertThat(a.decideWith(2L, "deny.read", Map.of("level", 1L)).reason())
        .isEqualTo("denied by a deny rule through role " + blocked + " assigned to the user");
    assertThat(a.decideWith(2L, "deny.read", Map.of()).allowed()).as("fails closed").isFalse();
    assertThat(a.permissions(2L)).isEmpty();
    a.grantPermission(blocked, "deny.read", null, null, null, true);
    assertThat(a.decideWith(2L, "deny.read", OFFICE).allowed()).isFalse();
  }

  @Test
  @DisplayName("a condition that does not parse or type-check is refused when written, and"
      + " nothing is written; without an evaluator every condition is refused")
  void refusedAtWrite() {
    Authorization a = cel();
    long r = data.role("cond-bad");
    data.permission("bad.read", "bad", "read");
    assertThatThrownBy(() -> a.grantPermission(r, "bad.read", null, null, "request.ip ==",
        false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CEL");
    assertThatThrownBy(() -> a.grantPermission(r, "bad.read", null, null, "1 + 1", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Authorization(db, AuthzData.seed(), clock).grantPermission(r,
        "bad.read", null, null, "true", false)).hasMessageContaining("withConditions");
    assertThatThrownBy(() -> a.grantPermission(r, "no.such", null, null, null, false))
        .hasMessageContaining("no such permission");
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM role_permissions WHERE role_id = "
        + r)).isZero();
  }

  @Test
  @DisplayName("CEL is side-effect free: a condition sees only the attributes; a non-boolean"
      + " result is a failure")
  void celEvaluation() {
    CelConditions cel = new CelConditions();
    assertThat(cel.test("request.level >= 3 && request.ip.startsWith('203.')", OFFICE))
        .isTrue();
    assertThatThrownBy(() -> cel.test("request.missing == 1", OFFICE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cel.test("request.ip", OFFICE))
        .isInstanceOf(RuntimeException.class);
  }

  /** A request context as generated code has it. */
  public record Context(String ip, String userAgent, String deviceId, Integer tenantId,
      Instant now) {}

  @Test
  @DisplayName("the request context is the conditions' attributes: a record's components, whole"
      + " numbers as longs, without nulls and without its time (the server's clock decides)")
  void contextAttributes() {
    Instant t = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(Authorization.attributes(new Context("203.0.113.7", "cli", null, 7, t)))
        .isEqualTo(Map.of("ip", "203.0.113.7", "userAgent", "cli", "tenantId", 7L));
    assertThat(Authorization.attributes(Map.of("level", 3, "when", t))).isEqualTo(Map.of(
        "level", 3L));
    assertThat(Authorization.attributes(null)).isEmpty();
    Authorization a = cel();
    long r = data.role("cond-context");
    data.permission("ctx.read", "ctx", "read");
    a.grantPermission(r, "ctx.read", null, null, "request.tenantId == 7", false);
    a.assignRole(3L, r, null);
    assertThat(a.isAllowed(3L, "ctx.read", new Context("203.0.113.7", "cli", null, 7, t)))
        .isTrue();
    assertThat(a.isAllowed(3L, "ctx.read", new Context("203.0.113.7", "cli", null, 8, t)))
        .isFalse();
    assertThat(a.decide(3L, "ctx.read", null).allowed()).isFalse();
  }
}
