package io.github.authspec.support.auth;

import java.util.List;

/**
 * Runs one Lua script on one key, the only way the implementations touch Redis: a script runs
 * atomically, and one key per script keeps it Redis Cluster safe. Adapt any client in one
 * method; {@code JedisScripts} and {@code LettuceScripts} are generated with
 * {@code redisClient=JEDIS}/{@code LETTUCE}.
 */
@FunctionalInterface
public interface RedisScripts {
  /**
   * {@code EVAL script 1 key args...}.
   *
   * @param script the Lua source
   * @param key the one key it touches
   * @param args its arguments
   * @return the script's array reply, as integers
   */
  List<Long> eval(String script, String key, List<String> args);

  /**
   * {@code EVAL script 1 key args...} of a script whose reply is an array of strings. The
   * generated adapters answer it; a one-method adapter refuses it, so only the features that
   * keep text in Redis (the permission cache) need more than {@link #eval}.
   *
   * @param script the Lua source
   * @param key the one key it touches
   * @param args its arguments
   * @return the script's array reply, as strings
   */
  default List<String> evalText(String script, String key, List<String> args) {
    throw new UnsupportedOperationException(getClass().getName()
        + " runs integer scripts only: implement evalText");
  }
}
