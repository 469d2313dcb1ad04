package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.StartGun;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the login API over one PostgreSQL and one Redis, each its own Spring
 * application, Tomcat and flow objects, called over real HTTP: whatever one instance counts,
 * locks, limits or spends, the other sees at once.
 */
class LoginApiTwoInstancesTest {
  /** NIST's highest threshold, so 40 failures are counted rather than locked out. */
  private static final LockoutPolicy FORTY = new LockoutPolicy(100, Duration.ofMinutes(1),
      Duration.ofMinutes(4));
  private static FlowWorld w;
  private static LoginServer one;
  private static LoginServer two;

  @BeforeAll
  static void serve() {
    w = FlowWorld.fresh("login_api_two", 5, FORTY);
    one = LoginServer.start(w.flow);
    two = LoginServer.start(w.twin().flow);
  }

  @AfterAll
  static void stop() {
    one.close();
    two.close();
  }

  @BeforeEach
  void reset() {
    w.reset();
  }

  @Test
  @DisplayName("start gun: 40 concurrent wrong logins, alternating between the instances, leave "
      + "the account's counter at exactly 40 and 40 lines of history")
  void fortyFailuresCountForty() throws Exception {
    // Each wrong login is within one address's limit of 5 per minute on its own key space.
    FlowWorld wide = FlowWorld.fresh("login_api_forty", 10_000, FORTY);
    try (LoginServer a = LoginServer.start(wide.flow);
        LoginServer b = LoginServer.start(wide.twin().flow)) {
      List<Integer> statuses = alternating(40, a, b, "/auth/login",
          LoginHttp.login(FlowWorld.A, "wrong password"));
      assertThat(statuses).hasSize(40).containsOnly(401);
      assertThat(count(wide, "SELECT failed_login_attempts FROM users WHERE id = "
          + wide.accounts.a())).isEqualTo(40);
      assertThat(count(wide, "SELECT count(*) FROM login_history WHERE user_id = "
          + wide.accounts.a() + " AND failure_code = 'bad-password'")).isEqualTo(40);
    }
  }

  @Test
  @DisplayName("the address's limit is one: 5 logins through either instance, the sixth is 429 "
      + "on both")
  void sharedLimit() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(post(i % 2 == 0 ? one : two, "/auth/login",
          LoginHttp.login(FlowWorld.A, "wrong password")).statusCode()).isEqualTo(401);
    }
    assertThat(post(one, "/auth/login", LoginHttp.login(FlowWorld.A, "correct horse battery"))
        .statusCode()).isEqualTo(429);
    assertThat(post(two, "/auth/login", LoginHttp.login(FlowWorld.A, "correct horse battery"))
        .statusCode()).isEqualTo(429);
  }

  @Test
  @DisplayName("a challenge made by one instance is redeemed once across both by 16 concurrent "
      + "requests; a lock holds on every instance")
  void sharedLockAndChallenge() throws Exception {
    HttpResponse<String> first = post(one, "/auth/login",
        LoginHttp.login(FlowWorld.A, "correct horse battery"));
    w.clock.advance(Duration.ofSeconds(30));
    String body = LoginHttp.code(LoginHttp.field(first, "challenge"), w.totpA());
    List<Integer> statuses = alternating(16, one, two, "/auth/login/second-factor", body);
    assertThat(statuses).allMatch(s -> s == 200 || s == 401 || s == 429);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    w.reset();
    new Db(w.db).update("UPDATE users SET lockout_until = ? WHERE id = ?",
        FlowWorld.T0.plus(Duration.ofMinutes(5)), w.accounts.b());
    assertThat(w.lockout.lockedUntil(w.accounts.b())).isPresent();
    assertThat(post(two, "/auth/login", LoginHttp.login(FlowWorld.B, "correct horse battery"))
        .statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("a refresh token rotated on one instance and replayed on the other is refused, "
      + "and the replay ends the family on both")
  void sharedRefreshFamily() throws Exception {
    HttpResponse<String> first = post(one, "/auth/login",
        LoginHttp.login(FlowWorld.B, "correct horse battery"));
    HttpResponse<String> in = post(two, "/auth/login/second-factor", LoginHttp.code(
        LoginHttp.field(first, "challenge"), w.accounts.codesB().get(0)));
    String t1 = LoginHttp.field(in, "refreshToken");
    HttpResponse<String> rotated = post(two, "/auth/token", LoginHttp.token(t1));
    assertThat(rotated.statusCode()).isEqualTo(200);
    String t2 = LoginHttp.field(rotated, "refreshToken");
    assertThat(post(one, "/auth/token", LoginHttp.token(t1)).statusCode()).isEqualTo(401);
    assertThat(post(two, "/auth/token", LoginHttp.token(t2)).statusCode())
        .as("the replay revoked the family").isEqualTo(401);
  }

  /** The statuses of {@code n} requests released together, every other one to each server. */
  private static List<Integer> alternating(int n, LoginServer a, LoginServer b, String path,
      String json) throws Exception {
    AtomicInteger next = new AtomicInteger();
    return StartGun.fire(n, () -> post(next.getAndIncrement() % 2 == 0 ? a : b, path, json)
        .statusCode());
  }

  private static HttpResponse<String> post(LoginServer server, String path, String json)
      throws Exception {
    return LoginHttp.post(server.base(), path, json);
  }

  private static long count(FlowWorld world, String sql) throws Exception {
    try (var c = world.db.getConnection(); var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
