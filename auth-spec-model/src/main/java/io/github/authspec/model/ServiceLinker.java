package io.github.authspec.model;

import io.github.authspec.model.ExternalService.Endpoint;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.raw.RawSpec.RawService;
import io.github.authspec.model.raw.RawSpec.Str;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates {@code externalServices}: ids, and endpoints as {@code METHOD /path} or free text. */
final class ServiceLinker {
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  private static final Pattern ENDPOINT = Pattern.compile("([A-Z]+)\\s+(\\S+)");
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~{}-]+)+/?|/");

  private final Reporter reporter;

  ServiceLinker(Reporter reporter) {
    this.reporter = reporter;
  }

  List<ExternalService> link(List<RawService> raws) {
    List<ExternalService> services = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (RawService s : raws) {
      if (s.id() == null || !Identifiers.ID.matcher(s.id()).matches()) {
        reporter.report(Code.INVALID_NAME, s.id() == null ? s.pointer() : s.pointer() + "/id",
            "external service id " + (s.id() == null ? "is missing" : "'" + s.id()
                + "' is not a kebab-case id"), "use e.g. \"notifications-service\"");
        continue;
      }
      if (!ids.add(s.id())) {
        reporter.report(Code.DUPLICATE_SERVICE, s.pointer() + "/id",
            "external service '" + s.id() + "' is declared twice", "merge the two");
        continue;
      }
      List<Endpoint> endpoints = new ArrayList<>();
      for (Str e : s.endpoints()) {
        endpoint(s, e).ifPresent(endpoints::add);
      }
      services.add(new ExternalService(s.id(), s.name() == null ? s.id() : s.name(), endpoints,
          s.pointer()));
    }
    return services;
  }

  private Optional<Endpoint> endpoint(RawService s, Str e) {
    String text = e.value().trim();
    Matcher m = ENDPOINT.matcher(text);
    if (m.matches() && m.group(2).startsWith("/")) {
      if (!METHODS.contains(m.group(1))) {
        reporter.report(Code.INVALID_ENDPOINT, e.pointer(),
            "'" + m.group(1) + "' is not an HTTP method", "use one of " + sorted(METHODS));
        return Optional.empty();
      }
      if (!PATH.matcher(m.group(2)).matches()) {
        reporter.report(Code.INVALID_ENDPOINT, e.pointer(),
            "'" + m.group(2) + "' is not a plain URL path",
            "use segments of letters, digits, '-', '_', '.', '~' or {placeholders}");
        return Optional.empty();
      }
      return Optional.of(new Endpoint(text, Optional.of(m.group(1)), Optional.of(m.group(2))));
    }
    reporter.report(Code.FREE_TEXT_ENDPOINT, e.pointer(),
        "endpoint '" + text + "' of service '" + s.id() + "' is free text, not 'METHOD /path'; "
            + "it is kept as documentation",
        "write it as e.g. \"POST /" + s.id() + "/authorize\" to get a client method");
    return Optional.of(new Endpoint(text, Optional.empty(), Optional.empty()));
  }

  private static String sorted(Set<String> set) {
    return String.join(", ", new java.util.TreeSet<>(set));
  }
}
