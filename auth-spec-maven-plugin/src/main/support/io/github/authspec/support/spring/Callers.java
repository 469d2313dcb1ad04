package io.github.authspec.support.spring;

import io.github.authspec.support.auth.LoginFlow;
import io.github.authspec.support.auth.LoginSteps;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: the one place a request's credential is read, for the security filter chain
 * and for controllers alike. A request is authenticated by exactly one credential:
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <access token>} (RFC 6750 §2.1), verified by the flow
 *       (signature with the pinned algorithm, issuer, audience, expiry, and the deny-list when
 *       the service has one). A presented token that is refused makes the request
 *       {@link Refused}: the session cookie is not tried instead, so a client learns that its
 *       token is bad ({@code error="invalid_token"}). Another scheme is not this service's and
 *       is ignored;
 *   <li>else the {@code __Host-session} cookie, validated against the sessions table on every
 *       request, so a logout ends it at once.
 * </ul>
 *
 * <p>Cross-site request forgery: a browser attaches the cookie on its own, never a bearer
 * token, so only the cookie needs a defence, and it has two. The cookie is
 * {@code SameSite=Strict}: no other site's request carries it. And it does not authenticate a
 * POST not typed as JSON, the one state-changing request an HTML form or a "simple" fetch (of
 * a sibling subdomain, say, which SameSite counts as the same site) can send without a CORS
 * preflight; a JSON POST and the other methods need the preflight, which the service answers
 * with no CORS grant unless the application configures one. A cookie client therefore sends
 * {@code Content-Type: application/json} with every POST, a body or not. So no CSRF token is
 * needed, as for {@link LoginApi}.
 *
 * <p>A request's caller is worked out once and kept as a request attribute, so a controller
 * behind the filter chain does not verify the token again.
 */
public final class Callers {
  private static final String ATTRIBUTE = Callers.class.getName();
  private static final String BEARER = "bearer ";

  /** Who a request comes from. */
  public sealed interface Caller {
  }

  /** No credential (or an ended session). */
  public record Anonymous() implements Caller {
  }

  /** A bearer token was presented and refused. */
  public record Refused() implements Caller {
  }

  /**
   * An account, by the credential that proved it.
   *
   * @param userId the account's id (the principal)
   * @param sessionId the session's id when the credential was the session cookie, else null
   */
  public record Signed(Object userId, Long sessionId) implements Caller {
    /**
     * Whether the session cookie, which a browser sends on its own, proved the caller.
     *
     * @return true for the cookie, false for a bearer token
     */
    public boolean byCookie() {
      return sessionId != null;
    }
  }

  private final LoginFlow<?> flow;

  /**
   * The callers of a flow's credentials.
   *
   * @param flow the login flow that issued them
   */
  public Callers(LoginFlow<?> flow) {
    this.flow = Objects.requireNonNull(flow, "flow");
  }

  /**
   * The request's caller, worked out once per request.
   *
   * @param request the request
   * @return the caller
   */
  public Caller of(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof Caller known) {
      return known;
    }
    Caller caller = resolve(request);
    request.setAttribute(ATTRIBUTE, caller);
    return caller;
  }

  private Caller resolve(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.length() > BEARER.length()
        && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return signed(flow.bearer(authorization.substring(BEARER.length()).strip()))
          .orElse(new Refused());
    }
    if (!forgeable(request)) {
      return signed(flow.session(sessionCookie(request))).orElse(new Anonymous());
    }
    return new Anonymous();
  }

  /**
   * Whether another site could have made the browser send this request with its cookie: a
   * POST not typed as JSON, which an HTML form (urlencoded, multipart or plain text) or a
   * "simple" cross-origin fetch can send. A JSON type, like PUT, PATCH and DELETE, makes a
   * cross-origin request need a CORS preflight, so only such a POST is forgeable; the cookie
   * does not authenticate it.
   */
  private static boolean forgeable(HttpServletRequest request) {
    if (!"POST".equalsIgnoreCase(request.getMethod())) {
      return false;
    }
    String type = request.getContentType();
    if (type == null) {
      // A body-less POST without a type is a "simple" cross-origin request: no preflight.
      return true;
    }
    String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return !(media.equals("application/json") || media.startsWith("application/")
        && media.endsWith("+json"));
  }

  private static Optional<Caller> signed(Optional<? extends LoginSteps.Signed<?>> signed) {
    return signed.map(s -> new Signed(s.userId(), s.sessionId()));
  }

  /**
   * The {@code WWW-Authenticate} challenge of a 401 (RFC 6750 §3): {@code error="invalid_token"}
   * when a bearer token was presented and refused, else the bare scheme, which tells the client
   * that a token is needed without saying more.
   *
   * @param caller the refused caller
   * @return the header's value
   */
  public static String challenge(Caller caller) {
    return caller instanceof Refused ? "Bearer error=\"invalid_token\"" : "Bearer";
  }

  /**
   * The session cookie's value, or null.
   *
   * @param request the request
   * @return the handle
   */
  static String sessionCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (c.getName().equals(LoginApi.SESSION_COOKIE) && !c.getValue().isEmpty()) {
        return c.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Callers";
  }
}
