package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.support.auth.LoginOutcome.SecondFactorRequired;
import io.github.authspec.support.auth.LoginOutcome.SignedIn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The login flow with every step, on a real PostgreSQL and Redis. */
class LoginFlowTest {
  private static FlowWorld w;
  private static final java.util.Map<Long, String> EMAILS = new java.util.HashMap<>();
  private static final LoginSteps.Client CLIENT = new LoginSteps.Client("203.0.113.7", "Test");

  @BeforeAll
  static void world() {
    w = FlowWorld.fresh("login_flow", 1_000);
  }

  @BeforeEach
  void reset() {
    w.reset();
  }

  @Test
  @DisplayName("A (TOTP): password, then a challenge; its code signs in once; the challenge, the "
      + "code and the refresh token are each good once; logout ends the session and the family")
  void secondFactor() {
    LoginOutcome first = w.flow.login(FlowWorld.A, FlowWorld.PASSWORD, CLIENT);
    assertThat(first).isInstanceOf(SecondFactorRequired.class);
    assertThat(first.toString()).doesNotContain(((SecondFactorRequired) first).challenge());
    String challenge = ((SecondFactorRequired) first).challenge();
    w.clock.advance(Duration.ofSeconds(30));
    String code = w.totpA();
    LoginOutcome done = w.flow.completeSecondFactor(challenge, code, CLIENT);
    assertThat(done).isInstanceOf(SignedIn.class);
    SignedIn in = (SignedIn) done;
    assertThat(in.userId()).isEqualTo(w.accounts.a());
    assertThat(w.sessions.validate(in.session())).isPresent();
    assertThat(w.flow.completeSecondFactor(challenge, code, CLIENT))
        .isSameAs(LoginOutcome.REFUSED);
    w.clock.advance(Duration.ofSeconds(1));
    LoginOutcome again = w.flow.login(FlowWorld.A, FlowWorld.PASSWORD, CLIENT);
    assertThat(w.flow.completeSecondFactor(((SecondFactorRequired) again).challenge(), code,
        CLIENT)).as("the code's step is used").isSameAs(LoginOutcome.REFUSED);
    LoginOutcome refreshed = w.flow.refresh(in.refreshToken(), CLIENT);
    assertThat(refreshed).isInstanceOf(SignedIn.class);
    accessTokens(in, (SignedIn) refreshed);
    assertThat(w.flow.refresh(in.refreshToken(), CLIENT)).isSameAs(LoginOutcome.REFUSED);
    assertThat(w.flow.logout(in.session(), ((SignedIn) refreshed).refreshToken())).isTrue();
    assertThat(w.sessions.validate(in.session())).isEmpty();
    assertThat(w.flow.refresh(((SignedIn) refreshed).refreshToken(), CLIENT))
        .isSameAs(LoginOutcome.REFUSED);
    // Newest first: the used code, then the sign-in; the replayed challenge had no account.
    assertThat(w.history.recent(w.accounts.a(), 10)).hasSize(2)
        .allMatch(l -> l.endsWith(" 203.0.113.7 Test"))
        .satisfies(l -> assertThat(l.get(0)).contains(" failure "))
        .satisfies(l -> assertThat(l.get(1)).contains(" success "));
    assertThat(w.sent).as("the first sign-in is no news").isEmpty();
    w.clock.advance(Duration.ofSeconds(30));
    LoginSteps.Client elsewhere = new LoginSteps.Client("198.51.100.200", "Other");
    LoginOutcome third = w.flow.login(FlowWorld.A, FlowWorld.PASSWORD, elsewhere);
    assertThat(w.flow.completeSecondFactor(((SecondFactorRequired) third).challenge(),
        w.totpA(), elsewhere)).isInstanceOf(SignedIn.class);
    assertThat(w.sent).hasSize(1).allMatch(m -> m.get("ip").equals("198.51.100.200"));
  }

  @Test
  @DisplayName("a backup code completes a challenge once; a challenge dies after three wrong "
      + "codes, after a password change and when the account is suspended")
  void backupCodesAndDeadChallenges() {
    String c1 = challenge(FlowWorld.B);
    String backup = w.accounts.codesB().get(0);
    assertThat(w.flow.completeSecondFactor(c1, backup, CLIENT)).isInstanceOf(SignedIn.class);
    assertThat(w.flow.completeSecondFactor(challenge(FlowWorld.B), backup, CLIENT))
        .isSameAs(LoginOutcome.REFUSED);
    String c2 = challenge(FlowWorld.A);
    for (int i = 0; i < 3; i++) {
      assertThat(w.flow.completeSecondFactor(c2, "000000", CLIENT))
          .isSameAs(LoginOutcome.REFUSED);
      w.lockout.reset(w.accounts.a());
    }
    assertThat(w.flow.completeSecondFactor(c2, w.accounts.codesA().get(0), CLIENT))
        .as("the attempts ran out").isSameAs(LoginOutcome.REFUSED);
    String c3 = challenge(FlowWorld.A);
    w.login.changePassword(w.accounts.a(), FlowWorld.PASSWORD, FlowWorld.NEW_PASSWORD,
        p -> java.util.List.of());
    assertThat(w.flow.completeSecondFactor(c3, w.accounts.codesA().get(1), CLIENT))
        .as("the password changed").isSameAs(LoginOutcome.REFUSED);
    String c4 = challenge(FlowWorld.B);
    w.suspension.suspend(w.accounts.b(), Optional.empty(), "abuse", 1L);
    assertThat(w.flow.completeSecondFactor(c4, w.accounts.codesB().get(1), CLIENT))
        .isSameAs(LoginOutcome.REFUSED);
    assertThat(w.backup.remaining(w.accounts.b())).as("the code was not spent").isEqualTo(9);
  }

  @Test
  @DisplayName("forced change: after the factor, the password must change; a wrong current "
      + "password refuses, a change signs in and ends the account's other credentials")
  void forcedChange() {
    SignedIn before = (SignedIn) w.flow.completeSecondFactor(challenge(FlowWorld.B),
        w.accounts.codesB().get(0), CLIENT);
    w.forced.require(w.accounts.b());
    LoginOutcome next = w.flow.completeSecondFactor(challenge(FlowWorld.B),
        w.accounts.codesB().get(1), CLIENT);
    assertThat(next).isInstanceOf(LoginOutcome.PasswordChangeRequired.class);
    String c = ((LoginOutcome.PasswordChangeRequired) next).challenge();
    assertThat(w.flow.completeSecondFactor(c, w.accounts.codesB().get(2), CLIENT))
        .as("not the step this challenge is for").isSameAs(LoginOutcome.REFUSED);
    assertThat(w.flow.changePassword(c, "wrong".toCharArray(), FlowWorld.NEW_PASSWORD, CLIENT))
        .isSameAs(LoginOutcome.REFUSED);
    LoginOutcome in = w.flow.changePassword(c, FlowWorld.PASSWORD, FlowWorld.NEW_PASSWORD,
        CLIENT);
    assertThat(in).isInstanceOf(SignedIn.class);
    assertThat(w.sessions.validate(before.session())).isEmpty();
    assertThat(w.sessions.validate(((SignedIn) in).session())).isPresent();
    assertThat(w.forced.isRequired(w.accounts.b())).isFalse();
  }

  @Test
  @DisplayName("grace period: an account without a factor signs in within it; past it, the "
      + "login makes a TOTP seed and only its first code, on that challenge, signs in; the "
      + "next login asks for the factor")
  void enrolmentPastGrace() {
    long c = account();
    w.clock.advance(Duration.ofSeconds(30));
    setGrace(c, FlowWorld.T0.plus(Duration.ofDays(1)));
    assertThat(w.flow.login(email(c), FlowWorld.PASSWORD, CLIENT)).isInstanceOf(SignedIn.class);
    setGrace(c, FlowWorld.T0.minus(Duration.ofDays(1)));
    LoginOutcome first = w.flow.login(email(c), FlowWorld.PASSWORD, CLIENT);
    assertThat(first).isInstanceOf(LoginOutcome.EnrolmentRequired.class);
    LoginOutcome.EnrolmentRequired enrol = (LoginOutcome.EnrolmentRequired) first;
    assertThat(first.toString()).doesNotContain(enrol.challenge()).doesNotContain("secret");
    byte[] seed = TotpTest.seed(new Totp.Enrolment("", enrol.uri()));
    String a = challenge(FlowWorld.A);
    assertThat(w.flow.confirmEnrolment(a, w.totpA(), CLIENT))
        .as("another login's challenge").isSameAs(LoginOutcome.REFUSED);
    assertThat(w.flow.completeSecondFactor(enrol.challenge(), code(seed), CLIENT))
        .as("not the step this challenge is for").isSameAs(LoginOutcome.REFUSED);
    assertThat(w.flow.confirmEnrolment(enrol.challenge(), "000000", CLIENT))
        .isSameAs(LoginOutcome.REFUSED);
    assertThat(w.totp.isEnabled(c)).isFalse();
    LoginOutcome in = w.flow.confirmEnrolment(enrol.challenge(), code(seed), CLIENT);
    assertThat(in).isInstanceOf(SignedIn.class);
    assertThat(((SignedIn) in).userId()).isEqualTo(c);
    assertThat(w.totp.isEnabled(c)).isTrue();
    assertThat(w.flow.confirmEnrolment(enrol.challenge(), code(seed), CLIENT))
        .as("single use").isSameAs(LoginOutcome.REFUSED);
    w.clock.advance(Duration.ofSeconds(30));
    assertThat(w.flow.login(email(c), FlowWorld.PASSWORD, CLIENT))
        .isInstanceOf(SecondFactorRequired.class);
  }

  @Test
  @DisplayName("an expired password must change before sign-in; the change lifts the expiry")
  void expiredPassword() {
    long c = account();
    w.expiry.expireNow(c);
    LoginOutcome next = w.flow.login(email(c), FlowWorld.PASSWORD, CLIENT);
    assertThat(next).isInstanceOf(LoginOutcome.PasswordChangeRequired.class);
    String ch = ((LoginOutcome.PasswordChangeRequired) next).challenge();
    assertThat(w.flow.changePassword(ch, FlowWorld.PASSWORD, FlowWorld.NEW_PASSWORD, CLIENT))
        .isInstanceOf(SignedIn.class);
    assertThat(w.expiry.isExpired(c)).isFalse();
    assertThat(w.flow.login(email(c), FlowWorld.NEW_PASSWORD, CLIENT))
        .isInstanceOf(SignedIn.class);
  }

  @Test
  @DisplayName("an observed flow tells every step's outcome; an observer that fails changes "
      + "no answer")
  void observed() {
    java.util.List<String> seen = new java.util.ArrayList<>();
    LoginFlow<Long> flow = w.flow.observedBy((operation, outcome, nanos) -> {
      seen.add(operation + " " + outcome.kind() + " " + (nanos > 0));
      throw new IllegalStateException("metrics down");
    });
    LoginOutcome first = flow.login(FlowWorld.A, FlowWorld.PASSWORD, CLIENT);
    assertThat(first).isInstanceOf(SecondFactorRequired.class);
    assertThat(flow.completeSecondFactor(((SecondFactorRequired) first).challenge(), "000000",
        CLIENT)).isSameAs(LoginOutcome.REFUSED);
    assertThat(flow.refresh("no such token", CLIENT)).isSameAs(LoginOutcome.REFUSED);
    assertThat(seen).containsExactly("login second-factor-required true",
        "second-factor refused true", "refresh refused true");
  }

  /** A new approved account with no second factor, inside its grace period. */
  private static long account() {
    String email = "c" + System.nanoTime() + "@example.org";
    long id = w.login.register(email, FlowWorld.PASSWORD, p -> java.util.List.of());
    EMAILS.put(id, email);
    new Db(w.db).update("UPDATE users SET approval_status = 'approved' WHERE id = ?", id);
    setGrace(id, FlowWorld.T0.plus(Duration.ofDays(1)));
    return id;
  }

  private static String email(long id) {
    return EMAILS.get(id);
  }

  private static void setGrace(long id, java.time.Instant until) {
    new Db(w.db).update("UPDATE users SET mfa_grace_until = ? WHERE id = ?", until, id);
  }

  private static String code(byte[] seed) {
    return TotpTest.OTP.totp(seed, w.clock.instant());
  }

  private static String challenge(String email) {
    w.clock.advance(Duration.ofSeconds(30));
    return ((SecondFactorRequired) w.flow.login(email, FlowWorld.PASSWORD, CLIENT)).challenge();
  }

  /**
   * The sign-in's and the refresh's access tokens: each verifies, names the account and the
   * refresh token's family, and is a new token; none shows in a toString.
   */
  private void accessTokens(SignedIn in, SignedIn refreshed) {
    for (SignedIn s : List.of(in, refreshed)) {
      assertThat(s.accessToken().expiresIn()).isEqualTo(FlowWorld.TOKENS.lifetime());
      io.github.authspec.support.token.AccessToken claims =
          w.verifier.verify(s.accessToken().token());
      assertThat(claims.subject()).isEqualTo(String.valueOf(w.accounts.a()));
      assertThat(claims.grantId()).isEqualTo(w.refresh.familyOf(s.refreshToken()));
      assertThat(s.toString()).doesNotContain(s.accessToken().token())
          .doesNotContain(s.refreshToken());
      assertThat(s.accessToken().toString()).doesNotContain(s.accessToken().token());
    }
    assertThat(refreshed.accessToken().token()).isNotEqualTo(in.accessToken().token());
  }
}
