package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.support.spring.AccountApi;
import io.github.authspec.support.spring.LoginApi;
import io.github.authspec.support.token.AccountCredentials;
import io.github.authspec.support.token.AccountRecovery;
import io.github.authspec.support.token.AddressVerification;
import io.github.authspec.support.token.MagicLinks;
import io.github.authspec.support.token.SingleUseSecrets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The account operations served by a real embedded Tomcat over the support classes the
 * generated services use, on real PostgreSQL and Redis ({@link FlowWorld}): no answer tells
 * whether an account has an address, every refused token is the same response, a reset ends the
 * account's credentials, and a magic link continues the login flow instead of signing in.
 */
class AccountApiHttpTest {
  private static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final URI LANDING = URI.create("https://app.example/signed-in");
  private static final String REFUSED = "401 application/problem+json {\"type\":\"urn:auth-spec"
      + ":problem:refused\",\"title\":\"The credentials were not accepted\",\"status\":401,"
      + "\"instance\":\"";
  private static FlowWorld w;
  private static LoginServer server;
  private static URI base;
  private static final List<Map<String, String>> MAIL = new ArrayList<>();

  @BeforeAll
  static void serve() {
    w = FlowWorld.fresh("account_api", 20);
    AddressVerification verification = new AddressVerification(w.db,
        new AddressVerification.Table("users", "email_verification_token", "id", "email",
            "email_verified"), SingleUseSecrets.Kind.TOKEN, null, 43, w.clock,
        FlowWorld.RANDOM, LIFETIME, MAIL::add);
    AccountRecovery recovery = new AccountRecovery(w.db, new AccountRecovery.Table(
        "recovery_requests", "token", "expires_at", "completed_at", "user_id",
        "recovery_method", "users", "id", "email", "password_hash"), w.clock, FlowWorld.RANDOM,
        LIFETIME, MAIL::add);
    MagicLinks links = new MagicLinks(w.db, new MagicLinks.Table("magic_links", "token",
        "expires_at", "used_at", "user_id", "users", "id", "email"), w.clock, FlowWorld.RANDOM,
        LIFETIME, MAIL::add);
    // As the generated services wire them (DefaultEmailPasswordLoginService, ...).
    AccountApi.Operations operations = new AccountApi.Operations()
        .withRegistration((email, password, client) -> verification.send(
            w.login.register(email, password, p -> p.length < 12 ? List.of("min-length")
                : List.of())))
        .withVerification((token, client) -> verification.verify(token))
        .withReset((email, client) -> recovery.start(email), (token, password, client) -> {
          if (password.length < 12) {
            throw new CredentialException(CredentialException.POLICY, List.of("min-length"));
          }
          try {
            Object user = recovery.complete(token, w.hasher.hash(password));
            w.credentials.end(user, AccountCredentials.Change.PASSWORD_RESET);
            return true;
          } catch (SingleUseSecrets.Refused e) {
            return false;
          }
        })
        .withMagicLinks((email, to, client) -> links.send(email, to),
            (token, client) -> w.flow.loginProven("magic-link",
                () -> links.consume(token).map(id -> (Long) id), client),
            new AccountApi.Redirects(Set.of(LANDING)));
    server = LoginServer.start(w.flow, operations);
    base = server.base();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    w.reset();
    MAIL.clear();
  }

  @Test
  @DisplayName("registration: a new and a taken address get the same 202 and body; only the new "
      + "account is mailed and written; a weak password is 422 with the rules, a non-address "
      + "400; the mailed token verifies once, then it is the one refusal")
  void registerAndVerify() throws Exception {
    String email = "new" + System.nanoTime() + "@example.org";
    HttpResponse<String> fresh = post("/auth/register", LoginHttp.login(email,
        "correct horse battery"));
    HttpResponse<String> taken = post("/auth/register", LoginHttp.login(FlowWorld.A,
        "correct horse battery"));
    assertThat(answer(fresh)).isEqualTo(answer(taken))
        .isEqualTo("202 application/json {\"status\":\"accepted\"}");
    assertThat(MAIL).hasSize(1);
    HttpResponse<String> weak = post("/auth/register", LoginHttp.login("w@example.org", "short"));
    assertThat(weak.statusCode()).isEqualTo(422);
    assertThat(weak.body()).contains("\"type\":\"urn:auth-spec:problem:password-rejected\"")
        .contains("\"violations\":[\"min-length\"]");
    assertThat(post("/auth/register", LoginHttp.login("not an address", "correct horse battery"))
        .body()).contains("urn:auth-spec:problem:invalid-email");
    String token = MAIL.get(0).get("token");
    assertThat(post("/auth/email/verify", mailed(token)).statusCode()).isEqualTo(204);
    assertThat(answer(post("/auth/email/verify", mailed(token))))
        .as("used").isEqualTo(answer(post("/auth/email/verify", mailed("x" + token))))
        .startsWith(REFUSED + "/auth/email/verify\"}");
  }

  @Test
  @DisplayName("password reset: 202 alike for a known and an unknown address; the token sets "
      + "the password once and ends the account's sessions and refresh tokens; a used, unknown "
      + "or expired token is the same 401; a weak password 422 leaves the token usable")
  void passwordReset() throws Exception {
    String session = w.sessions.create(w.accounts.b(), 5).handle();
    String refresh = w.refresh.issue(w.accounts.b()).token();
    HttpResponse<String> unknown = post("/auth/password/reset", address("nobody@example.org"));
    HttpResponse<String> known = post("/auth/password/reset", address(FlowWorld.B));
    assertThat(answer(unknown)).isEqualTo(answer(known))
        .isEqualTo("202 application/json {\"status\":\"accepted\"}");
    assertThat(MAIL).hasSize(1);
    String token = MAIL.get(0).get("token");
    assertThat(post("/auth/password/reset/confirm", newPassword(token, "short")).statusCode())
        .isEqualTo(422);
    assertThat(post("/auth/password/reset/confirm", newPassword(token, "a new long password"))
        .statusCode()).isEqualTo(204);
    assertThat(w.sessions.validate(session)).as("the session ended").isEmpty();
    assertThat(post("/auth/token", LoginHttp.token(refresh)).statusCode()).isEqualTo(401);
    assertThat(post("/auth/login", LoginHttp.login(FlowWorld.B, "a new long password"))
        .statusCode()).isEqualTo(200);
    post("/auth/password/reset", address(FlowWorld.B));
    String expired = MAIL.get(1).get("token");
    w.clock.advance(LIFETIME.plusSeconds(1));
    List<String> refusals = new ArrayList<>();
    for (String t : List.of(token, "unknown-" + token, expired)) {
      refusals.add(answer(post("/auth/password/reset/confirm", newPassword(t,
          "yet another long password"))));
    }
    assertThat(refusals).hasSize(3).containsOnly(REFUSED + "/auth/password/reset/confirm\"}");
  }

  @Test
  @DisplayName("magic link: one factor, so A (TOTP) is asked for its code, never signed in; an "
      + "account without a second factor signs in with the __Host- cookie; a used, unknown or "
      + "expired link, a locked and a suspended account are the same 401; a redirect off the "
      + "list 400")
  void magicLinks() throws Exception {
    assertThat(post("/auth/magic-link", link(FlowWorld.A, "https://evil.example/")).statusCode())
        .isEqualTo(400);
    assertThatThrownBy(() -> new AccountApi.Redirects(Set.of(URI.create("/relative"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MAIL).isEmpty();
    assertThat(answer(post("/auth/magic-link", link("nobody@example.org", LANDING.toString()))))
        .isEqualTo(answer(post("/auth/magic-link", link(FlowWorld.A, LANDING.toString()))))
        .isEqualTo("202 application/json {\"status\":\"accepted\"}");
    assertThat(MAIL).hasSize(1);
    String tokenA = MAIL.get(0).get("link").replaceAll(".*token=", "");
    HttpResponse<String> a = post("/auth/magic-link/complete", mailed(tokenA));
    assertThat(a.statusCode()).isEqualTo(200);
    assertThat(a.body()).startsWith("{\"status\":\"second-factor-required\"");
    assertThat(a.headers().firstValue("Set-Cookie")).isEmpty();
    String email = "plain" + System.nanoTime() + "@example.org";
    long plain = w.login.register(email, FlowWorld.PASSWORD, p -> List.of());
    new Db(w.db).update("UPDATE users SET approval_status = 'approved', mfa_grace_until = ?"
        + " WHERE id = ?", FlowWorld.T0.plus(Duration.ofDays(1)), plain);
    post("/auth/magic-link", link(email, LANDING.toString()));
    HttpResponse<String> in = post("/auth/magic-link/complete", mailed(token(1)));
    assertThat(in.statusCode()).isEqualTo(200);
    assertThat(in.body()).startsWith("{\"status\":\"signed-in\"");
    assertThat(in.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith(LoginApi.SESSION_COOKIE + "=");
    post("/auth/magic-link", link(email, LANDING.toString()));
    String expired = token(2);
    post("/auth/magic-link", link(email, LANDING.toString()));
    String locked = token(3);
    post("/auth/magic-link", link(email, LANDING.toString()));
    String suspended = token(4);
    List<String> refusals = new ArrayList<>();
    w.lockout.recordFailure(plain);
    w.lockout.recordFailure(plain);
    refusals.add(answer(post("/auth/magic-link/complete", mailed(locked))));
    w.lockout.reset(plain);
    w.suspension.suspend(plain, Optional.empty(), "t", 1L);
    refusals.add(answer(post("/auth/magic-link/complete", mailed(suspended))));
    w.clock.advance(LIFETIME.plusSeconds(1));
    for (String t : List.of(tokenA, "unknown-" + tokenA, expired)) {
      refusals.add(answer(post("/auth/magic-link/complete", mailed(t))));
    }
    assertThat(refusals).hasSize(5).containsOnly(REFUSED + "/auth/magic-link/complete\"}");
    assertThat(w.sessions.validate(in.headers().firstValue("Set-Cookie").orElseThrow()
        .replaceAll("^[^=]+=|;.*$", ""))).as("the suspension ended the link's session").isEmpty();
  }

  @Test
  @DisplayName("an operation the service does not have is 404; a form body 415; past the "
      + "address's limit 429 with Retry-After, the mail not sent")
  void absentFormAndLimit() throws Exception {
    assertThat(post("/auth/email/change/confirm", mailed("t")).statusCode()).isEqualTo(404);
    HttpResponse<String> form = LoginHttp.send(HttpRequest.newBuilder(
            base.resolve("/auth/password/reset"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org")));
    assertThat(form.statusCode()).isEqualTo(415);
    HttpResponse<String> last = null;
    for (int i = 0; i < 21; i++) {
      last = post("/auth/password/reset", address(FlowWorld.A));
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(MAIL).hasSize(20);
  }

  private static String token(int mail) {
    return MAIL.get(mail).get("link").replaceAll(".*token=", "");
  }

  private static String answer(HttpResponse<String> r) {
    return r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + " "
        + r.body();
  }

  private static String mailed(String token) {
    return "{\"token\":\"" + token + "\"}";
  }

  private static String address(String email) {
    return "{\"email\":\"" + email + "\"}";
  }

  private static String newPassword(String token, String password) {
    return "{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}";
  }

  private static String link(String email, String to) {
    return "{\"email\":\"" + email + "\",\"redirectTo\":\"" + to + "\"}";
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return LoginHttp.post(base, path, json);
  }
}
