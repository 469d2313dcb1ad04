package io.github.authspec.model;

import java.util.List;
import java.util.Optional;

/** {@code externalServices[]}: an HTTP service the auth service calls. */
public record ExternalService(String id, String name, List<Endpoint> endpoints, String pointer) {
  public ExternalService {
    endpoints = List.copyOf(endpoints);
  }

  /**
   * An endpoint: {@code POST /notifications-service/send-sms} parses into method and path;
   * anything else is free text, kept as documentation.
   */
  public record Endpoint(String text, Optional<String> method, Optional<String> path) {
    public boolean isFreeText() {
      return method.isEmpty();
    }
  }
}
