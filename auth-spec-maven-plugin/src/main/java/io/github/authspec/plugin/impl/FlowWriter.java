package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * The generated {@code LoginFlows}: the support class {@code LoginFlow} composed of exactly the
 * steps the spec's selected and bound features give, each over the same tables and columns as
 * the feature's own class. Written when {@code email-password-login} and a session or
 * refresh-token store are bound; its factory's parameters are the secrets and settings those
 * steps need, and nothing else.
 */
final class FlowWriter {
  private static final String LOGIN = Features.EMAIL_PASSWORD_LOGIN;
  private static final String LOCKOUT = Features.ACCOUNT_LOCKOUT;
  /** The support classes the flow itself adds, of area {@code auth}. */
  static final List<String> SUPPORT = List.of("LoginChallenges", "LoginFlow", "LoginOutcome",
      "LoginSteps", "RedisScripts", "SecretBox");

  private final FlowCode code;
  private final Map<String, Binding> bound;
  private final Target t;
  private final CodeBlock.Builder body;
  private final List<String> steps;

  private FlowWriter(Map<String, Binding> bound, Target t) {
    this.code = new FlowCode(bound, t,
        MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC));
    this.bound = bound;
    this.t = t;
    this.body = code.body;
    this.steps = code.steps;
  }

  /** Whether the spec binds what a login flow needs: the password and a credential to issue. */
  static boolean needed(Map<String, Binding> bound) {
    return bound.containsKey(LOGIN) && (first(bound, Features.SESSION_STORES).isPresent()
        || first(bound, Features.REFRESH_STORES).isPresent());
  }

  /** The class {@code LoginFlows} of the service package, and the steps it composes. */
  static ImplementationGenerator.Flow write(Map<String, Binding> bound, Target t) {
    TypeSpec type = new FlowWriter(bound, t).write();
    boolean totp = bound.containsKey(Features.TOTP);
    return new ImplementationGenerator.Flow(type,
        totp || bound.containsKey(Features.BACKUP_CODES),
        totp && bound.containsKey(Features.MFA_GRACE_PERIOD),
        bound.containsKey(Features.FORCE_PASSWORD_CHANGE)
            || bound.containsKey(Features.PASSWORD_EXPIRATION),
        first(bound, Features.SESSION_STORES).isPresent(),
        first(bound, Features.REFRESH_STORES).isPresent(), SETTINGS);
  }

  /**
   * The defaults of the factory's settings: those of the feature each one configures, so the
   * flow's limits, issuer, grace period and password age start where the features' own classes
   * do.
   */
  private static final Map<String, SettingDefault> SETTINGS = Map.of(
      "rateLimit", setting(Features.RATE_LIMITING, "limit"),
      "ratePeriod", setting(Features.RATE_LIMITING, "period"),
      "bruteForceThreshold", setting(Features.BRUTE_FORCE_DETECTION, "threshold"),
      "bruteForceWindow", setting(Features.BRUTE_FORCE_DETECTION, "window"),
      "totpIssuer", setting(Features.TOTP, "issuer"),
      "mfaGrace", setting(Features.MFA_GRACE_PERIOD, "grace"),
      "passwordMaxAge", setting(Features.PASSWORD_EXPIRATION, "maxAge"));

  private static SettingDefault setting(String feature, String name) {
    return Features.of(feature).flatMap(f -> f.setting(name)).orElseThrow();
  }

  private TypeSpec write() {
    TypeName id = t.userId().box();
    ClassName flow = t.support("LoginFlow");
    param(DataSource.class, "dataSource", "the database");
    param(Clock.class, "clock", "the time of every step");
    param(t.support("PasswordHasher"), "hasher", "hashes and verifies passwords");
    ParameterizedTypeName builder = ParameterizedTypeName.get(t.support("LoginSteps")
        .nestedClass("Builder"), id);
    body.addStatement("$T<$T> password = $L", t.support("EmailPasswordLogin"), id,
        EmailPasswordLoginWriter.accounts(bound.get(LOGIN), t));
    body.addStatement("$T steps = $T.builder(password, $L)", builder, t.support("LoginSteps"),
        parse(id));
    steps.add("the password");
    // Its redis and accessTokens, when it denies tokens, are the deny-list's and the issuer's.
    t.credentials().ifPresent(c -> body.addStatement("$T credentials = $L",
        t.support("token", "AccountCredentials"), t.credentialsCall()));
    limits();
    lockout();
    bars();
    FlowFactors.write(code);
    issue(id);
    Optional.ofNullable(bound.get(Features.LOGIN_HISTORY)).ifPresent(b -> {
      body.addStatement("$T history = new $T(dataSource,$W$L,$Wclock)",
          t.support("LoginHistory"), t.support("LoginHistory"), delegating(b).mapping(b, t));
      body.addStatement("steps.history((user, ok, client, code) ->$Whistory.record(user, ok,"
          + " client.ip(), client.userAgent(), code))");
      steps.add("the login history");
    });
    Optional.ofNullable(bound.get(Features.LOGIN_NOTIFICATIONS)).ifPresent(b -> {
      ClassName type = t.support("LoginNotifications");
      DelegatingWriter.NotifierParameter p = DelegatingWriter.NotifierParameter.of(
          Features.LOGIN_NOTIFICATIONS, t, type.nestedClass("Notifier"));
      param(p.type(), p.name(), p.doc());
      body.addStatement("$T notices = new $T(dataSource,$W$L,$Wclock, $L)", type, type,
          delegating(b).mapping(b, t), p.argument());
      body.addStatement("steps.notifications((user, client) ->$Wnotices.notifyIfUnusual(user,"
          + " client.ip(), client.userAgent()))");
      steps.add("the notification of a sign-in from somewhere new");
    });
    body.addStatement("return new $T<>(steps.build())", flow);
    return TypeSpec.classBuilder(t.shared("LoginFlows")).addModifiers(Modifier.PUBLIC,
            Modifier.FINAL)
        .addJavadoc("The login flow of this service: $L, in that order.\n\n<p>Generated by "
            + "auth-spec; do not edit.\n", String.join(", ", steps))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(code.of.returns(ParameterizedTypeName.get(flow, id))
            .addJavadoc("The flow over the spec's tables.\n\n").addJavadoc("$L", code.doc())
            .addJavadoc("@return the flow\n").addCode(body.build()).build())
        .build();
  }

  /**
   * The address's rate limit and brute-force block. The spec's rate-limit keys name no bucket
   * for an address typed at login, so the account's limit here is the lock.
   */
  private void limits() {
    Optional.ofNullable(bound.get(Features.RATE_LIMITING))
        .map(b -> RateLimitingWriter.scopes(b, t).get("ip")).ifPresent(scope -> {
          param(TypeName.INT, "rateLimit", "requests per period from one address");
          param(java.time.Duration.class, "ratePeriod", "the rate limit's period");
          code.redis();
          body.addStatement("$T limits = new $T(redis, clock, rateLimit, ratePeriod,$W$T.of($L))",
              t.support("RateLimits"), t.support("RateLimits"), List.class, scope);
          body.add("steps.rateLimits(bucket -> {\n$>")
              .addStatement("$T.Result r = bucket.startsWith($S) ? limits.acquire(bucket) : null",
                  t.support("RateLimiter"), "ip:")
              .addStatement("return r == null || r.allowed() ? $T.empty() : $T.of(r.retryAfter())",
                  Optional.class, Optional.class)
              .add("$<});\n");
          steps.add("the address's rate limit");
        });
    Optional.ofNullable(bound.get(Features.BRUTE_FORCE_DETECTION)).ifPresent(b -> {
      ClassName ip = BruteForceWriter.keyClass(t, b.keys("ipCounter").get(0));
      param(TypeName.INT, "bruteForceThreshold", "failures from an address that mean an attack");
      param(java.time.Duration.class, "bruteForceWindow", "the failures' counting window");
      code.redis();
      body.addStatement("$T bruteForce = new $T(redis, bruteForceThreshold, bruteForceWindow)",
          t.support("BruteForceDetector"), t.support("BruteForceDetector"));
      body.addStatement("steps.bruteForce(ip -> bruteForce.isUnderAttack(new $T(ip).key()),$W"
          + "ip -> bruteForce.recordAttempt(new $T(ip).key(), $T.empty(), false))", ip, ip,
          Optional.class);
      steps.add("the address's brute-force block");
    });
  }

  private void lockout() {
    Optional.ofNullable(bound.get(LOCKOUT)).ifPresent(b -> {
      ClassName lockout = t.support("AccountLockout");
      param(t.support("LockoutPolicy"), "policy", "when and how long a lock lasts");
      body.addStatement("$T lockout = new $T(dataSource,$W$L,$Wclock, policy)", lockout, lockout,
          AccountLockoutWriter.mapping(b, t));
      body.addStatement("steps.lockout(user -> lockout.lockedUntil(user).isPresent(),"
          + "$Wlockout::recordFailure, lockout::reset)");
      steps.add("the lock (read before the password, with equal work)");
    });
  }

  /** Suspension and deletion: refused after the password like a wrong one. */
  private void bars() {
    CodeBlock credentials = t.credentials().map(c -> CodeBlock.of("credentials"))
        .orElse(CodeBlock.of("$T.builder().build()", t.support("token", "AccountCredentials")));
    bar(Features.ACCOUNT_SUSPENSION, "suspension", "suspended", "isSuspended",
        CodeBlock.of("$L", credentials));
    // The flow only asks whether an account is deleted: the grace period plays no part.
    bar(Features.ACCOUNT_DELETION, "deletion", "deleted", "isDeleted",
        CodeBlock.of("$L, $T.ofDays(30)", credentials, java.time.Duration.class));
    Optional.ofNullable(bound.get(Features.REGISTRATION_APPROVAL)).ifPresent(b -> {
      ClassName type = t.support("RegistrationApproval");
      body.addStatement("$T approval = new $T(dataSource,$W$L)", type, type,
          delegating(b).mapping(b, t));
      body.addStatement("steps.bar($S, approval::isUnapproved)", "unapproved");
      steps.add("the account's state (unapproved)");
    });
  }

  private void bar(String feature, String name, String code, String test, CodeBlock more) {
    Optional.ofNullable(bound.get(feature)).ifPresent(b -> {
      String type = ((DelegatingWriter) Features.of(feature).orElseThrow().writer()).type();
      body.addStatement("$T $N = new $T(dataSource,$W$L,$Wclock, $L)", t.support(type), name,
          t.support(type), delegating(b).mapping(b, t), more);
      body.addStatement("steps.bar($S, $N::$N)", code, name, test);
      steps.add("the account's state (" + code + ")");
    });
  }

  private void issue(TypeName id) {
    first(bound, Features.SESSION_STORES).ifPresent(b -> {
      ClassName sessions = t.support("token", "Sessions");
      param(TypeName.get(byte[].class), "handleKey", "MACs session handles (32 bytes or more)");
      body.addStatement("$T sessions = new $T(dataSource,$W$L,$WhandleKey, clock,"
          + " $T.DEFAULT_IDLE, $T.DEFAULT_ABSOLUTE)", sessions, sessions,
          TokenWriters.SessionFeature.table(b, t), sessions, sessions);
      body.addStatement("steps.sessions(user -> sessions.create(user, 5).handle(),"
          + " sessions::logout)");
      steps.add("a session");
    });
    first(bound, Features.REFRESH_STORES).ifPresent(b -> {
      ClassName refresh = t.support("token", "RefreshTokens");
      param(SecureRandom.class, "random", "the token source");
      body.addStatement("$T refresh = new $T(dataSource,$W$L,$Wclock, random)", refresh,
          refresh, RefreshTokensWriter.refreshTable(b, t));
      ClassName rotated = t.support("LoginSteps").nestedClass("Rotated");
      CodeBlock of = CodeBlock.of("i -> new $T<>(($T) i.userId(), i.token(), i.familyId())",
          rotated, id);
      body.addStatement("$T<$T, $T<$T>> rotated = $L", java.util.function.Function.class,
          refresh.nestedClass("Issued"), rotated, id, of);
      body.addStatement("steps.refreshTokens(user -> rotated.apply(refresh.issue(user)),$W"
          + "token -> refresh.rotate(token).issued().map(rotated),$Wrefresh::revokeFamilyOf)");
      steps.add("a refresh token");
    });
    AccessTokensStep.write(code);
    CallerSteps.write(code, id);
  }

  private void param(Object type, String name, String doc) {
    code.param(type, name, doc);
  }

  private static CodeBlock parse(TypeName id) {
    return id.equals(ClassName.get(UUID.class)) ? CodeBlock.of("$T::fromString", UUID.class)
        : id.equals(ClassName.get(String.class)) ? CodeBlock.of("text -> text")
        : CodeBlock.of("$T::valueOf", id);
  }

  static DelegatingWriter delegating(Binding b) {
    return (DelegatingWriter) Features.of(b.feature().id()).orElseThrow().writer();
  }

  private static Optional<Binding> first(Map<String, Binding> bound,
      List<FeatureDescriptor> features) {
    return features.stream().map(f -> bound.get(f.id())).filter(java.util.Objects::nonNull)
        .findFirst();
  }
}
