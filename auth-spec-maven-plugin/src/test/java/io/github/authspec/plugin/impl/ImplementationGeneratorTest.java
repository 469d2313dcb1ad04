package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.model.Feature;
import io.github.authspec.model.LoadResult;
import io.github.authspec.model.Spec;
import io.github.authspec.model.SpecLoader;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.ClasspathArtifacts;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in switch, role binding on the seed spec, and what an unbound role does. */
class ImplementationGeneratorTest {
  /** The first implemented features: the password, lockout, MFA and abuse ones. */
  static final List<String> IN_SCOPE = List.of("email-password-login", "password-policies",
      "password-blacklist", "password-history", "password-expiration", "force-password-change",
      "account-lockout", "failed-login-tracking", "brute-force-detection", "rate-limiting",
      "totp", "backup-codes", "hardware-tokens", "mfa-grace-period");

  @TempDir Path dir;

  @Test
  @DisplayName("off by default; switched on, it only adds files: every default file is identical")
  void optInOnlyAdds() {
    GenerationRequest request = Specs.project(Specs.FULL, dir);
    assertThat(request.implementations()).isFalse();
    Map<String, String> off = byPath(Specs.plan(request));
    Map<String, String> on = byPath(Specs.plan(request.toBuilder().implementations(true)
        .build()));
    assertThat(off.keySet()).noneMatch(p -> p.contains("/Default") || p.contains("/auth/"));
    assertThat(on).containsAllEntriesOf(off);
    assertThat(on.keySet()).filteredOn(p -> !off.containsKey(p))
        .contains("JAVA:com/example/authservice/service/mfa/DefaultTotpService.java",
            "JAVA:com/example/authservice/auth/Otp.java");
  }

  @Test
  @DisplayName("with bouncyCastle, Argon2id and Bcrypt are added, and the build says what to add")
  void bouncyCastle() throws Exception {
    GenerationRequest request = Specs.project(Specs.FULL, dir).toBuilder().implementations(true)
        .bouncyCastle(true).build();
    GenerationOrchestrator.Planned planned = plan(request);
    assertThat(planned.files()).extracting(GeneratedFile::path)
        .contains("com/example/authservice/auth/Argon2id.java",
            "com/example/authservice/auth/Bcrypt.java");
    GenerationOrchestrator.Planned without = plan(request.toBuilder()
        .classpath(ClasspathArtifacts.of(List.of())).build());
    assertThat(without.diagnostics().all()).anyMatch(d -> d.code() == Code.DEPENDENCY_MISSING
        && d.message().contains("bcprov-jdk18on"));
    assertThat(Specs.plan(request.toBuilder().bouncyCastle(false).build()))
        .extracting(GeneratedFile::path).noneMatch(p -> p.endsWith("/Argon2id.java"));
  }

  @Test
  @DisplayName("the switch, the roles and Bouncy Castle are part of the up-to-date fingerprint")
  void fingerprint() {
    GenerationRequest request = Specs.project(Specs.FULL, dir);
    String base = request.fingerprintText();
    assertThat(request.toBuilder().implementations(true).build().fingerprintText())
        .isNotEqualTo(base);
    assertThat(request.toBuilder().roles(List.of("totp.secret=totp_secrets.secret")).build()
        .fingerprintText()).isNotEqualTo(base);
    assertThat(request.toBuilder().bouncyCastle(true).build().fingerprintText())
        .isNotEqualTo(base);
  }

  @Test
  @DisplayName("the full seed spec binds every in-scope feature without edits")
  void seedSpecBindsEverything() {
    Spec spec = Specs.load(Specs.FULL);
    Reporter reporter = new Reporter("auth-spec.json");
    GenerationContext context = new GenerationContext(spec, Specs.project(Specs.FULL, dir)
        .toBuilder().implementations(true).build(), reporter);
    RoleBinder binder = RoleBinder.of(context);
    List<String> unbound = new ArrayList<>();
    for (String id : IN_SCOPE) {
      Feature feature = spec.feature(id).orElseThrow();
      Binding b = binder.bind(feature, Features.of(id).orElseThrow().roles(), context);
      b.missing().forEach(r -> unbound.add(r.id()));
    }
    assertThat(unbound).isEmpty();
    // The seed's placeholder {key} is renamed (AS100, a naming matter); no role is unbound.
    assertThat(reporter.diagnostics().all()).extracting(d -> d.code())
        .doesNotContain(Code.UNBOUND_ROLE);
    assertThat(Features.ids(Features.ACCOUNT)).containsExactlyInAnyOrderElementsOf(IN_SCOPE);
  }

  @Test
  @DisplayName("bindings come from usedColumns first, then conventions; they are documented")
  void howRolesBind() {
    Spec spec = Specs.load(Specs.FULL);
    GenerationContext context = new GenerationContext(spec, Specs.project(Specs.FULL, dir),
        new Reporter("x"));
    Binding totp = RoleBinder.of(context).bind(spec.feature("totp").orElseThrow(),
        Features.of("totp").orElseThrow().roles(), context);
    assertThat(totp.column("secret").qualifiedName()).isEqualTo("totp_secrets.secret");
    assertThat(totp.how()).containsEntry("secret", "usedColumns")
        .containsEntry("lastUsed", "convention");
    assertThat(totp.column("lastUsed").qualifiedName()).isEqualTo("totp_secrets.last_used_at");
    Binding lockout = RoleBinder.of(context).bind(spec.feature("account-lockout").orElseThrow(),
        Features.of("account-lockout").orElseThrow().roles(), context);
    // users has account_locked_until too; the feature's usedColumns pick lockout_until.
    assertThat(lockout.column("lockedUntil").qualifiedName()).isEqualTo("users.lockout_until");
    String source = text(Specs.plan(Specs.project(Specs.FULL, dir).toBuilder()
        .implementations(true).build()), "DefaultTotpService.java");
    assertThat(source).contains("<li>{@code lastUsed}: {@code totp_secrets.last_used_at} "
        + "(convention)</li>");
  }

  @Test
  @DisplayName("an unbound role is a located warning naming feature, role and what to add; "
      + "the feature keeps its interface only")
  void unboundRole() throws Exception {
    Path spec = specWithout("totp_secrets", "last_used_at");
    GenerationRequest request = GenerationRequest.defaults(spec, dir).toBuilder()
        .implementations(true).build();
    GenerationOrchestrator.Planned planned = plan(request);
    // the seed's tag and abac features are AS116 too (their tables are referenced only)
    List<Diagnostic> unbound = planned.diagnostics().all().stream()
        .filter(d -> d.code() == Code.UNBOUND_ROLE && !Specs.seedGap(d)).toList();
    assertThat(unbound).hasSize(1);
    Diagnostic d = unbound.get(0);
    assertThat(d.pointer()).isEqualTo(Specs.load(Specs.FULL).feature("totp").orElseThrow()
        .pointer());
    assertThat(d.position().line()).isPositive();
    assertThat(d.message()).contains("'totp'", "totp.lastUsed");
    assertThat(d.hint()).contains("last_used_step", "totp_secrets",
        "<roles><role>totp.lastUsed=table.column</role></roles>");
    List<String> paths = planned.files().stream().map(GeneratedFile::path).toList();
    assertThat(paths).anyMatch(p -> p.endsWith("/service/mfa/TotpService.java"))
        .noneMatch(p -> p.endsWith("/DefaultTotpService.java"));
  }

  @Test
  @DisplayName("an explicit role mapping wins; a mapping to a missing column is an error")
  void explicitRoles() throws Exception {
    Path spec = specWithout("totp_secrets", "last_used_at");
    GenerationRequest request = GenerationRequest.defaults(spec, dir).toBuilder()
        .implementations(true).roles(List.of("totp.lastUsed=totp_secrets.confirmed_at")).build();
    GenerationOrchestrator.Planned planned = plan(request);
    assertThat(planned.diagnostics().all())
        .noneMatch(d -> d.code() == Code.UNBOUND_ROLE && !Specs.seedGap(d));
    assertThat(text(planned.files(), "DefaultTotpService.java"))
        .contains("{@code totp_secrets.confirmed_at} (roles parameter)");
    GenerationOrchestrator.Planned bad = plan(request.toBuilder()
        .roles(List.of("totp.lastUsed=totp_secrets.nope", "totp.colour=x.y")).build());
    assertThat(bad.failed()).isTrue();
    assertThat(bad.diagnostics().all()).filteredOn(x -> x.code() == Code.INVALID_CONFIGURATION)
        .hasSize(2);
  }

  @Test
  @DisplayName("an unknown role's hint lists the roles of every implemented feature, token, "
      + "JWT and single-use-secret features included")
  void unknownRoleHintListsEveryFeature() {
    Reporter reporter = new Reporter("auth-spec.json");
    GenerationContext context = new GenerationContext(Specs.load(Specs.FULL),
        Specs.project(Specs.FULL, dir).toBuilder().implementations(true)
            .roles(List.of("jwt-tokens.colour=refresh_tokens.family_id")).build(), reporter);
    RoleBinder.of(context);
    List<Diagnostic> bad = reporter.diagnostics().all().stream()
        .filter(d -> d.code() == Code.INVALID_CONFIGURATION).toList();
    assertThat(bad).hasSize(1);
    assertThat(bad.get(0).hint()).contains("totp.secret", "api-key-auth.keyHash",
        "jwt-tokens.family", "remember-me.tokenHash", "magic-links.secret");
  }

  @Test
  @DisplayName("the implementations are bound once per run: callers on two threads (the "
      + "generator and the Spring flavour) share one result, and its warnings and notes are "
      + "reported once")
  void boundOncePerRun() throws Exception {
    Path spec = specWithout("totp_secrets", "last_used_at");
    LoadResult loaded = SpecLoader.load(spec);
    GenerationContext context = new GenerationContext(loaded.spec().orElseThrow(),
        GenerationRequest.defaults(spec, dir).toBuilder().implementations(true).build(),
        loaded.reporter());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<List<ImplementationGenerator.Implementation>> call =
          () -> ImplementationGenerator.implementations(context);
      List<Future<List<ImplementationGenerator.Implementation>>> calls =
          pool.invokeAll(List.of(call, call));
      assertThat(calls.get(0).get()).isNotEmpty().isSameAs(calls.get(1).get());
    } finally {
      pool.shutdown();
    }
    assertThat(loaded.reporter().diagnostics().all())
        .filteredOn(d -> d.code() == Code.UNBOUND_ROLE && !Specs.seedGap(d)).hasSize(1);
    assertThat(context.notes()).filteredOn(n -> n.startsWith("auth-spec: totp: ")).hasSize(1);
  }

  private GenerationOrchestrator.Planned plan(GenerationRequest request) {
    return Specs.planned(request);
  }

  /** The full spec with one column removed from a table. */
  private Path specWithout(String table, String column) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(Specs.bytes(Specs.FULL));
    for (var t : root.path("diagram").path("database").path("tables")) {
      if (t.path("name").asText().equals(table)) {
        ArrayNode fields = (ArrayNode) t.path("fields");
        for (int i = 0; i < fields.size(); i++) {
          if (fields.get(i).path("name").asText().equals(column)) {
            fields.remove(i);
          }
        }
      }
    }
    Path spec = dir.resolve("edited.json");
    Files.write(spec, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    return spec;
  }

  private static Map<String, String> byPath(List<GeneratedFile> files) {
    return files.stream().collect(Collectors.toMap(f -> f.root() + ":" + f.path(),
        GeneratedFile::text, (a, b) -> a, java.util.TreeMap::new));
  }

  private static String text(List<GeneratedFile> files, String suffix) {
    return files.stream().filter(f -> f.path().endsWith("/" + suffix)).findFirst()
        .map(GeneratedFile::text).orElseThrow(() -> new AssertionError("no " + suffix));
  }

}
