package io.github.authspec.support.auth;

import io.github.authspec.plugin.testsupport.ConnectionPool;
import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.plugin.testsupport.RedisServerSupport;
import io.github.authspec.plugin.token.SeedDatabase;
import io.github.authspec.support.token.AccessTokenIssuer;
import io.github.authspec.support.token.AccessTokenSettings;
import io.github.authspec.support.token.AccessTokenVerifier;
import io.github.authspec.support.token.VerifiedTokenCache;
import io.github.authspec.support.token.AccountCredentials;
import io.github.authspec.support.token.JwsAlgorithm;
import io.github.authspec.support.token.KeyRing;
import io.github.authspec.support.token.RedisDenyListCommands;
import io.github.authspec.support.token.TokenDenyList;
import io.github.authspec.support.token.RefreshTokens;
import io.github.authspec.support.token.Secrets;
import io.github.authspec.support.token.Sessions;
import io.github.authspec.support.token.SigningKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import redis.clients.jedis.RedisClient;

/**
 * One service instance of the login flow with every step, over the seed schema on a real
 * PostgreSQL and a real Redis: two accounts, {@code a@example.org} with TOTP and backup codes
 * and {@code b@example.org} with backup codes only. Two worlds over one database and one Redis
 * key space are two instances of one service.
 */
final class FlowWorld {
  static final Instant T0 = Instant.parse("2026-12-01T12:00:15Z");
  static final String A = "a@example.org";
  static final String B = "b@example.org";
  static final char[] PASSWORD = "correct horse battery".toCharArray();
  static final char[] NEW_PASSWORD = "another long passphrase".toCharArray();
  static final LockoutPolicy POLICY = new LockoutPolicy(2, Duration.ofMinutes(1),
      Duration.ofMinutes(4));
  static final byte[] KEY = new byte[32];
  static final SecureRandom RANDOM = new SecureRandom();
  /** The access tokens' issuer and audience. */
  static final AccessTokenSettings TOKENS = AccessTokenSettings.of("https://auth.example.org",
      "https://api.example.org");
  private static final RedisClient JEDIS = RedisServerSupport.client();

  final DataSource db;
  final MutableClock clock;
  final CountingAlgorithm algorithm;
  final PasswordHasher hasher;
  final EmailPasswordLogin<Long> login;
  final AccountLockout lockout;
  final Totp totp;
  final BackupCodeStore backup;
  final ForcedPasswordChange forced;
  final PasswordExpiry expiry;
  final MfaGracePeriod grace;
  final Sessions sessions;
  final RefreshTokens refresh;
  final AccountCredentials credentials;
  final AccountSuspension suspension;
  final AccountDeletion deletion;
  final LoginHistory history;
  final RegistrationApproval approval;
  final LoginNotifications notices;
  /** What the notifications sent. */
  final List<java.util.Map<String, String>> sent =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  final LoginFlow<Long> flow;
  /** Verifies the flow's access tokens against its keys and its deny-list. */
  final AccessTokenVerifier verifier;
  /** The access tokens' deny-list, in this world's Redis key space. */
  final TokenDenyList denyList;
  /** The Redis key space of this run, shared with twins; {@link #reset} moves to a new one. */
  private final AtomicReference<String> space;
  /** The accounts, their secrets and stored hashes, shared by twins. */
  Accounts accounts;
  private final int rateLimit;
  private final LockoutPolicy policy;

  /**
   * The two accounts as enrolled.
   *
   * @param a the account with TOTP and backup codes
   * @param b the account with backup codes only
   * @param seedA A's TOTP seed
   * @param codesA A's backup codes
   * @param codesB B's backup codes
   * @param reset the SQL that restores every table the flow writes to the enrolled state
   */
  record Accounts(long a, long b, byte[] seedA, List<String> codesA, List<String> codesB,
      String reset) {
  }

  private FlowWorld(DataSource db, MutableClock clock,
      AtomicReference<String> space, int rateLimit,
      LockoutPolicy policy, int iterations) {
    this.algorithm = new CountingAlgorithm(iterations);
    this.hasher = CountingAlgorithm.hasher(algorithm);
    this.db = db;
    this.clock = clock;
    this.space = space;
    this.rateLimit = rateLimit;
    RedisScripts redis = new JedisScripts(JEDIS);
    login = new EmailPasswordLogin<>(db, EmailPasswordLogin.Table.conventional(), Long.class,
        clock, hasher, 255);
    this.policy = policy;
    lockout = new AccountLockout(db, AccountLockout.Table.conventional("timestamp"), clock,
        policy);
    SecretBox box = new SecretBox(KEY, RANDOM);
    totp = new Totp(db, Totp.Table.conventional(), clock, box, RANDOM, "Example");
    backup = new BackupCodeStore(db, BackupCodeStore.Table.conventional(), clock,
        new BackupCodes(KEY, RANDOM));
    forced = new ForcedPasswordChange(db, new ForcedPasswordChange.Table("users", "id",
        "force_password_change"));
    expiry = new PasswordExpiry(db, new PasswordExpiry.Table("users", "id",
        "password_expires_at", "password_changed_at"), clock, null);
    grace = new MfaGracePeriod(db, new MfaGracePeriod.Table("users", "id", "mfa_grace_until",
        "created_at"), clock, Duration.ofDays(7));
    sessions = new Sessions(db, Sessions.Table.conventional(), KEY, clock, Duration.ofMinutes(30),
        Duration.ofHours(12));
    refresh = new RefreshTokens(db, RefreshTokens.Table.conventional(), clock, RANDOM);
    credentials = AccountCredentials.builder()
        .sessions(user -> Sessions.endAll(db, Sessions.Table.conventional(), clock, user))
        .refreshTokens(refresh).build();
    suspension = new AccountSuspension(db, new AccountSuspension.Table("users", "id",
        "suspended_at", "suspended_until", "suspension_reason"), clock, credentials);
    deletion = new AccountDeletion(db, new AccountDeletion.Table("users", "id", "deleted_at",
        "deletion_reason"), clock, credentials, Duration.ofDays(30));
    notices = new LoginNotifications(db, new LoginNotifications.Table("login_history",
        "user_id", "success", "created_at", "ip_address", "user_agent"), clock, sent::add);
    approval = new RegistrationApproval(db, new RegistrationApproval.Table("users", "id",
        "approval_status", "approved_by"));
    history = new LoginHistory(db, new LoginHistory.Table("login_history", "user_id", "success",
        "created_at", "ip_address", "user_agent", "failure_code"), clock);
    // Every Redis key of this world lives in its key space, so a reset is a new space.
    RedisScripts spaced = (script, key, args) -> redis.eval(script, this.space.get() + key,
        args);
    // The benches compare algorithms: verifying RS256 costs a fraction of ES256's CPU.
    KeyRing keys = new KeyRing(SigningKey.generate(JwsAlgorithm.valueOf(
        System.getProperty("authspec.bench.algorithm", "ES256")), RANDOM), clock);
    AccessTokenIssuer issuer = new AccessTokenIssuer(keys, TOKENS, clock, RANDOM);
    denyList = new TokenDenyList(new RedisDenyListCommands(spaced::eval), digest -> "deny:"
        + digest, clock);
    // The bench compares bearer requests with and without the cache of verified tokens.
    verifier = new AccessTokenVerifier(keys, TOKENS, clock, denyList).withCache(Boolean.getBoolean(
        "authspec.bench.noTokenCache") ? Optional.empty()
        : Optional.of(new VerifiedTokenCache(VerifiedTokenCache.DEFAULT_CAPACITY)));
    RateLimits limits = new RateLimits(spaced, clock, rateLimit, Duration.ofMinutes(1), List.of(
        new RateLimits.Scope("ip", v -> "rl:ip:" + v),
        new RateLimits.Scope("account", v -> "rl:account:" + v)));
    BruteForceDetector brute = new BruteForceDetector(spaced, 1_000, Duration.ofMinutes(15));
    flow = new LoginFlow<>(LoginSteps.builder(login, Long::valueOf)
        .rateLimits(bucket -> {
          RateLimiter.Result r = limits.acquire(bucket);
          return r.allowed() ? Optional.empty() : Optional.of(r.retryAfter());
        })
        .bruteForce(ip -> brute.isUnderAttack("bf:ip:" + ip),
            ip -> brute.recordAttempt("bf:ip:" + ip, Optional.empty(), false))
        .lockout(id -> lockout.lockedUntil(id).isPresent(), lockout::recordFailure,
            lockout::reset)
        .bar("suspended", suspension::isSuspended)
        .bar("deleted", deletion::isDeleted)
        .bar("unapproved", approval::isUnapproved)
        .factor("totp", totp::isEnabled, totp::verify)
        .factor("backup-codes", id -> backup.remaining(id) > 0, backup::redeem)
        .enrolment("mfa-grace-period", grace::mustEnroll, id -> totp.enroll(id).uri(),
            totp::confirm)
        .mustChangePassword("force-password-change", forced::isRequired)
        .mustChangePassword("password-expiration", expiry::isExpired)
        .passwordChange(this::changePassword)
        .challenges(new LoginChallenges(spaced, box, clock, Duration.ofMinutes(5), 3, "ch:"))
        .sessions(id -> sessions.create(id, 5).handle(), sessions::logout)
        .refreshTokens(id -> rotated(refresh.issue(id)), this::rotate, refresh::revokeFamilyOf)
        .accessTokens((id, grant) -> new LoginSteps.Access(issuer.issue(String.valueOf(id),
            java.util.Set.of(), Optional.empty(), Optional.ofNullable(grant)).token(),
            TOKENS.lifetime()))
        .sessionViews(h -> sessions.validate(h).map(s -> new LoginSteps.Signed<>(
            (Long) s.userId(), s.id())), id -> sessions.described(id).stream().map(s ->
                new LoginSteps.SessionView(s.id(), s.createdAt(), s.lastActiveAt(),
                    s.expiresAt())).toList(), sessions::end)
        .bearer(token -> verifier.userId(token, Long.class))
        .logoutEverywhere(id -> {
          refresh.revokeUser(id).forEach(f -> denyList.revokeGrant(f, TOKENS.lifetime()));
          credentials.end(id, AccountCredentials.Change.LOGOUT_EVERYWHERE);
        })
        .history((id, ok, client, code) -> history.record(id, ok, client.ip(),
            client.userAgent(), code))
        .notifications((id, client) -> notices.notifyIfUnusual(id, client.ip(),
            client.userAgent()))
        .build());
  }

  private Optional<LoginSteps.Rotated<Long>> rotate(String token) {
    return refresh.rotate(token).issued().map(FlowWorld::rotated);
  }

  private static LoginSteps.Rotated<Long> rotated(RefreshTokens.Issued i) {
    return new LoginSteps.Rotated<>((Long) i.userId(), i.token(), i.familyId());
  }

  private List<String> changePassword(Long id, char[] current, char[] next) {
    try {
      login.changePassword(id, current, next, p -> List.of());
    } catch (CredentialException e) {
      return e.reason().equals(CredentialException.POLICY) ? e.violations()
          : List.of(e.reason());
    }
    forced.clear(id);
    expiry.renew(id);
    credentials.end(id, AccountCredentials.Change.PASSWORD_CHANGED);
    return List.of();
  }

  /** A fresh seed database with the two accounts and this world's first instance. */
  static FlowWorld fresh(String prefix, int rateLimit) {
    return fresh(prefix, rateLimit, POLICY);
  }

  /** The same, locking by {@code policy}. */
  static FlowWorld fresh(String prefix, int rateLimit, LockoutPolicy policy) {
    return fresh(prefix, rateLimit, policy, 1_000);
  }

  /** The same, hashing passwords with PBKDF2 at {@code iterations}. */
  static FlowWorld fresh(String prefix, int rateLimit, LockoutPolicy policy, int iterations) {
    DataSource db = new ConnectionPool(SeedDatabase.fresh(prefix, 0));
    FlowWorld w = new FlowWorld(db, new MutableClock(T0),
        new AtomicReference<>("flow:" + UUID.randomUUID() + ":"),
        rateLimit, policy, iterations);
    long a = w.login.register(A, PASSWORD, p -> List.of());
    long b = w.login.register(B, PASSWORD, p -> List.of());
    byte[] seed = TotpTest.seed(w.totp.enroll(a));
    if (!w.totp.confirm(a, TotpTest.OTP.totp(seed, T0))) {
      throw new AssertionError("TOTP enrolment");
    }
    List<String> codesA = w.backup.generate(a);
    List<String> codesB = w.backup.generate(b);
    w.accounts = new Accounts(a, b, seed, codesA, codesB, String.join(";\n",
        "DELETE FROM sessions", "DELETE FROM refresh_tokens", "DELETE FROM login_history",
        "UPDATE totp_secrets SET last_used_at = NULL",
        "UPDATE backup_codes SET used = false, used_at = NULL",
        "UPDATE users SET failed_login_attempts = 0, lockout_until = NULL, locked_at = NULL,"
            + " suspended_at = NULL, suspended_until = NULL, suspension_reason = NULL,"
            + " deleted_at = NULL, deletion_reason = NULL, force_password_change = false,"
            + " password_expires_at = NULL, mfa_grace_until = NULL,"
            + " created_at = '2026-12-01 12:00:15',"
            + " approval_status = 'approved', approved_by = NULL,"
            + " password_hash = '" + stored(db, a) + "'") + ";");
    return w;
  }

  private static String stored(DataSource db, long id) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT password_hash FROM users WHERE id = "
            + id)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Back to the enrolled state: the tables, a new Redis key space, the clock at T0. */
  void reset() {
    sql(db, accounts.reset());
    space.set("flow:" + UUID.randomUUID() + ":");
    clock.set(T0);
    sent.clear();
  }

  /** A second instance of the same service: same database, Redis keys and clock. */
  FlowWorld twin() {
    FlowWorld twin = new FlowWorld(db, clock, space, rateLimit, policy,
        algorithm.iterations());
    twin.accounts = accounts;
    return twin;
  }

  /** The Redis key of this world's key {@code key}, for checks. */
  String redisKey(String key) {
    return space.get() + key;
  }

  /** The Redis client of every world. */
  static RedisClient jedis() {
    return JEDIS;
  }

  /** A's TOTP code now. */
  String totpA() {
    return TotpTest.OTP.totp(accounts.seedA(), clock.instant());
  }

  static String digest(String token) {
    return Secrets.sha256(token);
  }

  static void sql(DataSource db, String sql) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
