package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The login API behind the generated filter chain ({@code CallerSecurity}), with the caller's
 * operations, over real HTTP on {@link FlowWorld}: who is calling by bearer token or cookie,
 * the RFC 6750 answers, the cookie's CSRF rule, sessions by owner only, logout everywhere.
 */
class CallerApiHttpTest {
  private static FlowWorld w;
  private static LoginServer server;
  private static URI base;

  @BeforeAll
  static void serve() {
    w = FlowWorld.fresh("caller_api", 1_000);
    server = LoginServer.secured(w.flow);
    base = server.base();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A signed-in account without a second factor: its sign-in's answer. */
  static HttpResponse<String> signIn(FlowWorld w, URI base, String email) throws Exception {
    long id = w.login.register(email, FlowWorld.PASSWORD, p -> List.of());
    new Db(w.db).update("UPDATE users SET approval_status = 'approved', mfa_grace_until = ?"
        + " WHERE id = ?", FlowWorld.T0.plus(Duration.ofDays(365)), id);
    HttpResponse<String> in = LoginHttp.post(base, "/auth/login", LoginHttp.login(email,
        new String(FlowWorld.PASSWORD)));
    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
    return in;
  }

  private static HttpResponse<String> get(String path, String header, String value)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).GET();
    return LoginHttp.send(value == null ? r : r.header(header, value));
  }

  private static String cookie(HttpResponse<String> in) {
    String set = in.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  @Test
  @DisplayName("a bearer token or the cookie authenticates, the principal is the account id; "
      + "none is 401 Bearer, a refused token 401 invalid_token; the sign-in stays open")
  void whoIsCalling() throws Exception {
    HttpResponse<String> in = signIn(w, base, "who@example.org");
    String token = LoginHttp.field(in, "accessToken");
    String id = String.valueOf(w.verifier.verify(token).subject());
    assertThat(get("/api/me", "Authorization", "Bearer " + token).body())
        .isEqualTo("{\"id\":" + id + "}");
    assertThat(get("/api/me", "Cookie", cookie(in)).body()).isEqualTo("{\"id\":" + id + "}");
    HttpResponse<String> none = get("/api/me", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> bad = get("/api/me", "Authorization", "Bearer " + token + "x");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    assertThat(bad.body()).doesNotContain(token);
    assertThat(get("/api/me", "Authorization", "Bearer " + token + "x").headers()
        .firstValue("Set-Cookie")).as("stateless: no HTTP session").isEmpty();
  }

  @Test
  @DisplayName("the cookie does not authenticate a POST a form could send; sessions list "
      + "without handles; another account's session answers as an unknown id; logout "
      + "everywhere refuses the old access token (deny-list), cookie and refresh token")
  void operations() throws Exception {
    HttpResponse<String> in = signIn(w, base, "ops@example.org");
    String bearer = "Bearer " + LoginHttp.field(in, "accessToken");
    HttpResponse<String> other = signIn(w, base, "other@example.org");
    String list = get("/auth/sessions", "Cookie", cookie(other)).body();
    String otherId = list.replaceAll("(?s).*\"id\":\"(\\d+)\".*", "$1");
    assertThat(list).contains("\"current\":true")
        .doesNotContain(cookie(other).substring(cookie(other).indexOf('=') + 1));
    HttpResponse<String> foreign = LoginHttp.send(HttpRequest.newBuilder(
        base.resolve("/auth/sessions/" + otherId)).header("Authorization", bearer).DELETE());
    HttpResponse<String> unknown = LoginHttp.send(HttpRequest.newBuilder(
        base.resolve("/auth/sessions/99999999")).header("Authorization", bearer).DELETE());
    assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
    assertThat(get("/auth/sessions", "Cookie", cookie(other)).statusCode()).isEqualTo(200);

    HttpResponse<String> forged = LoginHttp.send(HttpRequest.newBuilder(
            base.resolve("/auth/logout-everywhere")).header("Cookie", cookie(in))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("a=b")));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(get("/api/me", "Authorization", bearer).statusCode()).isEqualTo(200);

    HttpResponse<String> out = LoginHttp.send(HttpRequest.newBuilder(
            base.resolve("/auth/logout-everywhere")).header("Cookie", cookie(in))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(get("/api/me", "Authorization", bearer).statusCode()).isEqualTo(401);
    assertThat(get("/api/me", "Cookie", cookie(in)).statusCode()).isEqualTo(401);
    assertThat(LoginHttp.post(base, "/auth/token", LoginHttp.token(LoginHttp.field(in,
        "refreshToken"))).statusCode()).isEqualTo(401);
    assertThat(get("/api/me", "Cookie", cookie(other)).statusCode()).as("another account's")
        .isEqualTo(200);
  }

  @Test
  @DisplayName("a signed-in caller changes its password: a wrong current one is the one "
      + "refusal; the change ends the other sessions and families and signs the caller in anew")
  void passwordChange() throws Exception {
    HttpResponse<String> in = signIn(w, base, "change@example.org");
    String bearer = "Bearer " + LoginHttp.field(in, "accessToken");
    HttpResponse<String> wrong = change(bearer, "not the password", "a brand new passphrase");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("urn:auth-spec:problem:refused");
    HttpResponse<String> changed = change(bearer, new String(FlowWorld.PASSWORD),
        "a brand new passphrase");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(changed.body()).startsWith("{\"status\":\"signed-in\"");
    assertThat(get("/api/me", "Cookie", cookie(in)).statusCode()).isEqualTo(401);
    assertThat(get("/api/me", "Cookie", cookie(changed)).statusCode()).isEqualTo(200);
    assertThat(LoginHttp.post(base, "/auth/token", LoginHttp.token(LoginHttp.field(in,
        "refreshToken"))).statusCode()).isEqualTo(401);
    assertThat(LoginHttp.post(base, "/auth/login", LoginHttp.login("change@example.org",
        "a brand new passphrase")).statusCode()).isEqualTo(200);
    assertThat(change(null, "a brand new passphrase", "x").statusCode()).isEqualTo(401);
  }

  private static HttpResponse<String> change(String bearer, String current, String next)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve("/auth/password"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + current
            + "\",\"newPassword\":\"" + next + "\"}"));
    return LoginHttp.send(bearer == null ? r : r.header("Authorization", bearer));
  }
}
