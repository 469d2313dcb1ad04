package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.model.Feature;
import io.github.authspec.model.Spec;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.testsupport.Specs;
import io.github.authspec.plugin.testsupport.StartGun;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * The access-token, refresh-token, deny-list, PKCE and remember-me implementations of the full
 * seed spec (generated with implementations on, compiled with -Xlint:all -Werror by
 * {@link Generated}) against real PostgreSQL and Redis. The algorithms' vectors are proven on
 * the support classes (JoseVectorsTest); these tests prove the generated wiring, the fixed-clock
 * rules and the start-gun outcomes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtImplementationTest {
  private static final int THREADS = 16;
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final List<String> CLASSES = List.of("DefaultJwtTokensService",
      "DefaultTokenRotationService", "DefaultTokenFamilyTrackingService",
      "DefaultRefreshTokenReuseDetectionService", "DefaultTokenScopesService",
      "DefaultKeyRotationService", "DefaultTokenBlacklistService",
      "DefaultTokenRevocationService", "DefaultPkceSupportService", "DefaultRememberMeService");

  @TempDir Path dir;
  private DataSource db;
  private RedisClient jedis;
  private Object scripts;
  private final SecureRandom random = new SecureRandom();
  private final Object context = Generated.context();

  @BeforeAll
  void start() {
    db = Generated.database("jwt_impl");
    jedis = RedisServerSupport.client();
    scripts = Generated.scripts();
  }

  @Test
  @DisplayName("the full seed spec binds all ten features without edits, and each gets its class")
  void seedSpecBindsEveryFeature() {
    Spec spec = Specs.load(Specs.FULL);
    Reporter reporter = new Reporter("auth-spec.json");
    GenerationContext ctx = new GenerationContext(spec, Specs.project(Specs.FULL, dir)
        .toBuilder().implementations(true).build(), reporter);
    RoleBinder binder = RoleBinder.of(ctx);
    List<String> unbound = new ArrayList<>();
    Map<String, Binding> bindings = new java.util.LinkedHashMap<>();
    for (String id : Features.ids(Features.JWT)) {
      Feature feature = spec.feature(id).orElseThrow();
      Binding b = binder.bind(feature, Features.of(id).orElseThrow().roles(), ctx);
      b.missing().forEach(r -> unbound.add(r.id()));
      bindings.put(id, b);
    }
    assertThat(unbound).isEmpty();
    assertThat(Features.JWT).hasSize(CLASSES.size());
    // token-revocation uses oauth_access_tokens; its refresh roles still land in refresh_tokens.
    assertThat(bindings.get("token-revocation").table("tokenHash").name())
        .isEqualTo("refresh_tokens");
    assertThat(bindings.get("token-blacklist").keys("denyKeys"))
        .extracting(k -> k.pattern().text()).containsExactly("blacklist:token:{hash}");
    List<String> paths = Generated.files().stream().map(GeneratedFile::path).toList();
    for (String name : CLASSES) {
      assertThat(paths).as(name).anyMatch(p -> p.endsWith("/" + name + ".java"));
    }
    String jwt = Generated.text("DefaultJwtTokensService.java");
    assertThat(jwt).contains("KeyRing keys").doesNotContain("PRIVATE KEY")
        .containsPattern("new RefreshTokens.Table\\(\"refresh_tokens\",\\s+\"token_hash\"");
  }

  @Test
  @DisplayName("an unbound role (remember_tokens without created_at) is one located AS116 "
      + "warning naming the column to add; remember-me keeps its interface only")
  void unboundRoleWarns() throws Exception {
    GenerationOrchestrator.Planned planned = planEdited("remember_tokens", fields -> {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (fields.get(i).path("name").asText().equals("created_at")) {
          fields.remove(i);
        }
      }
    });
    List<Diagnostic> unbound = planned.diagnostics().all().stream()
        .filter(d -> d.code() == Code.UNBOUND_ROLE && !Specs.seedGap(d)).toList();
    assertThat(unbound).hasSize(1);
    assertThat(unbound.get(0).pointer()).isEqualTo(Specs.load(Specs.FULL)
        .feature("remember-me").orElseThrow().pointer());
    assertThat(unbound.get(0).message()).contains("'remember-me'", "remember-me.createdAt");
    assertThat(unbound.get(0).hint()).contains("created_at", "remember_tokens");
    List<String> paths = planned.files().stream().map(GeneratedFile::path).toList();
    assertThat(paths).anyMatch(p -> p.endsWith("/RememberMeService.java"))
        .noneMatch(p -> p.endsWith("/DefaultRememberMeService.java"))
        .anyMatch(p -> p.endsWith("/DefaultJwtTokensService.java"));
  }

  @Test
  @DisplayName("with a scope column on refresh_tokens (optional role) refreshed access tokens "
      + "keep the login's scopes")
  void optionalScopeColumn() throws Exception {
    GenerationOrchestrator.Planned planned = planEdited("refresh_tokens", fields -> fields
        .addObject().put("name", "scope").put("type", "TEXT").put("nullable", true));
    assertThat(planned.diagnostics().all())
        .noneMatch(d -> d.code() == Code.UNBOUND_ROLE && !Specs.seedGap(d));
    String jwt = planned.files().stream().filter(f -> f.path()
        .endsWith("/DefaultJwtTokensService.java")).findFirst().orElseThrow().text();
    assertThat(jwt).containsPattern("\"reuse_detected_at\",\\s+\"scope\"\\)")
        .contains("<li>{@code scope}: {@code refresh_tokens.scope}", "return pair(next, "
            + "next.scopes())", "carries the login's scopes, kept in refresh_tokens.scope");
    assertThat(Generated.text("DefaultJwtTokensService.java")).as("the seed keeps none")
        .contains("carries no scope").doesNotContain("\"scope\")");
  }

  @Test
  @DisplayName("jwt-tokens issues an at+jwt that verifies; tampered, expired and foreign tokens "
      + "do not; token-scopes reads its scopes; refresh rotates and replay revokes the family")
  void accessTokens() {
    MutableClock clock = new MutableClock(T0);
    Object ring = ring(clock);
    Object settings = settings();
    Object jwt = jwt("DefaultJwtTokensService", ring, settings, none(), clock, Duration.ZERO);
    long user = Generated.user(db, "jwt@example.org");
    Object pair = Generated.call(jwt, "issue", user, Set.of("read", "write"), context);
    String access = (String) Generated.call(pair, "accessToken");
    String header = new String(Base64.getUrlDecoder().decode(access.split("\\.")[0]),
        StandardCharsets.UTF_8);
    assertThat(header).contains("\"alg\":\"EdDSA\"", "\"typ\":\"at+jwt\"", "\"kid\":");
    assertThat(Generated.call(pair, "toString").toString()).doesNotContain(access);
    assertThat(Generated.call(jwt, "verifyAccessToken", access)).isEqualTo(Optional.of(user));
    // One character inside the signature (each carries 6 bits there; the last one carries
    // padding bits too, so changing it may decode to the same bytes).
    int at = access.lastIndexOf('.') + 10;
    String tampered = access.substring(0, at) + (access.charAt(at) == 'A' ? 'B' : 'A')
        + access.substring(at + 1);
    assertThat(Generated.call(jwt, "verifyAccessToken", tampered)).isEqualTo(Optional.empty());
    Object foreignRing = ring(clock);
    Object foreign = jwt("DefaultJwtTokensService", foreignRing, settings, none(), clock,
        Duration.ZERO);
    assertThat(Generated.call(foreign, "verifyAccessToken", access)).as("another ring's keys")
        .isEqualTo(Optional.empty());

    Object scopes = Generated.create(Generated.className("DefaultTokenScopesService"), ring, settings,
        none(), clock);
    assertThat(Generated.call(scopes, "grantedScopes", access)).isEqualTo(Set.of("read", "write"));
    assertThat(Generated.call(scopes, "hasScope", access, "write")).isEqualTo(true);
    assertThat(Generated.call(scopes, "hasScope", access, "admin")).isEqualTo(false);
    assertThat(Generated.call(scopes, "hasScope", tampered, "read")).isEqualTo(false);

    String refresh = (String) Generated.call(pair, "refreshToken");
    Object next = Generated.call(jwt, "refresh", refresh, context);
    assertThat(Generated.call(jwt, "verifyAccessToken", Generated.call(next, "accessToken")))
        .isEqualTo(Optional.of(user));
    assertThat(refused(() -> Generated.call(jwt, "refresh", refresh, context)))
        .as("replaying the rotated token").isEqualTo("REUSED");
    assertThat(refused(() -> Generated.call(jwt, "refresh", Generated.call(next, "refreshToken"),
        context))).as("its successor died with the family").isEqualTo("REVOKED");
    assertThat(refused(() -> Generated.call(jwt, "refresh", "not-a-token", context)))
        .isEqualTo("INVALID");

    // Fixed clock: valid up to exp + skew (10 min + 30 s), refused from then on.
    clock.set(T0.plus(Duration.ofMinutes(10)).plusSeconds(29));
    assertThat(Generated.call(jwt, "verifyAccessToken", access)).isEqualTo(Optional.of(user));
    clock.set(T0.plus(Duration.ofMinutes(10)).plusSeconds(30));
    assertThat(Generated.call(jwt, "verifyAccessToken", access)).isEqualTo(Optional.empty());
  }

  @Test
  @DisplayName("key-rotation: the old key verifies its tokens for lifetime + skew after the "
      + "rotation, then lapses; a published next key is used first; the active key cannot retire")
  void keyRotationOverlap() {
    MutableClock clock = new MutableClock(T0);
    Object ring = ring(clock);
    Object settings = settings();
    Object jwt = jwt("DefaultJwtTokensService", ring, settings, none(), clock, Duration.ZERO);
    Object rotation = Generated.create(Generated.className("DefaultKeyRotationService"), ring, settings,
        random);
    long user = Generated.user(db, "rotation@example.org");
    String first = kid(ring);
    String a = access(jwt, user);
    String second = (String) Generated.call(rotation, "rotate", "signing");
    assertThat(second).isNotEqualTo(first);
    assertThat(Generated.call(rotation, "publishedKeyIds")).isEqualTo(List.of(second, first));
    assertThat(Generated.call(jwt, "verifyAccessToken", a)).as("old key, within the overlap")
        .isEqualTo(Optional.of(user));
    clock.advance(Duration.ofMinutes(6));
    String b = access(jwt, user);
    assertThat(headerKid(a)).isEqualTo(first);
    assertThat(headerKid(b)).isEqualTo(second);
    // The old key verifies its last token to the end of its life (10 min + 30 s skew after
    // the rotation), then it is no longer published; b, signed by the new key, still verifies.
    clock.set(T0.plus(Duration.ofMinutes(10)).plusSeconds(29));
    assertThat(Generated.call(jwt, "verifyAccessToken", a)).isEqualTo(Optional.of(user));
    assertThat(Generated.call(rotation, "publishedKeyIds")).isEqualTo(List.of(second, first));
    clock.advance(Duration.ofSeconds(1));
    assertThat(Generated.call(rotation, "publishedKeyIds")).isEqualTo(List.of(second));
    assertThat(Generated.call(jwt, "verifyAccessToken", a)).isEqualTo(Optional.empty());
    assertThat(Generated.call(jwt, "verifyAccessToken", b)).isEqualTo(Optional.of(user));

    Object published = signingKey();
    Generated.call(ring, "publishNext", published);
    assertThat(Generated.call(rotation, "rotate", "signing")).as("the application's next key")
        .isEqualTo(Generated.call(published, "kid"));
    assertThatThrownBy(() -> Generated.call(rotation, "retire", Generated.call(published, "kid")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Generated.call(rotation, "rotate", "encryption"))
        .isInstanceOf(IllegalArgumentException.class);
    Generated.call(rotation, "retire", second);
    assertThat(Generated.call(rotation, "publishedKeyIds"))
        .isEqualTo(List.of(Generated.call(published, "kid")));
  }

  @Test
  @DisplayName("start gun, strict: 16 threads present one refresh token to token-rotation; "
      + "exactly one ROTATED, 15 REUSED, and the whole family (the winner's successor too) "
      + "is revoked")
  void strictRotationUnderRace() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Object ring = ring(clock);
    Object rotation = jwt("DefaultTokenRotationService", ring, settings(), none(), clock,
        Duration.ZERO);
    Object families = jwt("DefaultTokenFamilyTrackingService", ring, settings(), none(), clock,
        Duration.ZERO);
    Object reuse = jwt("DefaultRefreshTokenReuseDetectionService", ring, settings(), none(),
        clock, Duration.ZERO);
    long user = Generated.user(db, "race@example.org");
    String token = (String) Generated.call(Generated.call(rotation, "issue", user, Set.of(),
        context), "refreshToken");
    assertThat((List<?>) Generated.call(families, "activeFamilies", user)).hasSize(1);
    assertThat(Generated.call(reuse, "isReused", token)).isEqualTo(false);
    List<Object> results = race(rotation, token);
    List<Object> winners = results.stream().filter(r -> !(r instanceof String)).toList();
    assertThat(winners).hasSize(1);
    assertThat(results.stream().filter(String.class::isInstance).toList())
        .hasSize(THREADS - 1).containsOnly("REUSED");
    String successor = (String) Generated.call(winners.get(0), "refreshToken");
    assertThat(refused(() -> Generated.call(rotation, "rotate", successor, context)))
        .isEqualTo("REVOKED");
    assertThat(Generated.call(reuse, "isReused", token)).isEqualTo(true);
    assertThat(Generated.call(families, "activeFamilies", user)).isEqualTo(List.of());
  }

  @Test
  @DisplayName("start gun, grace window of 10 s: 16 threads; exactly one ROTATED, 15 "
      + "CONCURRENT, the family stays; after the window a replay is reuse")
  void graceWindowUnderRace() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Object ring = ring(clock);
    Object rotation = jwt("DefaultTokenRotationService", ring, settings(), none(), clock,
        Duration.ofSeconds(10));
    Object families = jwt("DefaultTokenFamilyTrackingService", ring, settings(), none(), clock,
        Duration.ofSeconds(10));
    long user = Generated.user(db, "grace@example.org");
    String token = (String) Generated.call(Generated.call(rotation, "issue", user, Set.of(),
        context), "refreshToken");
    List<Object> results = race(rotation, token);
    List<Object> winners = results.stream().filter(r -> !(r instanceof String)).toList();
    assertThat(winners).hasSize(1);
    assertThat(results.stream().filter(String.class::isInstance).toList())
        .hasSize(THREADS - 1).containsOnly("CONCURRENT");
    List<?> live = (List<?>) Generated.call(families, "activeFamilies", user);
    assertThat(live).hasSize(1);
    String successor = (String) Generated.call(winners.get(0), "refreshToken");
    clock.advance(Duration.ofSeconds(10));
    assertThat(refused(() -> Generated.call(rotation, "rotate", token, context)))
        .isEqualTo("REUSED");
    assertThat(refused(() -> Generated.call(rotation, "rotate", successor, context)))
        .isEqualTo("REVOKED");
    Generated.call(families, "revokeFamily", live.get(0));
    assertThat(Generated.call(families, "activeFamilies", user)).isEqualTo(List.of());
  }

  @Test
  @DisplayName("token-blacklist keeps a denied id for the token's remaining life plus the "
      + "largest skew (Redis PTTL), not at all once past that, and stores only the id's digest")
  void blacklistTtl() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    Object blacklist = Generated.create(Generated.className("DefaultTokenBlacklistService"), scripts,
        clock);
    String jti = "jti-" + random.nextLong();
    Generated.call(blacklist, "revoke", jti, clock.instant().plusSeconds(90));
    assertThat(Generated.call(blacklist, "isRevoked", jti)).isEqualTo(true);
    String key = "blacklist:token:" + digest("jti:" + jti);
    assertThat(jedis.pttl(key)).isBetween(380_000L, 390_000L);
    assertThat(jedis.exists("blacklist:token:" + jti)).isFalse();
    String gone = "jti-" + random.nextLong();
    Generated.call(blacklist, "revoke", gone, clock.instant().minusSeconds(300));
    assertThat(Generated.call(blacklist, "isRevoked", gone)).isEqualTo(false);
    assertThat(jedis.exists("blacklist:token:" + digest("jti:" + gone))).isFalse();
    assertThat(Generated.call(blacklist, "isRevoked", "never")).isEqualTo(false);
  }

  @Test
  @DisplayName("token-revocation (RFC 7009): a refresh token revokes its family and denies the "
      + "family's access tokens; an access token is denied alone; unknown tokens are no error")
  void revocation() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    Object ring = ring(clock);
    Object settings = settings();
    Object blacklist = Generated.create(Generated.className("DefaultTokenBlacklistService"), scripts,
        clock);
    Object jwt = jwt("DefaultJwtTokensService", ring, settings, blacklist, clock, Duration.ZERO);
    Object revocation = Generated.create(Generated.className("DefaultTokenRevocationService"),
        oauth2(), db, ring, settings, scripts, clock, random);
    long user = Generated.user(db, "revoke@example.org");
    Object first = Generated.call(jwt, "issue", user, Set.of(), context);
    Object second = Generated.call(jwt, "issue", user, Set.of(), context);
    Generated.call(revocation, "revoke", "web", Generated.call(first, "refreshToken"),
        Optional.empty());
    assertThat(Generated.call(jwt, "verifyAccessToken", Generated.call(first, "accessToken")))
        .as("the grant's access token is denied").isEqualTo(Optional.empty());
    assertThat(refused(() -> Generated.call(jwt, "refresh", Generated.call(first,
        "refreshToken"), context))).isEqualTo("REVOKED");
    assertThat(Generated.call(jwt, "verifyAccessToken", Generated.call(second, "accessToken")))
        .as("another grant is untouched").isEqualTo(Optional.of(user));
    Generated.call(revocation, "revoke", "web", Generated.call(second, "accessToken"),
        Optional.of("access_token"));
    assertThat(Generated.call(jwt, "verifyAccessToken", Generated.call(second, "accessToken")))
        .isEqualTo(Optional.empty());
    assertThat(Generated.call(jwt, "refresh", Generated.call(second, "refreshToken"), context))
        .as("revoking an access token leaves its refresh token").isNotNull();
    Generated.call(revocation, "revoke", "web", "unknown", Optional.empty());
  }

  @Test
  @DisplayName("pkce-support: S256 only; start gun, 16 threads redeem one code: exactly one "
      + "GRANTED, 15 INVALID_CODE; a wrong verifier burns the code")
  void pkceCodesOnce() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Object pkce = Generated.create(Generated.className("DefaultPkceSupportService"), oauth2(), db,
        clock, random, false, Duration.ofSeconds(60));
    long user = Generated.user(db, "pkce@example.org");
    String verifier = token(32);
    String challenge = s256(verifier);
    assertThat(Generated.call(pkce, "verify", verifier, challenge, "S256")).isEqualTo(true);
    assertThat(Generated.call(pkce, "verify", token(32), challenge, "S256")).isEqualTo(false);
    assertThat(Generated.call(pkce, "verify", verifier, verifier, "plain")).as("plain refused")
        .isEqualTo(false);
    assertThat(Generated.call(pkce, "verify", "short", s256("short"), "S256")).isEqualTo(false);
    assertThatThrownBy(() -> Generated.call(pkce, "issueCode", "web", user, "https://app/cb",
        "read", verifier, Optional.of("plain"))).isInstanceOf(IllegalArgumentException.class);
    String code = (String) Generated.call(pkce, "issueCode", "web", user, "https://app/cb",
        "read", challenge, Optional.of("S256"));
    List<String> outcomes = StartGun.fire(THREADS, () -> Generated.call(Generated.call(pkce,
        "redeem", code, "web", "https://app/cb", Optional.of(verifier)), "outcome").toString());
    assertThat(outcomes.stream().collect(Collectors.groupingBy(Function.identity(),
        Collectors.counting()))).isEqualTo(Map.of("GRANTED", 1L, "INVALID_CODE",
            (long) THREADS - 1));
    String burnt = (String) Generated.call(pkce, "issueCode", "web", user, "https://app/cb",
        "read", challenge, Optional.of("S256"));
    assertThat(redeem(pkce, burnt, token(32))).isEqualTo("PKCE_FAILED");
    assertThat(redeem(pkce, burnt, verifier)).isEqualTo("INVALID_CODE");
    String late = (String) Generated.call(pkce, "issueCode", "web", user, "https://app/cb",
        "read", challenge, Optional.of("S256"));
    clock.advance(Duration.ofSeconds(60));
    assertThat(redeem(pkce, late, verifier)).as("expired").isEqualTo("INVALID_CODE");
  }

  @Test
  @DisplayName("remember-me: each use rotates; the old cookie again is theft and ends every "
      + "series; start gun, 16 threads use one cookie: one VALID, no other signs in")
  void rememberMeTheft() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Object remember = Generated.create(Generated.className("DefaultRememberMeService"), db, clock, random,
        Duration.ofDays(30));
    long user = Generated.user(db, "remember@example.org");
    String cookie = (String) Generated.call(remember, "issue", user, context);
    String other = (String) Generated.call(remember, "issue", user, context);
    Object used = Generated.call(remember, "use", cookie);
    assertThat(Generated.call(used, "outcome").toString()).isEqualTo("VALID");
    assertThat(Generated.call(used, "toString").toString()).doesNotContain(cookie.split(":")[1])
        .doesNotContain(cookie.split(":")[2]);
    String rotated = ((Optional<?>) Generated.call(used, "cookie")).orElseThrow().toString();
    assertThat(rotated).isNotEqualTo(cookie)
        .startsWith(cookie.substring(0, cookie.lastIndexOf(':') + 1));
    String row = cookie.substring(0, cookie.indexOf(':'));
    assertThat(Generated.call(Generated.call(remember, "use", row + ":junk"), "outcome")
        .toString()).as("a row id without its series").isEqualTo("INVALID");
    assertThat(Generated.call(Generated.call(remember, "use", row + ":x:y"), "outcome")
        .toString()).isEqualTo("INVALID");
    assertThat(Generated.scalar(db, "SELECT count(*) FROM remember_tokens WHERE user_id = "
        + user)).as("forged cookies deleted nothing").isEqualTo(2);
    assertThat(Generated.call(Generated.call(remember, "use", cookie), "outcome").toString())
        .as("the stolen copy").isEqualTo("THEFT");
    assertThat(Generated.call(remember, "authenticate", rotated, context))
        .as("theft ended every series").isEqualTo(Optional.empty());
    assertThat(Generated.call(remember, "authenticate", other, context))
        .isEqualTo(Optional.empty());

    String shared = (String) Generated.call(remember, "issue", user, context);
    List<String> outcomes = StartGun.fire(THREADS, () -> Generated.call(Generated.call(remember,
        "use", shared), "outcome").toString());
    // One wins; each loser finds the series with another token (THEFT, all series deleted)
    // or, after a loser's delete, no series at all (INVALID): none signs in.
    Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(
        Function.identity(), Collectors.counting()));
    assertThat(counts.get("VALID")).isEqualTo(1L);
    assertThat(counts.get("THEFT")).isPositive();
    assertThat(counts.keySet()).containsOnly("VALID", "THEFT", "INVALID");
    assertThat(Generated.scalar(db, "SELECT count(*) FROM remember_tokens WHERE user_id = "
        + user)).as("theft ended every series of the user").isZero();
    String fresh = (String) Generated.call(remember, "issue", user, context);
    assertThat(Generated.call(remember, "authenticate", fresh, context))
        .isEqualTo(Optional.of(user));
    clock.advance(Duration.ofDays(30));
    String expired = (String) Generated.call(remember, "issue", user, context);
    clock.advance(Duration.ofDays(30));
    assertThat(Generated.call(Generated.call(remember, "use", expired), "outcome").toString())
        .isEqualTo("EXPIRED");
  }

  // --- helpers: the generated support types live in the generated class loader

  /** Plans the full seed spec with implementations on, after editing one table's fields. */
  private GenerationOrchestrator.Planned planEdited(String table,
      java.util.function.Consumer<ArrayNode> edit) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(Specs.bytes(Specs.FULL));
    for (var t : root.path("diagram").path("database").path("tables")) {
      if (t.path("name").asText().equals(table)) {
        edit.accept((ArrayNode) t.path("fields"));
      }
    }
    Path spec = dir.resolve("edited.json");
    Files.write(spec, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    GenerationRequest request = GenerationRequest.defaults(spec, dir).toBuilder()
        .implementations(true).build();
    return new GenerationOrchestrator(Generators.all(), BuildLog.SILENT).plan(request,
        Files.readAllBytes(spec));
  }

  /** THREADS presentations of one refresh token at once: each a TokenPair or the outcome. */
  private List<Object> race(Object rotation, String token) throws Exception {
    return StartGun.fire(THREADS, () -> {
      try {
        return Generated.call(rotation, "rotate", token, context);
      } catch (RuntimeException e) {
        return outcome(e);
      }
    });
  }

  private Object jwt(String simpleName, Object ring, Object settings, Object revocations,
      MutableClock clock, Duration grace) {
    return Generated.create(Generated.className(simpleName), db, ring, settings, revocations, clock,
        random, Duration.ofDays(14), Duration.ofDays(30), grace);
  }

  private Object signingKey() {
    return statik("token.SigningKey", "generate", constant("token.JwsAlgorithm", "EdDSA"),
        random);
  }

  private Object ring(MutableClock clock) {
    return Generated.create("token.KeyRing", signingKey(), clock);
  }

  private static Object settings() {
    return statik("token.AccessTokenSettings", "of", "https://auth.example.com", "api");
  }

  private static Object none() {
    return constant("token.AccessTokenVerifier$RevocationCheck", "NONE");
  }

  private String access(Object jwt, long user) {
    return (String) Generated.call(Generated.call(jwt, "issue", user, Set.of(), context),
        "accessToken");
  }

  private static String kid(Object ring) {
    return (String) Generated.call(Generated.call(ring, "active"), "kid");
  }

  private static String headerKid(String jwt) {
    String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]),
        StandardCharsets.UTF_8);
    int at = header.indexOf("\"kid\":\"") + 7;
    return header.substring(at, header.indexOf('"', at));
  }

  private static String redeem(Object pkce, String code, String verifier) {
    return Generated.call(Generated.call(pkce, "redeem", code, "web", "https://app/cb",
        Optional.of(verifier)), "outcome").toString();
  }

  private static String outcome(RuntimeException e) {
    if (!e.getClass().getName().endsWith("RefreshTokens$Refused")) {
      throw e;
    }
    String outcome = Generated.call(e, "outcome").toString();
    assertThat(e.getMessage()).isEqualTo("refresh token refused: " + outcome);
    return outcome;
  }

  private static String refused(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return outcome(e);
    }
    throw new AssertionError("the refresh was not refused");
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String s256(String verifier) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
        .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String digest(String text) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
        .getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Object statik(String type, String name, Object... args) {
    for (Method m : Generated.type(type).getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length
          && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        try {
          return m.invoke(null, args);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no static " + name + " on " + type);
  }

  private static Object constant(String type, String name) {
    try {
      return Generated.type(type).getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The oauth2 parent that is not generated: the refinements forward to it, the tests never do. */
  private static Object oauth2() {
    return Generated.unimplemented("service.oauth2server.Oauth2Service");
  }
}
