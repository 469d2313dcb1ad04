package io.github.authspec.plugin.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema is published in the plugin's jar, byte for byte the repository's
 * schema/auth-spec.schema.json (which auth-spec-model's SchemaInStepTest holds in step with the
 * reader).
 */
class PublishedSchemaTest {

  @Test
  @DisplayName("the plugin jar carries schema/auth-spec.schema.json at io/github/authspec/plugin/")
  void jarCarriesTheSchema() throws IOException {
    try (InputStream in = PublishedSchemaTest.class
        .getResourceAsStream("/io/github/authspec/plugin/auth-spec.schema.json")) {
      assertThat(in).as("resource in the jar").isNotNull();
      byte[] published = in.readAllBytes();
      assertThat(published)
          .isEqualTo(Files.readAllBytes(Path.of("..", "schema", "auth-spec.schema.json")));
      assertThat(new String(published, java.nio.charset.StandardCharsets.UTF_8))
          .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }
  }
}
