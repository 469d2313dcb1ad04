package com.example.authservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.service.RequestContext;
import com.example.authservice.service.authentication.EmailPasswordLoginService;
import com.example.authservice.token.AccessTokenIssuer;
import com.example.authservice.token.AccessTokenSettings;
import com.example.authservice.token.JwsAlgorithm;
import com.example.authservice.token.KeyRing;
import com.example.authservice.token.SigningKey;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access tokens of the login API, verified independently and used against the generated
 * filter chain: Spring Security's resource-server decoder (Nimbus, keys from the service's JWK
 * set) accepts them and refuses tampered ones, and a protected operation answers 200 with one,
 * 401 without, with a tampered, foreign or expired one, and after logout everywhere (the spec
 * binds the deny-list). Every answer of a documented operation is checked against the served
 * OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "authspec.implementations.login-flow.rate-limit=10000",
    "authspec.implementations.login-flow.brute-force-threshold=10000"})
class BearerTokenTest {
  private static final String ISSUER = "https://auth.example.com";
  private static final String AUDIENCE = "https://api.example.com";
  private static final String PASSWORD = "a long enough passphrase";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    Servers.register(registry);
  }

  /** The keys that sign the tokens and what the tokens say. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    KeyRing keyRing() {
      return new KeyRing(SigningKey.generate(JwsAlgorithm.ES256, new SecureRandom()),
          Clock.systemUTC());
    }

    @Bean
    AccessTokenSettings accessTokenSettings() {
      return AccessTokenSettings.of(ISSUER, AUDIENCE);
    }
  }

  @Autowired Environment environment;
  @Autowired EmailPasswordLoginService logins;
  @Autowired JdbcTemplate jdbc;
  @Autowired KeyRing keys;
  @Autowired AccessTokenSettings settings;
  private OpenApiResponses api;
  private NimbusJwtDecoder decoder;

  @BeforeEach
  void setUp() throws Exception {
    HttpResponse<String> served = send(HttpRequest.newBuilder(uri("/auth/openapi.json")));
    api = new OpenApiResponses(served.body());
    decoder = NimbusJwtDecoder.withJwkSetUri(uri("/.well-known/jwks.json").toString())
        .jwsAlgorithm(SignatureAlgorithm.ES256)
        // RFC 9068 §4: an access token's typ is at+jwt, and nothing else is one.
        .jwtProcessorCustomizer(p -> p.setJWSTypeVerifier(
            new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
        .build();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
        new JwtIssuerValidator(ISSUER), new JwtClaimValidator<List<String>>("aud",
            aud -> aud != null && aud.contains(AUDIENCE))));
  }

  @Test
  void springSecuritysDecoderAcceptsTheTokensAndRefusesTamperedOnes() throws Exception {
    long user = register("nimbus-" + System.nanoTime() + "@example.com");
    HttpResponse<String> in = login(user);
    assertEquals("Bearer", field(in, "tokenType"));
    assertEquals(600, OpenApiResponses.JSON.readTree(in.body()).path("expiresIn").asInt());
    String token = field(in, "accessToken");
    assertFalse(in.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains(token)),
        "never a cookie");
    Jwt jwt = decoder.decode(token);
    assertEquals(String.valueOf(user), jwt.getSubject());
    assertEquals("at+jwt", jwt.getHeaders().get("typ"));
    Jwt refreshed = decoder.decode(field(post("/auth/token",
        Map.of("refreshToken", field(in, "refreshToken")), null), "accessToken"));
    assertEquals(jwt.getClaimAsString("fid"), refreshed.getClaimAsString("fid"),
        "the refresh's token names the same family");

    for (Map.Entry<String, String> bad : tampered(token).entrySet()) {
      assertThrows(JwtException.class, () -> decoder.decode(bad.getValue()), bad.getKey());
      HttpResponse<String> refused = get("/auth/sessions", "Bearer " + bad.getValue(), null);
      assertEquals(401, refused.statusCode(), bad.getKey());
      assertEquals("Bearer error=\"invalid_token\"",
          refused.headers().firstValue("WWW-Authenticate").orElseThrow(), bad.getKey());
    }
  }

  @Test
  void aProtectedOperationNeedsAValidBearerTokenOrTheCookie() throws Exception {
    long user = register("bearer-" + System.nanoTime() + "@example.com");
    HttpResponse<String> in = login(user);
    String bearer = "Bearer " + field(in, "accessToken");
    String cookie = cookie(in);

    HttpResponse<String> sessions = get("/auth/sessions", bearer, null);
    assertEquals(200, sessions.statusCode());
    assertEquals(1, OpenApiResponses.JSON.readTree(sessions.body()).path("sessions").size());
    assertFalse(sessions.body().contains(cookie.substring(cookie.indexOf('=') + 1)),
        "no handle shown");
    HttpResponse<String> byCookie = get("/auth/sessions", null, cookie);
    assertEquals(200, byCookie.statusCode());
    assertTrue(OpenApiResponses.JSON.readTree(byCookie.body())
        .at("/sessions/0/current").asBoolean(), "the cookie's session is the current one");

    HttpResponse<String> none = get("/auth/sessions", null, null);
    assertEquals(401, none.statusCode());
    assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertEquals(401, send(HttpRequest.newBuilder(uri("/not/an/operation"))).statusCode(),
        "every other request is authenticated too");

    // Another account's session answers exactly as an unknown id.
    long other = register("other-" + System.nanoTime() + "@example.com");
    String otherId = OpenApiResponses.JSON.readTree(get("/auth/sessions",
        "Bearer " + field(login(other), "accessToken"), null).body()).at("/sessions/0/id")
        .asString();
    HttpResponse<String> foreign = delete("/auth/sessions/" + otherId, bearer);
    HttpResponse<String> unknown = delete("/auth/sessions/999999999", bearer);
    assertEquals(404, foreign.statusCode());
    assertEquals(withoutInstance(unknown), withoutInstance(foreign));
    assertEquals(1, jdbc.queryForObject("SELECT count(*) FROM sessions WHERE id = ? AND "
        + "is_active", Integer.class, Long.valueOf(otherId)), "still live");

    // A cookie does not authenticate a POST a form could send.
    HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(
            uri("/auth/logout-everywhere")).header("Cookie", cookie)
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, forged.statusCode());
    api.check("POST", "/auth/logout-everywhere", forged);
    assertEquals(200, get("/auth/sessions", null, cookie).statusCode(), "not logged out");
  }

  @Test
  void logoutEverywhereEndsTheSessionsTheFamiliesAndTheirAccessTokens() throws Exception {
    long user = register("everywhere-" + System.nanoTime() + "@example.com");
    HttpResponse<String> first = login(user);
    HttpResponse<String> second = login(user);
    String bearer = "Bearer " + field(first, "accessToken");
    assertEquals(200, get("/auth/sessions", "Bearer " + field(second, "accessToken"), null)
        .statusCode());

    HttpResponse<String> out = HTTP.send(HttpRequest.newBuilder(uri("/auth/logout-everywhere"))
        .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(204, out.statusCode());
    api.check("POST", "/auth/logout-everywhere", out);

    for (HttpResponse<String> in : List.of(first, second)) {
      HttpResponse<String> old = get("/auth/sessions", "Bearer " + field(in, "accessToken"),
          null);
      assertEquals(401, old.statusCode(), "the deny-list refuses the family's access token");
      assertEquals("Bearer error=\"invalid_token\"",
          old.headers().firstValue("WWW-Authenticate").orElseThrow());
      assertEquals(401, get("/auth/sessions", null, cookie(in)).statusCode());
      assertEquals(401, post("/auth/token", Map.of("refreshToken", field(in, "refreshToken")),
          null).statusCode());
    }
    // Decoding alone still accepts it: a deny-list is the issuer's to check, not the JWT's.
    decoder.decode(field(first, "accessToken"));
  }

  @Test
  void aSignedInCallerChangesItsPassword() throws Exception {
    long user = register("change-" + System.nanoTime() + "@example.com");
    HttpResponse<String> in = login(user);
    String bearer = "Bearer " + field(in, "accessToken");
    String next = "another long enough passphrase";
    HttpResponse<String> wrong = changePassword(bearer, "not the passphrase at all", next);
    assertEquals(401, wrong.statusCode());
    HttpResponse<String> changed = changePassword(bearer, PASSWORD, next);
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals(String.valueOf(user), decoder.decode(field(changed, "accessToken"))
        .getSubject());
    assertEquals(401, get("/auth/sessions", null, cookie(in)).statusCode(), "the old session");
    assertEquals(200, get("/auth/sessions", null, cookie(changed)).statusCode());
    assertEquals(401, post("/auth/token", Map.of("refreshToken", field(in, "refreshToken")),
        null).statusCode(), "the old family");
  }

  private HttpResponse<String> changePassword(String bearer, String current, String next)
      throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth/password"))
        .header("Content-Type", "application/json").header("Authorization", bearer)
        .POST(HttpRequest.BodyPublishers.ofString(OpenApiResponses.JSON.writeValueAsString(
            Map.of("currentPassword", current, "newPassword", next)))));
    api.check("POST", "/auth/password", response);
    return response;
  }

  /** Tokens that must fail: each changes one thing of a good one. */
  private Map<String, String> tampered(String token) throws Exception {
    String[] parts = token.split("\\.");
    ObjectNode claims = (ObjectNode) OpenApiResponses.JSON.readTree(decode(parts[1]));
    claims.put("sub", "1");
    ObjectNode header = (ObjectNode) OpenApiResponses.JSON.readTree(decode(parts[0]));
    header.put("alg", "HS256");
    KeyRing other = new KeyRing(SigningKey.generate(JwsAlgorithm.ES256, new SecureRandom()),
        Clock.systemUTC());
    String foreign = new AccessTokenIssuer(other, settings, Clock.systemUTC(), new SecureRandom())
        .issue("1", Set.of(), Optional.empty(), Optional.empty()).token();
    String expired = new AccessTokenIssuer(keys, settings, Clock.fixed(
            Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC), new SecureRandom())
        .issue("1", Set.of(), Optional.empty(), Optional.empty()).token();
    return Map.of(
        "a changed payload", parts[0] + "." + encode(claims.toString()) + "." + parts[2],
        "a changed header alg", encode(header.toString()) + "." + parts[1] + "." + parts[2],
        "another key", foreign,
        "an expired token", expired);
  }

  /** A problem's body without its instance, the one member that names the path. */
  private static String withoutInstance(HttpResponse<String> response) {
    ObjectNode body = (ObjectNode) OpenApiResponses.JSON.readTree(response.body());
    body.remove("instance");
    return body.toString();
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private long register(String email) {
    long id = logins.register(email, PASSWORD.toCharArray(),
        new RequestContext("198.51.100.2", "it", null, null, Instant.now()));
    jdbc.update("UPDATE users SET approval_status = 'approved' WHERE id = ?", id);
    return id;
  }

  private HttpResponse<String> login(long user) throws Exception {
    String email = jdbc.queryForObject("SELECT email FROM users WHERE id = ?", String.class,
        user);
    HttpResponse<String> in = post("/auth/login", Map.of("email", email, "password", PASSWORD),
        null);
    assertEquals("signed-in", field(in, "status"), in.body());
    return in;
  }

  private static String cookie(HttpResponse<String> response) {
    String set = response.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  private HttpResponse<String> post(String path, Map<String, String> body, String cookie)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            OpenApiResponses.JSON.writeValueAsString(body)));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = send(request);
    api.check("POST", path, response);
    return response;
  }

  private HttpResponse<String> get(String path, String authorization, String cookie)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = send(request);
    api.check("GET", path, response);
    return response;
  }

  private HttpResponse<String> delete(String path, String authorization) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", authorization).DELETE());
    api.check("DELETE", "/auth/sessions/{id}", response);
    return response;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String field(HttpResponse<String> response, String name) {
    return OpenApiResponses.JSON.readTree(response.body()).path(name).asString();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port")
        + path);
  }
}
