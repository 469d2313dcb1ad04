package io.github.authspec.support.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.support.auth.RedisCacheStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Scripts over Spring Data Redis, against a real Redis. */
class RedisConnectionScriptsTest {
  private LettuceConnectionFactory factory;

  @BeforeEach
  void start() {
    factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1",
        RedisServerSupport.port()));
    factory.afterPropertiesSet();
    factory.start();
  }

  @AfterEach
  void stop() {
    factory.destroy();
  }

  @Test
  @DisplayName("one key and its arguments reach the script; its integer array comes back")
  void keyArgumentsAndReply() {
    RedisConnectionScripts scripts = new RedisConnectionScripts(factory);
    String key = "scripts:" + UUID.randomUUID();
    String incr = "local n = redis.call('INCRBY', KEYS[1], tonumber(ARGV[1]))\n"
        + "return {n, tonumber(ARGV[2]), #ARGV}";
    assertThat(scripts.eval(incr, key, List.of("5", "7"))).containsExactly(5L, 7L, 2L);
    assertThat(scripts.eval(incr, key, List.of("2", "0"))).containsExactly(7L, 0L, 2L);
    assertThat(scripts.eval("return {}", key, List.of())).isEmpty();
  }

  @Test
  @DisplayName("a text reply comes back as strings (the permission cache's entries)")
  void textReply() {
    RedisCacheStore store = new RedisCacheStore(new RedisConnectionScripts(factory));
    String key = "permissions:user:" + UUID.randomUUID();
    assertThat(store.get(key)).isNull();
    store.set(key, "authz1 1 é", 60);
    assertThat(store.get(key)).isEqualTo("authz1 1 é");
    assertThat(new RedisConnectionScripts(factory).evalText("return {ARGV[1], ARGV[2]}", key,
        List.of("a", "b"))).containsExactly("a", "b");
  }
}
