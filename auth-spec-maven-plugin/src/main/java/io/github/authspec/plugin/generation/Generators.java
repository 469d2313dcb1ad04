package io.github.authspec.plugin.generation;

import io.github.authspec.plugin.client.ClientGenerator;
import io.github.authspec.plugin.entity.EntityGenerator;
import io.github.authspec.plugin.impl.ImplementationGenerator;
import io.github.authspec.plugin.openapi.OpenApiGenerator;
import io.github.authspec.plugin.redis.LocalCacheGenerator;
import io.github.authspec.plugin.redis.RedisKeyGenerator;
import io.github.authspec.plugin.redis.RedisSettingsGenerator;
import io.github.authspec.plugin.repository.RepositoryGenerator;
import io.github.authspec.plugin.service.ServiceGenerator;
import io.github.authspec.plugin.spring.SpringBootGenerator;
import io.github.authspec.plugin.sql.MigrationGenerator;
import java.util.List;

/** Every generator, in the order their output is planned. Each entry is one artifact kind. */
public final class Generators {
  private Generators() {}

  public static List<Generator> all() {
    return List.of(new MigrationGenerator(), new EntityGenerator(), new RepositoryGenerator(),
        new RedisKeyGenerator(), new RedisSettingsGenerator(), new LocalCacheGenerator(),
        new ServiceGenerator(), new ImplementationGenerator(), new ClientGenerator(),
        new SpringBootGenerator(), new OpenApiGenerator());
  }
}
