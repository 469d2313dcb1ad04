package io.github.authspec.support.auth;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RedisScripts} on Lettuce's synchronous commands, standalone or cluster (the cluster
 * connection routes by the one key).
 */
public final class LettuceScripts implements RedisScripts {
  private final RedisScriptingCommands<String, String> redis;

  /**
   * Scripts over Lettuce.
   *
   * @param redis e.g. {@code connection.sync()}
   */
  public LettuceScripts(RedisScriptingCommands<String, String> redis) {
    this.redis = redis;
  }

  @Override
  public List<Long> eval(String script, String key, List<String> args) {
    return reply(script, key, args, Long.class);
  }

  @Override
  public List<String> evalText(String script, String key, List<String> args) {
    return reply(script, key, args, String.class);
  }

  private <T> List<T> reply(String script, String key, List<String> args, Class<T> type) {
    List<Object> reply = redis.eval(script, ScriptOutputType.MULTI, new String[] {key},
        args.toArray(new String[0]));
    List<T> out = new ArrayList<>();
    for (Object o : reply) {
      out.add(type.cast(o));
    }
    return out;
  }
}
