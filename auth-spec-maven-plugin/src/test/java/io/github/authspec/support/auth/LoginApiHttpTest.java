package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.support.spring.LoginApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The login API served by a real embedded Tomcat and called over real HTTP, on the login flow
 * of {@link FlowWorld} (real PostgreSQL and Redis): every outcome's status, headers and body;
 * every refusal the same bytes after the same work; no response shows the server's internals.
 */
class LoginApiHttpTest {
  private static FlowWorld w;
  private static LoginServer server;
  private static URI base;

  @BeforeAll
  static void serve() {
    w = FlowWorld.fresh("login_api", 5);
    server = LoginServer.start(w.flow);
    base = server.base();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    w.reset();
  }

  @Test
  @DisplayName("a step the service does not have answers 404, as a path it does not have, "
      + "before the flow is asked")
  void absentSteps() {
    LoginApi none = new LoginApi(w.flow, EnumSet.noneOf(LoginApi.Step.class)) { };
    List<Integer> answers = List.of(
        none.secondFactor(new LoginApi.SecondFactor("c", "1"), null).getStatusCode().value(),
        none.confirmEnrolment(new LoginApi.SecondFactor("c", "1"), null).getStatusCode().value(),
        none.changePassword(new LoginApi.PasswordChange("c", "a", "b"), null).getStatusCode()
            .value(),
        none.refresh(new LoginApi.Token("t"), null).getStatusCode().value());
    assertThat(answers).containsOnly(404);
  }

  @Test
  @DisplayName("A (TOTP): the password answers a challenge, its code signs in with a __Host- "
      + "cookie (Secure, HttpOnly, SameSite=Strict), a refresh and an access token in the body; "
      + "the refresh token rotates once, with a new access token; logout clears the cookie and ends the session")
  void signInOverHttp() throws Exception {
    HttpResponse<String> first = post("/auth/login", login(FlowWorld.A, "correct horse battery"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).startsWith("{\"status\":\"second-factor-required\"");
    assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
    w.clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> in = post("/auth/login/second-factor", "{\"challenge\":\""
        + field(first, "challenge") + "\",\"code\":\"" + w.totpA() + "\"}");
    assertThat(in.statusCode()).isEqualTo(200);
    assertThat(in.body()).startsWith("{\"status\":\"signed-in\",\"refreshToken\":\"");
    String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith(LoginApi.SESSION_COOKIE + "=")
        .contains("; Path=/").contains("; Secure").contains("; HttpOnly")
        .contains("; SameSite=Strict").doesNotContain("Domain=");
    String session = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    assertThat(w.sessions.validate(session)).isPresent();
    String token = field(in, "refreshToken");
    HttpResponse<String> rotated = post("/auth/token", "{\"refreshToken\":\"" + token + "\"}");
    assertThat(rotated.statusCode()).isEqualTo(200);
    for (HttpResponse<String> r : java.util.List.of(in, rotated)) {
      assertThat(r.body()).contains("\"tokenType\":\"Bearer\",\"expiresIn\":600");
      assertThat(w.verifier.verify(field(r, "accessToken")).subject())
          .isEqualTo(String.valueOf(w.accounts.a()));
      assertThat(cookie).doesNotContain(field(r, "accessToken"));
    }
    assertThat(post("/auth/token", "{\"refreshToken\":\"" + token + "\"}").statusCode())
        .as("a replayed refresh token").isEqualTo(401);
    HttpResponse<String> out = send(HttpRequest.newBuilder(base.resolve("/auth/logout"))
        .header("Content-Type", "application/json")
        .header("Cookie", LoginApi.SESSION_COOKIE + "=" + session)
        .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\""
            + field(rotated, "refreshToken") + "\"}")));
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith(LoginApi.SESSION_COOKIE + "=;").contains("Max-Age=0");
    assertThat(w.sessions.validate(session)).isEmpty();
  }

  @Test
  @DisplayName("unknown, wrong, empty, over-long, locked and suspended: the same status, "
      + "headers and body, each after exactly one hash verification")
  void everyRefusalIsTheSameResponse() throws Exception {
    Map<String, Consumer<FlowWorld>> states = new LinkedHashMap<>();
    states.put("wrong", x -> { });
    states.put("locked", x -> {
      x.lockout.recordFailure(x.accounts.a());
      x.lockout.recordFailure(x.accounts.a());
    });
    states.put("suspended", x -> x.suspension.suspend(x.accounts.a(), Optional.empty(), "t", 1L));
    Map<String, String> attempts = new LinkedHashMap<>();
    attempts.put("unknown", login("nobody@example.org", "correct horse battery"));
    attempts.put("wrong", login(FlowWorld.A, "wrong password"));
    attempts.put("empty", login(FlowWorld.A, ""));
    attempts.put("over-long", login(FlowWorld.A, "x".repeat(PasswordHasher.MAX_LENGTH + 1)));
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, Consumer<FlowWorld>> state : states.entrySet()) {
      for (Map.Entry<String, String> attempt : attempts.entrySet()) {
        w.reset();
        state.getValue().accept(w);
        int before = w.algorithm.verifications.get();
        HttpResponse<String> r = post("/auth/login", attempt.getValue());
        seen.add(r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("")
            + " " + r.body() + " after " + (w.algorithm.verifications.get() - before));
      }
      w.reset();
      state.getValue().accept(w);
      if (!state.getKey().equals("wrong")) {
        int before = w.algorithm.verifications.get();
        HttpResponse<String> right = post("/auth/login", login(FlowWorld.A,
            "correct horse battery"));
        seen.add(right.statusCode() + " " + right.headers().firstValue("Content-Type").orElse("")
            + " " + right.body() + " after " + (w.algorithm.verifications.get() - before));
      }
    }
    assertThat(seen).hasSize(14).containsOnly("401 application/problem+json {\"type\":"
        + "\"urn:auth-spec:problem:refused\",\"title\":\"The credentials were not accepted\","
        + "\"status\":401,\"instance\":\"/auth/login\"} after 1");
  }

  @Test
  @DisplayName("past the address's limit: 429 with Retry-After in whole seconds, nothing tried")
  void limited() throws Exception {
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last = post("/auth/login", login("nobody" + i + "@example.org", "wrong password"));
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(last.body()).isEqualTo("{\"type\":\"urn:auth-spec:problem:limited\",\"title\":"
        + "\"Too many attempts\",\"status\":429,\"instance\":\"/auth/login\"}");
  }

  @Test
  @DisplayName("bad requests are problems that name the request, never the server: broken JSON, "
      + "a missing field, a form body, a wrong method")
  void badRequests() throws Exception {
    HttpResponse<String> broken = post("/auth/login", "{\"email\": ");
    HttpResponse<String> missing = post("/auth/login", "{\"email\":\"a@example.org\"}");
    HttpResponse<String> form = send(HttpRequest.newBuilder(base.resolve("/auth/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org&password=x")));
    HttpResponse<String> get = send(HttpRequest.newBuilder(base.resolve("/auth/login")).GET());
    assertThat(List.of(broken.statusCode(), missing.statusCode(), form.statusCode(),
        get.statusCode())).containsExactly(400, 400, 415, 405);
    for (HttpResponse<String> r : List.of(broken, missing, form, get)) {
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(r.body()).contains("\"status\":" + r.statusCode())
          .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("jackson")
          .doesNotContain("at io.").doesNotContain("org.springframework");
    }
  }

  @Test
  @DisplayName("start gun: one challenge redeemed by 16 concurrent requests signs in once")
  void oneChallengeOneSession() throws Exception {
    HttpResponse<String> first = post("/auth/login", login(FlowWorld.A, "correct horse battery"));
    w.clock.advance(Duration.ofSeconds(30));
    String body = "{\"challenge\":\"" + field(first, "challenge") + "\",\"code\":\""
        + w.totpA() + "\"}";
    List<Integer> statuses = StartGun.fire(16, () -> post("/auth/login/second-factor", body)
        .statusCode());
    // The others are refused, or limited by the address's rate limit: never a second sign-in.
    assertThat(statuses).hasSize(16).allMatch(s -> s == 200 || s == 401 || s == 429);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("an account past its MFA grace period: the password answers a challenge and an "
      + "otpauth URI; the new factor's first code signs in, once")
  void enrolmentOverHttp() throws Exception {
    String email = "enrol" + System.nanoTime() + "@example.org";
    long id = w.login.register(email, FlowWorld.PASSWORD, p -> List.of());
    new Db(w.db).update("UPDATE users SET approval_status = 'approved', mfa_grace_until = ?"
        + " WHERE id = ?", FlowWorld.T0.minusSeconds(1), id);
    HttpResponse<String> first = post("/auth/login", login(email, "correct horse battery"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).startsWith("{\"status\":\"enrolment-required\"");
    byte[] seed = TotpTest.seed(new Totp.Enrolment("", field(first, "otpauthUri")));
    String body = "{\"challenge\":\"" + field(first, "challenge") + "\",\"code\":\""
        + TotpTest.OTP.totp(seed, w.clock.instant()) + "\"}";
    HttpResponse<String> in = post("/auth/login/enrolment", body);
    assertThat(in.statusCode()).isEqualTo(200);
    assertThat(in.body()).startsWith("{\"status\":\"signed-in\"");
    assertThat(post("/auth/login/enrolment", body).statusCode()).isEqualTo(401);
    assertThat(w.totp.isEnabled(id)).isTrue();
  }

  private static String login(String email, String password) {
    return LoginHttp.login(email, password);
  }

  private static String field(HttpResponse<String> response, String name) {
    return LoginHttp.field(response, name);
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return LoginHttp.post(base, path, json);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return LoginHttp.send(request);
  }
}
