package io.github.authspec.support.spring;

import io.github.authspec.support.auth.LoginFlow;
import io.github.authspec.support.auth.LoginOutcome;
import io.github.authspec.support.auth.LoginSteps;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a signed-in caller does to its own account, at {@code /auth}: list its sessions, end one
 * of them, log out everywhere, change its password. The caller is who {@link Callers} says (a bearer access token
 * or the session cookie); an anonymous caller gets the 401 problem with
 * {@code WWW-Authenticate: Bearer} (RFC 6750 §3) here too, so the operations are safe behind
 * any filter chain. Sessions are shown by id and times, never by handle; another account's
 * session answers exactly as an unknown id does (404), so ids reveal nothing.
 *
 * <p>Abstract, as {@link LoginApi} is: a bean of a subclass is the controller.
 */
@RestController
@RequestMapping(path = "/auth",
    produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
public abstract class CallerApi {
  /** The paths of this API: each needs a signed-in caller. */
  public static final List<String> PATHS = List.of("/auth/sessions", "/auth/sessions/*",
      "/auth/logout-everywhere", "/auth/password");

  /**
   * A password change while signed in.
   *
   * @param currentPassword the password in force
   * @param newPassword the new one
   */
  public record NewPassword(String currentPassword, String newPassword) {
    @Override
    public String toString() {
      return "NewPassword[<redacted>]";
    }
  }

  private final LoginFlow<?> flow;
  private final Callers callers;

  /**
   * The API over a flow.
   *
   * @param flow the login flow of the service
   * @param callers who is calling
   */
  protected CallerApi(LoginFlow<?> flow, Callers callers) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.callers = Objects.requireNonNull(callers, "callers");
  }

  /**
   * The caller's live sessions, oldest first; {@code current} marks the one of the cookie.
   *
   * @param request the caller's credential
   * @return 200 with {@code sessions}, 401, or 404 for a service without sessions
   */
  @GetMapping("/sessions")
  public ResponseEntity<Object> sessions(HttpServletRequest request) {
    if (!(callers.of(request) instanceof Callers.Signed caller)) {
      return unauthenticated(request);
    }
    if (!flow.listsSessions()) {
      return LoginApi.absent();
    }
    List<Map<String, Object>> sessions = new ArrayList<>();
    for (LoginSteps.SessionView s : sessionsOf(flow, caller.userId())) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("id", Long.toString(s.id()));
      one.put("createdAt", s.createdAt().toString());
      one.put("lastActiveAt", s.lastActiveAt().toString());
      one.put("expiresAt", s.expiresAt().toString());
      one.put("current", caller.sessionId() != null && caller.sessionId() == s.id());
      sessions.add(one);
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(Map.of("sessions", sessions));
  }

  /**
   * Ends one of the caller's sessions.
   *
   * @param id the session's id, as {@link #sessions} lists it
   * @param request the caller's credential
   * @return 204, 401, or 404 for an unknown, ended or another account's session
   */
  @DeleteMapping("/sessions/{id}")
  public ResponseEntity<Object> endSession(@PathVariable("id") String id,
      HttpServletRequest request) {
    if (!(callers.of(request) instanceof Callers.Signed caller)) {
      return unauthenticated(request);
    }
    long sessionId;
    try {
      sessionId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return LoginApi.absent();
    }
    return flow.listsSessions() && end(flow, caller.userId(), sessionId)
        ? ResponseEntity.noContent().build() : LoginApi.absent();
  }

  /**
   * Ends every session and refresh-token family of the caller, and clears the cookie. With
   * the deny-list, the access tokens of those families are refused from now on; without it
   * they stay valid until they expire (minutes).
   *
   * @param request the caller's credential
   * @return 204, or 401
   */
  @PostMapping("/logout-everywhere")
  public ResponseEntity<Object> logoutEverywhere(HttpServletRequest request) {
    if (!(callers.of(request) instanceof Callers.Signed caller)) {
      return unauthenticated(request);
    }
    logoutEverywhere(flow, caller.userId());
    return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE,
        LoginApi.cookie("", 0).toString()).build();
  }

  /**
   * Changes the caller's password: every other session and refresh family of the account
   * ends, and the answer is a new sign-in's (a new cookie, refresh and access token). A wrong
   * current password is the login API's one refusal and counts like a failed sign-in.
   *
   * @param body the current and the new password
   * @param request the caller's credential
   * @return 200 signed in, 401, 422 with the broken rules, or 404 without password changes
   */
  @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Object> changePassword(@RequestBody NewPassword body,
      HttpServletRequest request) {
    if (!(callers.of(request) instanceof Callers.Signed caller)) {
      return unauthenticated(request);
    }
    if (!flow.changesPasswords()) {
      return LoginApi.absent();
    }
    if (body.currentPassword() == null || body.newPassword() == null) {
      throw new ApiProblems.Malformed();
    }
    char[] current = body.currentPassword().toCharArray();
    char[] next = body.newPassword().toCharArray();
    try {
      return LoginApi.answer(change(flow, caller.userId(), current, next,
          LoginApi.client(request)));
    } finally {
      Arrays.fill(current, '\0');
      Arrays.fill(next, '\0');
    }
  }

  @SuppressWarnings("unchecked")
  private static <I> LoginOutcome change(LoginFlow<I> flow, Object user, char[] current,
      char[] next, LoginSteps.Client client) {
    return flow.changePassword((I) user, current, next, client);
  }

  // The caller's id came from this flow's own credentials: it is of the flow's id type.
  @SuppressWarnings("unchecked")
  private static <I> List<LoginSteps.SessionView> sessionsOf(LoginFlow<I> flow, Object user) {
    return flow.sessions((I) user);
  }

  @SuppressWarnings("unchecked")
  private static <I> boolean end(LoginFlow<I> flow, Object user, long sessionId) {
    return flow.endSession((I) user, sessionId);
  }

  @SuppressWarnings("unchecked")
  private static <I> void logoutEverywhere(LoginFlow<I> flow, Object user) {
    flow.logoutEverywhere((I) user);
  }

  /** The 401 of RFC 6750 §3, as the filter chain answers it. */
  private ResponseEntity<Object> unauthenticated(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, Callers.challenge(callers.of(request)))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiProblems.problem(HttpStatus.UNAUTHORIZED, URI.create("about:blank"),
            "Unauthorized"));
  }

  @Override
  public String toString() {
    return "CallerApi";
  }
}
