package com.example.authservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.client.NotificationsClient;
import com.example.authservice.service.mfa.BackupCodesService;
import com.example.authservice.service.registration.InviteOnlyRegistrationService;
import com.example.authservice.spring.AccountApi;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The generated account operations on a real Tomcat, PostgreSQL and Redis: registration,
 * e-mail verification, password reset, magic links and the confirmation of an address change,
 * every answer checked against the served OpenAPI document. The notifications the generated
 * services send are kept in {@link #MAIL} (the application's own client, so the generated one
 * backs off), where a mail service would deliver them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "authspec.implementations.login-flow.rate-limit=10000",
    "authspec.implementations.login-flow.brute-force-threshold=10000",
    "authspec.implementations.email-verification.lifetime=24h",
    "authspec.implementations.account-recovery.lifetime=30m",
    "authspec.implementations.magic-links.lifetime=15m",
    "authspec.implementations.email-change-workflow.lifetime=24h",
    "authspec.implementations.invite-only-registration.lifetime=7d"})
class AccountApiTest {
  private static final String PASSWORD = "a long enough passphrase";
  private static final String LANDING = "https://app.example/signed-in";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** Every notification sent: the operation and its message. */
  static final List<Map.Entry<String, Map<?, ?>>> MAIL = new ArrayList<>();

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    Servers.register(registry);
  }

  /** The mail kept, where magic links may lead, and the access tokens' keys. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    NotificationsClient outbox() {
      return (NotificationsClient) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {NotificationsClient.class}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
              return method.getName().equals("toString") ? "outbox"
                  : method.getName().equals("hashCode") ? 0 : proxy == args[0];
            }
            synchronized (MAIL) {
              MAIL.add(Map.entry(method.getName(), (Map<?, ?>) args[0]));
            }
            return null;
          });
    }

    @Bean
    AccountApi.Redirects redirects() {
      return new AccountApi.Redirects(Set.of(URI.create(LANDING)));
    }

    /** The spec binds jwt-tokens: the flow signs access tokens with these. */
    @Bean
    com.example.authservice.token.KeyRing keyRing() {
      return new com.example.authservice.token.KeyRing(
          com.example.authservice.token.SigningKey.generate(
              com.example.authservice.token.JwsAlgorithm.ES256, new java.security.SecureRandom()),
          java.time.Clock.systemUTC());
    }

    @Bean
    com.example.authservice.token.AccessTokenSettings accessTokenSettings() {
      return com.example.authservice.token.AccessTokenSettings.of("https://auth.example.com",
          "https://api.example.com");
    }
  }

  @Autowired ApplicationContext context;
  @Autowired Environment environment;
  @Autowired BackupCodesService backupCodes;
  @Autowired InviteOnlyRegistrationService invitations;
  @Autowired JdbcTemplate jdbc;
  private OpenApiResponses api;

  @BeforeEach
  void document() throws Exception {
    HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(uri("/auth/openapi.json"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    api = new OpenApiResponses(served.body());
  }

  @Test
  void theControllerIsTheAutoConfigurations() {
    assertEquals(List.of("authSpecAccountApi"),
        List.of(context.getBeanNamesForType(AccountApi.class)));
  }

  @Test
  void registerVerifyAndSignIn() throws Exception {
    String email = "account-" + System.nanoTime() + "@example.com";
    HttpResponse<String> fresh = post("/auth/register", Map.of("email", email,
        "password", PASSWORD));
    HttpResponse<String> again = post("/auth/register", Map.of("email", email,
        "password", PASSWORD));
    assertEquals(202, fresh.statusCode());
    assertEquals(answer(fresh), answer(again), "a taken address is not told");
    assertEquals(1, mails("sendVerificationEmail", email).size());
    HttpResponse<String> weak = post("/auth/register", Map.of("email", "w-" + email,
        "password", "short"));
    assertEquals(422, weak.statusCode());
    assertTrue(weak.body().contains("\"violations\""), weak.body());
    assertEquals(400, post("/auth/register", Map.of("email", "no address",
        "password", PASSWORD)).statusCode());

    String token = token(mails("sendVerificationEmail", email).get(0));
    assertEquals(204, post("/auth/email/verify", Map.of("token", token)).statusCode());
    assertEquals(Boolean.TRUE, jdbc.queryForObject(
        "SELECT email_verified FROM users WHERE email = ?", Boolean.class, email));
    HttpResponse<String> used = post("/auth/email/verify", Map.of("token", token));
    HttpResponse<String> unknown = post("/auth/email/verify", Map.of("token", "x" + token));
    assertEquals(401, used.statusCode());
    assertEquals(answer(used), answer(unknown));

    // Approval is an operator's act, not the caller's: done here as one would.
    jdbc.update("UPDATE users SET approval_status = 'approved' WHERE email = ?", email);
    HttpResponse<String> in = post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertEquals(200, in.statusCode());
  }

  @Test
  void aResetEndsTheSessionsAndAnyRefusedTokenIsOneAnswer() throws Exception {
    String email = registered();
    HttpResponse<String> in = post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertEquals("signed-in", field(in, "status"));
    HttpResponse<String> unknown = post("/auth/password/reset",
        Map.of("email", "nobody-" + email));
    HttpResponse<String> known = post("/auth/password/reset", Map.of("email", email));
    assertEquals(202, known.statusCode());
    assertEquals(answer(unknown), answer(known), "an unknown address is not told");
    String token = token(mails("sendPasswordReset", email).get(0));
    assertEquals(422, post("/auth/password/reset/confirm", Map.of("token", token,
        "newPassword", "short")).statusCode());
    assertEquals(204, post("/auth/password/reset/confirm", Map.of("token", token,
        "newPassword", "another long passphrase")).statusCode());
    assertEquals(401, post("/auth/token", Map.of("refreshToken", field(in, "refreshToken")))
        .statusCode(), "the reset ended the refresh token");
    assertEquals(200, post("/auth/login", Map.of("email", email,
        "password", "another long passphrase")).statusCode());

    post("/auth/password/reset", Map.of("email", email));
    String expired = token(mails("sendPasswordReset", email).get(1));
    jdbc.update("UPDATE recovery_requests SET expires_at = now() - interval '1 minute' WHERE "
        + "completed_at IS NULL AND user_id = (SELECT id FROM users WHERE email = ?)", email);
    List<String> refusals = new ArrayList<>();
    for (String t : List.of(token, "x" + token, expired)) {
      refusals.add(answer(post("/auth/password/reset/confirm", Map.of("token", t,
          "newPassword", "yet another passphrase"))));
    }
    assertEquals(1, refusals.stream().distinct().count(), refusals.toString());
    assertTrue(refusals.get(0).startsWith("401 "), refusals.get(0));
  }

  @Test
  void aMagicLinkIsOneFactorOfTheLoginFlow() throws Exception {
    String email = registered();
    backupCodes.generate(jdbc.queryForObject("SELECT id FROM users WHERE email = ?",
        Long.class, email));
    assertEquals(400, post("/auth/magic-link", Map.of("email", email,
        "redirectTo", "https://evil.example/")).statusCode());
    HttpResponse<String> sent = post("/auth/magic-link", Map.of("email", email,
        "redirectTo", LANDING));
    assertEquals(202, sent.statusCode());
    assertEquals(answer(sent), answer(post("/auth/magic-link", Map.of("email",
        "nobody-" + email, "redirectTo", LANDING))));
    String link = String.valueOf(mails("sendMagicLink", email).get(0).get("link"));
    String token = link.substring(link.indexOf("token=") + 6);
    HttpResponse<String> first = post("/auth/magic-link/complete", Map.of("token", token));
    assertEquals("second-factor-required", field(first, "status"), first.body());
    assertTrue(first.headers().firstValue("Set-Cookie").isEmpty(), "no session yet");
    HttpResponse<String> used = post("/auth/magic-link/complete", Map.of("token", token));
    HttpResponse<String> unknown = post("/auth/magic-link/complete",
        Map.of("token", "x" + token));
    assertEquals(401, used.statusCode());
    assertEquals(answer(used), answer(unknown));
  }

  @Test
  void anInvitationIsAcceptedOnceWithAPasswordThatKeepsTheRules() throws Exception {
    String inviter = registered();
    String email = "invited-" + System.nanoTime() + "@example.com";
    String token = invitations.invite(email, jdbc.queryForObject(
        "SELECT id FROM users WHERE email = ?", Long.class, inviter), Set.of());
    HttpResponse<String> weak = post("/auth/invitations/accept", Map.of("token", token,
        "newPassword", "short"));
    assertEquals(422, weak.statusCode());
    assertEquals(204, post("/auth/invitations/accept", Map.of("token", token,
        "newPassword", PASSWORD)).statusCode());
    assertEquals(1, jdbc.queryForObject("SELECT count(*) FROM users WHERE email = ?",
        Integer.class, email));
    HttpResponse<String> used = post("/auth/invitations/accept", Map.of("token", token,
        "newPassword", PASSWORD));
    HttpResponse<String> unknown = post("/auth/invitations/accept", Map.of("token",
        "x" + token, "newPassword", PASSWORD));
    assertEquals(401, used.statusCode());
    assertEquals(answer(used), answer(unknown));
  }

  @Test
  void anAddressChangeWithAnUnknownTokenIsTheRefusal() throws Exception {
    HttpResponse<String> refused = post("/auth/email/change/confirm",
        Map.of("token", "unknown"));
    assertEquals(401, refused.statusCode());
    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(uri("/auth/register"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.com")).build(),
        HttpResponse.BodyHandlers.ofString());
    api.check("POST", "/auth/register", form);
    assertEquals(415, form.statusCode());
  }

  /** A new, approved account without a second factor. */
  private String registered() throws Exception {
    String email = "account-" + System.nanoTime() + "@example.com";
    assertEquals(202, post("/auth/register", Map.of("email", email, "password", PASSWORD))
        .statusCode());
    jdbc.update("UPDATE users SET approval_status = 'approved' WHERE email = ?", email);
    return email;
  }

  private static List<Map<?, ?>> mails(String operation, String to) {
    synchronized (MAIL) {
      return MAIL.stream().filter(m -> m.getKey().equals(operation)
          && to.equals(String.valueOf(m.getValue().get("to")))).map(Map.Entry::getValue)
          .toList();
    }
  }

  private static String token(Map<?, ?> mail) {
    return String.valueOf(mail.get("token"));
  }

  private static String answer(HttpResponse<String> r) {
    return r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + " "
        + r.body();
  }

  /** A JSON POST; the answer is checked against the document before it is returned. */
  private HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json").header("User-Agent", "AccountApiTest")
        .POST(HttpRequest.BodyPublishers.ofString(
            OpenApiResponses.JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    api.check("POST", path, response);
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
