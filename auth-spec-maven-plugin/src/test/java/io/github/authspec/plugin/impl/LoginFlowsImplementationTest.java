package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code LoginFlows} of the full seed spec: the support class {@code LoginFlow}
 * wired with exactly the steps the spec's bound features give, run against a real PostgreSQL
 * and Redis in this JVM's option cell.
 */
class LoginFlowsImplementationTest {
  /** What the flow sent through the notifications client. */
  private static final List<String> NOTICES = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  @DisplayName("the flow names its steps in the reviewer's order and runs: a good login without "
      + "a second factor gets a session and a refresh token that rotates once; a locked and a "
      + "suspended account get the answer of a wrong password; the address's limit holds")
  void generatedFlowRuns() throws Exception {
    String text = Generated.text("service/LoginFlows.java").replaceAll("\\s*\n\\s*\\* ", " ");
    assertThat(text).contains("The login flow of this service: the password, the address's "
        + "rate limit, the address's brute-force block, the lock (read "
        + "before the password, with equal work), the account's state (suspended), the "
        + "account's state (deleted), the account's state (unapproved), TOTP, backup codes, the enrolment of TOTP once the "
        + "grace period is over, a required password change, the change of an expired "
        + "password, a session, a refresh token, an access token, the bearer token's "
        + "verification, the login history, the notification of a sign-in from "
        + "somewhere new, in that order.");
    DataSource db = Generated.database("impl_login_flows");
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    Object none = java.lang.reflect.Array.newInstance(Generated.type("auth.PasswordAlgorithm"),
        0);
    Object hasher = Generated.create("auth.PasswordHasher", new SecureRandom(),
        Generated.passwordAlgorithm(1_000), none);
    Method of = Arrays.stream(Generated.type("service.LoginFlows").getMethods())
        .filter(m -> m.getName().equals("of")).findFirst().orElseThrow();
    // The generated code is compiled without parameter names: read them from its source.
    String signature = text.substring(text.indexOf(" of(") + 4, text.indexOf(") {",
        text.indexOf(" of(")));
    List<String> names = Arrays.stream(signature.split(",")).map(String::strip)
        .map(p -> p.substring(p.lastIndexOf(' ') + 1)).toList();
    Object flow = of.invoke(null, arguments(of, names, db, clock, hasher));
    // An account with a password and no second factor, registered through the flow's store.
    Object login = Generated.create(Generated.className("DefaultEmailPasswordLoginService"), db,
        clock, hasher, Generated.create(Generated.className("DefaultPasswordPoliciesService"),
            db, false, Generated.create(Generated.className("DefaultPasswordBlacklistService"),
                db)), Generated.scripts(), Generated.accessTokens());
    Object user = Generated.call(login, "register", "flow@example.com",
        "a long enough passphrase".toCharArray(), Generated.context());
    // An address of its own: the rate limit's key lives in the JVM's one Redis.
    String ip = "198.18." + new SecureRandom().nextInt(256) + "." + System.nanoTime() % 256;
    // The grace period's end in UTC, whatever the column's type and the session's zone.
    Generated.scalar(db, "WITH u AS (UPDATE users SET approval_status = 'approved',"
        + " mfa_grace_until = '2026-12-02 00:00:00+00' WHERE id = " + user + " RETURNING 1)"
        + " SELECT count(*) FROM u");
    Object client = Generated.create("auth.LoginSteps$Client", ip, "UA");
    Object in = Generated.call(flow, "login", "flow@example.com",
        "a long enough passphrase".toCharArray(), client);
    assertThat(in.getClass().getSimpleName()).isEqualTo("SignedIn");
    Object token = in.getClass().getMethod("refreshToken").invoke(in);
    assertThat(accessTokenSubject(in, clock)).as("the access token's sub").isEqualTo("" + user);
    Object elsewhere = Generated.create("auth.LoginSteps$Client", ip, "another browser");
    clock.advance(Duration.ofMinutes(1));
    Generated.call(flow, "login", "flow@example.com", "a long enough passphrase".toCharArray(),
        elsewhere);
    assertThat(NOTICES).as("the second sign-in, from another agent").hasSize(1)
        .allMatch(n -> n.contains("userAgent=another browser"));
    assertThat(Generated.call(flow, "refresh", token, client).getClass().getSimpleName())
        .isEqualTo("SignedIn");
    assertThat(Generated.call(flow, "refresh", token, client).getClass().getSimpleName())
        .as("a replay").isEqualTo("Refused");
    clock.advance(Duration.ofDays(1));
    Object enrol = Generated.call(flow, "login", "flow@example.com",
        "a long enough passphrase".toCharArray(), client);
    assertThat(enrol.getClass().getSimpleName()).as("the grace period is over")
        .isEqualTo("EnrolmentRequired");
    assertThat((String) enrol.getClass().getMethod("uri").invoke(enrol))
        .startsWith("otpauth://totp/Example:");
    Generated.scalar(db, "WITH u AS (UPDATE users SET lockout_until = '2099-01-01' WHERE id = "
        + user + " RETURNING 1) SELECT count(*) FROM u");
    assertThat(Generated.call(flow, "login", "flow@example.com",
        "a long enough passphrase".toCharArray(), client).getClass().getSimpleName())
        .isEqualTo("Refused");
    Generated.scalar(db, "WITH u AS (UPDATE users SET lockout_until = NULL, suspended_at = now()"
        + " WHERE id = " + user + " RETURNING 1) SELECT count(*) FROM u");
    assertThat(Generated.call(flow, "login", "flow@example.com",
        "a long enough passphrase".toCharArray(), client).getClass().getSimpleName())
        .isEqualTo("Refused");
    assertThat(Generated.scalar(db, "SELECT count(*) FROM login_history WHERE user_id = " + user
        + " AND failure_code IN ('locked', 'suspended')")).isEqualTo(2);
    assertThat(Generated.call(flow, "login", "flow@example.com",
        "a long enough passphrase".toCharArray(), client).getClass().getSimpleName())
        .as("the fourth login from the address within the minute, over a limit of three").isEqualTo("Limited");
  }

  private static final Object KEYS = keys();
  private static final Object SETTINGS = settings();

  private static Object keys() {
    try {
      Class<?> algorithm = Generated.type("token.JwsAlgorithm");
      Object es256 = algorithm.getField("ES256").get(null);
      Object key = Generated.type("token.SigningKey").getMethod("generate", algorithm,
          SecureRandom.class).invoke(null, es256, new SecureRandom());
      return Generated.type("token.KeyRing").getConstructor(key.getClass(), Clock.class)
          .newInstance(key, Clock.systemUTC());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object settings() {
    try {
      return Generated.type("token.AccessTokenSettings").getMethod("of", String.class,
          String.class).invoke(null, "https://auth.example.com", "https://api.example.com");
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The subject of a sign-in's access token, verified by the generated verifier. */
  private static Object accessTokenSubject(Object in, Clock clock) throws Exception {
    Object access = in.getClass().getMethod("accessToken").invoke(in);
    String jws = (String) access.getClass().getMethod("token").invoke(access);
    Class<?> check = Generated.type("token.AccessTokenVerifier$RevocationCheck");
    Object verifier = Generated.create("token.AccessTokenVerifier", KEYS, SETTINGS, clock,
        check.getField("NONE").get(null));
    assertThat(access.toString()).doesNotContain(jws);
    Object claims = Generated.call(verifier, "verify", jws);
    return claims.getClass().getMethod("subject").invoke(claims);
  }

  /** An argument for each parameter of {@code of}, by its name. */
  private static Object[] arguments(Method of, List<String> names, DataSource db, Clock clock,
      Object hasher) {
    Parameter[] ps = of.getParameters();
    assertThat(names).hasSize(ps.length);
    Object[] args = new Object[ps.length];
    for (int i = 0; i < ps.length; i++) {
      args[i] = switch (names.get(i)) {
        case "dataSource" -> db;
        case "clock" -> clock;
        case "hasher" -> hasher;
        case "policy" -> Generated.create("auth.LockoutPolicy", 5, Duration.ofMinutes(1),
            Duration.ofMinutes(15));
        case "codes" -> Generated.create("auth.BackupCodes", new byte[32], new SecureRandom());
        case "passwordPolicy" -> Proxy.newProxyInstance(ps[i].getType().getClassLoader(),
            new Class<?>[] {ps[i].getType()}, (p, m, a) -> List.of());
        case "random" -> new SecureRandom();
        case "secrets" -> Generated.create("auth.SecretBox", new byte[32], new SecureRandom());
        case "redis" -> Generated.scripts();
        case "handleKey" -> new byte[32];
        case "keys" -> KEYS;
        case "accessTokens" -> SETTINGS;
        case "notifications" -> Proxy.newProxyInstance(ps[i].getType().getClassLoader(),
            new Class<?>[] {ps[i].getType()}, (p, m, a) -> {
              NOTICES.add(String.valueOf(a[0]));
              return null;
            });
        case "rateLimit" -> 3;
        case "totpIssuer" -> "Example";
        case "mfaGrace" -> Duration.ofDays(7);
        case "passwordMaxAge" -> null;
        case "ratePeriod", "bruteForceWindow" -> Duration.ofMinutes(1);
        case "bruteForceThreshold" -> 100;
        default -> throw new AssertionError("unexpected parameter " + names.get(i));
      };
    }
    return args;
  }
}
