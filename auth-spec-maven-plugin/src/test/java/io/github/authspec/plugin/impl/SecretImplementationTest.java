package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.authspec.model.Feature;
import io.github.authspec.model.Spec;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.BuildLog;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationOrchestrator;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.Generators;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.Specs;
import io.github.authspec.plugin.testsupport.StartGun;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eight single-use-secret features over SingleUseSecrets, generated from the full seed spec
 * (Generated: compiled with -Xlint:all -Werror) and run against real PostgreSQL; the secrets go
 * out through the generated HttpNotificationsClient to a JDK HttpServer started here, which
 * reads them back as JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretImplementationTest {
  static final int THREADS = 16;
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration LIFETIME = Duration.ofMinutes(15);
  final List<Map<String, String>> sent = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final SecureRandom random = new SecureRandom();
  final byte[] codeKey = new byte[32];
  HttpServer server;
  Object notifications;
  DataSource db;
  MutableClock clock;

  @BeforeAll
  void start() throws Exception {
    random.nextBytes(codeKey);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      paths.add(exchange.getRequestURI().getPath());
      @SuppressWarnings("unchecked")
      Map<String, String> message = JSON.readValue(body, Map.class);
      sent.add(message);
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    Class<?> codecType = Generated.type("client.JsonCodec");
    Object codec = Proxy.newProxyInstance(codecType.getClassLoader(), new Class<?>[] {codecType},
        (p, m, a) -> m.getName().equals("toJson") ? JSON.writeValueAsString(a[0])
            : JSON.readValue((String) a[0], (Class<?>) a[1]));
    Object http = Generated.create("client.HttpJsonClient",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()), codec,
        Duration.ofSeconds(2), Duration.ofSeconds(5), Map.of());
    notifications = Generated.create("client.HttpNotificationsClient", http);
    db = Generated.database("impl_secrets");
    clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  }

  @AfterAll
  void stop() {
    server.stop(0);
  }

  @Test
  @DisplayName("the full seed spec binds all eight features to their tables' real columns, without edits or warnings")
  void seedSpecBinds(@TempDir Path dir) {
    Spec spec = Specs.load(Specs.FULL);
    Reporter reporter = new Reporter("auth-spec.json");
    GenerationContext context = new GenerationContext(spec, Specs.project(Specs.FULL, dir)
        .toBuilder().implementations(true).build(), reporter);
    RoleBinder binder = RoleBinder.of(context);
    List<String> bound = new ArrayList<>();
    for (String id : Features.ids(Features.SECRETS)) {
      Feature feature = spec.feature(id).orElseThrow();
      Binding binding = binder.bind(feature, Features.of(id).orElseThrow().roles(), context);
      assertThat(binding.missing()).as(id).isEmpty();
      binding.columns().forEach((role, c) -> bound.add(id + "." + role + "=" + c.qualifiedName()));
    }
    assertThat(reporter.diagnostics().all()).extracting(d -> d.code())
        .doesNotContain(Code.UNBOUND_ROLE);
    assertThat(bound).contains("magic-links.secret=magic_links.token",
        "magic-links.usedAt=magic_links.used_at", "magic-links.account.email=users.email",
        "email-verification.secret=users.email_verification_token",
        "email-verification.verified=users.email_verified",
        "phone-verification.secret=users.phone_verification_code",
        "account-recovery.usedAt=recovery_requests.completed_at",
        "account-recovery.account.passwordHash=users.password_hash",
        // the invitation's own email is not the account's: each in its table
        "invite-only-registration.email=invitations.email",
        "invite-only-registration.account.email=users.email",
        "tenant-invite-codes.secret=tenant_invites.code",
        "tenant-invite-codes.usedCount=tenant_invites.used_count",
        "tenant-invite-codes.tenant=tenant_invites.tenant_id",
        "tenant-invite-codes.account.tenant=users.tenant_id",
        "email-change-workflow.usedAt=email_change_requests.confirmed_at",
        "phone-change-workflow.secret=phone_change_requests.code",
        "phone-change-workflow.account.phone=users.phone");
  }

  @Test
  @DisplayName("a role that cannot bind is AS116 naming what to add, and the feature keeps its interface only")
  void unboundRole(@TempDir Path dir) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(Specs.bytes(Specs.FULL));
    for (JsonNode t : root.path("diagram").path("database").path("tables")) {
      if (t.path("name").asText().equals("tenant_invites")) {
        ArrayNode fields = (ArrayNode) t.path("fields");
        for (int i = fields.size() - 1; i >= 0; i--) {
          if (fields.get(i).path("name").asText().equals("used_count")) {
            fields.remove(i);
          }
        }
      }
    }
    List<GeneratedFile> files = plan(root, dir, d -> {
      assertThat(d).filteredOn(x -> x.code() == Code.UNBOUND_ROLE && !Specs.seedGap(x))
          .singleElement()
          .satisfies(x -> assertThat(x.message()).contains("'tenant-invite-codes'",
              "tenant-invite-codes.usedCount"))
          .satisfies(x -> assertThat(x.hint()).contains("used_count", "tenant_invites"));
    });
    assertThat(files).extracting(GeneratedFile::path)
        .anyMatch(p -> p.endsWith("/TenantInviteCodesService.java"))
        .noneMatch(p -> p.endsWith("/DefaultTenantInviteCodesService.java"))
        .anyMatch(p -> p.endsWith("/DefaultMagicLinksService.java"));
  }

  @Test
  @DisplayName("without the send endpoint in the spec, the class takes its own Sender instead of the client")
  void senderWithoutEndpoint(@TempDir Path dir) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(Specs.bytes(Specs.FULL));
    for (JsonNode service : root.path("externalServices")) {
      ArrayNode endpoints = (ArrayNode) service.path("endpoints");
      for (int i = endpoints.size() - 1; i >= 0; i--) {
        if (endpoints.get(i).asText().endsWith("/send-magic-link")) {
          endpoints.remove(i);
        }
      }
    }
    List<GeneratedFile> files = plan(root, dir, d -> { });
    String magic = files.stream().filter(f -> f.path().endsWith("/DefaultMagicLinksService.java"))
        .findFirst().orElseThrow().text();
    assertThat(magic).contains("public interface Sender", "Sender sender", "sender.send(message)")
        .doesNotContain("NotificationsClient");
    String verification = files.stream()
        .filter(f -> f.path().endsWith("/DefaultEmailVerificationService.java")).findFirst()
        .orElseThrow().text();
    assertThat(verification).contains("notifications.sendVerificationEmail(message, Void.class)");
  }

  @Test
  @DisplayName("each feature gets Default<Feature>Service; senders take the generated notifications client")
  void generated() {
    for (String name : List.of("DefaultMagicLinksService", "DefaultEmailVerificationService",
        "DefaultPhoneVerificationService", "DefaultAccountRecoveryService",
        "DefaultInviteOnlyRegistrationService", "DefaultTenantInviteCodesService",
        "DefaultEmailChangeWorkflowService", "DefaultPhoneChangeWorkflowService")) {
      String text = text(name + ".java");
      assertThat(text).as(name).contains("SingleUseSecrets");
      boolean sends = !name.contains("Invite");
      assertThat(text.contains("NotificationsClient notifications")).as(name).isEqualTo(sends);
    }
    assertThat(text("DefaultMagicLinksService.java")).contains("notifications.sendMagicLink(");
    assertThat(text("DefaultAccountRecoveryService.java"))
        .contains("notifications.sendPasswordReset(")
        .contains("this.credentials = Credentials.of(dataSource, clock, redis, accessTokens)")
        .contains("credentials.end(user, AccountCredentials.Change.PASSWORD_RESET)");
  }

  @Test
  @DisplayName("magic link: sent through the client, consumed once, refused when wrong or expired (fixed clock), stored as a hash")
  void magicLinks() throws Exception {
    long user = Generated.user(db, "magic@example.org");
    Object links = create("DefaultMagicLinksService", db, clock, random, LIFETIME, notifications);
    Object context = Generated.context();
    Generated.call(links, "sendMagicLink", "Magic@Example.org",
        URI.create("https://app.example.org/callback?x=1"), context);
    Map<String, String> message = last("/notifications-service/send-magic-link");
    String token = message.get("token");
    assertThat(token).hasSize(43);
    assertThat(message.get("to")).isEqualTo("magic@example.org");
    assertThat(message.get("link")).isEqualTo("https://app.example.org/callback?x=1&token=" + token);
    assertThat(message.get("expiresAt")).isEqualTo(clock.instant().plus(LIFETIME).toString());
    assertThat(stored(db, "SELECT string_agg(token, ',') FROM magic_links"))
        .doesNotContain(token).contains(sha256(token));

    int before = sent.size();
    Generated.call(links, "sendMagicLink", "nobody@example.org", URI.create("https://app/"), context);
    assertThat(sent).as("unknown address: nothing sent, same answer").hasSize(before);
    assertThatThrownBy(() -> Generated.call(links, "sendMagicLink", "magic@example.org",
        URI.create("/relative"), context)).isInstanceOf(IllegalArgumentException.class);

    assertThat(status(Generated.call(links, "consumeMagicLink", token + "x", context))).isEqualTo("FAILED");
    Object result = Generated.call(links, "consumeMagicLink", token, context);
    assertThat(status(result)).isEqualTo("AUTHENTICATED");
    assertThat(result.getClass().getMethod("userId").invoke(result)).isEqualTo(user);
    assertThat(status(Generated.call(links, "consumeMagicLink", token, context)))
        .as("used").isEqualTo("FAILED");

    Generated.call(links, "sendMagicLink", "magic@example.org", URI.create("https://app/"), context);
    String late = last("/notifications-service/send-magic-link").get("token");
    clock.advance(LIFETIME);
    assertThat(status(Generated.call(links, "consumeMagicLink", late, context)))
        .as("at its expiry instant").isEqualTo("FAILED");
    clock.advance(Duration.ofMinutes(-1));
    assertThat(status(Generated.call(links, "consumeMagicLink", late, context))).isEqualTo("AUTHENTICATED");
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  @DisplayName("start gun: 16 threads consume one magic link, exactly one is signed in, 15 get FAILED")
  void magicLinkRace() throws Exception {
    Generated.user(db, "race@example.org");
    Object links = create("DefaultMagicLinksService", db, clock, random, LIFETIME, notifications);
    Object context = Generated.context();
    Generated.call(links, "sendMagicLink", "race@example.org", URI.create("https://app/"), context);
    String token = last("/notifications-service/send-magic-link").get("token");
    List<String> outcomes = StartGun.fire(THREADS,
        () -> status(Generated.call(links, "consumeMagicLink", token, context)));
    assertThat(outcomes).filteredOn("AUTHENTICATED"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("FAILED"::equals).hasSize(THREADS - 1);
  }

  @Test
  @DisplayName("email verification: the token lives in the user's row as a windowed hash; verify once; expired after 1.25 x lifetime")
  void emailVerification() {
    long user = Generated.user(db, "verify@example.org");
    Object service = create("DefaultEmailVerificationService", db, clock, random, LIFETIME,
        notifications);
    Object context = Generated.context();
    Generated.call(service, "sendVerification", user, context);
    Map<String, String> message = last("/notifications-service/send-verification-email");
    assertThat(message.get("to")).isEqualTo("verify@example.org");
    String token = message.get("token");
    String stored = stored(db, "SELECT email_verification_token FROM users WHERE id = " + user);
    assertThat(stored).hasSize(43).isNotEqualTo(token).isNotEqualTo(sha256(token));
    assertThat(Generated.call(service, "verify", "wrong", context)).isEqualTo(false);
    assertThat(Generated.call(service, "verify", token, context)).isEqualTo(true);
    assertThat(stored(db, "SELECT email_verified FROM users WHERE id = " + user)).isEqualTo("t");
    assertThat(stored(db, "SELECT email_verification_token FROM users WHERE id = " + user)).isNull();
    assertThat(Generated.call(service, "verify", token, context)).as("used").isEqualTo(false);

    Generated.call(service, "sendVerification", user, context);
    String first = last("/notifications-service/send-verification-email").get("token");
    Generated.call(service, "sendVerification", user, context);
    String second = last("/notifications-service/send-verification-email").get("token");
    assertThat(Generated.call(service, "verify", first, context)).as("replaced").isEqualTo(false);
    clock.advance(LIFETIME.multipliedBy(5).dividedBy(4));
    assertThat(Generated.call(service, "verify", second, context)).as("expired").isEqualTo(false);
    Generated.call(service, "sendVerification", user, context);
    String third = last("/notifications-service/send-verification-email").get("token");
    clock.advance(LIFETIME.minusSeconds(1));
    assertThat(Generated.call(service, "verify", third, context)).as("within its lifetime").isEqualTo(true);
  }

  @Test
  @DisplayName("phone verification: a 6-digit code bound to its user (HMAC, 10 characters stored), once, not for another user")
  void phoneVerification() {
    long user = Generated.user(db, "phone@example.org");
    long other = Generated.user(db, "phone2@example.org");
    exec(db, "UPDATE users SET phone = '+15550000001' WHERE id = " + user);
    exec(db, "UPDATE users SET phone = '+15550000002' WHERE id = " + other);
    Object service = create("DefaultPhoneVerificationService", db, clock, random, codeKey,
        LIFETIME, notifications);
    Object context = Generated.context();
    Generated.call(service, "sendVerification", user, context);
    Map<String, String> message = last("/notifications-service/send-verification-sms");
    assertThat(message.get("to")).isEqualTo("+15550000001");
    String code = message.get("code");
    assertThat(code).matches("[0-9]{6}");
    assertThat(stored(db, "SELECT phone_verification_code FROM users WHERE id = " + user))
        .hasSize(10).isNotEqualTo(code);
    assertThat(Generated.call(service, "verify", other, code, context)).as("another user").isEqualTo(false);
    assertThat(Generated.call(service, "verify", user, code, context)).isEqualTo(true);
    assertThat(stored(db, "SELECT phone_verified FROM users WHERE id = " + user)).isEqualTo("t");
    assertThat(Generated.call(service, "verify", user, code, context)).as("used").isEqualTo(false);
  }

  @Test
  @DisplayName("account recovery: same answer for unknown addresses; the token sets the password once and ends the sessions; policy first")
  void accountRecovery() throws Exception {
    long user = Generated.user(db, "recover@example.org");
    byte[] handleKey = new byte[32];
    random.nextBytes(handleKey);
    Object sessions = Generated.create("service.accountmanagement.DefaultLogoutService", db,
        handleKey, clock, Duration.ofMinutes(30), Duration.ofHours(8), 5, Generated.scripts(),
        Generated.accessTokens());
    Object context = Generated.context();
    String session = (String) Generated.call(sessions, "create", user, context);
    Object remember = Generated.create(Generated.className("DefaultRememberMeService"), db, clock,
        random, Duration.ofDays(30));
    String cookie = (String) Generated.call(remember, "issue", user, context);
    Object keys = Generated.create(Generated.className("DefaultApiKeyAuthService"), db, clock,
        random);
    String apiKey = (String) Generated.call(keys, "createKey", user, "ci", Set.of("read"),
        java.util.Optional.empty());
    Object jwt = Generated.deniedJwt(db, clock);
    String access = Generated.accessToken(jwt, user);
    Object hasher = hasher();
    Object policies = policies();
    Object recovery = create("DefaultAccountRecoveryService", db, clock, random, LIFETIME, hasher,
        policies, notifications, Generated.scripts(), Generated.accessTokens());
    int before = sent.size();
    Generated.call(recovery, "startRecovery", "nobody@example.org", context);
    assertThat(sent).hasSize(before);
    Generated.call(recovery, "startRecovery", "recover@example.org", context);
    String token = last("/notifications-service/send-password-reset").get("token");
    assertThat(stored(db, "SELECT recovery_method FROM recovery_requests")).isEqualTo("email");
    assertThatThrownBy(() -> Generated.call(recovery, "completeRecovery", token,
        "short".toCharArray(), context)).hasMessageContaining("password-policy")
        .hasMessageNotContaining(token);
    String password = "correct horse battery staple";
    Generated.call(recovery, "completeRecovery", token, password.toCharArray(), context);
    String hash = stored(db, "SELECT password_hash FROM users WHERE id = " + user);
    assertThat(Generated.call(hasher, "verify", password.toCharArray(), hash)).isEqualTo(true);
    assertThat(Generated.call(sessions, "validate", session, context))
        .as("sessions end with a reset").isEqualTo(java.util.Optional.empty());
    assertThat(Generated.call(remember, "authenticate", cookie, context))
        .as("remember-me ends with a reset").isEqualTo(java.util.Optional.empty());
    assertThat(Generated.call(keys, "authenticate", apiKey, context))
        .as("API keys end with a reset").isEqualTo(java.util.Optional.empty());
    assertThat(Generated.call(jwt, "verifyAccessToken", access))
        .as("access tokens end with a reset (the deny-list)").isEqualTo(java.util.Optional.empty());
    assertThatThrownBy(() -> Generated.call(recovery, "completeRecovery", token,
        password.toCharArray(), context)).as("used")
        .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("Refused"))
        .hasMessage("the secret is unknown, expired or already used");
  }

  @Test
  @DisplayName("invite-only registration: the token creates the invited account once; a taken address leaves it unused")
  void inviteOnly() {
    long inviter = Generated.user(db, "inviter@example.org");
    Object invites = create("DefaultInviteOnlyRegistrationService", db, clock, random, LIFETIME,
        hasher(), policies());
    Object context = Generated.context();
    String token = (String) Generated.call(invites, "invite", "New@Example.org", inviter, Set.of());
    assertThat(stored(db, "SELECT token FROM invitations WHERE email = 'new@example.org'"))
        .isEqualTo(sha256(token));
    char[] password = "a long enough passphrase".toCharArray();
    long created = (long) Generated.call(invites, "accept", token, password, context);
    assertThat(stored(db, "SELECT email FROM users WHERE id = " + created)).isEqualTo("new@example.org");
    assertThat(stored(db, "SELECT used_by FROM invitations WHERE email = 'new@example.org'"))
        .isEqualTo(Long.toString(created));
    assertThatThrownBy(() -> Generated.call(invites, "accept", token, password, context))
        .hasMessage("the secret is unknown, expired or already used");

    String taken = (String) Generated.call(invites, "invite", "inviter@example.org", inviter, Set.of());
    assertThatThrownBy(() -> Generated.call(invites, "accept", taken, password, context))
        .hasMessageContaining("email-taken");
    assertThat(stored(db, "SELECT used_at FROM invitations WHERE token = '" + sha256(taken) + "'"))
        .as("still unused").isNull();
    String revoked = (String) Generated.call(invites, "invite", "later@example.org", inviter, Set.of());
    Generated.call(invites, "revokeInvitation", stored(db, "SELECT id FROM invitations WHERE "
        + "email = 'later@example.org'"));
    assertThatThrownBy(() -> Generated.call(invites, "accept", revoked, password, context))
        .as("revoked").hasMessage("the secret is unknown, expired or already used");
    assertThatThrownBy(() -> Generated.call(invites, "invite", "x@example.org", inviter,
        Set.of("admin"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("start gun: 16 threads redeem one tenant invite code with max uses 5: exactly 5 join, 11 are refused")
  void tenantInviteRace() throws Exception {
    long tenant = Generated.scalar(db, "INSERT INTO tenants (name) VALUES ('acme') RETURNING id");
    List<Long> users = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      users.add(Generated.user(db, "member" + i + "@example.org"));
    }
    Object codes = create("DefaultTenantInviteCodesService", db, clock, random);
    String code = (String) Generated.call(codes, "createCode", tenant, 5,
        clock.instant().plus(Duration.ofDays(1)));
    assertThat(stored(db, "SELECT code FROM tenant_invites")).isEqualTo(sha256(code));
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    List<String> outcomes = StartGun.fire(THREADS, () -> {
      long user = users.get(next.getAndIncrement());
      try {
        return "joined " + Generated.call(codes, "redeem", code, user);
      } catch (RuntimeException e) {
        return e.getMessage();
      }
    });
    assertThat(outcomes).filteredOn(("joined " + tenant)::equals).hasSize(5);
    assertThat(outcomes).filteredOn("the secret is unknown, expired or already used"::equals)
        .hasSize(THREADS - 5);
    assertThat(Generated.scalar(db, "SELECT count(*) FROM users WHERE tenant_id = " + tenant))
        .isEqualTo(5);
    assertThat(Generated.scalar(db, "SELECT used_count FROM tenant_invites")).isEqualTo(5);

    String expiring = (String) Generated.call(codes, "createCode", tenant, 3,
        clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(1));
    assertThatThrownBy(() -> Generated.call(codes, "redeem", expiring, users.get(0)))
        .as("expired").hasMessage("the secret is unknown, expired or already used");
  }

  @Test
  @DisplayName("email and phone change: confirmation goes to the new address or number and applies the change once")
  void changes() {
    long user = Generated.user(db, "old@example.org");
    Object context = Generated.context();
    Object email = create("DefaultEmailChangeWorkflowService", db, clock, random, LIFETIME,
        notifications);
    Generated.call(email, "requestChange", user, "New.Address@example.org", context);
    Map<String, String> message = last("/notifications-service/send-verification-email");
    assertThat(message.get("to")).isEqualTo("new.address@example.org");
    Generated.call(email, "confirmChange", message.get("token"), context);
    assertThat(stored(db, "SELECT email || ' ' || email_verified FROM users WHERE id = " + user))
        .isEqualTo("new.address@example.org true");
    assertThatThrownBy(() -> Generated.call(email, "confirmChange", message.get("token"), context))
        .hasMessage("the secret is unknown, expired or already used");
    Generated.user(db, "taken@example.org");
    Generated.call(email, "requestChange", user, "taken@example.org", context);
    String taken = last("/notifications-service/send-verification-email").get("token");
    assertThatThrownBy(() -> Generated.call(email, "confirmChange", taken, context))
        .hasMessage("email-taken").hasMessageNotContaining(taken);
    assertThat(stored(db, "SELECT confirmed_at FROM email_change_requests WHERE token = '"
        + sha256(taken) + "'")).as("still unused").isNull();

    Object phone = create("DefaultPhoneChangeWorkflowService", db, clock, random, codeKey,
        LIFETIME, notifications);
    Generated.call(phone, "requestChange", user, "+15551234567", context);
    Map<String, String> sms = last("/notifications-service/send-verification-sms");
    assertThat(sms.get("to")).isEqualTo("+15551234567");
    assertThat(stored(db, "SELECT code FROM phone_change_requests")).hasSize(10)
        .isNotEqualTo(sms.get("code"));
    assertThatThrownBy(() -> Generated.call(phone, "confirmChange", user + 1, sms.get("code"),
        context)).as("another user's").hasMessage("the secret is unknown, expired or already used");
    clock.advance(LIFETIME);
    assertThatThrownBy(() -> Generated.call(phone, "confirmChange", user, sms.get("code"),
        context)).as("expired").hasMessage("the secret is unknown, expired or already used");
    Generated.call(phone, "requestChange", user, "+15557654321", context);
    String code = last("/notifications-service/send-verification-sms").get("code");
    Generated.call(phone, "confirmChange", user, code, context);
    assertThat(stored(db, "SELECT phone || ' ' || phone_verified FROM users WHERE id = " + user))
        .isEqualTo("+15557654321 true");
    assertThatThrownBy(() -> Generated.call(phone, "requestChange", user, "555-1234", context))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("no secret in toString or a refusal's message; the stores print table and kind only")
  void noSecretInText() {
    Object links = create("DefaultMagicLinksService", db, clock, random, LIFETIME, notifications);
    Generated.user(db, "leak@example.org");
    Generated.call(links, "sendMagicLink", "leak@example.org", URI.create("https://app/"),
        Generated.context());
    String token = last("/notifications-service/send-magic-link").get("token");
    assertThat(links.toString()).doesNotContain(token);
    Object codes = create("DefaultTenantInviteCodesService", db, clock, random);
    long tenant = Generated.scalar(db, "INSERT INTO tenants (name) VALUES ('leak') RETURNING id");
    String code = (String) Generated.call(codes, "createCode", tenant, 1,
        clock.instant().plus(Duration.ofDays(1)));
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
        Generated.call(codes, "redeem", code + "x", 1L));
    assertThat(refused.getMessage()).doesNotContain(code);
    assertThat(String.valueOf(refused)).doesNotContain(code);
  }

  private static List<GeneratedFile> plan(ObjectNode root, Path dir,
      java.util.function.Consumer<List<io.github.authspec.model.diagnostics.Diagnostic>> check)
      throws Exception {
    Path spec = dir.resolve("edited.json");
    java.nio.file.Files.write(spec, JSON.writeValueAsBytes(root));
    GenerationRequest request = GenerationRequest.defaults(spec, dir.resolve("out")).toBuilder()
        .implementations(true).build();
    GenerationOrchestrator.Planned planned = new GenerationOrchestrator(Generators.all(),
        BuildLog.SILENT).plan(request, java.nio.file.Files.readAllBytes(spec));
    check.accept(planned.diagnostics().all());
    assertThat(planned.failed()).as(planned.diagnostics().format()).isFalse();
    return planned.files();
  }

  private Object hasher() {
    Object pbkdf2 = Generated.passwordAlgorithm(1_000);
    Object none = java.lang.reflect.Array.newInstance(Generated.type("auth.PasswordAlgorithm"), 0);
    return Generated.create("auth.PasswordHasher", random, pbkdf2, none);
  }

  private Object policies() {
    Object blocklist = Generated.create(
        "service.passwordmanagement.DefaultPasswordBlacklistService", db);
    return Generated.create("service.passwordmanagement.DefaultPasswordPoliciesService", db,
        false, blocklist);
  }

  private Map<String, String> last(String path) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      if (paths.get(i).equals(path)) {
        return sent.get(i);
      }
    }
    throw new AssertionError("nothing sent to " + path + ": " + paths);
  }

  private static String status(Object authResult) throws Exception {
    return String.valueOf(authResult.getClass().getMethod("status").invoke(authResult));
  }

  private static void exec(DataSource db, String sql) {
    try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stored(DataSource db, String sql) {
    return Generated.queryText(db, sql);
  }

  private static String sha256(String token) {
    try {
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static Object create(String simpleName, Object... args) {
    String path = Generated.files().stream().map(GeneratedFile::path)
        .filter(p -> p.endsWith("/" + simpleName + ".java")).findFirst().orElseThrow();
    return Generated.create(path.substring((Generated.PACKAGE.replace('.', '/') + "/").length(),
        path.length() - ".java".length()).replace('/', '.'), args);
  }

  private static String text(String suffix) {
    return Generated.files().stream().filter(f -> f.path().endsWith("/" + suffix)).findFirst()
        .map(GeneratedFile::text).orElseThrow();
  }
}
