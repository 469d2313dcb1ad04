package com.example.authservice.app;

import com.example.authservice.client.NotificationsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The example's notifications service: every message the generated services send (a map with
 * {@code to} and a {@code token} or {@code code}) is kept here, newest last, where a real
 * service would mail it. In memory and unbounded: for a demo only.
 */
public final class Outbox implements NotificationsClient {
  /**
   * One message.
   *
   * @param kind the notifications operation, e.g. {@code send-password-reset}
   * @param fields what the generated service sent
   */
  public record Message(String kind, Map<String, String> fields) {
    @Override
    public String toString() {
      return "Message[" + kind + " to " + fields.get("to") + "]";
    }
  }

  private final List<Message> messages = new ArrayList<>();

  /**
   * The newest message of a kind to an address.
   *
   * @param kind the operation
   * @param to the address
   * @return the message, if one was sent
   */
  public synchronized Optional<Message> latest(String kind, String to) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      Message m = messages.get(i);
      if (m.kind().equals(kind) && to.equals(m.fields().get("to"))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private synchronized <T> T keep(String kind, Object request, Class<T> responseType) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    if (request instanceof Map<?, ?> map) {
      map.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
    }
    messages.add(new Message(kind, Map.copyOf(fields)));
    return null;
  }

  @Override
  public <T> T sendSms(Object request, Class<T> responseType) {
    return keep("send-sms", request, responseType);
  }

  @Override
  public <T> T verifySms(Object request, Class<T> responseType) {
    return keep("verify-sms", request, responseType);
  }

  @Override
  public <T> T sendMagicLink(Object request, Class<T> responseType) {
    return keep("send-magic-link", request, responseType);
  }

  @Override
  public <T> T verifyMagicLink(Object request, Class<T> responseType) {
    return keep("verify-magic-link", request, responseType);
  }

  @Override
  public <T> T sendPasswordReset(Object request, Class<T> responseType) {
    return keep("send-password-reset", request, responseType);
  }

  @Override
  public <T> T verifyPasswordReset(Object request, Class<T> responseType) {
    return keep("verify-password-reset", request, responseType);
  }

  @Override
  public <T> T sendVerificationEmail(Object request, Class<T> responseType) {
    return keep("send-verification-email", request, responseType);
  }

  @Override
  public <T> T verifyEmail(Object request, Class<T> responseType) {
    return keep("verify-email", request, responseType);
  }

  @Override
  public <T> T sendVerificationSms(Object request, Class<T> responseType) {
    return keep("send-verification-sms", request, responseType);
  }

  @Override
  public <T> T verifyPhone(Object request, Class<T> responseType) {
    return keep("verify-phone", request, responseType);
  }

  @Override
  public <T> T sendMfaSms(Object request, Class<T> responseType) {
    return keep("send-mfa-sms", request, responseType);
  }

  @Override
  public <T> T verifyMfaSms(Object request, Class<T> responseType) {
    return keep("verify-mfa-sms", request, responseType);
  }

  @Override
  public <T> T sendMfaEmail(Object request, Class<T> responseType) {
    return keep("send-mfa-email", request, responseType);
  }

  @Override
  public <T> T verifyMfaEmail(Object request, Class<T> responseType) {
    return keep("verify-mfa-email", request, responseType);
  }

  @Override
  public <T> T sendMfaPush(Object request, Class<T> responseType) {
    return keep("send-mfa-push", request, responseType);
  }

  @Override
  public <T> T verifyMfaPush(Object request, Class<T> responseType) {
    return keep("verify-mfa-push", request, responseType);
  }

  @Override
  public <T> T sendLoginNotification(Object request, Class<T> responseType) {
    return keep("send-login-notification", request, responseType);
  }

  @Override
  public <T> T sendApprovalNotification(Object request, Class<T> responseType) {
    return keep("send-approval-notification", request, responseType);
  }

  @Override
  public <T> T sendDeletionNotification(Object request, Class<T> responseType) {
    return keep("send-deletion-notification", request, responseType);
  }
}
