package io.github.authspec.support.spring;

import io.github.authspec.support.auth.LoginFlow;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token revocation (RFC 7009) at {@code POST /auth/revoke}: a form with the refresh token ends
 * its family, as a logout does. The answer is 200 whether or not the token was live, so it tells
 * nothing about tokens; only a request without a token is refused (400 {@code invalid_request},
 * RFC 6749 §5.2). No client authentication: revoking a token takes knowing it, and that is all
 * it does. A form, unlike the login API, since the RFC says so; a cross-site form could only end
 * a token its author already holds. Abstract, as {@link LoginApi} is.
 */
@RestController
public abstract class TokenRevocationApi {
  private final LoginFlow<?> flow;

  /**
   * Revocation over a flow.
   *
   * @param flow the login flow of the service
   */
  protected TokenRevocationApi(LoginFlow<?> flow) {
    this.flow = Objects.requireNonNull(flow, "flow");
  }

  /**
   * Revokes a refresh token's family.
   *
   * @param token the token
   * @param hint {@code refresh_token} or {@code access_token}; the only tokens this service
   *     revokes are refresh tokens, so the hint changes nothing
   * @return 200, or 400 without a token
   */
  @PostMapping(path = "/auth/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public ResponseEntity<Object> revoke(
      @RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "token_type_hint", required = false) String hint) {
    if (token == null || token.isEmpty()) {
      return ResponseEntity.badRequest().cacheControl(CacheControl.noStore())
          .contentType(MediaType.APPLICATION_JSON).body(Map.of("error", "invalid_request"));
    }
    flow.logout(null, token);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
  }

  @Override
  public String toString() {
    return "TokenRevocationApi";
  }
}
