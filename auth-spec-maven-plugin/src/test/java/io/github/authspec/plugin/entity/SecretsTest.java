package io.github.authspec.plugin.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.Column;
import io.github.authspec.model.Spec;
import io.github.authspec.plugin.testsupport.Specs;
import io.github.authspec.plugin.types.Secrets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The secret rule on the full spec's real column names, both ways. */
class SecretsTest {
  private static final Spec FULL = Specs.load(Specs.FULL);

  @Test
  void columnsHoldingSecretsAreSecret() {
    for (String name : List.of("password_hash", "token_hash", "key_hash", "client_secret_hash",
        "previous_secret_hash", "refresh_token", "access_token", "session_token", "secret",
        "code_hash", "device_code", "user_code", "phone_verification_code", "token")) {
      assertThat(columns(name)).as(name).isNotEmpty()
          .allSatisfy(c -> assertThat(Secrets.isSecret(c)).as(c.qualifiedName()).isTrue());
    }
  }

  @Test
  void columnsDescribingSecretsOrClassifyingAreNot() {
    for (String name : List.of("hash_algorithm", "token_type", "password_changed_at",
        "password_expires_at", "token_expires_at", "secret_rotated_at", "code_challenge",
        "code_challenge_method", "country_code", "failure_code", "key_id", "key_version",
        "public_key", "feature_key", "force_password_change")) {
      assertThat(columns(name)).as(name).isNotEmpty()
          .allSatisfy(c -> assertThat(Secrets.isSecret(c)).as(c.qualifiedName()).isFalse());
    }
  }

  private static List<Column> columns(String name) {
    return FULL.database().tables().stream().flatMap(t -> t.columns().stream())
        .filter(c -> c.name().equals(name)).toList();
  }
}
