package io.github.authspec.plugin.redis;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.KeyPattern;
import io.github.authspec.model.KeyPattern.Literal;
import io.github.authspec.model.KeyPattern.Placeholder;
import io.github.authspec.model.RedisKey;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.Library;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.naming.Reserved;
import io.github.authspec.plugin.naming.SupportType;
import java.time.Duration;
import io.github.authspec.plugin.types.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * A record per Redis key pattern: typed placeholder components, {@code key()} to build the
 * concrete key (values percent-encoded, optional prefix and cluster hash tag), {@code parse} to
 * read one back, and the declaration as a {@code KeySpec} constant; plus {@code RedisKeys}, the
 * registry of every key class. Key classes need only the JDK.
 */
public final class RedisKeyGenerator implements Generator {

  @Override
  public String name() {
    return "redis-keys";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    if (!context.spec().infrastructure().cacheEnabled()
        || context.spec().cache().redisKeys().isEmpty()) {
      return List.of();
    }
    Naming naming = context.naming();
    ClassName spec = naming.support(SupportType.KEY_SPEC);
    PlaceholderTypes types = new PlaceholderTypes(context.spec());
    List<GeneratedFile> files = new ArrayList<>();
    files.add(context.support(RedisKeyGenerator.class, SupportType.KEY_SPEC));
    List<ClassName> keyClasses = new ArrayList<>();
    for (RedisKey key : context.spec().cache().redisKeys()) {
      ClassName self = ClassName.get(naming.cachePackage(), naming.keyClassName(key));
      keyClasses.add(self);
      files.add(context.at(key.pointer(), () -> context.java(RedisKeyGenerator.class,
          naming.cachePackage(), new KeyWriter(key, self, spec, types, naming, context)
              .keyClass())));
    }
    files.add(context.java(RedisKeyGenerator.class, naming.cachePackage(),
        registry(keyClasses, spec, naming)));
    binding(context.request().redisClient()).ifPresent(b -> {
      context.requireLibrary(b.library(), "/diagram/cache/keys/redis",
          "redisClient " + context.request().redisClient() + " generates "
              + b.type().simpleName());
      files.add(context.support(RedisKeyGenerator.class, SupportType.REDIS_KEY_OPERATIONS));
      files.add(context.support(RedisKeyGenerator.class, b.type()));
    });
    return files;
  }

  /** A client binding: the operations class generated for it and the library it needs. */
  private record Binding(SupportType type, Library library) {}

  private static java.util.Optional<Binding> binding(RedisClient client) {
    return switch (client) {
      case NONE -> java.util.Optional.empty();
      case JEDIS -> java.util.Optional.of(new Binding(SupportType.JEDIS_KEY_OPERATIONS,
          Library.JEDIS));
      case LETTUCE -> java.util.Optional.of(new Binding(SupportType.LETTUCE_KEY_OPERATIONS,
          Library.LETTUCE));
    };
  }

  private static TypeSpec registry(List<ClassName> keyClasses, ClassName spec, Naming naming) {
    CodeBlock.Builder all = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < keyClasses.size(); i++) {
      all.add(i == 0 ? "\n$>$T.SPEC" : ",\n$T.SPEC", keyClasses.get(i));
    }
    all.add("$<)");
    return TypeSpec.classBuilder(naming.support(SupportType.REDIS_KEYS)).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Every Redis key class of the spec, in spec order, for tooling and tests.\n")
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), spec),
                "ALL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The declarations of every key.\n").initializer(all.build()).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  /** Writes one key record; {@link #keyClass()} is its outline. */
  private static final class KeyWriter {
    private final RedisKey key;
    private final ClassName self;
    private final ClassName spec;
    private final PlaceholderTypes types;
    private final Naming naming;
    private final String prefix;
    private final boolean hashTag;

    KeyWriter(RedisKey key, ClassName self, ClassName spec, PlaceholderTypes types,
        Naming naming, GenerationContext context) {
      this.key = key;
      this.self = self;
      this.spec = spec;
      this.types = types;
      this.naming = naming;
      this.prefix = context.request().redisKeyPrefix();
      this.hashTag = context.request().redisClusterHashTags()
          && !key.pattern().placeholders().isEmpty();
    }

    TypeSpec keyClass() {
      MethodSpec.Builder components = MethodSpec.constructorBuilder();
      List<Placeholder> placeholders = key.pattern().placeholders();
      for (int i = 0; i < placeholders.size(); i++) {
        components.addParameter(types.type(placeholders.get(i).name()), member(i));
      }
      TypeSpec.Builder type = TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC)
          .addSuperinterface(spec.nestedClass("Ref"))
          .addJavadoc(javadoc())
          .recordConstructor(components.build())
          .addField(FieldSpec.builder(String.class, "PATTERN", Modifier.PUBLIC,
                  Modifier.STATIC, Modifier.FINAL).addJavadoc("The pattern in the spec.\n")
              .initializer("$S", key.pattern().text()).build())
          .addField(FieldSpec.builder(String.class, "PREFIX", Modifier.PUBLIC,
                  Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The key prefix of this build (redisKeyPrefix).\n")
              .initializer("$S", prefix).build())
          .addField(FieldSpec.builder(spec, "SPEC", Modifier.PUBLIC, Modifier.STATIC,
                  Modifier.FINAL).addJavadoc("What the spec declares about this key.\n")
              .initializer(specValue()).build())
          .addField(FieldSpec.builder(ArrayTypeName.of(String.class), "SEGMENTS",
                  Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(segments()).build());
      nullChecks().ifPresent(type::addMethod);
      return type.addMethod(key()).addMethod(specMethod()).addMethod(parse())
          .addMethod(toStringMethod()).build();
    }

    private CodeBlock javadoc() {
      CodeBlock.Builder doc = CodeBlock.builder()
          .add("Redis key {@code $L}: a $L", key.pattern().text(), key.type().label());
      doc.add(key.pinned() ? ", pinned (never expires)"
          : key.ttl().map(t -> ", TTL " + t.toSeconds() + " s set "
              + (key.expireStrategy() == RedisKey.ExpireStrategy.SLIDING
                  ? "on write and refreshed on read" : "on write")).orElse(", no TTL"));
      doc.add(".\n\n<p>Values are percent-encoded (see {@link $T#encode}), so no value can "
          + "forge another key.\n\n", spec);
      List<Placeholder> placeholders = key.pattern().placeholders();
      for (int i = 0; i < placeholders.size(); i++) {
        Placeholder p = placeholders.get(i);
        doc.add("@param $L the {@code {$L}} value$L\n", member(i), p.name(),
            types.table(p.name()).map(t -> ", an id of {@code " + t.name() + "}").orElse(""));
      }
      return doc.build();
    }

    private CodeBlock specValue() {
      CodeBlock ttl = key.ttl().map(t -> CodeBlock.of("$T.of($L)",
          Optional.class, DurationLiterals.of(t)))
          .orElse(CodeBlock.of("$T.empty()", Optional.class));
      CodeBlock fields = CodeBlock.of("$T.of($L)", List.class, String.join(", ",
          key.hashFields().stream().map(f -> CodeBlock.of("$S", f).toString()).toList()));
      CodeBlock score = key.scoreField().map(f -> CodeBlock.of("$T.of($S)", Optional.class, f))
          .orElse(CodeBlock.of("$T.empty()", Optional.class));
      return CodeBlock.builder().add("new $T(PATTERN, $T.class,\n$>$T.Type.$L, $L, "
              + "$T.Expiry.$L,\n$T.Serialization.$L, $T.Compression.$L, $L,\n$L, $L, $L)$<",
          spec, self, spec, key.type().name(), ttl, spec, key.expireStrategy().name(), spec,
          key.serialization().name(), spec, key.compression().name(), key.prettyJson(),
          fields, score, key.pinned()).build();
    }

    private CodeBlock segments() {
      List<String> parts = new ArrayList<>();
      for (KeyPattern.Segment s : key.pattern().segments()) {
        parts.add(s instanceof Literal l ? CodeBlock.of("$S", l.text()).toString() : "null");
      }
      return CodeBlock.of("{$L}", String.join(", ", parts));
    }

    private Optional<MethodSpec> nullChecks() {
      MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder()
          .addModifiers(Modifier.PUBLIC);
      boolean any = false;
      List<Placeholder> placeholders = key.pattern().placeholders();
      for (int i = 0; i < placeholders.size(); i++) {
        if (!types.type(placeholders.get(i).name()).isPrimitive()) {
          compact.addStatement("$T.requireNonNull($N, $S)", Objects.class, member(i),
              member(i));
          any = true;
        }
      }
      return any ? Optional.of(compact.build()) : Optional.empty();
    }

    private MethodSpec key() {
      CodeBlock.Builder expr = CodeBlock.builder().add("PREFIX");
      int index = 0;
      for (KeyPattern.Segment s : key.pattern().segments()) {
        if (s instanceof Literal l) {
          expr.add(" + $S", l.text());
        } else {
          CodeBlock value = CodeBlock.of("$T.encode($T.valueOf($N))", spec, String.class,
              member(index));
          expr.add(hashTag && index == 0 ? " + \"{\" + $L + \"}\"" : " + $L", value);
          index++;
        }
      }
      return MethodSpec.methodBuilder(Reserved.KEY_METHOD).addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(String.class)
          .addJavadoc("The concrete key.\n\n@return the key, e.g. {@code $L}\n",
              key.pattern().text())
          .addStatement("return $L", expr.build()).build();
    }

    private MethodSpec specMethod() {
      return MethodSpec.methodBuilder(Reserved.SPEC_METHOD).addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(spec)
          .addJavadoc("The declaration, {@link #SPEC}.\n").addStatement("return SPEC").build();
    }

    private MethodSpec parse() {
      MethodSpec.Builder m = MethodSpec.methodBuilder(Reserved.PARSE_METHOD)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), self))
          .addParameter(String.class, "key")
          .addJavadoc("Reads a concrete key back into its values.\n\n@param key a key\n"
              + "@return the values, or empty when {@code key} is not a key of this pattern\n")
          .addStatement("$T<$T<$T>> encoded = $T.match(key, PREFIX, SEGMENTS, $L)",
              Optional.class, List.class, String.class, spec, hashTag)
          .beginControlFlow("if (encoded.isEmpty())")
          .addStatement("return $T.empty()", Optional.class)
          .endControlFlow();
      List<Placeholder> placeholders = key.pattern().placeholders();
      CodeBlock.Builder args = CodeBlock.builder();
      m.beginControlFlow("try");
      for (int i = 0; i < placeholders.size(); i++) {
        Placeholder p = placeholders.get(i);
        m.addStatement("$T<$T> $N = $T.decode(encoded.get().get($L))", Optional.class,
            String.class, Naming.indexedLocal("raw", i), spec, i);
        m.beginControlFlow("if ($N.isEmpty())", Naming.indexedLocal("raw", i))
            .addStatement("return $T.empty()", Optional.class).endControlFlow();
        args.add(i == 0 ? "$L" : ", $L", convert(types.type(p.name()),
            CodeBlock.of("$N.get()", Naming.indexedLocal("raw", i))));
      }
      m.addStatement("$T parsed = new $T($L)", self, self, args.build());
      // A value may have several spellings ("042", "%41"); only the canonical key matches.
      m.addStatement("return parsed.key().equals(key) ? $T.of(parsed) : $T.empty()",
          Optional.class, Optional.class);
      m.nextControlFlow("catch ($T e)", IllegalArgumentException.class)
          .addStatement("return $T.empty()", Optional.class).endControlFlow();
      return m.build();
    }

    private static CodeBlock convert(TypeName type, CodeBlock raw) {
      return TypeMapping.parse(type, raw);
    }

    private MethodSpec toStringMethod() {
      return MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(String.class)
          .addJavadoc("The concrete key, as {@link #key()}.\n")
          .addStatement("return key()").build();
    }

    private String member(int index) {
      return naming.placeholderName(key, index);
    }
  }
}
