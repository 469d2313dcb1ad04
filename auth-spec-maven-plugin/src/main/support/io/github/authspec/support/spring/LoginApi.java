package io.github.authspec.support.spring;

import io.github.authspec.support.auth.LoginFlow;
import io.github.authspec.support.auth.LoginOutcome;
import io.github.authspec.support.auth.LoginSteps;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login flow over HTTP: each request is one step of {@link LoginFlow}, and each
 * {@link LoginOutcome} one response. Every refusal is the same 401 problem (RFC 9457), whatever
 * the reason, as the flow's one refusal is; a limit is a 429 problem with {@code Retry-After}.
 *
 * <p>Credentials travel in JSON bodies, never in a query or a form: a request with another
 * content type is refused (415) before any step, so a cross-site form cannot post here, and a
 * cross-site script cannot send JSON without passing CORS. The session handle travels only in a
 * {@code __Host-} cookie ({@code Secure}, {@code HttpOnly}, {@code SameSite=Strict},
 * {@code Path=/}), out of reach of scripts and of other sites' requests; the refresh token and,
 * when the service signs them, the short-lived access token ({@code tokenType} Bearer,
 * {@code expiresIn} seconds) are returned in the body, for clients that are not browsers, and
 * never set as a cookie.
 *
 * <p>Abstract, so component scanning never registers it on its own (it lives under the
 * application's package, where a {@code @SpringBootApplication} scans): a bean of a subclass,
 * e.g. {@code new LoginApi(flow) {}}, is the controller, and the auto-configuration's backs off
 * to the application's.
 */
@RestController
@RequestMapping(path = "/auth", consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
public abstract class LoginApi {
  /** The session cookie: {@code __Host-} binds it to this host, over HTTPS, for every path. */
  public static final String SESSION_COOKIE = "__Host-session";
  /** Where the problem types are named. */
  static final String PROBLEMS = "urn:auth-spec:problem:";

  /**
   * A sign-in.
   *
   * @param email the address typed
   * @param password the password typed
   */
  public record Credentials(String email, String password) {
    @Override
    public String toString() {
      return "Credentials[<redacted>]";
    }
  }

  /**
   * The second step of a sign-in.
   *
   * @param challenge the challenge the first step answered
   * @param code a TOTP or backup code
   */
  public record SecondFactor(String challenge, String code) {
    @Override
    public String toString() {
      return "SecondFactor[<redacted>]";
    }
  }

  /**
   * A password change a sign-in requires.
   *
   * @param challenge the challenge the previous step answered
   * @param currentPassword the password in force
   * @param newPassword the new one
   */
  public record PasswordChange(String challenge, String currentPassword, String newPassword) {
    @Override
    public String toString() {
      return "PasswordChange[<redacted>]";
    }
  }

  /**
   * A refresh token, to rotate or to end.
   *
   * @param refreshToken the token
   */
  public record Token(String refreshToken) {
    @Override
    public String toString() {
      return "Token[<redacted>]";
    }
  }

  /** The operations beyond sign-in and logout, each offered only when the flow has its step. */
  public enum Step {
    /** {@code /login/second-factor}: TOTP or backup codes. */
    SECOND_FACTOR,
    /** {@code /login/enrolment}: TOTP enrolment past an MFA grace period. */
    ENROLMENT,
    /** {@code /login/password}: a forced or expired password's change. */
    PASSWORD_CHANGE,
    /** {@code /token}: refresh tokens. */
    REFRESH
  }

  private final LoginFlow<?> flow;
  private final Set<Step> offered;

  /**
   * The API over a flow with every step.
   *
   * @param flow the login flow of the service
   */
  protected LoginApi(LoginFlow<?> flow) {
    this(flow, EnumSet.allOf(Step.class));
  }

  /**
   * The API over a flow with the steps it has: the others answer 404, as a path the service
   * does not have, so the API is exactly what its OpenAPI document lists.
   *
   * @param flow the login flow of the service
   * @param offered the steps the flow has
   */
  protected LoginApi(LoginFlow<?> flow, Set<Step> offered) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.offered = offered.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(offered);
  }

  /**
   * The first step: the password (and everything the flow checks before and after it).
   *
   * @param body the email and password
   * @param request the caller's address and user agent
   * @return signed in, a next step, or a problem
   */
  @PostMapping("/login")
  public ResponseEntity<Object> login(@RequestBody Credentials body, HttpServletRequest request) {
    char[] password = required(body.password()).toCharArray();
    try {
      return answer(flow.login(required(body.email()), password, client(request)));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * The second factor of a sign-in that asked for one.
   *
   * @param body the challenge and a TOTP or backup code
   * @param request the caller's address and user agent
   * @return signed in, a next step, or a problem
   */
  @PostMapping("/login/second-factor")
  public ResponseEntity<Object> secondFactor(@RequestBody SecondFactor body,
      HttpServletRequest request) {
    if (!offered.contains(Step.SECOND_FACTOR)) {
      return absent();
    }
    return answer(flow.completeSecondFactor(required(body.challenge()), required(body.code()),
        client(request)));
  }

  /**
   * The first code of the second factor a sign-in past its grace period made.
   *
   * @param body the challenge and a TOTP code of the new factor
   * @param request the caller's address and user agent
   * @return signed in, a next step, or a problem
   */
  @PostMapping("/login/enrolment")
  public ResponseEntity<Object> confirmEnrolment(@RequestBody SecondFactor body,
      HttpServletRequest request) {
    if (!offered.contains(Step.ENROLMENT)) {
      return absent();
    }
    return answer(flow.confirmEnrolment(required(body.challenge()), required(body.code()),
        client(request)));
  }

  /**
   * The password change a sign-in requires.
   *
   * @param body the challenge, the current and the new password
   * @param request the caller's address and user agent
   * @return signed in, or a problem (the new password's broken rules among them)
   */
  @PostMapping("/login/password")
  public ResponseEntity<Object> changePassword(@RequestBody PasswordChange body,
      HttpServletRequest request) {
    if (!offered.contains(Step.PASSWORD_CHANGE)) {
      return absent();
    }
    char[] current = required(body.currentPassword()).toCharArray();
    char[] next = required(body.newPassword()).toCharArray();
    try {
      return answer(flow.changePassword(required(body.challenge()), current, next,
          client(request)));
    } finally {
      Arrays.fill(current, '\0');
      Arrays.fill(next, '\0');
    }
  }

  /**
   * Rotates a refresh token: the old one is spent, whatever happens next.
   *
   * @param body the refresh token
   * @param request the caller's address and user agent
   * @return a new refresh token, or the refusal
   */
  @PostMapping("/token")
  public ResponseEntity<Object> refresh(@RequestBody Token body, HttpServletRequest request) {
    if (!offered.contains(Step.REFRESH)) {
      return absent();
    }
    return answer(flow.refresh(required(body.refreshToken()), client(request)));
  }

  /**
   * Ends this sign-in: the session of the cookie and the refresh token's family, whichever the
   * request carries; answers the same whether or not they were live.
   *
   * @param body the refresh token, or null
   * @param request the session cookie
   * @return 204, with the cookie cleared
   */
  @PostMapping("/logout")
  public ResponseEntity<Void> logout(@RequestBody(required = false) Token body,
      HttpServletRequest request) {
    flow.logout(session(request), body == null ? null : body.refreshToken());
    return ResponseEntity.noContent()
        .header(HttpHeaders.SET_COOKIE, cookie("", 0).toString()).build();
  }

  /** The response of an outcome. */
  static ResponseEntity<Object> answer(LoginOutcome outcome) {
    if (outcome instanceof LoginOutcome.SignedIn in) {
      Map<String, Object> body = status(outcome);
      ResponseEntity.BodyBuilder ok = ok();
      if (in.refreshToken() != null) {
        body.put("refreshToken", in.refreshToken());
      }
      if (in.accessToken() != null) {
        // RFC 6749 §5.1's members, camel-cased as the rest of this API: the bearer token of
        // RFC 6750, in the body only (a cookie would make it ambient, and CSRF-able).
        body.put("accessToken", in.accessToken().token());
        body.put("tokenType", "Bearer");
        body.put("expiresIn", in.accessToken().expiresIn().toSeconds());
      }
      if (in.session() != null) {
        ok.header(HttpHeaders.SET_COOKIE, cookie(in.session(), -1).toString());
      }
      return ok.body(body);
    }
    if (outcome instanceof LoginOutcome.SecondFactorRequired next) {
      return ok().body(challenge(outcome, next.challenge()));
    }
    if (outcome instanceof LoginOutcome.EnrolmentRequired next) {
      Map<String, Object> body = challenge(outcome, next.challenge());
      body.put("otpauthUri", next.uri());
      return ok().body(body);
    }
    if (outcome instanceof LoginOutcome.PasswordChangeRequired next) {
      return ok().body(challenge(outcome, next.challenge()));
    }
    if (outcome instanceof LoginOutcome.PasswordRejected rejected) {
      // By number: Spring 7 renames the constant (UNPROCESSABLE_CONTENT), 6 has only the old.
      ProblemDetail p = problem(HttpStatus.valueOf(422), "password-rejected",
          "The new password breaks the password rules");
      p.setProperty("violations", rejected.violations());
      return ApiProblems.response(p);
    }
    if (outcome instanceof LoginOutcome.Limited limited) {
      long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem(HttpStatus.TOO_MANY_REQUESTS, "limited", "Too many attempts"));
    }
    return ApiProblems.response(problem(HttpStatus.UNAUTHORIZED, "refused",
        "The credentials were not accepted"));
  }

  /**
   * A success: it carries a token, a challenge or a seed, so no cache may keep it (RFC 6749
   * §5.1 asks the same of token responses).
   */
  private static ResponseEntity.BodyBuilder ok() {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore());
  }

  /** An operation the service does not have: as Spring answers an unknown path. */
  static ResponseEntity<Object> absent() {
    return ApiProblems.response(ApiProblems.problem(HttpStatus.NOT_FOUND,
        URI.create("about:blank"), "Not Found"));
  }

  /** A problem of one of this API's types. */
  static ProblemDetail problem(HttpStatus status, String type, String title) {
    return ApiProblems.problem(status, URI.create(PROBLEMS + type), title);
  }

  /** A body whose {@code status} is the outcome's kind ({@code signed-in}, ...). */
  private static Map<String, Object> status(LoginOutcome outcome) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", outcome.kind());
    return body;
  }

  private static Map<String, Object> challenge(LoginOutcome outcome, String challenge) {
    Map<String, Object> body = status(outcome);
    body.put("challenge", challenge);
    return body;
  }

  /** The session cookie; {@code maxAge} 0 clears it, -1 lasts as long as the browser. */
  static ResponseCookie cookie(String value, long maxAge) {
    return ResponseCookie.from(SESSION_COOKIE, value).secure(true).httpOnly(true)
        .sameSite("Strict").path("/").maxAge(maxAge).build();
  }

  private static String session(HttpServletRequest request) {
    return Callers.sessionCookie(request);
  }

  /**
   * The caller as the flow records it: the connection's address (behind a proxy, configure
   * Spring's forwarded-header handling so it is the client's) and the user agent.
   */
  static LoginSteps.Client client(HttpServletRequest request) {
    return new LoginSteps.Client(request.getRemoteAddr(),
        request.getHeader(HttpHeaders.USER_AGENT));
  }

  static String required(String value) {
    if (value == null) {
      throw new ApiProblems.Malformed();
    }
    return value;
  }

  @Override
  public String toString() {
    return "LoginApi";
  }
}
