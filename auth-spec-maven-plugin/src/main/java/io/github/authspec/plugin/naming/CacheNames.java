package io.github.authspec.plugin.naming;

import io.github.authspec.model.KeyPattern.Placeholder;
import io.github.authspec.model.LocalCache;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The names of the cache side for {@link Naming}: a record per Redis key pattern with its
 * placeholders' components, and a factory method per local cache.
 */
final class CacheNames {
  final Map<String, String> keyClassNames = new HashMap<>();
  final Map<String, String> placeholders = new HashMap<>();
  final Map<String, String> localCaches = new HashMap<>();
  private final Allocator allocator;
  private final Reporter reporter;

  CacheNames(Spec spec, Allocator allocator) {
    this.allocator = allocator;
    this.reporter = allocator.reporter();
    allocateKeyNames(spec);
    allocateLocalCaches(spec);
  }

  private void allocateKeyNames(Spec spec) {
    NameAllocator scope = new NameAllocator(Allocator.classNamesReserved("cache"));
    for (RedisKey key : spec.cache().redisKeys()) {
      String pointer = key.pointer() + "/pattern";
      String base = Words.upperCamel(String.join("_", key.pattern().literalWords()));
      String name = base + "Key";
      if (scope.isTaken(name)) {
        StringBuilder by = new StringBuilder(base).append("By");
        key.pattern().placeholders().forEach(p -> by.append(Words.upperCamel(p.name())));
        String alternative = scope.allocate(by + "Key", key.pattern().text());
        reporter.report(Code.NAME_CLASH, pointer,
            "key class name '" + name + "' for pattern '" + key.pattern() + "' is "
                + (scope.isReserved(name) ? "used by the generated code itself"
                    : "taken by another pattern") + "; using '" + alternative + "'",
            "make the literal parts of the patterns differ to choose");
        name = alternative;
      } else {
        scope.allocate(name, key.pattern().text());
      }
      keyClassNames.put(key.pattern().text(), name);
      NameAllocator components = new NameAllocator(Reserved.KEY_MEMBERS);
      List<Placeholder> ps = key.pattern().placeholders();
      for (int i = 0; i < ps.size(); i++) {
        String tag = key.pattern().text() + "#" + i;
        placeholders.put(tag, allocator.allocate(components,
            Words.lowerCamel(ps.get(i).name()), tag, pointer,
            "placeholder {" + ps.get(i).name() + "} of '" + key.pattern() + "'"));
      }
    }
  }

  private void allocateLocalCaches(Spec spec) {
    NameAllocator scope = new NameAllocator(Reserved.OBJECT_METHODS);
    for (LocalCache c : Stream.concat(spec.cache().inMemory().stream(),
        spec.cache().caffeine().stream()).toList()) {
      localCaches.put(c.name(), allocator.allocate(scope, Words.lowerCamel(c.name()), c.name(),
          c.pointer(), "local cache '" + c.name() + "'"));
    }
  }
}
