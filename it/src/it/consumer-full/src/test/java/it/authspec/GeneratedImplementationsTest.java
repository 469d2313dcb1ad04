package it.authspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.auth.Base32;
import com.example.authservice.auth.CredentialException;
import com.example.authservice.auth.JedisScripts;
import com.example.authservice.auth.LockoutPolicy;
import com.example.authservice.auth.PasswordHasher;
import com.example.authservice.auth.SecretBox;
import com.example.authservice.service.AuthResult;
import com.example.authservice.service.RequestContext;
import com.example.authservice.service.auditsecurity.DefaultAccountLockoutService;
import com.example.authservice.service.auditsecurity.DefaultRateLimitingService;
import com.example.authservice.service.authentication.DefaultEmailPasswordLoginService;
import com.example.authservice.service.mfa.DefaultTotpService;
import com.example.authservice.service.passwordmanagement.DefaultPasswordBlacklistService;
import com.example.authservice.service.passwordmanagement.DefaultPasswordPoliciesService;
import com.example.authservice.token.AccessTokenSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.RedisClient;

/**
 * A consumer's code on the implementations the plugin generated ({@code implementations=true}),
 * not on its own: embedded PostgreSQL with the generated migrations, and an embedded Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedImplementationsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private final SecureRandom random = new SecureRandom();
  private final RequestContext context = new RequestContext("203.0.113.7", "it", null, null, T0);
  private EmbeddedPostgres pg;
  private DataSource db;
  private DefaultEmailPasswordLoginService login;
  // A password change denies the ended refresh families' access tokens in Redis.
  private EmbeddedRedis loginRedis;
  private RedisClient loginRedisClient;

  @BeforeAll
  void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    db = pg.getPostgresDatabase();
    Flyway.configure().dataSource(db).load().migrate();
    var policies = new DefaultPasswordPoliciesService(db, false,
        new DefaultPasswordBlacklistService(db));
    loginRedis = new EmbeddedRedis();
    loginRedisClient = RedisClient.create("127.0.0.1", loginRedis.port);
    login = new DefaultEmailPasswordLoginService(db, Clock.fixed(T0, ZoneOffset.UTC),
        PasswordHasher.pbkdf2(random), policies, new JedisScripts(loginRedisClient),
        AccessTokenSettings.of("https://auth.example.com", "https://api.example.com"));
  }

  @AfterAll
  void stop() throws Exception {
    loginRedisClient.close();
    loginRedis.close();
    pg.close();
  }

  @Test
  void registerAndLogIn() {
    CredentialException weak = assertThrows(CredentialException.class,
        () -> login.register("weak@example.com", "short".toCharArray(), context));
    assertEquals("password-policy", weak.reason());
    long user = login.register("ada@example.com", "correct horse battery staple".toCharArray(),
        context);
    assertEquals(AuthResult.Status.FAILED,
        login.login("ada@example.com", "wrong password here".toCharArray(), context).status());
    AuthResult ok = login.login("ada@example.com", "correct horse battery staple".toCharArray(),
        context);
    assertEquals(AuthResult.Status.AUTHENTICATED, ok.status());
    assertEquals(user, ok.userId());
  }

  @Test
  void totpEnrolVerifyDriftAndReplay() {
    long user = login.register("grace@example.com", "a long enough pass phrase".toCharArray(),
        context);
    byte[] sealing = new byte[32];
    random.nextBytes(sealing);
    SecretBox box = new SecretBox(sealing, random);
    DefaultTotpService atT0 = totp(box, T0);
    String uri = atT0.enroll(user, context).payload();
    byte[] seed = seedOf(uri);
    assertTrue(atT0.confirmEnrollment(user, Rfc6238.code("SHA1", seed, T0.getEpochSecond(), 6),
        context), "the code an authenticator app shows confirms the enrolment");

    Instant later = T0.plusSeconds(300);
    String next = Rfc6238.code("SHA1", seed, later.getEpochSecond() + 30, 6);
    assertTrue(totp(box, later).verify(user, next, context), "one step of drift is accepted");
    assertFalse(totp(box, later).verify(user, next, context), "a code is never accepted twice");
    String twoAhead = Rfc6238.code("SHA1", seed, later.getEpochSecond() + 60, 6);
    assertFalse(totp(box, later.plusSeconds(1)).verify(user, twoAhead, context),
        "two steps of drift are refused");
  }

  @Test
  void lockoutAfterFiveFailures() {
    long user = login.register("lin@example.com", "yet another pass phrase".toCharArray(),
        context);
    var lockout = new DefaultAccountLockoutService(db, Clock.fixed(T0, ZoneOffset.UTC),
        LockoutPolicy.standard());
    for (int i = 0; i < 4; i++) {
      lockout.recordFailure(user, context);
    }
    assertTrue(lockout.lockedUntil(user).isEmpty(), "four failures do not lock");
    lockout.recordFailure(user, context);
    assertEquals(T0.plus(Duration.ofMinutes(1)), lockout.lockedUntil(user).orElseThrow());
  }

  @Test
  void rateLimitOverJedis() throws Exception {
    try (EmbeddedRedis server = new EmbeddedRedis();
        RedisClient redis = RedisClient.create("127.0.0.1", server.port)) {
      var limiter = new DefaultRateLimitingService(new JedisScripts(redis),
          Clock.fixed(T0, ZoneOffset.UTC), 5, Duration.ofMinutes(1));
      int allowed = 0;
      for (int i = 0; i < 8; i++) {
        allowed += limiter.tryAcquire("ip:203.0.113.7", context).allowed() ? 1 : 0;
      }
      assertEquals(5, allowed);
    }
  }

  private DefaultTotpService totp(SecretBox box, Instant at) {
    return new DefaultTotpService(db, Clock.fixed(at, ZoneOffset.UTC), box, random, "IT");
  }

  /** The Base32 secret of the otpauth:// URI, as an authenticator app reads it. */
  private static byte[] seedOf(String uri) {
    for (String part : URI.create(uri).getRawQuery().split("&")) {
      if (part.startsWith("secret=")) {
        return Base32.decode(part.substring("secret=".length()));
      }
    }
    throw new AssertionError("no secret in " + uri);
  }
}
