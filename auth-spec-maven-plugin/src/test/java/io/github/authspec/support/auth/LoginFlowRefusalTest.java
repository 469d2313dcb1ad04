package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import io.github.authspec.support.auth.LoginOutcome.SecondFactorRequired;
import io.github.authspec.support.auth.LoginOutcome.SignedIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Equal work and equal answers on every refusal path, and the flow under concurrency and across
 * two service instances, on a real PostgreSQL and Redis.
 */
class LoginFlowRefusalTest {
  private static final LoginSteps.Client CLIENT = new LoginSteps.Client("192.0.2.1", "UA");

  @Test
  @DisplayName("unknown, wrong, locked, suspended, deleted, unapproved, empty and over-long: each "
      + "the one refusal after exactly one hash verification, with the right password as well")
  void equalWorkAndAnswers() {
    FlowWorld w = FlowWorld.fresh("flow_refusals", 10_000);
    char[] longPassword = "x".repeat(PasswordHasher.MAX_LENGTH + 1).toCharArray();
    Map<String, Consumer<FlowWorld>> states = new LinkedHashMap<>();
    states.put("unknown", x -> { });
    states.put("locked", x -> {
      x.lockout.recordFailure(x.accounts.a());
      x.lockout.recordFailure(x.accounts.a());
    });
    states.put("suspended", x -> x.suspension.suspend(x.accounts.a(), Optional.empty(), "t", 1L));
    states.put("deleted", x -> x.deletion.requestDeletion(x.accounts.a(), "t", null, null));
    states.put("unapproved", x -> FlowWorld.sql(x.db, "UPDATE users SET approval_status ="
        + " 'pending' WHERE id = " + x.accounts.a()));
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, Consumer<FlowWorld>> state : states.entrySet()) {
      String email = state.getKey().equals("unknown") ? "nobody@example.org" : FlowWorld.A;
      for (char[] password : List.of(FlowWorld.PASSWORD, "wrong".toCharArray(), new char[0],
          longPassword)) {
        w.reset();
        state.getValue().accept(w);
        int before = w.algorithm.verifications.get();
        LoginOutcome out = w.flow.login(email, password, CLIENT);
        seen.add(state.getKey() + "/" + password.length + ": " + out + " after "
            + (w.algorithm.verifications.get() - before));
      }
    }
    w.reset();
    int before = w.algorithm.verifications.get();
    LoginOutcome wrong = w.flow.login(FlowWorld.A, "wrong".toCharArray(), CLIENT);
    assertThat(wrong).isSameAs(LoginOutcome.REFUSED);
    assertThat(w.algorithm.verifications.get() - before).isEqualTo(1);
    assertThat(seen).hasSize(20).allSatisfy(line -> assertThat(line)
        .endsWith(": Refused[] after 1"));
    w.reset();
    assertThat(w.flow.login(FlowWorld.A, FlowWorld.PASSWORD, CLIENT))
        .as("the control: the same call in a clean state passes")
        .isInstanceOf(SecondFactorRequired.class);
  }

  @Test
  @DisplayName("start gun: 40 concurrent wrong logins count exactly 40 in the lockout counter, "
      + "the history and the brute-force counter")
  void concurrentFailuresCountExactly() throws Exception {
    FlowWorld w = FlowWorld.fresh("flow_gun_failures", 10_000, new LockoutPolicy(100,
        Duration.ofMinutes(1), Duration.ofMinutes(2)));
    w.reset();
    List<LoginOutcome> outs = StartGun.fire(40, () -> w.flow.login(FlowWorld.A,
        "wrong".toCharArray(), CLIENT));
    assertThat(outs).hasSize(40).allMatch(o -> o == LoginOutcome.REFUSED);
    assertThat(SeedDatabase.count(w.db, "SELECT failed_login_attempts FROM users WHERE id = "
        + w.accounts.a())).isEqualTo(40);
    assertThat(SeedDatabase.count(w.db, "SELECT count(*) FROM login_history WHERE NOT success"
        + " AND failure_code = 'bad-password'")).isEqualTo(40);
    assertThat(FlowWorld.jedis().get(w.redisKey("bf:ip:192.0.2.1"))).isEqualTo("40");
  }

  @Test
  @DisplayName("start gun: one challenge and one valid code presented by 16 threads give one "
      + "session and one refresh family")
  void oneChallengeOneSession() throws Exception {
    FlowWorld w = FlowWorld.fresh("flow_gun_challenge", 10_000);
    w.reset();
    w.clock.advance(Duration.ofSeconds(30));
    String challenge = ((SecondFactorRequired) w.flow.login(FlowWorld.B, FlowWorld.PASSWORD,
        CLIENT)).challenge();
    String code = w.accounts.codesB().get(0);
    List<LoginOutcome> outs = StartGun.fire(16, () -> w.flow.completeSecondFactor(challenge,
        code, CLIENT));
    assertThat(outs.stream().filter(o -> o instanceof SignedIn).count()).isEqualTo(1);
    assertThat(outs.stream().filter(o -> o == LoginOutcome.REFUSED).count()).isEqualTo(15);
    assertThat(SeedDatabase.count(w.db, "SELECT count(*) FROM sessions")).isEqualTo(1);
    assertThat(SeedDatabase.count(w.db, "SELECT count(DISTINCT family_id) FROM refresh_tokens"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("two instances over one PostgreSQL and Redis share the rate limits, the lock, "
      + "the challenges and the refresh families exactly")
  void twoInstances() {
    FlowWorld one = FlowWorld.fresh("flow_two_instances", 5);
    one.reset();
    FlowWorld two = one.twin();
    for (int i = 0; i < 5; i++) {
      FlowWorld w = i % 2 == 0 ? one : two;
      assertThat(w.flow.login("nobody" + i + "@example.org", FlowWorld.PASSWORD, CLIENT))
          .isSameAs(LoginOutcome.REFUSED);
    }
    assertThat(two.flow.login(FlowWorld.B, FlowWorld.PASSWORD, CLIENT))
        .as("the sixth request from the address, across both").isInstanceOf(
            LoginOutcome.Limited.class);
    one.reset();
    two = one.twin();
    one.flow.login(FlowWorld.A, "wrong".toCharArray(), CLIENT);
    two.flow.login(FlowWorld.A, "wrong".toCharArray(), CLIENT);
    assertThat(one.flow.login(FlowWorld.A, FlowWorld.PASSWORD, CLIENT))
        .as("locked by failures on both instances").isSameAs(LoginOutcome.REFUSED);
    one.reset();
    two = one.twin();
    one.clock.advance(Duration.ofSeconds(30));
    String challenge = ((SecondFactorRequired) one.flow.login(FlowWorld.B, FlowWorld.PASSWORD,
        CLIENT)).challenge();
    SignedIn in = (SignedIn) two.flow.completeSecondFactor(challenge,
        one.accounts.codesB().get(0), CLIENT);
    assertThat(one.flow.completeSecondFactor(challenge, one.accounts.codesB().get(1), CLIENT))
        .as("used up on the other instance").isSameAs(LoginOutcome.REFUSED);
    SignedIn next = (SignedIn) one.flow.refresh(in.refreshToken(), CLIENT);
    assertThat(two.flow.refresh(in.refreshToken(), CLIENT)).as("a replay on the other instance")
        .isSameAs(LoginOutcome.REFUSED);
    assertThat(one.flow.refresh(next.refreshToken(), CLIENT))
        .as("the replay revoked the family everywhere").isSameAs(LoginOutcome.REFUSED);
  }
}
