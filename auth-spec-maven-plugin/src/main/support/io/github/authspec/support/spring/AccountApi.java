package io.github.authspec.support.spring;

import io.github.authspec.support.auth.CredentialException;
import io.github.authspec.support.auth.LoginFlow;
import io.github.authspec.support.auth.LoginOutcome;
import io.github.authspec.support.auth.LoginSteps;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account operations that need no signed-in caller, over HTTP beside {@link LoginApi}:
 * registration, e-mail verification, password reset, magic links, the confirmation of an
 * address change and the acceptance of an invitation, each offered only when the service has its feature (the others answer 404, as
 * a path the service does not have).
 *
 * <p>No answer tells whether an account has an address: a registration is accepted (202) with
 * the same body whether or not the address was taken, a reset or a magic link is accepted
 * whether or not anyone has the address, and every refused token (unknown, used, expired) is
 * the one 401 problem of the login API. Each operation spends the login flow's address rate
 * limit first (and, when it takes an address, the typed account's): a 429 problem with
 * {@code Retry-After}. A magic link is one factor: its completion continues the login flow
 * after the password step ({@link LoginFlow#loginProven}) and answers as {@code /auth/login}.
 *
 * <p>JSON bodies only (415 otherwise), RFC 9457 problems ({@link ApiProblems}); secrets are never
 * in a record's {@code toString}. Abstract, as {@link LoginApi} is: a bean of a subclass is the
 * controller.
 */
@RestController
@RequestMapping(path = "/auth", consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
public abstract class AccountApi {
  /** The body of every accepted request: the same whatever happened behind it. */
  private static final Map<String, String> ACCEPTED = Map.of("status", "accepted");

  /** Registers an account; throws {@link CredentialException} when it cannot. */
  @FunctionalInterface
  public interface Registration {
    /**
     * Registers, and sends what a new account gets (the verification mail).
     *
     * @param email the address typed
     * @param password the password
     * @param client who is calling
     */
    void register(String email, char[] password, LoginSteps.Client client);
  }

  /** Uses a single-use token. */
  @FunctionalInterface
  public interface TokenUse {
    /**
     * Uses {@code token} once.
     *
     * @param token the token as mailed
     * @param client who is calling
     * @return false when refused (unknown, used, expired), whatever the reason
     */
    boolean use(String token, LoginSteps.Client client);
  }

  /** Sends a mail to an address, or nothing when no account has it. */
  @FunctionalInterface
  public interface Mailing {
    /**
     * Sends, answering the same whether or not an account has the address.
     *
     * @param email the address typed
     * @param client who is calling
     */
    void send(String email, LoginSteps.Client client);
  }

  /**
   * Uses a single-use token with a password: completes a reset (and ends the account's sessions
   * and refresh tokens) or accepts an invitation. Throws {@link CredentialException} for a
   * password against the rules; any other credential problem (an invited address taken
   * meanwhile) is the refusal.
   */
  @FunctionalInterface
  public interface TokenPassword {
    /**
     * Uses {@code token} once with {@code password}.
     *
     * @param token the token as mailed
     * @param password the new password
     * @param client who is calling
     * @return false when the token is refused, whatever the reason
     */
    boolean use(String token, char[] password, LoginSteps.Client client);
  }

  /** Sends a magic link, or nothing when no account has the address. */
  @FunctionalInterface
  public interface LinkMailing {
    /**
     * Sends a link to {@code redirectTo} carrying a single-use token.
     *
     * @param email the address typed
     * @param redirectTo where the link leads (on the allow-list)
     * @param client who is calling
     */
    void send(String email, URI redirectTo, LoginSteps.Client client);
  }

  /** Signs in with a magic link's token through the login flow. */
  @FunctionalInterface
  public interface LinkLogin {
    /**
     * Consumes the token and continues the login flow with its account.
     *
     * @param token the token as mailed
     * @param client who is calling
     * @return the flow's outcome
     */
    LoginOutcome login(String token, LoginSteps.Client client);
  }

  /**
   * Where a magic link may lead: exact matches only (no prefix, no pattern), as OWASP asks. An
   * application declares a bean of it; without one no redirect is allowed.
   *
   * @param allowed the absolute URIs a link may lead to
   */
  public record Redirects(Set<URI> allowed) {
    /**
     * Keeps a copy.
     *
     * @throws IllegalArgumentException when a URI is not absolute or has a fragment (a link
     *     appends its token as a query parameter)
     */
    public Redirects {
      allowed = Set.copyOf(allowed);
      for (URI uri : allowed) {
        if (!uri.isAbsolute() || uri.getRawFragment() != null) {
          throw new IllegalArgumentException("a redirect must be absolute, without fragment: "
              + uri);
        }
      }
    }

    boolean allows(URI uri) {
      return allowed.contains(uri);
    }
  }

  /**
   * The operations the service has; null is absent.
   *
   * @param registration {@code /auth/register}
   * @param verification {@code /auth/email/verify}
   * @param resetMail {@code /auth/password/reset}
   * @param reset {@code /auth/password/reset/confirm}
   * @param linkMail {@code /auth/magic-link}
   * @param linkLogin {@code /auth/magic-link/complete}
   * @param emailChange {@code /auth/email/change/confirm}
   * @param invitations {@code /auth/invitations/accept}
   * @param redirects where magic links may lead
   */
  public record Operations(Registration registration, TokenUse verification, Mailing resetMail,
      TokenPassword reset, LinkMailing linkMail, LinkLogin linkLogin, TokenUse emailChange,
      TokenPassword invitations, Redirects redirects) {
    /** None yet: add each with its {@code with} method. */
    public Operations() {
      this(null, null, null, null, null, null, null, null, new Redirects(Set.of()));
    }

    /**
     * With registration.
     *
     * @param r registers
     * @return the operations
     */
    public Operations withRegistration(Registration r) {
      return new Operations(r, verification, resetMail, reset, linkMail, linkLogin, emailChange,
          invitations, redirects);
    }

    /**
     * With e-mail verification.
     *
     * @param v verifies
     * @return the operations
     */
    public Operations withVerification(TokenUse v) {
      return new Operations(registration, v, resetMail, reset, linkMail, linkLogin, emailChange,
          invitations, redirects);
    }

    /**
     * With password reset.
     *
     * @param mail sends the reset mail
     * @param r completes a reset
     * @return the operations
     */
    public Operations withReset(Mailing mail, TokenPassword r) {
      return new Operations(registration, verification, mail, r, linkMail, linkLogin,
          emailChange, invitations, redirects);
    }

    /**
     * With magic links.
     *
     * @param mail sends a link
     * @param login signs in with one
     * @param to where a link may lead
     * @return the operations
     */
    public Operations withMagicLinks(LinkMailing mail, LinkLogin login, Redirects to) {
      return new Operations(registration, verification, resetMail, reset, mail, login,
          emailChange, invitations, Objects.requireNonNull(to, "redirects"));
    }

    /**
     * With the confirmation of an address change.
     *
     * @param confirm confirms
     * @return the operations
     */
    public Operations withEmailChange(TokenUse confirm) {
      return new Operations(registration, verification, resetMail, reset, linkMail, linkLogin,
          confirm, invitations, redirects);
    }

    /**
     * With the acceptance of invitations.
     *
     * @param accept creates the invited account with its password
     * @return the operations
     */
    public Operations withInvitations(TokenPassword accept) {
      return new Operations(registration, verification, resetMail, reset, linkMail, linkLogin,
          emailChange, accept, redirects);
    }
  }

  /**
   * An address and a password.
   *
   * @param email the address
   * @param password the password
   */
  public record Registering(String email, String password) {
    @Override
    public String toString() {
      return "Registering[<redacted>]";
    }
  }

  /**
   * An address.
   *
   * @param email the address
   */
  public record Address(String email) {
    @Override
    public String toString() {
      return "Address[<redacted>]";
    }
  }

  /**
   * An address and where its magic link leads.
   *
   * @param email the address
   * @param redirectTo the link's target, on the allow-list
   */
  public record LinkRequest(String email, String redirectTo) {
    @Override
    public String toString() {
      return "LinkRequest[<redacted>]";
    }
  }

  /**
   * A single-use token as mailed.
   *
   * @param token the token
   */
  public record Mailed(String token) {
    @Override
    public String toString() {
      return "Mailed[<redacted>]";
    }
  }

  /**
   * A reset or invitation token and the new password.
   *
   * @param token the token as mailed
   * @param newPassword the new password
   */
  public record NewPassword(String token, String newPassword) {
    @Override
    public String toString() {
      return "NewPassword[<redacted>]";
    }
  }

  private final LoginFlow<?> flow;
  private final Operations operations;

  /**
   * The API over the operations the service has.
   *
   * @param flow the login flow, whose rate limits every operation spends
   * @param operations the operations; an absent one answers 404
   */
  protected AccountApi(LoginFlow<?> flow, Operations operations) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.operations = Objects.requireNonNull(operations, "operations");
  }

  /**
   * Registers an account: 202 with the same body whether or not the address was taken.
   *
   * @param body the address and password
   * @param request the caller
   * @return 202, a rejected password (422), a malformed address (400) or a limit (429)
   */
  @PostMapping("/register")
  public ResponseEntity<Object> register(@RequestBody Registering body,
      HttpServletRequest request) {
    Registration registration = operations.registration();
    if (registration == null) {
      return absent();
    }
    String email = required(body.email());
    char[] password = required(body.password()).toCharArray();
    try {
      return limited(email, request).orElseGet(() -> {
        try {
          registration.register(email, password, client(request));
        } catch (CredentialException e) {
          return rejected(e, CredentialException.EMAIL_TAKEN);
        }
        return accepted();
      });
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * Verifies an address with the mailed token.
   *
   * @param body the token
   * @param request the caller
   * @return 204, the refusal (401) or a limit (429)
   */
  @PostMapping("/email/verify")
  public ResponseEntity<Object> verifyEmail(@RequestBody Mailed body,
      HttpServletRequest request) {
    return token(operations.verification(), body, request);
  }

  /**
   * Confirms an address change with the token mailed to the new address.
   *
   * @param body the token
   * @param request the caller
   * @return 204, the refusal (401) or a limit (429)
   */
  @PostMapping("/email/change/confirm")
  public ResponseEntity<Object> confirmEmailChange(@RequestBody Mailed body,
      HttpServletRequest request) {
    return token(operations.emailChange(), body, request);
  }

  /**
   * Starts a password reset: 202 whether or not an account has the address.
   *
   * @param body the address
   * @param request the caller
   * @return 202 or a limit (429)
   */
  @PostMapping("/password/reset")
  public ResponseEntity<Object> startReset(@RequestBody Address body,
      HttpServletRequest request) {
    Mailing mail = operations.resetMail();
    if (mail == null) {
      return absent();
    }
    String email = required(body.email());
    return limited(email, request).orElseGet(() -> {
      mail.send(email, client(request));
      return accepted();
    });
  }

  /**
   * Completes a password reset; the account's sessions and refresh tokens end.
   *
   * @param body the token and the new password
   * @param request the caller
   * @return 204, the refusal (401), a rejected password (422) or a limit (429)
   */
  @PostMapping("/password/reset/confirm")
  public ResponseEntity<Object> reset(@RequestBody NewPassword body,
      HttpServletRequest request) {
    return tokenPassword(operations.reset(), body, request);
  }

  /**
   * Accepts an invitation: creates the invited account with its password.
   *
   * @param body the invitation's token and the password
   * @param request the caller
   * @return 204, the refusal (401), a rejected password (422) or a limit (429)
   */
  @PostMapping("/invitations/accept")
  public ResponseEntity<Object> acceptInvitation(@RequestBody NewPassword body,
      HttpServletRequest request) {
    return tokenPassword(operations.invitations(), body, request);
  }

  private ResponseEntity<Object> tokenPassword(TokenPassword use, NewPassword body,
      HttpServletRequest request) {
    if (use == null) {
      return absent();
    }
    String token = required(body.token());
    char[] password = required(body.newPassword()).toCharArray();
    try {
      return limited(null, request).orElseGet(() -> {
        try {
          return use.use(token, password, client(request)) ? done() : refused();
        } catch (CredentialException e) {
          return e.reason().equals(CredentialException.POLICY) ? rejected(e, null) : refused();
        }
      });
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * Mails a magic link: 202 whether or not an account has the address; a redirect off the
   * allow-list is a 400 problem, before anything is looked up.
   *
   * @param body the address and the link's target
   * @param request the caller
   * @return 202, 400 or a limit (429)
   */
  @PostMapping("/magic-link")
  public ResponseEntity<Object> sendMagicLink(@RequestBody LinkRequest body,
      HttpServletRequest request) {
    LinkMailing mail = operations.linkMail();
    if (mail == null) {
      return absent();
    }
    String email = required(body.email());
    URI target = redirect(required(body.redirectTo()));
    if (target == null || !operations.redirects().allows(target)) {
      return ApiProblems.response(LoginApi.problem(HttpStatus.BAD_REQUEST,
          "redirect-not-allowed", "The redirect is not on the allow-list"));
    }
    return limited(email, request).orElseGet(() -> {
      mail.send(email, target, client(request));
      return accepted();
    });
  }

  /**
   * Signs in with a magic link's token: the login flow after its password step, so the answer
   * is {@code /auth/login}'s (a second factor when the account has one, a session, ...).
   *
   * @param body the token
   * @param request the caller
   * @return as {@code /auth/login}
   */
  @PostMapping("/magic-link/complete")
  public ResponseEntity<Object> completeMagicLink(@RequestBody Mailed body,
      HttpServletRequest request) {
    LinkLogin login = operations.linkLogin();
    if (login == null) {
      return absent();
    }
    return LoginApi.answer(login.login(required(body.token()), client(request)));
  }

  private ResponseEntity<Object> token(TokenUse use, Mailed body, HttpServletRequest request) {
    if (use == null) {
      return absent();
    }
    String token = required(body.token());
    return limited(null, request).orElseGet(() ->
        use.use(token, client(request)) ? done() : refused());
  }

  /** The flow's limit for this caller (and address), as its 429 answer. */
  private Optional<ResponseEntity<Object>> limited(String email, HttpServletRequest request) {
    return flow.limit(email, client(request)).map(LoginApi::answer);
  }

  /**
   * A credential refused: a password against the rules is 422, an address that is not one
   * 400; the reason {@code same} (an address taken) is accepted, as a new account is.
   */
  private static ResponseEntity<Object> rejected(CredentialException e, String same) {
    if (e.reason().equals(same)) {
      return accepted();
    }
    if (e.reason().equals(CredentialException.POLICY)) {
      return LoginApi.answer(new LoginOutcome.PasswordRejected(e.violations()));
    }
    if (e.reason().equals(CredentialException.INVALID_EMAIL)) {
      return ApiProblems.response(LoginApi.problem(HttpStatus.BAD_REQUEST, "invalid-email",
          "The address is not an e-mail address"));
    }
    throw e;
  }

  private static ResponseEntity<Object> accepted() {
    return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(ACCEPTED);
  }

  private static ResponseEntity<Object> done() {
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<Object> refused() {
    return LoginApi.answer(LoginOutcome.REFUSED);
  }

  private static ResponseEntity<Object> absent() {
    return LoginApi.absent();
  }

  private static URI redirect(String text) {
    try {
      return new URI(text);
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static LoginSteps.Client client(HttpServletRequest request) {
    return LoginApi.client(request);
  }

  private static String required(String value) {
    return LoginApi.required(value);
  }

  @Override
  public String toString() {
    return "AccountApi";
  }
}
