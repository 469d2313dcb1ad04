package io.github.authspec.plugin.redis;

import io.github.authspec.model.CacheSettings;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.OutputRoot;
import io.github.authspec.plugin.generation.Templates;
import java.util.List;

/**
 * {@code diagram.cache.settings} as a Redis configuration fragment on the classpath,
 * {@code redis/auth-spec-redis.conf} ({@code maxmemory}, {@code maxmemory-policy}), for an
 * {@code include} in redis.conf or {@code CONFIG SET} at start-up. Values were validated.
 */
public final class RedisSettingsGenerator implements Generator {
  static final String PATH = "redis/auth-spec-redis.conf";

  /** Template view; null values leave their line out. */
  record SettingsView(String maxMemory, String evictionPolicy) {}

  @Override
  public String name() {
    return "redis-settings";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    if (!context.spec().infrastructure().cacheEnabled()) {
      return List.of();
    }
    return context.spec().cache().settings().map(RedisSettingsGenerator::fragment)
        .map(List::of).orElse(List.of());
  }

  private static GeneratedFile fragment(CacheSettings settings) {
    SettingsView view = new SettingsView(settings.maxMemory().orElse(null),
        settings.evictionPolicy().orElse(null));
    return GeneratedFile.text(OutputRoot.RESOURCES, PATH,
        Templates.render(RedisSettingsGenerator.class, "redis.conf.mustache", view));
  }
}
