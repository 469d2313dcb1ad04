package io.github.authspec.plugin.impl;

import io.github.authspec.model.SqlType;
import io.github.authspec.plugin.impl.RefreshTokensWriter.Refinement;
import io.github.authspec.plugin.impl.TokenWriters.SessionFeature;
import io.github.authspec.support.auth.AccessPolicies;
import io.github.authspec.support.auth.AccountDeletion;
import io.github.authspec.support.auth.AccountSuspension;
import io.github.authspec.support.auth.Authorization;
import io.github.authspec.support.auth.LoginHistory;
import io.github.authspec.support.auth.LoginNotifications;
import io.github.authspec.support.auth.RegistrationApproval;
import io.github.authspec.support.auth.RoleTemplates;
import io.github.authspec.support.auth.UserPreferences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one registry of implemented features: each feature's id, roles, writer and settings'
 * defaults. A new implementation adds its line here (and its writer and role factory); binding,
 * writing, the {@code roles} hint and the Spring beans all read this list.
 */
public final class Features {
  /** Features another feature's class refers to when both are selected. */
  static final String PASSWORD_POLICIES = "password-policies";
  static final String PASSWORD_BLACKLIST = "password-blacklist";
  /** Features whose steps the login flow ({@link FlowWriter}) composes. */
  static final String EMAIL_PASSWORD_LOGIN = "email-password-login";
  static final String ACCOUNT_LOCKOUT = "account-lockout";
  static final String TOTP = "totp";
  static final String BACKUP_CODES = "backup-codes";
  static final String FORCE_PASSWORD_CHANGE = "force-password-change";
  static final String PASSWORD_EXPIRATION = "password-expiration";
  static final String MFA_GRACE_PERIOD = "mfa-grace-period";
  static final String ACCOUNT_SUSPENSION = "account-suspension";
  static final String ACCOUNT_DELETION = "account-deletion";
  static final String LOGIN_HISTORY = "login-history";
  static final String REGISTRATION_APPROVAL = "registration-approval-workflow";
  static final String LOGIN_NOTIFICATIONS = "login-notifications";
  static final String RATE_LIMITING = "rate-limiting";
  static final String BRUTE_FORCE_DETECTION = "brute-force-detection";
  static final String JWT_TOKENS = "jwt-tokens";
  static final String TOKEN_BLACKLIST = "token-blacklist";
  /** Features whose operations the HTTP API serves to a caller not signed in. */
  static final String MAGIC_LINKS = "magic-links";
  static final String EMAIL_VERIFICATION = "email-verification";
  static final String ACCOUNT_RECOVERY = "account-recovery";
  static final String EMAIL_CHANGE_WORKFLOW = "email-change-workflow";
  static final String INVITE_ONLY_REGISTRATION = "invite-only-registration";

  /** The account, password, MFA and abuse features. */
  static final List<FeatureDescriptor> ACCOUNT = List.of(
      feature(EMAIL_PASSWORD_LOGIN, FeatureRoles::emailPasswordLogin,
          EmailPasswordLoginWriter::new),
      feature(PASSWORD_POLICIES, FeatureRoles::passwordPolicies, PasswordPoliciesWriter::new)
          .with("multiFactor", false),
      feature(PASSWORD_BLACKLIST, FeatureRoles::passwordBlacklist,
          PasswordBlacklistWriter::new),
      feature("password-history", FeatureRoles::passwordHistory, PasswordHistoryWriter::new)
          .with("keep", 5),
      feature(PASSWORD_EXPIRATION, FeatureRoles::passwordExpiration,
          AccountFlagsWriters.Expiration::new).off("maxAge"),
      feature(FORCE_PASSWORD_CHANGE, FeatureRoles::forcePasswordChange,
          AccountFlagsWriters.ForceChange::new),
      feature(ACCOUNT_LOCKOUT, FeatureRoles::accountLockout, AccountLockoutWriter::new),
      feature("failed-login-tracking", FeatureRoles::failedLoginTracking,
          FailedLoginTrackingWriter::new),
      feature(BRUTE_FORCE_DETECTION, FeatureRoles::bruteForceDetection, BruteForceWriter::new)
          .with("threshold", 10).with("window", Duration.ofMinutes(15)),
      feature(RATE_LIMITING, FeatureRoles::rateLimiting, RateLimitingWriter::new)
          .with("limit", 60).with("period", Duration.ofMinutes(1)),
      feature(TOTP, FeatureRoles::totp, TotpWriter::new)
          .with("issuer", SettingDefault.PROJECT),
      feature(BACKUP_CODES, FeatureRoles::backupCodes, BackupCodesWriter::new),
      feature("hardware-tokens", FeatureRoles::hardwareTokens, HardwareTokensWriter::new),
      feature(MFA_GRACE_PERIOD, FeatureRoles::mfaGracePeriod,
          AccountFlagsWriters.GracePeriod::new).with("grace", Duration.ofDays(7)));

  /** {@code api-key-auth}. */
  static final FeatureDescriptor API_KEYS = feature("api-key-auth", TokenRoles::apiKeys,
      TokenWriters.ApiKeyAuth::new);

  /**
   * The session features, every one a store over the same table, in the order the credentials
   * take the first bound one's table.
   */
  static final List<FeatureDescriptor> SESSION_STORES = List.of(
      session("session-management", SessionFeature.Refinement.NONE),
      session("logout", SessionFeature.Refinement.LOGOUT),
      session("sliding-sessions", SessionFeature.Refinement.SLIDING),
      session("concurrent-session-limits", SessionFeature.Refinement.LIMITS));

  /** The API-key and session features; every session feature is one store. */
  static final List<FeatureDescriptor> SESSIONS = List.of(API_KEYS, SESSION_STORES.get(0),
      SESSION_STORES.get(2), SESSION_STORES.get(3), SESSION_STORES.get(1));

  /** {@code jwt-tokens} and its refinements, every one a store over the same table. */
  static final List<FeatureDescriptor> REFRESH_STORES = List.of(
      refresh(JWT_TOKENS, Refinement.NONE), refresh("token-rotation", Refinement.ROTATION),
      refresh("token-family-tracking", Refinement.FAMILY_TRACKING),
      refresh("refresh-token-reuse-detection", Refinement.REUSE_DETECTION));

  /** {@code remember-me}. */
  static final FeatureDescriptor REMEMBER_ME = feature("remember-me", JwtRoles::rememberMe,
      RememberMeWriter::new);

  /** The access-token, refresh-token, deny-list, PKCE and remember-me features. */
  static final List<FeatureDescriptor> JWT = Stream.concat(REFRESH_STORES.stream(), Stream.of(
      // These two work on the key ring the application supplies: no roles.
      feature("token-scopes", f -> List.of(), KeyRingWriters.TokenScopes::new),
      feature("key-rotation", f -> List.of(), KeyRingWriters.KeyRotation::new),
      feature(TOKEN_BLACKLIST, JwtRoles::tokenBlacklist, DenyListWriters.TokenBlacklist::new),
      feature("token-revocation", JwtRoles::tokenRevocation,
          DenyListWriters.TokenRevocationWriter::new),
      feature("pkce-support", JwtRoles::pkceSupport, PkceWriter::new), REMEMBER_ME)).toList();

  /** The single-use-secret features. */
  static final List<FeatureDescriptor> SECRETS = List.of(
      feature(MAGIC_LINKS, SecretRoles::magicLinks, AccountSecretWriters.MagicLinksWriter::new),
      feature(EMAIL_VERIFICATION, SecretRoles::emailVerification,
          f -> new AddressSecretWriters.Verification(f, false)),
      feature("phone-verification", SecretRoles::phoneVerification,
          f -> new AddressSecretWriters.Verification(f, true)),
      feature(ACCOUNT_RECOVERY, SecretRoles::accountRecovery,
          AccountSecretWriters.RecoveryWriter::new),
      feature(INVITE_ONLY_REGISTRATION, SecretRoles::inviteOnlyRegistration,
          AccountSecretWriters.InviteOnlyWriter::new),
      feature("tenant-invite-codes", SecretRoles::tenantInviteCodes,
          AccountSecretWriters.TenantCodesWriter::new),
      feature(EMAIL_CHANGE_WORKFLOW, SecretRoles::emailChangeWorkflow,
          f -> new AddressSecretWriters.Change(f, false)),
      feature("phone-change-workflow", SecretRoles::phoneChangeWorkflow,
          f -> new AddressSecretWriters.Change(f, true)));

  /**
   * Profile and account-management features, written by reading their support class
   * ({@link DelegatingWriter}).
   */
  static final List<FeatureDescriptor> PROFILE = List.of(
      new FeatureDescriptor("user-preferences", List.of(
          Role.column("user-preferences", "user", "the owner's id", "preferences",
              List.of("user_preferences"), List.of("user_id"), Role.ID),
          Role.column("user-preferences", "key", "the preference's key", "preferences",
              List.of("user_preferences"), List.of("key", "name"), Role.STRING),
          Role.column("user-preferences", "value", "the preference's value", "preferences",
              List.of("user_preferences"), List.of("value"), Role.STRING),
          Role.column("user-preferences", "updatedAt", "when it was last set", "preferences",
              List.of("user_preferences"), List.of("updated_at"), SqlType.TIMESTAMP)
              .asOptional()),
          new DelegatingWriter("user-preferences", UserPreferences.class),
          Map.of("allowedKeys", SettingDefault.of("locale,theme,timezone"))),
      new FeatureDescriptor(REGISTRATION_APPROVAL, List.of(
          account(REGISTRATION_APPROVAL, "id", "the account's id", List.of("id"), Role.ID),
          account(REGISTRATION_APPROVAL, "status", "the approval status",
              List.of("approval_status", "status"), Role.STRING),
          account(REGISTRATION_APPROVAL, "approvedBy", "who approved the account",
              List.of("approved_by"), Role.ID).asOptional()),
          new DelegatingWriter(REGISTRATION_APPROVAL, RegistrationApproval.class),
          Map.of()));

  /** The support classes the one decision ({@link Authorization}) uses. */
  private static final String[] DECISION = {"AccessWindow", "AuthorizationSql",
      "AuthorizationCache"};

  /**
   * The authorization features: each is the one decision ({@link Authorization}) over the same
   * columns, requiring its own.
   */
  static final List<FeatureDescriptor> AUTHORIZATION = List.of(
      authorization("rbac", List.of()),
      authorization("hierarchical-roles", AuthorizationRoles.HIERARCHY),
      authorization("temporal-permissions", AuthorizationRoles.EXPIRY),
      authorization("time-based-access", AuthorizationRoles.WINDOWS),
      authorization("permission-delegation", AuthorizationRoles.DELEGATIONS),
      authorization("group-based-permissions", AuthorizationRoles.GROUPS),
      authorization("tag-based-permissions", AuthorizationRoles.TAGS),
      new FeatureDescriptor("role-templates", AuthorizationRoles.templates("role-templates"),
          new DelegatingWriter("role-templates", RoleTemplates.class), Map.of()),
      new FeatureDescriptor("permission-caching", AuthorizationRoles.caching(
          "permission-caching"), new PermissionCachingWriter("permission-caching"), Map.of()),
      new FeatureDescriptor("abac", AuthorizationRoles.policies("abac"), new DelegatingWriter(
          "abac", AccessPolicies.class, Stream.concat(Stream.of("Authorization"),
              Arrays.stream(DECISION)).toArray(String[]::new)), Map.of()));

  /** The account-state features, written by reading their support classes. */
  static final List<FeatureDescriptor> ACCOUNT_STATE = List.of(
      delegating(ACCOUNT_SUSPENSION, FeatureRoles::accountSuspension, AccountSuspension.class),
      delegating(ACCOUNT_DELETION, FeatureRoles::accountDeletion, AccountDeletion.class)
          .with("grace", Duration.ofDays(30)),
      delegating(LOGIN_HISTORY, FeatureRoles::loginHistory, LoginHistory.class),
      feature(LOGIN_NOTIFICATIONS, FeatureRoles::loginNotifications,
          f -> new DelegatingWriter(f, LoginNotifications.class, "Db", "LoginHistory")));

  /** Every implemented feature. */
  public static final List<FeatureDescriptor> ALL = Stream.of(ACCOUNT, SESSIONS, JWT, SECRETS,
      PROFILE, AUTHORIZATION, ACCOUNT_STATE).flatMap(List::stream).toList();

  private Features() {}

  /** The feature ids that get an implementation when bound. */
  public static List<String> ids() {
    return ids(ALL);
  }

  static List<String> ids(List<FeatureDescriptor> features) {
    return features.stream().map(FeatureDescriptor::id).toList();
  }

  /** The descriptor of a feature, or empty when the plugin does not implement it. */
  public static Optional<FeatureDescriptor> of(String id) {
    return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** Every role of every implemented feature, as the {@code roles} parameter spells them. */
  public static List<String> roleIds() {
    List<String> out = new ArrayList<>();
    ALL.forEach(d -> d.roles().forEach(r -> out.add(r.id())));
    return out;
  }

  /** A feature written by reading its support class, which uses {@code Db}. */
  private static FeatureDescriptor delegating(String id, Function<String, List<Role>> roles,
      Class<?> support) {
    return feature(id, roles, f -> new DelegatingWriter(f, support, "Db"));
  }

  /** A column of the account's own row. */
  private static Role account(String feature, String name, String purpose, List<String> names,
      SqlType... types) {
    return Role.column(feature, name, purpose, "account", Role.ACCOUNT_TABLES, names, types);
  }

  private static FeatureDescriptor refresh(String id, Refinement refinement) {
    return feature(id, JwtRoles::refreshTokens, f -> new RefreshTokensWriter(f, refinement));
  }

  private static FeatureDescriptor session(String id, SessionFeature.Refinement refinement) {
    return feature(id, TokenRoles::sessions, f -> new SessionFeature(f, refinement))
        .with("limit", 5)
        .with("idle", Duration.ofMinutes(30)).with("absolute", Duration.ofHours(12));
  }

  private static FeatureDescriptor authorization(String id, List<String> required) {
    // decideOn beyond the interface: Spring's hasPermission(#id, type, action) asks it.
    return new FeatureDescriptor(id, AuthorizationRoles.of(id, required), new DelegatingWriter(id,
        Authorization.class, List.of("decideOn"), DECISION), Map.of());
  }

  private static FeatureDescriptor feature(String id, Function<String, List<Role>> roles,
      Function<String, Writer> writer) {
    return new FeatureDescriptor(id, roles.apply(id), writer.apply(id), Map.of());
  }
}
