package io.github.authspec.support.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The steps a {@link LoginFlow} composes: the password is required, every other step is there
 * only when its feature is, given as the feature's own operation ({@code lockout::recordFailure},
 * {@code suspension::isSuspended}, ...), so the flow needs no class of a feature the service
 * lacks. Build with {@link #builder}.
 *
 * @param <I> the type of the account id
 */
public final class LoginSteps<I> {
  /** What a password change step returns when the current password is wrong. */
  public static final String WRONG_PASSWORD = "invalid-credentials";

  /**
   * Who is calling.
   *
   * @param ip the client address (from trusted proxies only)
   * @param userAgent the User-Agent header, or null
   */
  public record Client(String ip, String userAgent) {
  }

  /**
   * An issued or rotated refresh token.
   *
   * @param <I> the type of the account id
   * @param userId the owner
   * @param refreshToken the token (a successor, when rotated)
   * @param grantId its family, which the access tokens issued with it name, or null
   */
  public record Rotated<I>(I userId, String refreshToken, String grantId) {
    /**
     * A token of no known family.
     *
     * @param userId the owner
     * @param refreshToken the token
     */
    public Rotated(I userId, String refreshToken) {
      this(userId, refreshToken, null);
    }

    @Override
    public String toString() {
      return "Rotated[refreshToken=<redacted>]";
    }
  }

  /**
   * A signed access token (RFC 9068).
   *
   * @param token the compact JWS
   * @param expiresIn how long it is valid from now
   */
  public record Access(String token, Duration expiresIn) {
    @Override
    public String toString() {
      return "Access[token=<redacted>, expiresIn=" + expiresIn + "]";
    }
  }

  /**
   * A caller whose credential verified.
   *
   * @param <I> the type of the account id
   * @param userId the account
   * @param sessionId the session's id when the credential was a session handle, else null
   */
  public record Signed<I>(I userId, Long sessionId) {
  }

  /**
   * A live session as its owner may see it: never its handle.
   *
   * @param id its id
   * @param createdAt its start
   * @param lastActiveAt its last use
   * @param expiresAt its current expiry
   */
  public record SessionView(long id, java.time.Instant createdAt,
      java.time.Instant lastActiveAt, java.time.Instant expiresAt) {
  }

  /** Signs an access token for an account. */
  @FunctionalInterface
  public interface AccessTokens<I> {
    /**
     * Signs.
     *
     * @param userId the account
     * @param grantId the refresh-token family issued with it, or null
     * @return the token
     */
    Access issue(I userId, String grantId);
  }

  /** A rate limit: empty when allowed, else when to retry. */
  @FunctionalInterface
  public interface Limit {
    /**
     * Takes one request from a bucket.
     *
     * @param bucket {@code ip:<address>} or {@code account:<digest of the address typed>}
     * @return empty when allowed, else when to retry
     */
    Optional<Duration> acquire(String bucket);
  }

  /** Records an attempt in the history, with a failure's reason code. */
  @FunctionalInterface
  public interface History<I> {
    /**
     * Records.
     *
     * @param userId the account
     * @param success whether it succeeded
     * @param client who called
     * @param failureCode the reason of a failure, or null
     */
    void record(I userId, boolean success, Client client, String failureCode);
  }

  /** Changes a password: the problems, {@link #WRONG_PASSWORD} or the policy's; empty when done. */
  @FunctionalInterface
  public interface PasswordChange<I> {
    /**
     * Changes.
     *
     * @param userId the account
     * @param current the password in force
     * @param next its replacement
     * @return the problems, empty when the password changed
     */
    List<String> change(I userId, char[] current, char[] next);
  }

  private EmailPasswordLogin<I> password;
  private Function<String, I> parse;
  private LoginChallenges challenges;
  private Limit limit;
  private Predicate<String> addressBlocked = ip -> false;
  private Consumer<String> addressFailed = ip -> { };
  private Predicate<I> locked = id -> false;
  private Consumer<I> failure = id -> { };
  private Consumer<I> success = id -> { };
  private final Map<String, Predicate<I>> bars = new LinkedHashMap<>();
  private final List<Predicate<I>> mustChange = new ArrayList<>();
  private final List<Predicate<I>> enrolled = new ArrayList<>();
  private final List<BiPredicate<I, String>> verifiers = new ArrayList<>();
  private Predicate<I> mustEnrol = id -> false;
  private Function<I, String> beginEnrolment;
  private BiPredicate<I, String> confirmEnrolment;
  private PasswordChange<I> change = (id, a, b) -> List.of(WRONG_PASSWORD);
  private Function<I, String> session;
  private Function<I, Rotated<I>> refreshToken;
  private AccessTokens<I> access;
  private Function<String, Optional<I>> bearer = t -> Optional.empty();
  private Function<String, Optional<Signed<I>>> validateSession = h -> Optional.empty();
  private Function<I, List<SessionView>> listSessions = id -> List.of();
  private BiPredicate<I, Long> endSessionOf = (id, s) -> false;
  private boolean views;
  private Function<String, Optional<Rotated<I>>> rotate = t -> Optional.empty();
  private Predicate<String> endSession = s -> false;
  private Predicate<String> endRefresh = t -> false;
  private Consumer<I> endAll = id -> { };
  private History<I> history = (id, ok, c, code) -> { };
  private BiConsumer<I, Client> notifications = (id, c) -> { };
  private final List<String> names = new ArrayList<>();

  private LoginSteps() {
  }

  /**
   * Steps over a password store.
   *
   * @param <I> the type of the account id
   * @param password the accounts and their passwords
   * @param parse reads an account id from its text (in a challenge)
   * @return a builder
   */
  public static <I> Builder<I> builder(EmailPasswordLogin<I> password, Function<String, I> parse) {
    Builder<I> b = new Builder<>();
    b.steps.password = Objects.requireNonNull(password, "password");
    b.steps.parse = Objects.requireNonNull(parse, "parse");
    b.steps.names.add("password");
    return b;
  }

  EmailPasswordLogin<I> password() {
    return password;
  }

  LoginChallenges challenges() {
    return challenges;
  }

  I parse(String text) {
    return parse.apply(text);
  }

  /** The first limit that refuses: address, brute-force block, account (with an email). */
  Optional<LoginOutcome> limit(String email, Client client) {
    Optional<Duration> wait = limit == null ? Optional.empty()
        : limit.acquire("ip:" + client.ip());
    if (wait.isEmpty() && addressBlocked.test(client.ip())) {
      wait = Optional.of(Duration.ofMinutes(1));
    }
    if (wait.isEmpty() && limit != null && email != null) {
      String address = String.valueOf(EmailAddress.normalise(email, 1024));
      wait = limit.acquire("account:" + EmailPasswordLogin.digest(address));
    }
    return wait.map(LoginOutcome.Limited::new);
  }

  boolean locked(I id) {
    return id != null && locked.test(id);
  }

  /** The first bar on the account (its failure code), or null. */
  String bar(I id) {
    for (Map.Entry<String, Predicate<I>> e : bars.entrySet()) {
      if (e.getValue().test(id)) {
        return e.getKey();
      }
    }
    return null;
  }

  boolean hasSecondFactor(I id) {
    return enrolled.stream().anyMatch(p -> p.test(id));
  }

  /** Whether an account without a second factor must enrol one before sign-in. */
  boolean mustEnrol(I id) {
    return beginEnrolment != null && mustEnrol.test(id);
  }

  /** A new pending factor for the account: the URI its owner's authenticator reads. */
  String beginEnrolment(I id) {
    return beginEnrolment.apply(id);
  }

  /** Whether the code proves the pending factor, which it then enables. */
  boolean confirmEnrolment(I id, String code) {
    return usable(code) && confirmEnrolment.test(id, code);
  }

  private static boolean usable(String code) {
    return code != null && !code.isEmpty() && code.length() <= 64;
  }

  boolean mustChangePassword(I id) {
    return mustChange.stream().anyMatch(p -> p.test(id));
  }

  boolean verifyCode(I id, String code) {
    if (!usable(code)) {
      return false;
    }
    for (int i = 0; i < verifiers.size(); i++) {
      if (enrolled.get(i).test(id) && verifiers.get(i).test(id, code)) {
        return true;
      }
    }
    return false;
  }

  List<String> changePassword(I id, char[] current, char[] next) {
    return change.change(id, current, next);
  }

  /** Whether the steps change passwords ({@link Builder#passwordChange}). */
  boolean changesPasswords() {
    return names.contains("password-change");
  }

  /** Counts and records a failure; the one refusal. */
  LoginOutcome failed(I id, Client client, String code, boolean counts) {
    addressFailed.accept(client.ip());
    if (id != null) {
      if (counts) {
        failure.accept(id);
      }
      history.record(id, false, client, code);
    }
    return LoginOutcome.REFUSED;
  }

  /** Every step done: the counter reset, the credentials issued, the history written. */
  LoginOutcome signIn(I id, Client client) {
    success.accept(id);
    String handle = session == null ? null : session.apply(id);
    Rotated<I> token = refreshToken == null ? null : refreshToken.apply(id);
    history.record(id, true, client, null);
    notifications.accept(id, client);
    return signedIn(id, handle, token);
  }

  /** The credentials of a sign-in or a refresh, with an access token when the service signs. */
  LoginOutcome.SignedIn signedIn(I id, String handle, Rotated<I> refresh) {
    Access signed = access == null ? null
        : access.issue(id, refresh == null ? null : refresh.grantId());
    return new LoginOutcome.SignedIn(id, handle, refresh == null ? null : refresh.refreshToken(),
        signed);
  }

  Optional<Rotated<I>> rotate(String token) {
    return token == null ? Optional.empty() : rotate.apply(token);
  }

  boolean endSession(String handle) {
    return endSession.test(handle);
  }

  boolean endRefresh(String token) {
    return endRefresh.test(token);
  }

  void endAll(I id) {
    endAll.accept(id);
  }

  Optional<I> bearer(String token) {
    return bearer.apply(token);
  }

  Optional<Signed<I>> validateSession(String handle) {
    return validateSession.apply(handle);
  }

  List<SessionView> sessionsOf(I id) {
    return listSessions.apply(id);
  }

  boolean endSessionOf(I id, long sessionId) {
    return endSessionOf.test(id, sessionId);
  }

  /** Whether the steps list and end an account's sessions by id. */
  boolean hasSessionViews() {
    return views;
  }


  @Override
  public String toString() {
    return names.toString();
  }

  /**
   * Adds the steps of the features a service has; each method once.
   *
   * @param <I> the type of the account id
   */
  public static final class Builder<I> {
    private final LoginSteps<I> steps = new LoginSteps<>();

    private Builder() {
    }

    private Builder<I> named(String name) {
      if (steps.names.contains(name)) {
        throw new IllegalStateException(name + " given twice");
      }
      steps.names.add(name);
      return this;
    }

    /**
     * Rate limits by address and by account ({@code rate-limiting}).
     *
     * @param limit takes one request from a bucket
     * @return this
     */
    public Builder<I> rateLimits(Limit limit) {
      steps.limit = Objects.requireNonNull(limit);
      return named("rate-limits");
    }

    /**
     * Brute-force detection by address ({@code brute-force-detection}).
     *
     * @param blocked whether an address is under attack
     * @param failed counts a failure of an address
     * @return this
     */
    public Builder<I> bruteForce(Predicate<String> blocked, Consumer<String> failed) {
      steps.addressBlocked = Objects.requireNonNull(blocked);
      steps.addressFailed = Objects.requireNonNull(failed);
      return named("brute-force");
    }

    /**
     * The lock and its counter ({@code account-lockout}).
     *
     * @param locked whether an account is locked now
     * @param failed counts a failure
     * @param reset clears the counter when every step is done
     * @return this
     */
    public Builder<I> lockout(Predicate<I> locked, Consumer<I> failed, Consumer<I> reset) {
      steps.locked = Objects.requireNonNull(locked);
      steps.failure = Objects.requireNonNull(failed);
      steps.success = Objects.requireNonNull(reset);
      return named("lockout");
    }

    /**
     * A state that refuses an account after its password ({@code suspended}, {@code deleted},
     * {@code unapproved}).
     *
     * @param code the reason code for the history
     * @param bars whether it refuses an account
     * @return this
     */
    public Builder<I> bar(String code, Predicate<I> bars) {
      steps.bars.put(code, Objects.requireNonNull(bars));
      return named(code);
    }

    /**
     * A second factor ({@code totp}, {@code backup-codes}).
     *
     * @param name the factor
     * @param enrolled whether an account has it
     * @param verify verifies and uses up a code
     * @return this
     */
    public Builder<I> factor(String name, Predicate<I> enrolled, BiPredicate<I, String> verify) {
      steps.enrolled.add(Objects.requireNonNull(enrolled));
      steps.verifiers.add(Objects.requireNonNull(verify));
      return named(name);
    }

    /**
     * The enrolment of a second factor at sign-in once an account's grace period is over
     * ({@code mfa-grace-period} with {@code totp}); an account that has a factor uses it
     * instead.
     *
     * @param name the step
     * @param required whether an account's grace period is over
     * @param begin makes a pending factor for an account and returns its URI
     * @param confirm verifies a first code, enabling the factor
     * @return this
     */
    public Builder<I> enrolment(String name, Predicate<I> required, Function<I, String> begin,
        BiPredicate<I, String> confirm) {
      steps.mustEnrol = Objects.requireNonNull(required);
      steps.beginEnrolment = Objects.requireNonNull(begin);
      steps.confirmEnrolment = Objects.requireNonNull(confirm);
      return named(name);
    }

    /**
     * A reason the password must change before sign-in ({@code force-password-change},
     * {@code password-expiration}).
     *
     * @param name the reason
     * @param required whether it holds for an account
     * @return this
     */
    public Builder<I> mustChangePassword(String name, Predicate<I> required) {
      steps.mustChange.add(Objects.requireNonNull(required));
      return named(name);
    }

    /**
     * How a required password change is made (it clears the requirement and ends the
     * account's other credentials).
     *
     * @param change the change
     * @return this
     */
    public Builder<I> passwordChange(PasswordChange<I> change) {
      steps.change = Objects.requireNonNull(change);
      return named("password-change");
    }

    /**
     * The challenges of the steps after the password (required with a factor or a reason to
     * change the password).
     *
     * @param challenges the store
     * @return this
     */
    public Builder<I> challenges(LoginChallenges challenges) {
      steps.challenges = Objects.requireNonNull(challenges);
      return named("challenges");
    }

    /**
     * Server-side sessions.
     *
     * @param create starts one, returning its handle
     * @param end ends one by its handle
     * @return this
     */
    public Builder<I> sessions(Function<I, String> create, Predicate<String> end) {
      steps.session = Objects.requireNonNull(create);
      steps.endSession = Objects.requireNonNull(end);
      return named("sessions");
    }

    /**
     * Refresh tokens.
     *
     * @param issue starts a family, returning its first token
     * @param rotate retires a token for its successor
     * @param end revokes a token's family
     * @return this
     */
    public Builder<I> refreshTokens(Function<I, Rotated<I>> issue,
        Function<String, Optional<Rotated<I>>> rotate, Predicate<String> end) {
      steps.refreshToken = Objects.requireNonNull(issue);
      steps.rotate = Objects.requireNonNull(rotate);
      steps.endRefresh = Objects.requireNonNull(end);
      return named("refresh-tokens");
    }

    /**
     * Short-lived access tokens with every sign-in and refresh ({@code jwt-tokens}).
     *
     * @param sign signs one for an account and its refresh-token family
     * @return this
     */
    public Builder<I> accessTokens(AccessTokens<I> sign) {
      steps.access = Objects.requireNonNull(sign);
      return named("access-tokens");
    }

    /**
     * Verifies a bearer access token: its signature, issuer, audience, expiry and revocation.
     *
     * @param verify the account of a token that verifies, else empty
     * @return this
     */
    public Builder<I> bearer(Function<String, Optional<I>> verify) {
      steps.bearer = Objects.requireNonNull(verify);
      return named("bearer");
    }

    /**
     * Reads the sessions of their owners: the account of a live handle, the list of an
     * account's live sessions, and the end of one of them by id, matched to its owner.
     *
     * @param validate the account and session id of a live handle, else empty
     * @param list an account's live sessions, oldest first
     * @param end ends an account's session by id; false for an unknown id or another's
     * @return this
     */
    public Builder<I> sessionViews(Function<String, Optional<Signed<I>>> validate,
        Function<I, List<SessionView>> list, BiPredicate<I, Long> end) {
      steps.validateSession = Objects.requireNonNull(validate);
      steps.listSessions = Objects.requireNonNull(list);
      steps.endSessionOf = Objects.requireNonNull(end);
      steps.views = true;
      return named("session-views");
    }

    /**
     * Ends every credential of an account (logout everywhere).
     *
     * @param endAll ends them
     * @return this
     */
    public Builder<I> logoutEverywhere(Consumer<I> endAll) {
      steps.endAll = Objects.requireNonNull(endAll);
      return named("logout-everywhere");
    }

    /**
     * The login history and whatever else follows an attempt (notifications).
     *
     * @param history records an attempt
     * @return this
     */
    public Builder<I> history(History<I> history) {
      steps.history = Objects.requireNonNull(history);
      return named("history");
    }

    /**
     * Tells the owner about a sign-in from somewhere new ({@code login-notifications}).
     *
     * @param notify called after every successful sign-in
     * @return this
     */
    public Builder<I> notifications(BiConsumer<I, Client> notify) {
      steps.notifications = Objects.requireNonNull(notify);
      return named("notifications");
    }

    /**
     * The steps.
     *
     * @return the steps
     * @throws IllegalStateException with a factor or a reason to change the password but no
     *     challenges, or with neither sessions nor refresh tokens
     */
    public LoginSteps<I> build() {
      if ((!steps.enrolled.isEmpty() || !steps.mustChange.isEmpty()
          || steps.beginEnrolment != null) && steps.challenges == null) {
        throw new IllegalStateException("the steps after the password need challenges");
      }
      if (steps.session == null && steps.refreshToken == null) {
        throw new IllegalStateException("a login issues a session or a refresh token");
      }
      return steps;
    }
  }
}
