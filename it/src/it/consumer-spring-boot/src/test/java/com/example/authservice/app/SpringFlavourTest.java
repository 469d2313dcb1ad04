package com.example.authservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.cache.AclKey;
import com.example.authservice.cache.LettuceKeyOperations;
import com.example.authservice.client.HttpNotificationsClient;
import com.example.authservice.client.NotificationsClient;
import com.example.authservice.client.StorageClient;
import com.example.authservice.entity.Role;
import com.example.authservice.entity.User;
import com.example.authservice.entity.UserRole;
import com.example.authservice.repository.LoginHistoryRepository;
import com.example.authservice.repository.RoleRepository;
import com.example.authservice.repository.SessionRepository;
import com.example.authservice.repository.UserRepository;
import com.example.authservice.repository.UserRoleRepository;
import com.example.authservice.service.Challenge;
import com.example.authservice.service.RequestContext;
import com.example.authservice.service.mfa.DefaultTotpService;
import com.example.authservice.service.mfa.TotpService;
import com.example.authservice.spring.AuthSpecAutoConfiguration;
import com.example.authservice.spring.AuthSpecProperties;
import com.example.authservice.spring.PhcPasswordEncoder;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generated auto-configuration in a real Boot application: Boot's Flyway applies the
 * migrations, repositories join {@code @Transactional}, a user's bean replaces a generated one,
 * Redis goes through Boot's Lettuce factory, and the pool is idle after every test (a pool of
 * two connections would be exhausted by a leak within the first test).
 */
@SpringBootTest(properties = {
    "spring.datasource.hikari.maximum-pool-size=2",
    "spring.datasource.hikari.connection-timeout=2000"})
class SpringFlavourTest {
  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    Servers.register(registry);
  }

  @Autowired ApplicationContext context;
  @Autowired Registration registration;
  @Autowired UserRepository users;
  @Autowired SessionRepository sessions;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void poolIsIdle() {
    HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
    assertEquals(0, pool.getActiveConnections(), "connections still borrowed");
    assertEquals(pool.getTotalConnections(), pool.getIdleConnections());
    assertTrue(pool.getTotalConnections() > 0);
  }

  @Test
  void flywayAppliedTheGeneratedMigrationsAndTheBeansAreTheGeneratedOnes() {
    Integer applied = jdbc.queryForObject(
        "select count(*) from flyway_schema_history where success and version = '1'",
        Integer.class);
    assertEquals(1, applied, "Boot's Flyway applied V1__create_schema.sql");
    assertTrue(context.containsBean("authSpecUserRepository"));
    assertEquals(0L, jdbc.queryForObject("select count(*) from users where email = 'nobody'",
        Long.class));
    assertTrue(context.getBean(AuthSpecProperties.class).isEnabled());
  }

  @Test
  void theAutoConfigurationIsRegisteredOnceNotAlsoByTheComponentScan() {
    List<String> parts = Arrays.stream(context.getBeanDefinitionNames())
        .filter(n -> n.contains("AuthSpecAutoConfiguration")).sorted().toList();
    assertEquals(1, context.getBeansOfType(AuthSpecAutoConfiguration.class).size(), "" + parts);
    assertEquals(List.of(
        "com.example.authservice.spring.AuthSpecAutoConfiguration",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$AccountOperationsApi",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$CallerSecurityChain",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$Clients",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$HttpApi",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$ImplementationScripts",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$Implementations",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$LoginFlowMetrics",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$Permissions",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$Redis",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$Repositories",
        "com.example.authservice.spring.AuthSpecAutoConfiguration$Security"), parts);
  }

  @Test
  void aTransactionThatThrowsAfterTwoRepositoryWritesLeavesNoRows() {
    long usersBefore = users.count();
    long sessionsBefore = sessions.count();
    assertThrows(IllegalStateException.class,
        () -> registration.register("rolled-back@example.com", true));
    assertEquals(usersBefore, users.count());
    assertEquals(sessionsBefore, sessions.count());
    assertTrue(users.findByEmail("rolled-back@example.com").isEmpty());

    User kept = registration.register("kept@example.com", false);
    assertEquals(usersBefore + 1, users.count(), "the same call without the failure commits");
    assertEquals(sessionsBefore + 1, sessions.count());
    assertEquals(1, sessions.findByUserId(kept.id()).size());
  }

  @Test
  void aRepositoryWriteIsVisibleToJdbcTemplateInsideTheSameTransactionOnly() {
    Long seen = transactions.execute(status -> {
      users.insert(User.builder().email("in-tx@example.com").build());
      status.setRollbackOnly();
      return jdbc.queryForObject("select count(*) from users where email = 'in-tx@example.com'",
          Long.class);
    });
    assertEquals(1L, seen, "JdbcTemplate saw the uncommitted row: one connection");
    assertTrue(users.findByEmail("in-tx@example.com").isEmpty(), "rolled back");
    for (int i = 0; i < 20; i++) {
      users.count();
    }
  }

  @Test
  void theApplicationsOwnRepositoryBeanReplacesTheGeneratedOne() {
    assertFalse(context.containsBean("authSpecLoginHistoryRepository"));
    assertEquals(List.of("myLoginHistory"),
        List.of(context.getBeanNamesForType(LoginHistoryRepository.class)));
    assertEquals(0L, context.getBean(LoginHistoryRepository.class).count());
  }

  @Test
  void redisKeysGoThroughBootsLettuceConnectionWithTheirTtl() {
    LettuceKeyOperations redis = context.getBean(LettuceKeyOperations.class);
    AclKey key = new AclKey(42L, "doc:1");
    redis.set(key, "read");
    assertEquals("read", redis.get(key, String.class).orElseThrow());
    Long ttl = context.getBean(StringRedisTemplate.class).getExpire(key.key());
    assertTrue(ttl > 0 && ttl <= 120, "TTL from the spec, seen through Boot's own template");
  }

  @Test
  void clientsExistForServicesWithABaseUrl() {
    assertInstanceOf(HttpNotificationsClient.class, context.getBean(NotificationsClient.class));
    assertEquals(Duration.ofSeconds(3), context.getBean(AuthSpecProperties.class).getClients()
        .getNotificationsService().getRequestTimeout());
    assertEquals(0, context.getBeanNamesForType(StorageClient.class).length);
  }

  @Test
  void springSecurityReadsUsersRolesAndStoredHashes() {
    PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
    assertInstanceOf(PhcPasswordEncoder.class, encoder);
    String hash = encoder.encode("correct horse");
    User ada = users.insert(User.builder().email("ada@example.com").passwordHash(hash)
        .lockoutUntil(LocalDateTime.now().plusHours(1)).build());
    Role admin = context.getBean(RoleRepository.class)
        .insert(Role.builder().name("admin").build());
    context.getBean(UserRoleRepository.class)
        .insert(UserRole.builder().userId(ada.id()).roleId(admin.id()).build());

    UserDetails details = context.getBean(UserDetailsService.class)
        .loadUserByUsername("ada@example.com");
    assertEquals(hash, details.getPassword());
    assertTrue(encoder.matches("correct horse", details.getPassword()));
    assertFalse(encoder.matches("wrong horse", details.getPassword()));
    assertFalse(details.isAccountNonLocked(), "lockout_until is ahead");
    assertTrue(details.isEnabled());
    assertEquals(List.of("ROLE_admin"), details.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).toList());
    assertThrows(UsernameNotFoundException.class, () -> context.getBean(
        UserDetailsService.class).loadUserByUsername("nobody@example.com"));
  }

  @Test
  void theTotpImplementationIsABeanOverTheApplicationsDatabaseAndSecretBox() {
    TotpService totp = context.getBean(TotpService.class);
    assertInstanceOf(DefaultTotpService.class, totp);
    User grace = users.insert(User.builder().email("grace@example.com").build());
    Challenge challenge = totp.enroll(grace.id(),
        new RequestContext("127.0.0.1", "it", null, null, Instant.now()));
    assertTrue(challenge.payload().startsWith("otpauth://totp/"), challenge.payload());
    assertTrue(challenge.payload().contains("&issuer=Auth%20Service&"),
        "the issuer is authspec.implementations.totp.issuer, by default the spec's project "
            + "name: "
            + challenge.payload());
  }
}
