package io.github.authspec.support.spring;

import java.io.Serializable;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;

/**
 * Spring Security over the one authorization decision: a {@link PermissionEvaluator}, so
 * {@code @PreAuthorize("hasPermission(#id, 'document', 'read')")} asks the decision for
 * {@code document:read} on resource {@code #id}, and {@link AuthorizationManager}s for request
 * rules ({@code .requestMatchers("/reports/**").access(permissions.requires("report:read"))}).
 * Who the user is comes from the authentication by the function given (the generated users
 * are named by their email); an anonymous or unresolved user, or a decision that fails, is
 * denied.
 */
public final class AuthorizationPermissions implements PermissionEvaluator {
  /** The decision: a permission, optionally on one resource, for a user, now. */
  @FunctionalInterface
  public interface Decider {
    /**
     * Whether allowed.
     *
     * @param userId the user
     * @param permission a permission name or {@code resource:action}
     * @param resourceType the resource's type, or null
     * @param resourceId the resource's id, or null for none
     * @return whether allowed
     */
    boolean isAllowed(Object userId, String permission, String resourceType, Object resourceId);
  }

  private final Decider decider;
  private final Function<Authentication, Object> users;

  /**
   * Permissions over a decision.
   *
   * @param decider the decision ({@code Authorization.decideOn} or the generated rbac class)
   * @param users the user id of an authentication, or null when there is none
   */
  public AuthorizationPermissions(Decider decider, Function<Authentication, Object> users) {
    this.decider = Objects.requireNonNull(decider, "decider");
    this.users = Objects.requireNonNull(users, "users");
  }

  /** {@code hasPermission('report:read')} or {@code hasPermission(#report, 'read')}. */
  @Override
  public boolean hasPermission(Authentication authentication, Object target, Object permission) {
    return target == null ? allowed(authentication, String.valueOf(permission), null, null)
        : allowed(authentication, String.valueOf(permission), null, target);
  }

  /** {@code hasPermission(#id, 'document', 'read')}: {@code document:read} on {@code #id}. */
  @Override
  public boolean hasPermission(Authentication authentication, Serializable targetId,
      String targetType, Object permission) {
    return allowed(authentication, targetType + ":" + permission, targetType, targetId);
  }

  /**
   * A request rule: the authenticated user must hold {@code permission} now.
   *
   * @param <T> what is authorized
   * @param permission a permission name or {@code resource:action}
   * @return the manager
   */
  public <T> AuthorizationManager<T> requires(String permission) {
    return (authentication, object) -> new AuthorizationDecision(allowed(authentication.get(),
        permission, null, null));
  }

  private boolean allowed(Authentication authentication, String permission, String type,
      Object resource) {
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return false;
    }
    try {
      Object user = users.apply(authentication);
      return user != null && decider.isAllowed(user, permission, type, resource);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "AuthorizationPermissions";
  }
}
