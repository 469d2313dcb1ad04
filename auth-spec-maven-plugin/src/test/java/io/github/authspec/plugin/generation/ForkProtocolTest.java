package io.github.authspec.plugin.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Diagnostics;
import io.github.authspec.model.diagnostics.Position;
import io.github.authspec.model.diagnostics.Severity;
import io.github.authspec.plugin.generation.GenerationResult.Status;
import io.github.authspec.plugin.types.TimestampType;
import io.github.authspec.plugin.write.WriteSummary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What crosses into the generation JVM and back comes out as it went in. */
class ForkProtocolTest {

  @Test
  @DisplayName("a request with every component away from its default survives the trip")
  void request() throws IOException {
    GenerationRequest request = GenerationRequest.defaults(Path.of("/p/spec é.json"),
        Path.of("/p")).toBuilder()
        .javaDirectory(Path.of("/p/java"))
        .resourcesDirectory(Path.of("/p/resources"))
        .migrationsDirectory(Path.of("/p/db"))
        .stateDirectory(Path.of("/p/state"))
        .packageName("com.example.ünïcode")
        .entityNames(Map.of("users", "Account", "roles", "Role"))
        .redisClient(RedisClient.LETTUCE)
        .redisKeyPrefix("app:\t")
        .redisClusterHashTags(true)
        .allowDestructiveMigrations(true)
        .renames(List.of("users.mail=email", "people=users"))
        .implementations(true)
        .roles(List.of("login.password=users.hash"))
        .bouncyCastle(true)
        .flavour(Flavour.SPRING_BOOT)
        .set("httpApi", true)
        .pluginVersion("1.2.3")
        .pluginBuild("20261206.1")
        .classpath(ClasspathArtifacts.of(List.of("org.postgresql:postgresql", "a:b")))
        .timestamps(TimestampType.OFFSET)
        .set("conditions", Conditions.CEL)
        .build();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ForkProtocol.writeRequest(new DataOutputStream(bytes), request);
    GenerationRequest back = ForkProtocol.readRequest(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(back).isEqualTo(request);
    assertThat(back.fingerprintText()).isEqualTo(request.fingerprintText());
    GenerationRequest defaults = GenerationRequest.defaults(Path.of("/p/spec é.json"),
        Path.of("/p"));
    for (var c : GenerationRequest.class.getRecordComponents()) {
      if (!c.getName().equals("specFile")) {
        assertThat(component(c, request)).as("test sets " + c.getName())
            .isNotEqualTo(component(c, defaults));
      }
    }
  }

  @Test
  @DisplayName("a result with diagnostics and written files survives the trip")
  void result() throws IOException {
    GenerationResult result = new GenerationResult(Status.GENERATED,
        new Diagnostics(List.of(
            new Diagnostic(Code.values()[3], Severity.WARNING, "auth-spec.json",
                new Position(41, 15), "/diagram/tables/2", "a message\nover two lines", ""),
            new Diagnostic(Code.values()[7], Severity.ERROR, "auth-spec.json",
                Position.UNKNOWN, "", "another", "a hint"))),
        new WriteSummary(List.of(Path.of("/out/A.java"), Path.of("/out/B.java")),
            List.of(Path.of("/out/C.java")), List.of()),
        "spec changed", List.of());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ForkProtocol.writeResult(new DataOutputStream(bytes), result);
    GenerationResult back = ForkProtocol.readResult(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(back).isEqualTo(result);
  }

  private static Object component(java.lang.reflect.RecordComponent c, GenerationRequest r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
