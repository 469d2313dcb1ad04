package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * The account operations the HTTP API serves to a caller not signed in, each the service
 * interface of a feature implemented in this run, or empty when the feature is not: the
 * auto-configuration wires exactly these and the OpenAPI document lists exactly these.
 *
 * @param registration {@code email-password-login}: {@code /auth/register}
 * @param verification {@code email-verification}: {@code /auth/email/verify} (and the mail a
 *     registration sends)
 * @param recovery {@code account-recovery}: {@code /auth/password/reset} and its confirmation
 * @param magicLinks {@code magic-links}: {@code /auth/magic-link} and its completion
 * @param emailChange {@code email-change-workflow}: {@code /auth/email/change/confirm}
 * @param invitations {@code invite-only-registration}: {@code /auth/invitations/accept}
 */
public record AccountOperations(Optional<ClassName> registration,
    Optional<ClassName> verification, Optional<ClassName> recovery,
    Optional<ClassName> magicLinks, Optional<ClassName> emailChange,
    Optional<ClassName> invitations) {
  /**
   * The operations of a run's implementations.
   *
   * @param implementations the run's implementations
   * @return the operations
   */
  public static AccountOperations of(List<ImplementationGenerator.Implementation> implementations) {
    return new AccountOperations(service(implementations, Features.EMAIL_PASSWORD_LOGIN),
        service(implementations, Features.EMAIL_VERIFICATION),
        service(implementations, Features.ACCOUNT_RECOVERY),
        service(implementations, Features.MAGIC_LINKS),
        service(implementations, Features.EMAIL_CHANGE_WORKFLOW),
        service(implementations, Features.INVITE_ONLY_REGISTRATION));
  }

  /**
   * Whether there is any operation.
   *
   * @return true with at least one
   */
  public boolean any() {
    return services().stream().anyMatch(Optional::isPresent);
  }

  /**
   * The services the operations call, absent ones included, in the order of the components.
   *
   * @return the services
   */
  public List<Optional<ClassName>> services() {
    return List.of(registration, verification, recovery, magicLinks, emailChange, invitations);
  }

  private static Optional<ClassName> service(
      List<ImplementationGenerator.Implementation> implementations, String feature) {
    return implementations.stream().filter(i -> i.feature().id().equals(feature))
        .map(ImplementationGenerator.Implementation::service).findFirst();
  }
}
