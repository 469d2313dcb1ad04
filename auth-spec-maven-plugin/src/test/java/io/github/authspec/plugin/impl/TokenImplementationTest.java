package io.github.authspec.plugin.impl;

import static io.github.authspec.plugin.impl.Generated.className;
import static io.github.authspec.plugin.impl.Generated.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.model.Feature;
import io.github.authspec.model.Spec;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token and session features through the implementations switch and role binding: the
 * seed spec binds them
 * all, the generated classes compile with -Xlint:all -Werror (Generated), and they work
 * against real PostgreSQL.
 */
class TokenImplementationTest {
  @TempDir Path dir;

  @Test
  @DisplayName("the full seed spec binds every token and session feature without edits or warnings")
  void seedSpecBindsTokenFeatures() {
    Spec spec = Specs.load(Specs.FULL);
    Reporter reporter = new Reporter("auth-spec.json");
    GenerationContext context = new GenerationContext(spec, Specs.project(Specs.FULL, dir)
        .toBuilder().implementations(true).build(), reporter);
    RoleBinder binder = RoleBinder.of(context);
    List<String> unbound = new ArrayList<>();
    for (String id : Features.ids(Features.SESSIONS)) {
      Feature feature = spec.feature(id).orElseThrow();
      binder.bind(feature, Features.of(id).orElseThrow().roles(), context).missing()
          .forEach(r -> unbound.add(r.id()));
    }
    assertThat(unbound).isEmpty();
    // The seed's placeholder {key} is renamed (AS100, a naming matter); no role is unbound.
    assertThat(reporter.diagnostics().all()).extracting(d -> d.code())
        .doesNotContain(io.github.authspec.model.diagnostics.Code.UNBOUND_ROLE);
    assertThat(Features.ids(Features.SESSIONS)).containsExactly("api-key-auth",
        "session-management", "sliding-sessions", "concurrent-session-limits", "logout");
  }

  @Test
  @DisplayName("a Default*Service is generated for each, with the whole token support area, which is exactly the support directory")
  void generated() throws Exception {
    List<String> paths = Generated.files().stream().map(GeneratedFile::path).toList();
    for (String name : List.of("DefaultApiKeyAuthService", "DefaultSessionManagementService",
        "DefaultSlidingSessionsService", "DefaultConcurrentSessionLimitsService",
        "DefaultLogoutService")) {
      assertThat(paths).as(name).anyMatch(p -> p.endsWith("/" + name + ".java"));
    }
    try (Stream<Path> files = Files.list(Path.of("src/main/support/io/github/authspec/support/token"))) {
      assertThat(TokenWriters.SUPPORT).containsExactlyElementsOf(files
          .map(p -> p.getFileName().toString().replace(".java", "")).sorted().toList());
    }
    for (String name : TokenWriters.SUPPORT) {
      assertThat(paths).contains("com/example/authservice/token/" + name + ".java");
    }
    String sessions = text("DefaultSessionManagementService.java");
    assertThat(sessions).contains("<li>{@code active}: {@code sessions.is_active} (usedColumns)</li>")
        .containsPattern("new Sessions.Table\\(\"sessions\",\\s+\"id\",\\s+\"user_id\"")
        .containsPattern("\"users\",\\s+\"id\"\\)");
  }

  @Test
  @DisplayName("the generated classes work on real PostgreSQL: API keys, sessions with a limit, sliding, enforced limits, logout")
  void generatedClassesWork() throws Exception {
    DataSource db = Generated.database("token_impl");
    long user = Generated.user(db, "tokens@example.org");
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    SecureRandom random = new SecureRandom();
    Object context = Generated.context();

    Object keys = Generated.create(className("DefaultApiKeyAuthService"), db, clock, random);
    String key = (String) Generated.call(keys, "createKey", user, "ci", Set.of("read"), Optional.empty());
    assertThat(key).startsWith("ak_");
    assertThat(Generated.call(keys, "authenticate", key, context)).isEqualTo(Optional.of(user));
    assertThat(Generated.call(keys, "authenticate", key + "x", context)).isEqualTo(Optional.empty());

    byte[] handleKey = new byte[32];
    random.nextBytes(handleKey);
    Object sessions = Generated.create(className("DefaultSessionManagementService"), db, handleKey,
        clock, Duration.ofMinutes(30), Duration.ofHours(8), 2);
    String a = (String) Generated.call(sessions, "create", user, context);
    String b = (String) Generated.call(sessions, "create", user, context);
    String c = (String) Generated.call(sessions, "create", user, context);
    assertThat(Generated.call(sessions, "validate", a, context)).as("evicted by the limit of 2")
        .isEqualTo(Optional.empty());
    assertThat(Generated.call(sessions, "sessions", user)).isEqualTo(List.of(b, c));
    Object sliding = Generated.create(className("DefaultSlidingSessionsService"), db, handleKey,
        clock, Duration.ofMinutes(30), Duration.ofHours(8), 2);
    clock.advance(Duration.ofMinutes(20));
    assertThat(Generated.call(sliding, "touch", b))
        .isEqualTo(Optional.of(clock.instant().plus(Duration.ofMinutes(30))));
    Object limits = Generated.create(className("DefaultConcurrentSessionLimitsService"), db,
        handleKey, clock, Duration.ofMinutes(30), Duration.ofHours(8), 2);
    assertThat(Generated.call(limits, "activeSessions", user)).isEqualTo(2);
    Generated.call(limits, "enforceLimit", user, 1);
    assertThat(Generated.call(limits, "activeSessions", user)).isEqualTo(1);
    assertThat(Generated.call(limits, "validate", b, context)).as("the oldest was ended")
        .isEqualTo(Optional.empty());
    Object logout = Generated.create(className("DefaultLogoutService"), db, handleKey, clock,
        Duration.ofMinutes(30), Duration.ofHours(8), 2, Generated.scripts(),
        Generated.accessTokens());
    Generated.call(logout, "logout", c, context);
    assertThat(Generated.call(sessions, "validate", c, context)).isEqualTo(Optional.empty());

    assertThat(Generated.call(logout, "sessions", user)).isEqualTo(List.of());
  }
}
