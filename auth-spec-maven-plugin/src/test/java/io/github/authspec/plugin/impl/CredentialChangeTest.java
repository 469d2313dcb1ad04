package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import java.lang.reflect.Constructor;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A credential change ends the account's other credentials, through the one generated
 * {@code Credentials}: after a password change or logout everywhere, no session validates, no
 * refresh token of the account rotates and no remember-me cookie signs in; another account's
 * credentials live on. API keys end with a reset (SecretImplementationTest) but not with a
 * change or a logout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialChangeTest {
  private static final String OLD = "correct horse battery staple";
  private static final String NEW = "another good passphrase here";
  private final SecureRandom random = new SecureRandom();
  private DataSource db;
  private MutableClock clock;
  private Object login;
  private Object logout;
  private Object refresh;
  private Object remember;
  private Object keys;

  @BeforeAll
  void start() throws ReflectiveOperationException {
    db = Generated.database("impl_credential_change");
    clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    Object none = java.lang.reflect.Array.newInstance(Generated.type("auth.PasswordAlgorithm"), 0);
    Object hasher = Generated.create("auth.PasswordHasher", random,
        Generated.passwordAlgorithm(1_000), none);
    Object policies = Generated.create(
        "service.passwordmanagement.DefaultPasswordPoliciesService", db, false,
        Generated.create("service.passwordmanagement.DefaultPasswordBlacklistService", db));
    login = Generated.create("service.authentication.DefaultEmailPasswordLoginService", db, clock,
        hasher, policies, Generated.scripts(), Generated.accessTokens());
    byte[] handleKey = new byte[32];
    random.nextBytes(handleKey);
    logout = Generated.create("service.accountmanagement.DefaultLogoutService", db, handleKey,
        clock, Duration.ofMinutes(30), Duration.ofHours(8), 5, Generated.scripts(),
        Generated.accessTokens());
    remember = Generated.create(Generated.className("DefaultRememberMeService"), db, clock,
        random, Duration.ofDays(30));
    keys = Generated.create(Generated.className("DefaultApiKeyAuthService"), db, clock, random);
    Class<?> store = Generated.type("token.RefreshTokens");
    Object table = Generated.type("token.RefreshTokens$Table").getMethod("conventional")
        .invoke(null);
    Constructor<?> ctor = store.getConstructor(DataSource.class, table.getClass(),
        java.time.Clock.class, SecureRandom.class);
    refresh = ctor.newInstance(db, table, clock, random);
  }

  /** Every credential an account can hold here, issued now. */
  private record Held(String session, String refreshToken, String cookie, String apiKey) {}

  private Held issue(long user) {
    Object context = Generated.context();
    Object issued = Generated.call(refresh, "issue", user);
    return new Held((String) Generated.call(logout, "create", user, context),
        (String) Generated.call(issued, "token"),
        (String) Generated.call(remember, "issue", user, context),
        (String) Generated.call(keys, "createKey", user, "ci", Set.of("read"),
            Optional.empty()));
  }

  private void assertEnded(Held held, boolean apiKeyKept) {
    Object context = Generated.context();
    assertThat(Generated.call(logout, "validate", held.session(), context)).as("session")
        .isEqualTo(Optional.empty());
    assertThat(Generated.call(Generated.call(refresh, "rotate", held.refreshToken()), "outcome"))
        .as("refresh token").hasToString("REVOKED");
    assertThat(Generated.call(remember, "authenticate", held.cookie(), context))
        .as("remember-me").isEqualTo(Optional.empty());
    assertThat(((Optional<?>) Generated.call(keys, "authenticate", held.apiKey(), context))
        .isPresent()).as("API key kept").isEqualTo(apiKeyKept);
  }

  private void assertLive(Held held, long user) {
    Object context = Generated.context();
    assertThat(Generated.call(logout, "validate", held.session(), context))
        .isEqualTo(Optional.of(user));
    assertThat(Generated.call(Generated.call(refresh, "rotate", held.refreshToken()), "outcome"))
        .hasToString("ROTATED");
    assertThat(Generated.call(remember, "authenticate", held.cookie(), context))
        .isEqualTo(Optional.of(user));
  }

  @Test
  @DisplayName("a password change ends the account's sessions, refresh families and remember-me "
      + "series, keeps its API keys, and leaves another account alone")
  void passwordChangeEndsTheOthers() {
    long user = (long) Generated.call(login, "register", "change@example.com", OLD.toCharArray(),
        Generated.context());
    long bystander = (long) Generated.call(login, "register", "bystander@example.com",
        OLD.toCharArray(), Generated.context());
    Held held = issue(user);
    Held other = issue(bystander);
    Generated.call(login, "changePassword", user, OLD.toCharArray(), NEW.toCharArray(),
        Generated.context());
    assertEnded(held, true);
    assertLive(other, bystander);
  }

  @Test
  @DisplayName("with the deny-list, an access token issued before a password change, a "
      + "suspension or logout everywhere is refused afterwards; another account's stays valid")
  void accessTokensEndWithTheChange() {
    Object jwt = Generated.deniedJwt(db, clock);
    long user = (long) Generated.call(login, "register", "denied@example.com", OLD.toCharArray(),
        Generated.context());
    long bystander = Generated.user(db, "denied-bystander@example.com");
    String token = Generated.accessToken(jwt, user);
    String other = Generated.accessToken(jwt, bystander);
    assertThat(Generated.call(jwt, "verifyAccessToken", token)).isEqualTo(Optional.of(user));
    clock.advance(Duration.ofSeconds(1));
    Generated.call(login, "changePassword", user, OLD.toCharArray(), NEW.toCharArray(),
        Generated.context());
    assertThat(Generated.call(jwt, "verifyAccessToken", token)).as("after a password change")
        .isEqualTo(Optional.empty());
    assertThat(Generated.call(jwt, "verifyAccessToken", other)).as("another account's")
        .isEqualTo(Optional.of(bystander));
    String again = Generated.accessToken(jwt, user);
    clock.advance(Duration.ofSeconds(1));
    Generated.call(logout, "logoutEverywhere", user);
    assertThat(Generated.call(jwt, "verifyAccessToken", again)).as("after logout everywhere")
        .isEqualTo(Optional.empty());
    Object suspension = Generated.create(Generated.className("DefaultAccountSuspensionService"),
        Generated.unimplemented(Generated.className("UserProfileCrudService")), db, clock,
        Generated.scripts(), Generated.accessTokens());
    clock.advance(Duration.ofSeconds(1));
    Generated.call(suspension, "suspend", bystander, Optional.of(clock.instant().plus(
        Duration.ofDays(1))), "abuse", user);
    assertThat(Generated.call(jwt, "verifyAccessToken", other)).as("after a suspension")
        .isEqualTo(Optional.empty());
  }

  @Test
  @DisplayName("logout everywhere ends sessions, refresh families and remember-me series, not API "
      + "keys")
  void logoutEverywhereEndsEveryLogin() {
    long user = Generated.user(db, "everywhere@example.com");
    Held held = issue(user);
    Generated.call(logout, "logoutEverywhere", user);
    assertEnded(held, true);
  }
}
