package com.example.authservice.demo;

import com.example.authservice.auth.Base32;
import com.example.authservice.auth.CredentialException;
import com.example.authservice.auth.JedisScripts;
import com.example.authservice.auth.Otp;
import com.example.authservice.auth.PasswordHasher;
import com.example.authservice.auth.SecretBox;
import com.example.authservice.service.AuthResult;
import com.example.authservice.service.Challenge;
import com.example.authservice.service.RequestContext;
import com.example.authservice.service.TokenPair;
import com.example.authservice.service.accountmanagement.DefaultLogoutService;
import com.example.authservice.service.accountmanagement.DefaultSessionManagementService;
import com.example.authservice.service.auditsecurity.DefaultRateLimitingService;
import com.example.authservice.service.authentication.DefaultEmailPasswordLoginService;
import com.example.authservice.service.mfa.DefaultTotpService;
import com.example.authservice.service.tokensystem.DefaultRefreshTokenReuseDetectionService;
import com.example.authservice.service.tokensystem.DefaultTokenScopesService;
import com.example.authservice.service.passwordmanagement.DefaultPasswordBlacklistService;
import com.example.authservice.service.passwordmanagement.DefaultPasswordPoliciesService;
import com.example.authservice.token.AccessTokenSettings;
import com.example.authservice.token.AccessTokenVerifier;
import com.example.authservice.token.JwsAlgorithm;
import com.example.authservice.token.KeyRing;
import com.example.authservice.token.RefreshTokens;
import com.example.authservice.token.SigningKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * A login flow on the generated implementations (plugin parameter {@code implementations}):
 * starts an embedded PostgreSQL and Redis, applies the generated migrations with Flyway, then
 * registers (policy enforced), logs in, enrols TOTP and verifies a code, receives and verifies
 * an access token, rotates the refresh token, replays the old one (its family is revoked), hits
 * the rate limit and logs out, printing each step.
 */
public final class Demo {
  /** One step of the flow and what came of it. */
  public record Step(String name, String outcome) {}

  private Demo() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the flow, printing each step to {@code out}; returns the steps. */
  public static List<Step> run(PrintStream out) throws Exception {
    List<Step> steps = new ArrayList<>();
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource db = pg.getPostgresDatabase();
      int applied = Flyway.configure().dataSource(db).load().migrate().migrationsExecuted;
      step(out, steps, "migrate", "applied " + applied + " generated migration(s)");
      RequestContext context = new RequestContext("203.0.113.7", "demo", null, null,
          clock.instant());

      var blocklist = new DefaultPasswordBlacklistService(db);
      var policies = new DefaultPasswordPoliciesService(db, false, blocklist);
      var login = new DefaultEmailPasswordLoginService(db, clock, PasswordHasher.pbkdf2(random),
          policies);
      try {
        login.register("ada@example.com", "short".toCharArray(), context);
        step(out, steps, "register weak", "accepted");
      } catch (CredentialException e) {
        step(out, steps, "register weak", "refused: " + e.reason() + " " + e.violations());
      }
      long user = login.register("ada@example.com",
          "correct horse battery staple".toCharArray(), context);
      step(out, steps, "register", "user " + user);

      AuthResult wrong = login.login("ada@example.com", "not the password".toCharArray(),
          context);
      step(out, steps, "login wrong password", wrong.status().toString());
      AuthResult session = login.login("ada@example.com",
          "correct horse battery staple".toCharArray(), context);
      step(out, steps, "login", session.status() + " user " + session.userId());

      byte[] sealingKey = new byte[32];
      random.nextBytes(sealingKey);
      var totp = new DefaultTotpService(db, clock, new SecretBox(sealingKey, random), random,
          "Example Auth");
      Challenge enrolment = totp.enroll(user, context);
      byte[] seed = seedOf(enrolment.payload());
      String code = Otp.standard().totp(seed, clock.instant());
      step(out, steps, "totp enrol", "confirmed " + totp.confirmEnrollment(user, code, context));
      step(out, steps, "totp replay", "accepted " + totp.verify(user, code, context));

      // Signing keys come from the application at run time (a key store or JWK set); the demo
      // makes a fresh Ed25519 key in memory.
      KeyRing keys = new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, random), clock);
      AccessTokenSettings settings = AccessTokenSettings.of("https://auth.example.com", "api");
      var tokens = new DefaultRefreshTokenReuseDetectionService(db, keys, settings,
          AccessTokenVerifier.RevocationCheck.NONE, clock, random, RefreshTokens.DEFAULT_TTL,
          RefreshTokens.DEFAULT_FAMILY_LIFETIME, Duration.ZERO);
      var scopes = new DefaultTokenScopesService(keys, settings,
          AccessTokenVerifier.RevocationCheck.NONE, clock);
      TokenPair first = tokens.issue(user, Set.of("profile"), context);
      step(out, steps, "tokens", "access token (EdDSA, "
          + first.accessToken().split("\\.").length + " parts) and a refresh token");
      step(out, steps, "verify access token", "subject "
          + tokens.verifyAccessToken(first.accessToken()).map(String::valueOf).orElse("none")
          + ", scope " + (scopes.hasScope(first.accessToken(), "profile") ? "profile" : "none"));

      TokenPair rotated = tokens.refresh(first.refreshToken(), context);
      step(out, steps, "refresh", "ROTATED");
      step(out, steps, "replay old refresh token", refused(tokens, first.refreshToken(), context));
      step(out, steps, "refresh with successor",
          refused(tokens, rotated.refreshToken(), context));

      byte[] handleKey = new byte[32];
      random.nextBytes(handleKey);
      Duration idle = Duration.ofMinutes(30);
      Duration absolute = Duration.ofHours(8);
      var sessions = new DefaultSessionManagementService(db, handleKey, clock, idle, absolute,
          5);
      String handle = sessions.create(user, context);

      int port = freePort();
      RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
          .setting("save \"\"").build();
      redis.start();
      try (RedisClient client = RedisClient.create("127.0.0.1", port)) {
        var limiter = new DefaultRateLimitingService(new JedisScripts(client), clock, 5,
            Duration.ofMinutes(1));
        int allowed = 0;
        for (int i = 0; i < 7; i++) {
          allowed += limiter.tryAcquire("ip:203.0.113.7", context).allowed() ? 1 : 0;
        }
        step(out, steps, "rate limit", allowed + " of 7 allowed");
      } finally {
        redis.stop();
      }

      var logout = new DefaultLogoutService(db, handleKey, clock, idle, absolute, 5);
      boolean before = sessions.validate(handle, context).isPresent();
      logout.logout(handle, context);
      step(out, steps, "logout", "session valid before " + before + ", after "
          + sessions.validate(handle, context).isPresent());
    }
    return steps;
  }

  /** What refreshing with an invalidated token gives: the refusal's outcome. */
  private static String refused(DefaultRefreshTokenReuseDetectionService tokens, String token,
      RequestContext context) {
    try {
      tokens.refresh(token, context);
      return "ROTATED";
    } catch (RefreshTokens.Refused e) {
      return e.outcome().toString();
    }
  }

  private static void step(PrintStream out, List<Step> steps, String name, String outcome) {
    steps.add(new Step(name, outcome));
    out.printf("%-26s %s%n", name, outcome);
  }

  /** The Base32 secret of an otpauth:// URI, as an authenticator app reads it from the QR code. */
  private static byte[] seedOf(String uri) {
    for (String part : URI.create(uri).getRawQuery().split("&")) {
      if (part.startsWith("secret=")) {
        return Base32.decode(part.substring("secret=".length()));
      }
    }
    throw new IllegalStateException("no secret in the enrolment URI");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
