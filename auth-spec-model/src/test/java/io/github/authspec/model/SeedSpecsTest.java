package io.github.authspec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reference outcomes of the two seed specs, diagnostic by diagnostic. */
class SeedSpecsTest {
  private static final Path SPECS = Path.of("../specs");

  @Test
  @DisplayName("the minimal spec gives exactly its two FK errors and ten warnings, and no model")
  void minimalSpec() {
    LoadResult result = SpecLoader.load(SPECS.resolve("minimal-field-reference.json"));

    assertThat(result.spec()).isEmpty();
    String fk = "/diagram/database/tables/0/fields/1/foreignKey";
    String audit = "/diagram/features/audit-security/";
    String ip = audit + "ip-whitelisting";
    String child = ip + "/children/some-child-feature";
    assertThat(result.diagnostics().all())
        .extracting(Diagnostic::code, Diagnostic::pointer, d -> d.position().line())
        .containsExactly(
            tuple(Code.FK_TYPE_MISMATCH, fk, 62),
            tuple(Code.FK_UNKNOWN_TABLE, fk + "/table", 63),
            tuple(Code.PER_KEY_OPTION, "/diagram/cache/keys/redis/0/eviction", 102),
            tuple(Code.FEATURE_UNKNOWN_COLUMN,
                "/diagram/features/authentication/email-password-login/usedColumns/users/1", 145),
            tuple(Code.FEATURE_UNKNOWN_CACHE_KEY, audit + "rate-limiting/usedCacheKeys/0", 154),
            tuple(Code.FEATURE_UNKNOWN_CACHE_KEY, audit + "rate-limiting/usedCacheKeys/1", 155),
            tuple(Code.FEATURE_UNKNOWN_TABLE, ip + "/usedColumns/ip_rules", 161),
            tuple(Code.FEATURE_UNKNOWN_CACHE_KEY, ip + "/usedCacheKeys/0", 164),
            tuple(Code.FEATURE_UNKNOWN_CACHE_KEY, ip + "/usedCacheKeys/1", 165),
            tuple(Code.FEATURE_NOT_SELECTED, child, 168),
            tuple(Code.FEATURE_UNKNOWN_TABLE, child + "/usedColumns/ip_rules", 170),
            tuple(Code.FEATURE_UNKNOWN_CACHE_KEY, child + "/usedCacheKeys/0", 173));
    assertThat(result.diagnostics().errors().get(0).format()).startsWith(
        "minimal-field-reference.json:62:15: error: [AS042] foreign key users.email is VARCHAR");
    assertThat(result.diagnostics().summary()).isEqualTo("2 errors, 10 warnings");
  }

  @Test
  @DisplayName("the full spec has no error, its fifteen known warnings, and a linked model")
  void fullSpec() {
    LoadResult result = SpecLoader.load(SPECS.resolve("auth-service-full.json"));

    assertThat(result.diagnostics().errors()).isEmpty();
    List<String> warnings = result.diagnostics().warnings().stream()
        .map(d -> d.code().id() + " " + d.pointer()).toList();
    String f = "/diagram/features/";
    assertThat(warnings).containsExactly(
        "AS073 /midPanel/selectedFeatures/14",
        "AS073 /midPanel/selectedFeatures/15",
        "AS073 /midPanel/selectedFeatures/42",
        "AS070 " + f + "token-system/token-scopes/usedColumns/scopes",
        "AS070 " + f + "token-system/token-scopes/usedColumns/token_scopes",
        "AS070 " + f + "token-system/token-scopes/usedColumns/user_scopes",
        "AS070 " + f + "authorization/abac/usedColumns/attributes",
        "AS070 " + f + "authorization/abac/usedColumns/policies",
        "AS070 " + f + "authorization/abac/usedColumns/attribute_values",
        "AS070 " + f + "authorization/abac/usedColumns/policy_rules",
        "AS070 " + f + "authorization/abac/children/tag-based-permissions/usedColumns/tags",
        "AS070 " + f + "authorization/abac/children/tag-based-permissions/usedColumns/resource_tags",
        "AS070 " + f + "authorization/abac/children/tag-based-permissions/usedColumns/tag_permissions",
        "AS074 " + f + "oauth2-server/oauth2/children/client-secret-rotation",
        "AS080 /externalServices/1/endpoints/0");

    Spec spec = result.spec().orElseThrow();
    assertThat(spec.database().tables()).hasSize(63);
    assertThat(spec.featuresNotInDiagram()).extracting(Feature::id)
        .containsExactly("sms-codes", "email-codes", "login-notifications");

    List<ForeignKey> fks = spec.database().tables().stream()
        .flatMap(t -> t.foreignKeys().stream()).toList();
    assertThat(fks).isNotEmpty().allSatisfy(k -> {
      assertThat(k.target().table().column(k.target().name())).containsSame(k.target());
      assertThat(k.target().primaryKey() || k.target().unique()).isTrue();
      assertThat(k.target().type()).isEqualTo(k.source().type());
    });

    Feature abac = spec.feature("abac").orElseThrow();
    assertThat(abac.missing()).contains("table attributes", "table policies");
    Feature login = spec.allFeatures().stream().filter(x -> !x.usedColumns().isEmpty())
        .findFirst().orElseThrow();
    login.usedColumns().forEach((table, columns) -> {
      assertThat(spec.database().table(table.name())).containsSame(table);
      columns.forEach(c -> assertThat(c.table()).isSameAs(table));
    });
  }
}
