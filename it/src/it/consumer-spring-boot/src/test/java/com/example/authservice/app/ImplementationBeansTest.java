package com.example.authservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.auth.CredentialException;
import com.example.authservice.auth.LoginFlow;
import com.example.authservice.auth.Pbkdf2;
import com.example.authservice.entity.User;
import com.example.authservice.repository.UserRepository;
import com.example.authservice.service.AuthResult;
import com.example.authservice.service.RequestContext;
import com.example.authservice.service.accountmanagement.DefaultSessionManagementService;
import com.example.authservice.service.accountmanagement.SessionManagementService;
import com.example.authservice.service.auditsecurity.FailedLoginTrackingService;
import com.example.authservice.service.auditsecurity.RateLimitingService;
import com.example.authservice.service.authentication.DefaultEmailPasswordLoginService;
import com.example.authservice.service.authentication.EmailPasswordLoginService;
import com.example.authservice.service.mfa.HardwareTokensService;
import com.example.authservice.service.mfa.MfaGracePeriodService;
import com.example.authservice.service.mfa.TotpService;
import com.example.authservice.service.passwordmanagement.PasswordBlacklistService;
import com.example.authservice.service.passwordmanagement.PasswordPoliciesService;
import com.example.authservice.spring.AuthSpecProperties;
import com.example.authservice.spring.AuthSpecUserDetailsPasswordService;
import com.example.authservice.spring.HttpApiReadiness;
import com.example.authservice.token.AccessTokenSettings;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The implementations' beans: the application declares only the secrets' keys (and replaces
 * the block list); login, policies, sessions and rate limits come from the auto-configuration,
 * and Spring Security's own DaoAuthenticationProvider authenticates and upgrades hashes.
 * The application also declares the access tokens' settings, which the implementations that
 * end credentials wait for (they deny the ended families' access tokens), but no key ring.
 */
@SpringBootTest(properties = {
    "spring.datasource.hikari.maximum-pool-size=2",
    "spring.datasource.hikari.connection-timeout=2000"})
class ImplementationBeansTest {
  private static final RequestContext HERE = new RequestContext("203.0.113.7", "it", null, null,
      Instant.now());

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    Servers.register(registry);
  }

  /** The access tokens' settings, without a key ring to sign them. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Settings {
    @Bean
    AccessTokenSettings accessTokenSettings() {
      return AccessTokenSettings.of("https://auth.example.com", "https://api.example.com");
    }
  }

  @Autowired ApplicationContext context;
  @Autowired UserRepository users;
  @Autowired DataSource dataSource;

  @AfterEach
  void poolIsIdle() {
    HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
    assertEquals(0, pool.getActiveConnections(), "connections still borrowed");
  }

  /**
   * This application declares no key ring, so the login flow, and the API over it, waits; the
   * start-up check names exactly that, not the beans it has.
   */
  @Test
  void anApiThatWaitsSaysForWhat() {
    assertEquals(0, context.getBeanNamesForType(LoginFlow.class).length);
    List<String> missing = context.getBean(HttpApiReadiness.class).missing();
    assertEquals(List.of("KeyRing"), missing);
  }

  @Test
  void everyImplementationWhoseSuppliesExistIsABeanAndTheOthersBackOff() {
    assertInstanceOf(DefaultSessionManagementService.class,
        context.getBean(SessionManagementService.class), "the @Primary parent of 3 refinements");
    assertEquals(4, context.getBeanNamesForType(SessionManagementService.class).length);
    assertEquals(1, context.getBeanNamesForType(MfaGracePeriodService.class).length);
    assertEquals(2, context.getBeanNamesForType(TotpService.class).length);
    assertEquals(0, context.getBeanNamesForType(HardwareTokensService.class).length,
        "no TokenSeeds bean: no hardware tokens");
    assertEquals(1, context.getBeanNamesForType(FailedLoginTrackingService.class).length,
        "failed-login tracking over the login-history bean it refines");
    assertEquals(3, context.getBean(AuthSpecProperties.class).getImplementations()
        .getPasswordHistory().getKeep(), "application.properties sets it");
    assertEquals(5, context.getBean(AuthSpecProperties.class).getImplementations()
        .getSessionManagement().getLimit(), "the default");
  }

  @Test
  void theApplicationsBlockListReplacesTheGeneratedOneAndThePolicyUsesIt() {
    assertEquals(List.of("myBlocklist"),
        List.of(context.getBeanNamesForType(PasswordBlacklistService.class)));
    assertFalse(context.containsBean("authSpecPasswordBlacklistService"));
    List<String> violations = context.getBean(PasswordPoliciesService.class)
        .violations(OwnBeans.BLOCKED.toCharArray(), HERE);
    assertFalse(violations.isEmpty(), "the application's list refuses it");
    CredentialException refused = assertThrows(CredentialException.class, () -> context
        .getBean(EmailPasswordLoginService.class).register("blocked@example.com",
            OwnBeans.BLOCKED.toCharArray(), HERE));
    assertEquals(CredentialException.POLICY, refused.reason());
    assertTrue(users.findByEmail("blocked@example.com").isEmpty());
  }

  @Test
  void emailPasswordLoginRegistersAndLogsInThroughTheSpringBean() {
    EmailPasswordLoginService login = context.getBean(EmailPasswordLoginService.class);
    assertInstanceOf(DefaultEmailPasswordLoginService.class, login);
    long id = login.register("lin@example.com", "a long enough passphrase".toCharArray(), HERE);
    AuthResult ok = login.login("lin@example.com", "a long enough passphrase".toCharArray(),
        HERE);
    assertEquals(AuthResult.Status.AUTHENTICATED, ok.status());
    assertEquals(id, ok.userId());
    assertEquals(AuthResult.Status.FAILED, login.login("lin@example.com",
        "a wrong passphrase, long".toCharArray(), HERE).status());
    assertThrows(CredentialException.class, () -> login.register("short@example.com",
        "short".toCharArray(), HERE), "the NIST policy: 15 characters without a second factor");
  }

  @Test
  void daoAuthenticationProviderAuthenticatesARegisteredUserAndUpgradesAnOutdatedHash() {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
        context.getBean(UserDetailsService.class));
    provider.setPasswordEncoder(context.getBean(PasswordEncoder.class));
    UserDetailsPasswordService passwords = context.getBean(UserDetailsPasswordService.class);
    assertInstanceOf(AuthSpecUserDetailsPasswordService.class, passwords);
    provider.setUserDetailsPasswordService(passwords);

    context.getBean(EmailPasswordLoginService.class).register("mo@example.com",
        "mo's long passphrase".toCharArray(), HERE);
    String registered = users.findByEmail("mo@example.com").orElseThrow().passwordHash();
    Authentication mo = provider.authenticate(UsernamePasswordAuthenticationToken
        .unauthenticated("mo@example.com", "mo's long passphrase"));
    assertTrue(mo.isAuthenticated());
    assertEquals(registered, users.findByEmail("mo@example.com").orElseThrow().passwordHash(),
        "a current hash stays");
    assertThrows(BadCredentialsException.class, () -> provider.authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated("mo@example.com", "wrong")));

    String outdated = new Pbkdf2(1_000).hash("old passphrase".toCharArray(), new SecureRandom());
    users.insert(User.builder().email("old@example.com").passwordHash(outdated).build());
    Authentication old = provider.authenticate(UsernamePasswordAuthenticationToken
        .unauthenticated("old@example.com", "old passphrase"));
    assertTrue(old.isAuthenticated());
    String upgraded = users.findByEmail("old@example.com").orElseThrow().passwordHash();
    assertNotEquals(outdated, upgraded);
    assertTrue(upgraded.startsWith("$pbkdf2-sha256$i=600000"), upgraded);
    assertEquals(AuthResult.Status.AUTHENTICATED, context.getBean(EmailPasswordLoginService.class)
        .login("old@example.com", "old passphrase".toCharArray(), HERE).status(),
        "the upgraded hash logs in through the implementation too: one format");
  }

  @Test
  void rateLimitsRunTheirScriptsOnBootsRedis() {
    RateLimitingService limits = context.getBean(RateLimitingService.class);
    String bucket = "ip:198.51.100.9";
    for (int i = 0; i < 60; i++) {
      assertTrue(limits.tryAcquire(bucket, HERE).allowed(), "request " + i);
    }
    assertFalse(limits.tryAcquire(bucket, HERE).allowed(), "limit 60 (the default) per "
        + "authspec.implementations.rate-limiting.period=1h (application.properties)");
  }
}
