package io.github.authspec.support.token;

import java.util.List;
import java.util.Objects;

/**
 * The {@link TokenDenyList}'s two Redis commands, each one Lua script on one key (so Redis
 * Cluster safe), over any client that can run a script: pass the application's
 * {@code RedisScripts} as {@code redis::eval}.
 */
public final class RedisDenyListCommands implements TokenDenyList.Commands {
  /** SET key value PX ttl. */
  static final String SET = "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return {1}";

  /** EXISTS key. */
  static final String EXISTS = "return {redis.call('EXISTS', KEYS[1])}";

  /** Runs one script on one key ({@code EVAL script 1 key args...}). */
  @FunctionalInterface
  public interface Eval {
    /**
     * Runs a script.
     *
     * @param script the Lua source
     * @param key the one key it touches
     * @param args its arguments
     * @return the script's array reply, as integers
     */
    List<Long> eval(String script, String key, List<String> args);
  }

  private final Eval redis;

  /**
   * The commands over a script runner.
   *
   * @param redis runs the scripts
   */
  public RedisDenyListCommands(Eval redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public void setWithTtl(String key, String value, long ttlMillis) {
    redis.eval(SET, key, List.of(value, Long.toString(ttlMillis)));
  }

  @Override
  public boolean exists(String key) {
    return redis.eval(EXISTS, key, List.of()).get(0) == 1L;
  }
}
