package com.example.authservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.auth.LockoutPolicy;
import com.example.authservice.auth.LoginFlow;
import com.example.authservice.service.RequestContext;
import com.example.authservice.service.authentication.EmailPasswordLoginService;
import com.example.authservice.service.mfa.BackupCodesService;
import com.example.authservice.spring.ApiProblems;
import com.example.authservice.spring.LoginApi;
import com.example.authservice.token.AccessTokenSettings;
import com.example.authservice.token.JwsAlgorithm;
import com.example.authservice.token.KeyRing;
import com.example.authservice.token.SigningKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The generated HTTP API on a real Tomcat (random port), PostgreSQL and Redis, driven with
 * java.net.http: sign-in with a backup code as the second factor, refresh, logout, revocation,
 * the signing keys' JWK set, and every answer checked against the OpenAPI document the
 * application serves. The limits are raised (every request comes from 127.0.0.1) and the lock's
 * threshold too, so the failures counted in parallel are all counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "authspec.implementations.login-flow.rate-limit=10000",
    "authspec.implementations.login-flow.brute-force-threshold=10000"})
class HttpApiTest {
  private static final String PASSWORD = "a long enough passphrase";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    Servers.register(registry);
  }

  /**
   * A lock that takes more failures than the parallel test makes, and the signing keys whose
   * public halves the API publishes.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class Beans {
    /** The application's registry (an actuator would make one): the flow's timers go there. */
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    LockoutPolicy lateLock() {
      return new LockoutPolicy(100, Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    @Bean
    KeyRing keyRing() {
      return new KeyRing(SigningKey.generate(JwsAlgorithm.ES256, new SecureRandom()),
          Clock.systemUTC());
    }

    @Bean
    AccessTokenSettings accessTokenSettings() {
      return AccessTokenSettings.of("https://auth.example.com", "https://api.example.com");
    }
  }

  @Autowired ApplicationContext context;
  @Autowired Environment environment;
  @Autowired EmailPasswordLoginService logins;
  @Autowired BackupCodesService backupCodes;
  @Autowired JdbcTemplate jdbc;
  @Autowired KeyRing keys;
  @Autowired MeterRegistry meters;
  private OpenApiResponses api;

  @BeforeEach
  void document() throws Exception {
    HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(uri("/auth/openapi.json"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, served.statusCode());
    api = new OpenApiResponses(served.body());
    api.check("GET", "/auth/openapi.json", served);
  }

  @Test
  void theControllersAreTheAutoConfigurationsNotTheScansOwn() {
    assertEquals(List.of("authSpecLoginApi"),
        List.of(context.getBeanNamesForType(LoginApi.class)));
    assertEquals(List.of("authSpecApiProblems"),
        List.of(context.getBeanNamesForType(ApiProblems.class)));
    assertEquals(List.of("authSpecLoginFlow"),
        List.of(context.getBeanNamesForType(LoginFlow.class)));
  }

  @Test
  void theSigningKeysArePublishedWithoutTheirPrivateParts() throws Exception {
    HttpResponse<String> jwks = HTTP.send(HttpRequest.newBuilder(uri("/.well-known/jwks.json"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    api.check("GET", "/.well-known/jwks.json", jwks);
    assertEquals(keys.active().kid(),
        OpenApiResponses.JSON.readTree(jwks.body()).at("/keys/0/kid").asString());
    assertTrue(jwks.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=300"));
  }

  @Test
  void signInWithASecondFactorRefreshAndLogOut() throws Exception {
    String email = "http-" + System.nanoTime() + "@example.com";
    long user = register(email);
    String code = backupCodes.generate(user).get(0);

    HttpResponse<String> first = post("/auth/login",
        Map.of("email", email, "password", PASSWORD), null);
    assertEquals(200, first.statusCode());
    assertEquals("second-factor-required", field(first, "status"));
    HttpResponse<String> second = post("/auth/login/second-factor",
        Map.of("challenge", field(first, "challenge"), "code", code), null);
    assertEquals(200, second.statusCode());
    assertEquals("signed-in", field(second, "status"));
    String cookie = second.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("__Host-session=") && cookie.contains("Secure")
        && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    String session = cookie.substring(0, cookie.indexOf(';'));

    HttpResponse<String> rotated = post("/auth/token",
        Map.of("refreshToken", field(second, "refreshToken")), null);
    assertEquals(200, rotated.statusCode());
    HttpResponse<String> replayed = post("/auth/token",
        Map.of("refreshToken", field(second, "refreshToken")), null);
    assertEquals(401, replayed.statusCode(), "a spent token");

    HttpResponse<String> out = post("/auth/logout",
        Map.of("refreshToken", field(rotated, "refreshToken")), session);
    assertEquals(204, out.statusCode());
    assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    assertEquals(401, post("/auth/token",
        Map.of("refreshToken", field(rotated, "refreshToken")), null).statusCode(),
        "the family ended with the logout");
    assertEquals(401, post("/auth/login/second-factor",
        Map.of("challenge", field(first, "challenge"), "code", code), null).statusCode(),
        "a spent challenge");
    // Measured by operation and outcome only: no tag names the account or the address.
    assertTrue(meters.get("authspec.login").tags("operation", "second-factor", "outcome",
        "signed-in").timer().count() >= 1);
    assertTrue(meters.get("authspec.login").tags("operation", "refresh", "outcome", "refused")
        .timer().count() >= 1);
    meters.get("authspec.login").meters().forEach(m -> assertEquals(
        List.of("operation", "outcome"), m.getId().getTags().stream().map(t -> t.getKey())
            .toList(), m.getId().toString()));
  }

  @Test
  void revocationEndsTheFamilyAndAnswersTheSameForAnyToken() throws Exception {
    String email = "revoke-" + System.nanoTime() + "@example.com";
    register(email);
    HttpResponse<String> in = post("/auth/login", Map.of("email", email, "password", PASSWORD),
        null);
    assertEquals("signed-in", field(in, "status"), "no second factor enrolled");
    String token = field(in, "refreshToken");
    String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> revoked = revoke("token=" + encoded + "&token_type_hint=refresh_token");
    assertEquals(200, revoked.statusCode());
    assertEquals(200, revoke("token=" + encoded).statusCode(), "again: the same answer");
    assertEquals(200, revoke("token=never-issued").statusCode(), "unknown: the same answer");
    assertEquals(400, revoke("token_type_hint=refresh_token").statusCode());
    assertEquals(401, post("/auth/token", Map.of("refreshToken", token), null).statusCode());
  }

  @Test
  void refusalsAreOneAnswer() throws Exception {
    String email = "refused-" + System.nanoTime() + "@example.com";
    register(email);
    String locked = "locked-" + System.nanoTime() + "@example.com";
    long lockedUser = register(locked);
    jdbc.update("UPDATE users SET lockout_until = ? WHERE id = ?",
        java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(1))), lockedUser);
    List<HttpResponse<String>> answers = List.of(
        post("/auth/login", Map.of("email", email, "password", "a wrong passphrase!"), null),
        post("/auth/login", Map.of("email", "nobody-" + System.nanoTime() + "@example.com",
            "password", PASSWORD), null),
        post("/auth/login", Map.of("email", locked, "password", PASSWORD), null));
    for (HttpResponse<String> a : answers) {
      assertEquals(401, a.statusCode());
      assertEquals(answers.get(0).body(), a.body());
      assertEquals(answers.get(0).headers().firstValue("Content-Type"),
          a.headers().firstValue("Content-Type"));
    }
    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(uri("/auth/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("email=a&password=b")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(415, form.statusCode());
    api.check("POST", "/auth/login", form);
  }

  @Test
  void parallelFailuresAreEachCounted() throws Exception {
    String email = "parallel-" + System.nanoTime() + "@example.com";
    long user = register(email);
    int threads = 40;
    CountDownLatch gun = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(pool.submit(() -> {
          gun.await();
          return post("/auth/login", Map.of("email", email, "password", "wrong " + email),
              null).statusCode();
        }));
      }
      gun.countDown();
      for (Future<Integer> f : done) {
        assertEquals(401, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads, jdbc.queryForObject(
        "SELECT failed_login_attempts FROM users WHERE id = ?", Integer.class, user));
  }

  private long register(String email) {
    long id = logins.register(email, PASSWORD.toCharArray(),
        new RequestContext("198.51.100.1", "it", null, null, Instant.now()));
    jdbc.update("UPDATE users SET approval_status = 'approved' WHERE id = ?", id);
    return id;
  }

  /** A JSON POST; the answer is checked against the document before it is returned. */
  private HttpResponse<String> post(String path, Map<String, String> body, String cookie)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json").header("User-Agent", "HttpApiTest")
        .POST(HttpRequest.BodyPublishers.ofString(
            OpenApiResponses.JSON.writeValueAsString(body)));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = HTTP.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    api.check("POST", path, response);
    return response;
  }

  /** An RFC 7009 form; the answer is checked against the document. */
  private HttpResponse<String> revoke(String form) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/auth/revoke"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    api.check("POST", "/auth/revoke", response);
    return response;
  }

  private static String field(HttpResponse<String> response, String name) {
    return OpenApiResponses.JSON.readTree(response.body()).path(name).asString();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port")
        + path);
  }
}
