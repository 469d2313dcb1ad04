package io.github.authspec.plugin.redis;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.github.authspec.model.LocalCache;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.Library;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.naming.SupportType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.lang.model.element.Modifier;

/**
 * Local caches: {@code keys.inMemory[]} become JDK-only {@code InMemoryCache}s;
 * {@code keys.caffeine[]} become Caffeine builders with every declared option. The Caffeine
 * class is generated only when the spec has Caffeine caches, and then the consumer needs
 * {@code com.github.ben-manes.caffeine:caffeine} on its classpath.
 */
public final class LocalCacheGenerator implements Generator {
  private static final ClassName CAFFEINE = ClassName.get("com.github.benmanes.caffeine.cache",
      "Caffeine");
  private static final ClassName CACHE = ClassName.get("com.github.benmanes.caffeine.cache",
      "Cache");
  private static final ClassName LOADING_CACHE = ClassName.get(
      "com.github.benmanes.caffeine.cache", "LoadingCache");
  private static final ClassName CACHE_LOADER = ClassName.get(
      "com.github.benmanes.caffeine.cache", "CacheLoader");
  private static final ClassName TICKER = ClassName.get("com.github.benmanes.caffeine.cache",
      "Ticker");
  private static final TypeVariableName K = TypeVariableName.get("K");
  private static final TypeVariableName V = TypeVariableName.get("V");

  @Override
  public String name() {
    return "local-caches";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    Naming naming = context.naming();
    List<GeneratedFile> files = new ArrayList<>();
    List<LocalCache> inMemory = context.spec().cache().inMemory();
    if (!inMemory.isEmpty()) {
      files.add(context.support(LocalCacheGenerator.class, SupportType.IN_MEMORY_CACHE));
      files.add(context.java(LocalCacheGenerator.class, naming.cachePackage(),
          inMemoryFactory(inMemory, naming)));
    }
    List<LocalCache> caffeine = context.spec().cache().caffeine();
    if (!caffeine.isEmpty()) {
      context.requireLibrary(Library.CAFFEINE, "/diagram/cache/keys/caffeine",
          "the spec declares Caffeine caches");
      files.add(context.java(LocalCacheGenerator.class, naming.cachePackage(),
          caffeineFactory(caffeine, naming)));
    }
    return files;
  }

  private static TypeSpec inMemoryFactory(List<LocalCache> caches, Naming naming) {
    ClassName cache = naming.support(SupportType.IN_MEMORY_CACHE);
    TypeSpec.Builder type = TypeSpec.classBuilder(naming.support(SupportType.IN_MEMORY_CACHES))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The spec's {@code keys.inMemory} caches (JDK only).\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (LocalCache c : caches) {
      TypeName result = ParameterizedTypeName.get(cache, K, V);
      CodeBlock ttl = c.expireAfterWrite().map(DurationLiterals::of)
          .orElse(CodeBlock.of("null"));
      type.addMethod(MethodSpec.methodBuilder(naming.localCacheName(c))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC).addTypeVariables(List.of(K, V))
          .returns(result).addParameter(LongSupplier.class, "ticker")
          .addJavadoc("Cache {@code $L}: $L.\n\n@param <K> the key type\n@param <V> the value "
              + "type\n@param ticker nanosecond time source, e.g. {@code System::nanoTime}\n"
              + "@return a new cache\n", c.name(), describe(c))
          .addStatement("return new $T<>($L, $L, ticker)", cache,
              c.maxSize().isPresent() ? c.maxSize().getAsLong() + "L" : "Long.MAX_VALUE", ttl)
          .build());
    }
    return type.build();
  }

  private static TypeSpec caffeineFactory(List<LocalCache> caches, Naming naming) {
    TypeSpec.Builder type = TypeSpec.classBuilder(naming.support(SupportType.CAFFEINE_CACHES))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The spec's {@code keys.caffeine} caches. Needs "
            + "{@code com.github.ben-manes.caffeine:caffeine} on the classpath.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (LocalCache c : caches) {
      boolean loading = c.refreshAfterWrite().isPresent();
      MethodSpec.Builder m = MethodSpec.methodBuilder(naming.localCacheName(c))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC).addTypeVariables(List.of(K, V))
          .returns(ParameterizedTypeName.get(loading ? LOADING_CACHE : CACHE, K, V));
      if (loading) {
        m.addParameter(ParameterizedTypeName.get(CACHE_LOADER, K, V), "loader");
      }
      m.addParameter(TICKER, "ticker")
          .addJavadoc("Cache {@code $L}: $L.\n\n@param <K> the key type\n@param <V> the value "
              + "type\n$L@param ticker time source, e.g. {@code Ticker.systemTicker()}\n"
              + "@return a new cache\n", c.name(), describe(c),
              loading ? "@param loader loads values, and reloads them when refreshing\n" : "");
      CodeBlock.Builder chain = CodeBlock.builder().add("return $T.newBuilder()", CAFFEINE)
          .add("\n$>.ticker(ticker)");
      c.maxSize().ifPresent(n -> chain.add("\n.maximumSize($LL)", n));
      c.expireAfterWrite().ifPresent(d -> chain.add("\n.expireAfterWrite($L)",
          DurationLiterals.of(d)));
      c.expireAfterAccess().ifPresent(d -> chain.add("\n.expireAfterAccess($L)",
          DurationLiterals.of(d)));
      c.refreshAfterWrite().ifPresent(d -> chain.add("\n.refreshAfterWrite($L)",
          DurationLiterals.of(d)));
      if (c.weakKeys()) {
        chain.add("\n.weakKeys()");
      }
      if (c.weakValues()) {
        chain.add("\n.weakValues()");
      }
      if (c.softValues()) {
        chain.add("\n.softValues()");
      }
      if (c.recordStats()) {
        chain.add("\n.recordStats()");
      }
      chain.add(loading ? "\n.build(loader)$<" : "\n.build()$<");
      type.addMethod(m.addStatement(chain.build()).build());
    }
    return type.build();
  }

  private static String describe(LocalCache c) {
    List<String> parts = new ArrayList<>();
    c.maxSize().ifPresent(n -> parts.add("at most " + n + " entries"));
    c.expireAfterWrite().ifPresent(d -> parts.add("expires " + d.toSeconds() + " s after write"));
    c.expireAfterAccess().ifPresent(d -> parts.add("expires " + d.toSeconds()
        + " s after access"));
    c.refreshAfterWrite().ifPresent(d -> parts.add("refreshed " + d.toSeconds()
        + " s after write"));
    if (c.weakKeys()) {
      parts.add("weak keys");
    }
    if (c.weakValues()) {
      parts.add("weak values");
    }
    if (c.softValues()) {
      parts.add("soft values");
    }
    if (c.recordStats()) {
      parts.add("records statistics");
    }
    return parts.isEmpty() ? "unbounded" : String.join(", ", parts);
  }
}
