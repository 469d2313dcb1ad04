package io.github.authspec.support.auth;

import io.github.authspec.support.auth.LoginChallenges.Opened;
import io.github.authspec.support.auth.LoginChallenges.Step;
import io.github.authspec.support.auth.LoginOutcome.EnrolmentRequired;
import io.github.authspec.support.auth.LoginOutcome.PasswordChangeRequired;
import io.github.authspec.support.auth.LoginOutcome.PasswordRejected;
import io.github.authspec.support.auth.LoginOutcome.SecondFactorRequired;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Login, second factor, required password change, refresh and logout, composed of exactly the
 * steps the service has ({@link LoginSteps}), in the order a reviewer expects:
 *
 * <ol>
 *   <li>rate limits by address, then by account (keyed by the address typed, so an unknown
 *       account is limited like a known one), and the brute-force block of the address;
 *   <li>the lock, read before the password: a locked account's password is not verified and a
 *       stand-in verification spends the same work;
 *   <li>the password (exactly one verification on every path);
 *   <li>the account's state (suspended, deleted, unapproved), read after the same work and
 *       refused with the same answer as a wrong password;
 *   <li>the second factor when the account has one (or its enrolment, when the account has
 *       none and its grace period is over), then a required password change, each through a
 *       server-side {@link LoginChallenges challenge};
 *   <li>then the session and refresh token the service issues, the lockout counter reset, the
 *       history and the notification.
 * </ol>
 *
 * <p>Failures count once: a wrong password or code counts for the account's lockout (not
 * while it is locked) and the address's brute-force counter; every attempt on a known account
 * goes to the history with its reason. The counter is reset only when every step is done, so
 * knowing the password does not reset the count of wrong codes. Every answer is a
 * {@link LoginOutcome}; no refusal says why.
 *
 * @param <I> the type of the account id
 */
public final class LoginFlow<I> {
  /** Told of every step's outcome and duration, e.g. to count and time them. */
  @FunctionalInterface
  public interface Observer {
    /**
     * One step ended.
     *
     * @param operation {@code login}, {@code second-factor}, {@code enrolment},
     *     {@code password-change}, {@code refresh}, or the name a proven sign-in gives
     *     ({@code magic-link})
     * @param outcome how it ended
     * @param nanos how long it took
     */
    void observed(String operation, LoginOutcome outcome, long nanos);
  }

  private final LoginSteps<I> steps;
  private final Observer observer;

  /**
   * A flow of {@code steps}.
   *
   * @param steps the steps the service has
   */
  public LoginFlow(LoginSteps<I> steps) {
    this(steps, (operation, outcome, nanos) -> { });
  }

  private LoginFlow(LoginSteps<I> steps, Observer observer) {
    this.steps = Objects.requireNonNull(steps, "steps");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * The same flow, telling {@code observer} of every step.
   *
   * @param observer the observer
   * @return the observed flow
   */
  public LoginFlow<I> observedBy(Observer observer) {
    return new LoginFlow<>(steps, observer);
  }

  /**
   * The first step: address and password.
   *
   * @param email the address as typed
   * @param password the password
   * @param client who is calling
   * @return signed in, a challenge, limited, or refused
   */
  public LoginOutcome login(String email, char[] password, LoginSteps.Client client) {
    long start = System.nanoTime();
    return observe("login", start, firstStep(email, password, client));
  }

  private LoginOutcome firstStep(String email, char[] password, LoginSteps.Client client) {
    Optional<LoginOutcome> limited = steps.limit(email, client);
    if (limited.isPresent()) {
      return limited.get();
    }
    boolean[] locked = {false};
    EmailPasswordLogin.Attempt<I> attempt = steps.password().login(email, password, id ->
        locked[0] = steps.locked(id));
    I id = attempt.userId();
    // Read for every known account, right password or not, so that a suspended account's
    // refusal and a wrong password's make the same queries too.
    String bar = id == null ? null : steps.bar(id);
    if (!attempt.authenticated()) {
      return steps.failed(id, client, locked[0] ? "locked" : "bad-password", !locked[0]);
    }
    if (bar != null) {
      return steps.failed(id, client, bar, false);
    }
    return proven(id, client);
  }

  /**
   * A sign-in whose first factor another way proved, e.g. a magic link: it continues the flow
   * after the password step (the address's limit first, then the lock, the account's state, the
   * second factor when the account has one, a required password change, the session, refresh
   * token, history and notification), so a link is one factor, never a session by itself.
   *
   * @param operation the observer's name of it, e.g. {@code magic-link}
   * @param proof consumes the proof once and gives its account, or empty when refused
   * @param client who is calling
   * @return signed in, a challenge, limited, or refused
   */
  public LoginOutcome loginProven(String operation, Supplier<Optional<I>> proof,
      LoginSteps.Client client) {
    long start = System.nanoTime();
    return observe(operation, start, provenStep(proof, client));
  }

  private LoginOutcome provenStep(Supplier<Optional<I>> proof, LoginSteps.Client client) {
    Optional<LoginOutcome> limited = steps.limit(null, client);
    if (limited.isPresent()) {
      return limited.get();
    }
    Optional<I> proved = proof.get();
    if (proved.isEmpty()) {
      return LoginOutcome.REFUSED;
    }
    I id = proved.get();
    if (steps.locked(id)) {
      return steps.failed(id, client, "locked", false);
    }
    String bar = steps.bar(id);
    return bar != null ? steps.failed(id, client, bar, false) : proven(id, client);
  }

  /**
   * The rate limits a sign-in spends (the address's, the address's brute-force block and, with
   * {@code email}, the typed account's), for another operation that must not be tried without
   * bound, e.g. one that sends mail: it spends from the same budget.
   *
   * @param email the address typed, or null for the caller's address only
   * @param client who is calling
   * @return the limit's outcome, or empty when the operation may go on
   */
  public Optional<LoginOutcome> limit(String email, LoginSteps.Client client) {
    return steps.limit(email, client);
  }

  /** The first factor proved and the account in good standing: the next steps or sign-in. */
  private LoginOutcome proven(I id, LoginSteps.Client client) {
    List<Step> left = new ArrayList<>();
    if (steps.hasSecondFactor(id)) {
      left.add(Step.SECOND_FACTOR);
    } else if (steps.mustEnrol(id)) {
      left.add(Step.ENROLMENT);
    }
    if (steps.mustChangePassword(id)) {
      left.add(Step.PASSWORD_CHANGE);
    }
    return left.isEmpty() ? steps.signIn(id, client) : next(id, left);
  }

  /**
   * The second factor: a TOTP or backup code against the login's challenge.
   *
   * @param challenge the challenge the login returned
   * @param code the code
   * @param client who is calling
   * @return signed in, the password change, or refused
   */
  public LoginOutcome completeSecondFactor(String challenge, String code,
      LoginSteps.Client client) {
    long start = System.nanoTime();
    return observe("second-factor", start,
        code(challenge, Step.SECOND_FACTOR, code, client, steps::verifyCode));
  }

  /**
   * The enrolment a login past its grace period asked for: the first code of the new factor.
   *
   * @param challenge the challenge the login returned
   * @param code a code of the factor the login made
   * @param client who is calling
   * @return signed in, the password change, or refused
   */
  public LoginOutcome confirmEnrolment(String challenge, String code,
      LoginSteps.Client client) {
    long start = System.nanoTime();
    return observe("enrolment", start,
        code(challenge, Step.ENROLMENT, code, client, steps::confirmEnrolment));
  }

  /** A step proved by a code: a wrong one counts like a wrong password. */
  private LoginOutcome code(String challenge, Step step, String code, LoginSteps.Client client,
      BiPredicate<I, String> verify) {
    Optional<Live<I>> live = live(challenge, step);
    if (live.isEmpty()) {
      return LoginOutcome.REFUSED;
    }
    I id = live.get().id();
    if (!verify.test(id, code)) {
      return steps.failed(id, client, "bad-code", true);
    }
    return done(challenge, live.get(), client);
  }

  /**
   * The required password change: the current password again and the new one.
   *
   * @param challenge the challenge the last step returned
   * @param currentPassword the password in force
   * @param newPassword its replacement
   * @param client who is calling
   * @return signed in, rejected (the challenge stays usable), or refused
   */
  public LoginOutcome changePassword(String challenge, char[] currentPassword,
      char[] newPassword, LoginSteps.Client client) {
    long start = System.nanoTime();
    return observe("password-change", start,
        passwordChange(challenge, currentPassword, newPassword, client));
  }

  private LoginOutcome passwordChange(String challenge, char[] currentPassword,
      char[] newPassword, LoginSteps.Client client) {
    Optional<Live<I>> live = live(challenge, Step.PASSWORD_CHANGE);
    if (live.isEmpty()) {
      return LoginOutcome.REFUSED;
    }
    I id = live.get().id();
    List<String> problems = steps.changePassword(id, currentPassword, newPassword);
    if (problems.contains(LoginSteps.WRONG_PASSWORD)) {
      return steps.failed(id, client, "bad-password", true);
    }
    if (!problems.isEmpty()) {
      return new PasswordRejected(problems);
    }
    return done(challenge, live.get(), client);
  }

  /**
   * A new refresh token for an old one (strict single-use rotation); refused for an account
   * that is suspended, deleted or unapproved now.
   *
   * @param refreshToken the presented token
   * @param client who is calling
   * @return signed in with the successor, or refused
   */
  public LoginOutcome refresh(String refreshToken, LoginSteps.Client client) {
    long start = System.nanoTime();
    return observe("refresh", start, rotate(refreshToken));
  }

  private LoginOutcome rotate(String refreshToken) {
    Optional<LoginSteps.Rotated<I>> rotated = steps.rotate(refreshToken);
    if (rotated.isEmpty()) {
      return LoginOutcome.REFUSED;
    }
    if (steps.bar(rotated.get().userId()) != null) {
      steps.endRefresh(rotated.get().refreshToken());
      return LoginOutcome.REFUSED;
    }
    return steps.signedIn(rotated.get().userId(), null, rotated.get());
  }

  /**
   * Logs this login out: its session and its refresh-token family.
   *
   * @param session the session handle, or null
   * @param refreshToken the refresh token, or null
   * @return whether anything was live
   */
  public boolean logout(String session, String refreshToken) {
    boolean ended = session != null && steps.endSession(session);
    return (refreshToken != null && steps.endRefresh(refreshToken)) || ended;
  }

  /**
   * Logs the account out everywhere.
   *
   * @param userId the account
   */
  public void logoutEverywhere(I userId) {
    steps.endAll(userId);
  }

  /**
   * The account of a bearer access token that verifies now (signature, issuer, audience,
   * expiry, and the deny-list when the service has one).
   *
   * @param token the compact JWS
   * @return the caller, or empty for a refused token or a service that signs none
   */
  public Optional<LoginSteps.Signed<I>> bearer(String token) {
    return token == null || token.isEmpty() ? Optional.empty()
        : steps.bearer(token).map(id -> new LoginSteps.Signed<>(id, null));
  }

  /**
   * The account and session of a live session handle.
   *
   * @param handle the handle (the session cookie)
   * @return the caller, or empty
   */
  public Optional<LoginSteps.Signed<I>> session(String handle) {
    return handle == null || handle.isEmpty() ? Optional.empty()
        : steps.validateSession(handle);
  }

  /**
   * Whether the flow lists and ends an account's sessions ({@link #sessions},
   * {@link #endSession(Object, long)}).
   *
   * @return whether it does
   */
  public boolean listsSessions() {
    return steps.hasSessionViews();
  }

  /**
   * An account's live sessions, oldest first; never their handles.
   *
   * @param userId the account
   * @return the sessions
   */
  public List<LoginSteps.SessionView> sessions(I userId) {
    return steps.sessionsOf(userId);
  }

  /**
   * Ends one of an account's sessions: another account's session, an ended one and an
   * unknown id all answer false, the same.
   *
   * @param userId the account
   * @param sessionId the session's id
   * @return whether a live session of the account ended
   */
  public boolean endSession(I userId, long sessionId) {
    return steps.endSessionOf(userId, sessionId);
  }

  /**
   * Whether a signed-in account can change its password ({@link #changePassword(Object,
   * char[], char[], LoginSteps.Client)}).
   *
   * @return whether the flow has the password change
   */
  public boolean changesPasswords() {
    return steps.changesPasswords();
  }

  /**
   * A signed-in account changes its password: the current one again (a wrong one counts like
   * a failed sign-in and is the one refusal) and the new one. The change ends every other
   * credential of the account; this caller gets new ones, as from a sign-in.
   *
   * @param userId the signed-in account
   * @param currentPassword the password in force
   * @param newPassword its replacement
   * @param client who is calling
   * @return signed in anew, rejected (the new password's broken rules), or refused
   */
  public LoginOutcome changePassword(I userId, char[] currentPassword, char[] newPassword,
      LoginSteps.Client client) {
    long start = System.nanoTime();
    LoginOutcome outcome;
    if (!steps.changesPasswords()) {
      outcome = LoginOutcome.REFUSED;
    } else {
      List<String> problems = steps.changePassword(userId, currentPassword, newPassword);
      outcome = problems.contains(LoginSteps.WRONG_PASSWORD)
          ? steps.failed(userId, client, "bad-password", true)
          : !problems.isEmpty() ? new PasswordRejected(problems) : steps.signIn(userId, client);
    }
    return observe("password-change", start, outcome);
  }

  /** Tells the observer; a failing observer never changes the answer. */
  private LoginOutcome observe(String operation, long start, LoginOutcome outcome) {
    try {
      observer.observed(operation, outcome, System.nanoTime() - start);
    } catch (RuntimeException e) {
      // Metrics are not worth a login: the outcome stands.
    }
    return outcome;
  }

  /** A challenge for {@code left}, or the outcome that asks for its first step. */
  private LoginOutcome next(I id, List<Step> left) {
    String challenge = steps.challenges().create(String.valueOf(id), left,
        steps.password().passwordStamp(id).orElse(""));
    return switch (left.get(0)) {
      case SECOND_FACTOR -> new SecondFactorRequired(challenge);
      case ENROLMENT -> new EnrolmentRequired(challenge, steps.beginEnrolment(id));
      case PASSWORD_CHANGE -> new PasswordChangeRequired(challenge);
    };
  }

  /** A live challenge and its account. */
  private record Live<I>(I id, Opened opened) {
  }

  /** The account of a live challenge whose next step is {@code step}, one attempt counted. */
  private Optional<Live<I>> live(String challenge, Step step) {
    if (steps.challenges() == null) {
      return Optional.empty();
    }
    Optional<Opened> opened = steps.challenges().open(challenge);
    if (opened.isEmpty() || opened.get().steps().get(0) != step
        || steps.challenges().attempt(challenge) != LoginChallenges.Attempt.ALLOWED) {
      return Optional.empty();
    }
    I id = steps.parse(opened.get().userId());
    // The password changed, the account was locked, suspended or deleted meanwhile: dead.
    boolean same = MessageDigest.isEqual(opened.get().passwordStamp().getBytes(
        StandardCharsets.UTF_8), steps.password().passwordStamp(id).orElse("")
        .getBytes(StandardCharsets.UTF_8));
    if (!same || steps.locked(id) || steps.bar(id) != null) {
      steps.challenges().consume(challenge);
      return Optional.empty();
    }
    return Optional.of(new Live<>(id, opened.get()));
  }

  /** The step succeeded: the challenge is used up (by one caller), then the next or sign-in. */
  private LoginOutcome done(String challenge, Live<I> live, LoginSteps.Client client) {
    if (!steps.challenges().consume(challenge)) {
      return LoginOutcome.REFUSED;
    }
    List<Step> all = live.opened().steps();
    List<Step> left = all.subList(1, all.size());
    return left.isEmpty() ? steps.signIn(live.id(), client) : next(live.id(), left);
  }

  @Override
  public String toString() {
    return "LoginFlow" + steps;
  }
}
