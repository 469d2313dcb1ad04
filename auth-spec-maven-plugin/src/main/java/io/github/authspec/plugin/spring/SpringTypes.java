package io.github.authspec.plugin.spring;

import com.palantir.javapoet.ClassName;

/**
 * The Spring types the flavour names. Only types that sit in the same package in Spring Boot 3.5
 * and 4.0 appear here: auto-configurations of other modules, which moved in 4.0, are named by
 * strings (both names) in {@code afterName}/{@code beforeName}, where Boot ignores absent ones.
 */
final class SpringTypes {
  private static final String CONDITION = "org.springframework.boot.autoconfigure.condition";

  static final ClassName AUTO_CONFIGURATION = ClassName.get(
      "org.springframework.boot.autoconfigure", "AutoConfiguration");
  static final ClassName CONDITIONAL_ON_PROPERTY = ClassName.get(CONDITION,
      "ConditionalOnProperty");
  static final ClassName CONDITIONAL_ON_MISSING_BEAN = ClassName.get(CONDITION,
      "ConditionalOnMissingBean");
  static final ClassName CONDITIONAL_ON_BEAN = ClassName.get(CONDITION, "ConditionalOnBean");
  static final ClassName CONDITIONAL_ON_CLASS = ClassName.get(CONDITION, "ConditionalOnClass");
  static final ClassName CONDITIONAL_ON_SINGLE_CANDIDATE = ClassName.get(CONDITION,
      "ConditionalOnSingleCandidate");
  static final ClassName ENABLE_CONFIGURATION_PROPERTIES = ClassName.get(
      "org.springframework.boot.context.properties", "EnableConfigurationProperties");
  static final ClassName DEPENDS_ON_DATABASE_INITIALIZATION = ClassName.get(
      "org.springframework.boot.sql.init.dependency", "DependsOnDatabaseInitialization");
  static final ClassName IMPORT = ClassName.get("org.springframework.context.annotation",
      "Import");
  static final ClassName BEAN = ClassName.get("org.springframework.context.annotation", "Bean");
  static final ClassName OBJECT_PROVIDER = ClassName.get("org.springframework.beans.factory",
      "ObjectProvider");
  static final ClassName TRANSACTION_AWARE_DATA_SOURCE_PROXY = ClassName.get(
      "org.springframework.jdbc.datasource", "TransactionAwareDataSourceProxy");
  static final ClassName LETTUCE_CONNECTION_FACTORY = ClassName.get(
      "org.springframework.data.redis.connection.lettuce", "LettuceConnectionFactory");
  static final ClassName LETTUCE_REDIS_CLIENT = ClassName.get("io.lettuce.core", "RedisClient");
  static final ClassName LETTUCE_ABSTRACT_CLIENT = ClassName.get("io.lettuce.core",
      "AbstractRedisClient");
  static final ClassName USER_DETAILS_SERVICE = ClassName.get(
      "org.springframework.security.core.userdetails", "UserDetailsService");
  static final ClassName USER_DETAILS_PASSWORD_SERVICE = ClassName.get(
      "org.springframework.security.core.userdetails", "UserDetailsPasswordService");
  static final ClassName PRIMARY = ClassName.get("org.springframework.context.annotation",
      "Primary");
  static final ClassName BEAN_FACTORY = ClassName.get("org.springframework.beans.factory",
      "BeanFactory");
  static final ClassName REDIS_CONNECTION_FACTORY = ClassName.get(
      "org.springframework.data.redis.connection", "RedisConnectionFactory");
  static final ClassName USER_DETAILS = ClassName.get(
      "org.springframework.security.core.userdetails", "UserDetails");
  static final ClassName SPRING_USER = ClassName.get(
      "org.springframework.security.core.userdetails", "User");
  static final ClassName USERNAME_NOT_FOUND = ClassName.get(
      "org.springframework.security.core.userdetails", "UsernameNotFoundException");
  static final ClassName GRANTED_AUTHORITY = ClassName.get(
      "org.springframework.security.core", "GrantedAuthority");
  static final ClassName SIMPLE_GRANTED_AUTHORITY = ClassName.get(
      "org.springframework.security.core.authority", "SimpleGrantedAuthority");
  static final ClassName PASSWORD_ENCODER = ClassName.get(
      "org.springframework.security.crypto.password", "PasswordEncoder");
  static final ClassName CAFFEINE_CACHE = ClassName.get("com.github.benmanes.caffeine.cache",
      "Cache");
  static final ClassName CAFFEINE_TICKER = ClassName.get("com.github.benmanes.caffeine.cache",
      "Ticker");

  /** Run after these (both the Boot 3.5 and the 4.0 name of each). */
  static final String[] AFTER = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration",
    "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
    "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
  };

  /**
   * Run before these: Boot's in-memory user store and its default filter chain back off when
   * ours exist.
   */
  static final String[] BEFORE = {
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet"
        + ".ServletWebSecurityAutoConfiguration",
  };

  private SpringTypes() {}
}
