package io.github.authspec.support.token;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a secret to its owner. The single-use-secret flows take one so they stay free of any
 * transport: the generated class adapts its notifications client (or its own {@code Sender}).
 */
@FunctionalInterface
public interface SecretDelivery {
  /**
   * Sends one message.
   *
   * @param message {@code to}, {@code token} or {@code code}, {@code expiresAt} (and
   *     {@code link} for a magic link)
   */
  void send(Map<String, String> message);

  /**
   * The message of an issued secret.
   *
   * @param to the address or number
   * @param kind {@code token} or {@code code}: the key the secret goes under
   * @param issued the secret and its expiry
   * @return a mutable message, in a stable order
   */
  static Map<String, String> message(String to, String kind, SingleUseSecrets.Issued issued) {
    Map<String, String> message = new LinkedHashMap<>();
    message.put("to", to);
    message.put(kind, issued.secret());
    message.put("expiresAt", issued.expiresAt().toString());
    return message;
  }
}
