package com.example.authservice.demo;

import com.example.authservice.AuthServiceApplication;
import com.example.authservice.app.EmbeddedServers;
import com.example.authservice.app.Outbox;
import com.example.authservice.auth.Base32;
import com.example.authservice.auth.Otp;
import com.example.authservice.service.RequestContext;
import com.example.authservice.service.authentication.EmailPasswordLoginService;
import com.example.authservice.service.registration.RegistrationApprovalWorkflowService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example's demo: starts the service (embedded PostgreSQL and Redis, then Spring Boot with
 * the generated auto-configuration and login API) and drives one account through it over real
 * HTTP, printing each request and its status: registration, e-mail verification, sign-in,
 * refresh, logout and password reset. The approval, an operator's act, goes through the
 * generated service in-process, and the output says so. {@code -Ddemo.keepRunning} keeps the service up
 * afterwards ({@code -Ddemo.port}, 8080 then, sets its port).
 */
public final class Demo {
  /**
   * One step and what came of it.
   *
   * @param name the request (e.g. {@code POST /auth/login}) or the in-process call
   * @param status the HTTP status, or {@code in-process}
   * @param detail the key facts of the answer; never a whole token or a secret
   */
  public record Step(String name, String status, String detail) {}

  /**
   * The service and its servers, stopped together.
   *
   * @param servers the embedded PostgreSQL and Redis
   * @param context the running application
   * @param serversMillis how long the servers took to start
   * @param serviceMillis how long the application took to start on them (Spring, the pool, the
   *     migrations, Tomcat), the figure a deployed service pays
   */
  public record Service(EmbeddedServers servers, ConfigurableApplicationContext context,
      long serversMillis, long serviceMillis) implements AutoCloseable {
    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
      return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
      try {
        context.close();
      } finally {
        servers.close();
      }
    }
  }

  static final String EMAIL = "ada@example.com";
  // The demo's own account: fixed so a reader can repeat the steps with curl. Never printed.
  private static final String PASSWORD = "correct horse battery staple";
  private static final String NEW_PASSWORD = "a new passphrase for ada";
  private static final String IN_PROCESS = "in-process";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Demo() {}

  public static void main(String[] args) throws Exception {
    boolean keepRunning = Boolean.getBoolean("demo.keepRunning");
    Service service = start(Integer.getInteger("demo.port", keepRunning ? 8080 : 0));
    try {
      run(service, System.out);
    } catch (Exception | Error e) {
      service.close();
      throw e;
    }
    if (!keepRunning) {
      service.close();
      return;
    }
    String base = service.baseUrl();
    System.out.printf("%nThe service keeps running at %s (Ctrl-C stops it). Try:%n"
        + "  curl -s %s/auth/openapi.json%n"
        + "  curl -si %s/auth/login -H 'Content-Type: application/json'"
        + " -d '{\"email\":\"%s\",\"password\":\"not the password\"}'%n",
        base, base, base, EMAIL);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close));
    new CountDownLatch(1).await();
  }

  /**
   * Starts the servers and the service.
   *
   * @param port the HTTP port, 0 for a free one
   * @return the running service
   */
  public static Service start(int port) {
    long begin = System.nanoTime();
    EmbeddedServers servers = EmbeddedServers.start();
    long started = System.nanoTime();
    try {
      ConfigurableApplicationContext context =
          AuthServiceApplication.start(servers, Map.of("server.port", port));
      return new Service(servers, context, (started - begin) / 1_000_000,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException | Error e) {
      servers.close();
      throw e;
    }
  }

  /**
   * Runs the session against a running service, printing each step to {@code out}.
   *
   * @param service the service
   * @param out where the steps go
   * @return the steps
   * @throws Exception when a request cannot be sent
   */
  public static List<Step> run(Service service, PrintStream out) throws Exception {
    return new Session(service, out).run();
  }

  /** One account's way through the service. */
  private static final class Session {
    private final ConfigurableApplicationContext context;
    private final String base;
    private final PrintStream out;
    private final List<Step> steps = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final Outbox outbox;

    Session(Service service, PrintStream out) {
      this.context = service.context();
      this.base = service.baseUrl();
      this.out = out;
      this.outbox = context.getBean(Outbox.class);
      int migrations = context.getBean(Flyway.class).info().applied().length;
      out.printf("auth-service at %s (embedded PostgreSQL :%d and Redis :%d, %d migration(s)"
          + " applied)%n", base, service.servers().postgresPort(),
          service.servers().redisPort(), migrations);
      out.printf("started in %.2f s (the servers took %.2f s before it)%n",
          service.serviceMillis() / 1000.0, service.serversMillis() / 1000.0);
      out.println("Registration, e-mail verification and the password reset go over HTTP;"
          + " the approval is an operator's act, not the caller's: it calls the generated"
          + " service in-process.");
    }

    List<Step> run() throws Exception {
      RequestContext here = new RequestContext("127.0.0.1", "demo", null, null, Instant.now());
      HttpResponse<String> registered = post("/auth/register", Map.of("email", EMAIL,
          "password", PASSWORD), null);
      step("POST /auth/register", registered, field(registered, "status")
          + ", verification mailed to the outbox");
      HttpResponse<String> twice = post("/auth/register", Map.of("email", EMAIL,
          "password", PASSWORD), null);
      step("POST /auth/register (same address)", twice, field(twice, "status")
          + (twice.body().equals(registered.body()) ? ", the same answer: a taken address is"
          + " not told" : ", a different answer"));

      step("POST /auth/email/verify", post("/auth/email/verify",
          Map.of("token", mailed("send-verification-email")), null), "address verified");

      // Approval names who approved: an operator account, which itself never signs in here.
      var approval = context.getBean(RegistrationApprovalWorkflowService.class);
      long user = approval.pending().get(0);
      char[] operatorPassword = randomPassword();
      long operator = context.getBean(EmailPasswordLoginService.class)
          .register("operator@example.com", operatorPassword, here);
      approval.approve(user, operator);
      step("approve registration (operator)", IN_PROCESS, "user " + user
          + " approved by operator user " + operator);

      HttpResponse<String> first = post("/auth/login", Map.of("email", EMAIL,
          "password", PASSWORD), null);
      String uri = field(first, "otpauthUri");
      step("POST /auth/login", first, field(first, "status")
          + (uri.isEmpty() ? "" : ", " + uri.substring(0, uri.indexOf('?')) + "?secret=…"));

      byte[] seed = seedOf(uri);
      Instant now = Instant.now();
      HttpResponse<String> enrolled = post("/auth/login/enrolment", Map.of(
          "challenge", field(first, "challenge"), "code", Otp.standard().totp(seed, now)), null);
      String session = sessionCookie(enrolled);
      String refresh = field(enrolled, "refreshToken");
      step("POST /auth/login/enrolment", enrolled, field(enrolled, "status")
          + " (first TOTP code), cookie " + cut(session) + ", refresh token " + cut(refresh));

      step("GET /api/me (no cookie)", get("/api/me", null), "no session");
      HttpResponse<String> me = get("/api/me", session);
      step("GET /api/me", me, me.body());
      HttpResponse<String> byToken = send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
          .header("Authorization", "Bearer " + field(enrolled, "accessToken")).GET());
      step("GET /api/me (bearer token)", byToken, "the sign-in's access token, "
          + field(enrolled, "expiresIn") + " s: " + byToken.body());

      HttpResponse<String> rotated = post("/auth/token", Map.of("refreshToken", refresh), null);
      String successor = field(rotated, "refreshToken");
      step("POST /auth/token", rotated, "rotated: refresh token " + cut(successor));
      step("POST /auth/token (old token again)",
          post("/auth/token", Map.of("refreshToken", refresh), null), "replay refused");
      step("POST /auth/token (its successor)",
          post("/auth/token", Map.of("refreshToken", successor), null),
          "the replay ended the whole family");

      step("POST /auth/logout", post("/auth/logout", Map.of(), session), "cookie cleared");
      step("GET /api/me (after logout)", get("/api/me", session), "the session is over");

      HttpResponse<String> again = post("/auth/login", Map.of("email", EMAIL,
          "password", PASSWORD), null);
      step("POST /auth/login (again)", again, field(again, "status"));
      // The enrolment spent this time step's code; the next step's is within the allowed drift.
      HttpResponse<String> second = post("/auth/login/second-factor", Map.of(
          "challenge", field(again, "challenge"),
          "code", Otp.standard().totp(seed, now.plusSeconds(30))), null);
      String secondSession = sessionCookie(second);
      step("POST /auth/login/second-factor", second, field(second, "status")
          + " (TOTP code), cookie " + cut(secondSession));
      HttpResponse<String> meAgain = get("/api/me", secondSession);
      step("GET /api/me (new session)", meAgain, meAgain.body());

      step("POST /auth/password/reset", post("/auth/password/reset", Map.of("email", EMAIL),
          null), "reset mailed to the outbox (the same answer for any address)");
      step("POST /auth/password/reset/confirm", post("/auth/password/reset/confirm",
          Map.of("token", mailed("send-password-reset"), "newPassword", NEW_PASSWORD), null),
          "new password set; the account's sessions and tokens end");
      step("GET /api/me (after the reset)", get("/api/me", secondSession),
          "the reset ended the session");
      step("POST /auth/login (old password)", post("/auth/login", Map.of("email", EMAIL,
          "password", PASSWORD), null), "refused");
      HttpResponse<String> fresh = post("/auth/login", Map.of("email", EMAIL,
          "password", NEW_PASSWORD), null);
      step("POST /auth/login (new password)", fresh, field(fresh, "status"));

      HttpResponse<String> openapi = get("/auth/openapi.json", null);
      JsonNode document = JSON.readTree(openapi.body());
      step("GET /auth/openapi.json", openapi, "OpenAPI " + document.path("openapi").asText()
          + ", " + document.path("paths").size() + " paths");
      HttpResponse<String> jwks = get("/.well-known/jwks.json", null);
      JsonNode key = JSON.readTree(jwks.body()).path("keys").path(0);
      step("GET /.well-known/jwks.json", jwks, JSON.readTree(jwks.body()).path("keys").size()
          + " public key(s), " + key.path("kty").asText() + " " + key.path("crv").asText());
      return steps;
    }

    /** The secret of the newest message of a kind to the demo's address. */
    private String mailed(String kind) {
      Outbox.Message m = outbox.latest(kind, EMAIL)
          .orElseThrow(() -> new IllegalStateException("nothing sent: " + kind));
      return m.fields().get("token");
    }

    private HttpResponse<String> post(String path, Map<String, String> body, String cookie)
        throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json").header("User-Agent", "demo")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (cookie != null) {
        request.header("Cookie", cookie);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return http.send(request.header("User-Agent", "demo").build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .header("User-Agent", "demo").GET();
      if (cookie != null) {
        request.header("Cookie", cookie);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void step(String name, HttpResponse<String> response, String detail) {
      step(name, Integer.toString(response.statusCode()), detail);
    }

    private void step(String name, String status, String detail) {
      steps.add(new Step(name, status, detail));
      out.printf("%-40s %-10s %s%n", name, status, detail);
    }
  }

  /** {@code __Host-session=<handle>} from the answer's Set-Cookie, or "" without one. */
  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("__Host-session="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
  }

  private static String field(HttpResponse<String> response, String name) throws Exception {
    JsonNode body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    return body.path(name).asText();
  }

  /** The first 8 characters of a secret and an ellipsis: enough to tell two apart. */
  private static String cut(String secret) {
    String value = secret.substring(secret.indexOf('=') + 1);
    return value.length() <= 8 ? "(none)" : value.substring(0, 8) + "…";
  }

  /** The Base32 secret of an otpauth:// URI, as an authenticator app reads it from the QR code. */
  private static byte[] seedOf(String uri) {
    if (!uri.startsWith("otpauth://")) {
      throw new IllegalStateException("the login answered no enrolment URI");
    }
    for (String part : URI.create(uri).getRawQuery().split("&")) {
      if (part.startsWith("secret=")) {
        return Base32.decode(part.substring("secret=".length()));
      }
    }
    throw new IllegalStateException("no secret in the enrolment URI");
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
  }

  static Map<String, String> outcomes(List<Step> steps) {
    Map<String, String> m = new LinkedHashMap<>();
    steps.forEach(s -> m.put(s.name(), s.status()));
    return m;
  }
}
