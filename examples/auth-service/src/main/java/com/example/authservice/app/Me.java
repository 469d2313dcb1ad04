package com.example.authservice.app;

import com.example.authservice.repository.UserRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A protected endpoint of the application itself: who is calling. The generated filter chain
 * (AuthSpecAutoConfiguration's, as the application declares none) authenticates the bearer
 * access token or the session cookie the login API issued; the principal is the account's id.
 */
@RestController
public class Me {
  private final UserRepository users;

  public Me(UserRepository users) {
    this.users = users;
  }

  /**
   * The signed-in account.
   *
   * @param user the account's id, from the generated filter chain
   * @return its id and email, or 404 when it is gone
   */
  @GetMapping(path = "/api/me", produces = "application/json")
  public ResponseEntity<Map<String, Object>> me(@AuthenticationPrincipal Long user) {
    return users.findById(user).map(u -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", u.id());
      body.put("email", u.email());
      return ResponseEntity.ok(body);
    }).orElse(ResponseEntity.notFound().build());
  }
}
