package io.github.authspec.support.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The one place that ends the credentials an account holds besides its password: sessions,
 * refresh-token families (with their access tokens, when a deny-list is given), remember-me
 * series and API keys. Every flow that changes or removes a credential calls {@link #end}, so
 * whoever held the old one is out, however they held it.
 *
 * <p>What each change ends: everything, except that a password change by the user (who proved
 * the current password) and logout everywhere keep API keys. An API key is a separate, scoped,
 * listed credential that a machine holds, and ending it on every password change would break
 * integrations without making the account safer; a reset, a suspension or a deletion ends the
 * keys too, since a reset is how an account is taken back from whoever knew the password, and
 * such a person may have made a key.
 */
public final class AccountCredentials {
  /** Why an account's credentials end. */
  public enum Change {
    /** The user ended every login (logout everywhere). */
    LOGOUT_EVERYWHERE,
    /** The user changed the password, proving the current one. */
    PASSWORD_CHANGED,
    /** The password was reset through a recovery secret. */
    PASSWORD_RESET,
    /** An administrator suspended the account. */
    SUSPENDED,
    /** The account was deleted. */
    DELETED;

    boolean endsApiKeys() {
      return this != LOGOUT_EVERYWHERE && this != PASSWORD_CHANGED;
    }
  }

  /** The kinds of credential, in the order they are ended. */
  public static final List<String> KINDS = List.of("sessions", "refresh-tokens", "remember-me",
      "api-keys");

  private final Map<String, ToIntFunction<Object>> kinds;

  private AccountCredentials(Map<String, ToIntFunction<Object>> kinds) {
    this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
  }

  /**
   * A builder: one call per kind of credential the service keeps.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Ends every credential of {@code userId} that {@code change} ends, in the order of
   * {@link #KINDS}. Call it after the change itself committed: whatever was issued before is
   * ended, and nothing can be issued for the old credential after.
   *
   * @param userId the account
   * @param change why
   * @return how many of each kind ended, by kind
   */
  public Map<String, Integer> end(Object userId, Change change) {
    Objects.requireNonNull(userId, "userId");
    Map<String, Integer> ended = new LinkedHashMap<>();
    for (Map.Entry<String, ToIntFunction<Object>> e : kinds.entrySet()) {
      if (!e.getKey().equals("api-keys") || change.endsApiKeys()) {
        ended.put(e.getKey(), e.getValue().applyAsInt(userId));
      }
    }
    return Collections.unmodifiableMap(ended);
  }

  /**
   * The kinds this service ends.
   *
   * @return the kinds, in order
   */
  public Set<String> kinds() {
    return kinds.keySet();
  }

  @Override
  public String toString() {
    return "AccountCredentials" + kinds.keySet();
  }

  /** Collects the kinds of credential; each may be given once. */
  public static final class Builder {
    private final Map<String, ToIntFunction<Object>> kinds = new LinkedHashMap<>();

    private Builder() {
    }

    private Builder kind(String kind, ToIntFunction<Object> end) {
      if (kinds.putIfAbsent(kind, Objects.requireNonNull(end, kind)) != null) {
        throw new IllegalStateException(kind + " given twice");
      }
      return this;
    }

    /**
     * Server-side sessions.
     *
     * @param sessions ends every session of a user
     * @return this
     */
    public Builder sessions(ToIntFunction<Object> sessions) {
      return kind("sessions", sessions);
    }

    /**
     * Refresh-token families; their access tokens run until they expire.
     *
     * @param tokens the store
     * @return this
     */
    public Builder refreshTokens(RefreshTokens tokens) {
      return kind("refresh-tokens", user -> tokens.revokeUser(user).size());
    }

    /**
     * Refresh-token families, and the access tokens of each family denied for as long as one
     * of them can be accepted (RFC 7009 revocation, where the application checks the
     * deny-list).
     *
     * @param revocation revokes a user's grants
     * @return this
     */
    public Builder refreshTokens(TokenRevocation revocation) {
      return kind("refresh-tokens", revocation::revokeUser);
    }

    /**
     * Refresh-token families, and the access tokens of each family denied for as long as one
     * of them can be accepted, over the deny-list the verifier checks.
     *
     * @param tokens the store
     * @param denyList the deny-list
     * @param settings the access token settings (for how long a family's tokens may live)
     * @return this
     */
    public Builder refreshTokens(RefreshTokens tokens, TokenDenyList denyList,
        AccessTokenSettings settings) {
      return kind("refresh-tokens", user -> {
        List<String> families = tokens.revokeUser(user);
        families.forEach(family -> denyList.revokeGrant(family, settings.lifetime()));
        return families.size();
      });
    }

    /**
     * Remember-me series.
     *
     * @param series the store
     * @return this
     */
    public Builder rememberMe(RememberMe series) {
      return kind("remember-me", series::forget);
    }

    /**
     * API keys (ended by a reset, a suspension or a deletion only).
     *
     * @param keys the store
     * @return this
     */
    public Builder apiKeys(ApiKeys keys) {
      return kind("api-keys", keys::revokeAll);
    }

    /**
     * The credentials.
     *
     * @return the one place that ends them
     */
    public AccountCredentials build() {
      Map<String, ToIntFunction<Object>> ordered = new LinkedHashMap<>();
      for (String kind : KINDS) {
        if (kinds.containsKey(kind)) {
          ordered.put(kind, kinds.get(kind));
        }
      }
      return new AccountCredentials(ordered);
    }
  }
}
