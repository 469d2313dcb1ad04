package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Policy rows, partial mappings, and no row at all. */
class PasswordPoliciesTest {
  @Test
  @DisplayName("the first row's set values, NIST's defaults for unset or unmapped ones")
  void row() {
    DataSource db = PostgresServer.freshDatabase("password_policies");
    Catalog.apply(db, "CREATE TABLE \"p\" (\"id\" int PRIMARY KEY, \"min\" int, \"max\" int, "
        + "\"up\" boolean, \"dig\" boolean); CREATE TABLE \"empty\" (\"id\" int, \"min\" int);"
        + "INSERT INTO \"p\" VALUES (2, 99, 99, FALSE, FALSE), (1, 10, NULL, TRUE, NULL);");
    PasswordPolicies policies = new PasswordPolicies(db, new PasswordPolicies.Table("p", "min",
        "max", "up", null, "dig", null, "id"), false, n -> n.equals("blocked password"));
    assertThat(policies.policy()).isEqualTo(new PasswordPolicy(10, PasswordHasher.MAX_LENGTH,
        true, false, false, false));
    assertThat(policies.violations("no upper case here".toCharArray())).hasSize(1);
    assertThat(policies.violations("Fine password".toCharArray())).isEmpty();
    assertThat(policies.violations("blocked password".toCharArray())).isNotEmpty();
    PasswordPolicies empty = new PasswordPolicies(db, new PasswordPolicies.Table("empty", "min",
        null, null, null, null, null, "id"), true, null);
    assertThat(empty.policy()).isEqualTo(PasswordPolicy.nist(true));
    PasswordPolicies none = new PasswordPolicies(db, null, false, null);
    assertThat(none.policy()).isEqualTo(PasswordPolicy.nist(false));
    assertThat(none.violations("short".toCharArray())).isNotEmpty();
  }
}
