package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.types.TimestampType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {
  private final GenerationRequest base = GenerationRequest.defaults(Path.of("spec.json"),
      Path.of("project"));

  @Test
  @DisplayName("changing any component of the request changes the fingerprint")
  void everyComponentInFingerprint() throws Exception {
    RecordComponent[] components = GenerationRequest.class.getRecordComponents();
    Constructor<GenerationRequest> canonical = GenerationRequest.class.getDeclaredConstructor(
        java.util.Arrays.stream(components).map(RecordComponent::getType)
            .toArray(Class<?>[]::new));
    Set<String> seen = new HashSet<>();
    seen.add(base.fingerprintText());
    for (int i = 0; i < components.length; i++) {
      Object[] values = new Object[components.length];
      for (int j = 0; j < components.length; j++) {
        values[j] = components[j].getAccessor().invoke(base);
      }
      values[i] = other(components[i], values[i]);
      GenerationRequest changed = canonical.newInstance(values);

      assertThat(seen.add(changed.fingerprintText()))
          .as("fingerprint changes with " + components[i].getName()).isTrue();
    }
    assertThat(seen).hasSize(components.length + 1);
  }

  @Test
  @DisplayName("the fingerprint text is the same for equal requests built differently")
  void stable() {
    GenerationRequest a = base.toBuilder().entityNames(Map.of("b", "B", "a", "A"))
        .packageName("com.x").build();
    GenerationRequest b = base.toBuilder().packageName("com.x")
        .entityNames(new java.util.TreeMap<>(Map.of("a", "A", "b", "B"))).build();

    assertThat(a.fingerprintText()).isEqualTo(b.fingerprintText());
    assertThat(base.toBuilder().packageName(" ").build()).isEqualTo(base);
  }

  @Test
  @DisplayName("the builder sets every component by name")
  void builderByName() {
    GenerationRequest r = base.toBuilder().specFile(Path.of("s.json"))
        .javaDirectory(Path.of("j")).resourcesDirectory(Path.of("r"))
        .migrationsDirectory(Path.of("m")).stateDirectory(Path.of("st")).packageName("p.q")
        .entityNames(Map.of("users", "Account")).redisClient(RedisClient.JEDIS)
        .redisKeyPrefix("auth:").redisClusterHashTags(true).allowDestructiveMigrations(true)
        .renames(List.of("a=b")).implementations(true).roles(List.of("totp.secret=t.c"))
        .bouncyCastle(true).pluginVersion("1.2.3").pluginBuild("42")
        .classpath(ClasspathArtifacts.of(List.of("g:a"))).timestamps(TimestampType.INSTANT)
        .flavour(Flavour.SPRING_BOOT).set("conditions", Conditions.CEL).set("httpApi", true)
        .build();

    assertThat(r).isEqualTo(new GenerationRequest(Path.of("s.json"), Path.of("j"),
        Path.of("r"), Path.of("m"), Path.of("st"), Optional.of("p.q"),
        Map.of("users", "Account"), RedisClient.JEDIS, "auth:", true, true, List.of("a=b"),
        true, List.of("totp.secret=t.c"), true, "1.2.3", "42",
        ClasspathArtifacts.of(List.of("g:a")), TimestampType.INSTANT, Flavour.SPRING_BOOT,
        Conditions.CEL, true));
  }

  @Test
  @DisplayName("the builder sets each component by its name, leaving the others")
  void builderSetsEveryComponent() throws Exception {
    for (RecordComponent c : GenerationRequest.class.getRecordComponents()) {
      Object changed = other(c, c.getAccessor().invoke(base));
      GenerationRequest r = base.toBuilder().set(c.getName(), changed).build();

      for (RecordComponent each : GenerationRequest.class.getRecordComponents()) {
        assertThat(each.getAccessor().invoke(r)).as(c.getName() + " set, " + each.getName())
            .isEqualTo(each.getName().equals(c.getName()) ? changed
                : each.getAccessor().invoke(base));
      }
    }
    assertThat(base.toBuilder().build()).isEqualTo(base);
  }

  @Test
  @DisplayName("the builder refuses an unknown component or a value of another type")
  void builderChecksNamesAndTypes() {
    assertThatThrownBy(() -> base.toBuilder().set("nope", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> base.toBuilder().set("redisClient", "JEDIS"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redisClient");
    assertThatThrownBy(() -> base.toBuilder().set("implementations", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("implementations");
  }

  /** A value of the component's type that differs from {@code current}. */
  private static Object other(RecordComponent c, Object current) {
    Class<?> type = c.getType();
    if (type == Path.class) {
      return ((Path) current).resolve("other");
    }
    if (type == boolean.class) {
      return !(Boolean) current;
    }
    if (type == String.class) {
      return current + "-other";
    }
    if (type == Optional.class) {
      return Optional.of("other.pkg");
    }
    if (type == Map.class) {
      return Map.of("other", "Other");
    }
    if (type == List.class) {
      return List.of("other=x");
    }
    if (type == ClasspathArtifacts.class) {
      return ClasspathArtifacts.of(List.of("other:artifact"));
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[(List.of(constants).indexOf(current) + 1) % constants.length];
    }
    Type generic = c.getGenericType();
    throw new AssertionError("add a changed value for component " + c.getName() + " of type "
        + (generic instanceof ParameterizedType p ? p : type));
  }
}
