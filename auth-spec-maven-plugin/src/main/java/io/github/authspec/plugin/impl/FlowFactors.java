package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * The steps of {@code LoginFlows} after the password, each through a login challenge: the
 * second factors ({@code totp}, {@code backup-codes}), the enrolment of TOTP once an account's
 * {@code mfa-grace-period} is over, and the reasons the password must change first
 * ({@code force-password-change}, {@code password-expiration}) with the change that clears them.
 */
final class FlowFactors {
  private final FlowCode code;
  private final Target t;
  private final CodeBlock.Builder body;
  private boolean challenges;

  private FlowFactors(FlowCode code) {
    this.code = code;
    this.t = code.t;
    this.body = code.body;
  }

  static void write(FlowCode code) {
    new FlowFactors(code).write();
  }

  private void write() {
    code.bound(Features.TOTP).ifPresent(b -> {
      // The issuer is shown by the enrolment the flow makes once a grace period is over.
      boolean enrols = code.bound(Features.MFA_GRACE_PERIOD).isPresent();
      if (enrols) {
        code.param(String.class, "totpIssuer", "the issuer an authenticator shows");
      }
      body.addStatement("$T totp = new $T(dataSource,$W$L,$Wclock, secrets, random, $L)",
          t.support("Totp"), t.support("Totp"), TotpWriter.mapping(b, t),
          enrols ? CodeBlock.of("totpIssuer") : CodeBlock.of("$S", ""));
      body.addStatement("steps.factor($S, totp::isEnabled, totp::verify)", Features.TOTP);
      code.steps.add("TOTP");
      challenges = true;
    });
    code.bound(Features.BACKUP_CODES).ifPresent(b -> {
      code.param(t.support("BackupCodes"), "codes", "hashes backup codes");
      body.addStatement("$T backup = new $T(dataSource,$W$L,$Wclock, codes)",
          t.support("BackupCodeStore"), t.support("BackupCodeStore"),
          BackupCodesWriter.mapping(b, t));
      body.addStatement("steps.factor($S, user -> backup.remaining(user) > 0, backup::redeem)",
          Features.BACKUP_CODES);
      code.steps.add("backup codes");
      challenges = true;
    });
    enrolment();
    passwordChange();
    if (challenges) {
      if (code.bound(Features.TOTP).isPresent()) {
        code.param(SecureRandom.class, "random", "the seed source of TOTP enrolment");
      }
      code.param(t.support("SecretBox"), "secrets", "seals TOTP seeds and challenges");
      code.redis();
      body.addStatement("steps.challenges(new $T(redis, secrets, clock,$W$T.ofMinutes(5), 5,"
          + " $S))", t.support("LoginChallenges"), Duration.class, "login_challenge:");
    }
  }

  /** Past its grace period, an account without a factor enrols TOTP before sign-in. */
  private void enrolment() {
    code.bound(Features.MFA_GRACE_PERIOD).filter(g -> code.bound(Features.TOTP).isPresent())
        .ifPresent(b -> {
          ClassName type = t.support("MfaGracePeriod");
          code.param(Duration.class, "mfaGrace", "how long a new account may sign in without "
              + "a second factor");
          body.addStatement("$T grace = new $T(dataSource,$W$L,$Wclock, mfaGrace)", type, type,
              AccountFlagsWriters.GracePeriod.mapping(b, t));
          body.addStatement("steps.enrolment($S, grace::mustEnroll,$Wuser -> totp.enroll(user)"
              + ".uri(), totp::confirm)", Features.MFA_GRACE_PERIOD);
          code.steps.add("the enrolment of TOTP once the grace period is over");
        });
  }

  /** The reasons to change the password first, and the change, which clears each of them. */
  private void passwordChange() {
    code.bound(Features.FORCE_PASSWORD_CHANGE).ifPresent(b -> {
      ClassName forced = t.support("ForcedPasswordChange");
      body.addStatement("$T forced = new $T(dataSource,$W$L)", forced, forced,
          AccountFlagsWriters.ForceChange.mapping(b, t));
      body.addStatement("steps.mustChangePassword($S, forced::isRequired)",
          Features.FORCE_PASSWORD_CHANGE);
      code.steps.add("a required password change");
    });
    code.bound(Features.PASSWORD_EXPIRATION).ifPresent(b -> {
      ClassName expiry = t.support("PasswordExpiry");
      code.param(Duration.class, "passwordMaxAge", "a password's maximum age, or null for "
          + "none (NIST SP 800-63B advises none: a password then expires only when marked)");
      body.addStatement("$T expiry = new $T(dataSource,$W$L,$Wclock, passwordMaxAge)", expiry,
          expiry, AccountFlagsWriters.Expiration.mapping(b, t));
      body.addStatement("steps.mustChangePassword($S, expiry::isExpired)",
          Features.PASSWORD_EXPIRATION);
      code.steps.add("the change of an expired password");
    });
    boolean forced = code.bound(Features.FORCE_PASSWORD_CHANGE).isPresent();
    boolean expires = code.bound(Features.PASSWORD_EXPIRATION).isPresent();
    if (!forced && !expires) {
      return;
    }
    // The generated policies when they are bound (a bean in the Spring flavour), else any.
    java.util.Optional<ClassName> policies = t.other(Features.PASSWORD_POLICIES);
    code.param(policies.orElse(t.support("EmailPasswordLogin").nestedClass("Policy")),
        "passwordPolicy", "the rules a new password must pass");
    CodeBlock rules = policies.isPresent()
        ? CodeBlock.of("candidate -> passwordPolicy.violations(candidate, null)")
        : CodeBlock.of("passwordPolicy");
    body.add("steps.passwordChange((user, current, next) -> {\n$>")
        .add("try {\n$>")
        .addStatement("password.changePassword(user, current, next, $L)", rules)
        .add("$<} catch ($T e) {\n$>", t.support("CredentialException"))
        .addStatement("return e.violations().isEmpty() ? $T.of(e.reason()) : e.violations()",
            List.class)
        .add("$<}\n");
    if (forced) {
      body.addStatement("forced.clear(user)");
    }
    if (expires) {
      body.addStatement("expiry.renew(user)");
    }
    t.credentials().ifPresent(c -> body.addStatement("credentials.end(user, $T"
        + ".Change.PASSWORD_CHANGED)", t.support("token", "AccountCredentials")));
    body.addStatement("return $T.of()", List.class).add("$<});\n");
    challenges = true;
  }
}
