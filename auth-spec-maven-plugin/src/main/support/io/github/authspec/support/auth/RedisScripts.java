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
}
