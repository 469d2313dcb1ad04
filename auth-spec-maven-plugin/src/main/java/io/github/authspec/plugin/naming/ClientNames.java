package io.github.authspec.plugin.naming;

import io.github.authspec.model.ExternalService;
import io.github.authspec.model.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names of the external services' clients for {@link Naming}: interface, implementation,
 * one method per endpoint and its path parameters, each client its own scope.
 */
final class ClientNames {
  final Map<String, String> clients = new HashMap<>();
  final Map<String, String> clientImplementations = new HashMap<>();
  final Map<String, String> clientMethods = new HashMap<>();
  final Map<String, List<String>> clientParameters = new HashMap<>();
  private final Allocator allocator;

  ClientNames(Spec spec, Allocator allocator) {
    this.allocator = allocator;
    allocateClients(spec);
  }

  private void allocateClients(Spec spec) {
    NameAllocator scope = new NameAllocator(Allocator.classNamesReserved("client"));
    for (ExternalService service : spec.externalServices()) {
      String what = "external service '" + service.id() + "'";
      String base = Words.upperCamel(service.id().replaceAll("-service$", "")) + "Client";
      String name = allocator.allocate(scope, base, service.id(), service.pointer(), what);
      clients.put(service.id(), name);
      if (name == null) {
        continue;
      }
      clientImplementations.put(service.id(), allocator.allocate(scope, "Http" + name,
          service.id() + "#implementation", service.pointer(), what + " (its implementation)"));
      NameAllocator methods = new NameAllocator(Reserved.OBJECT_METHODS);
      for (ExternalService.Endpoint e : service.endpoints()) {
        if (e.isFreeText()) {
          continue;
        }
        String tag = endpointTag(service, e);
        String method = allocator.allocate(methods, naturalMethodName(service, e), tag,
            service.pointer(), "endpoint '" + e.text() + "' of " + what);
        clientMethods.put(tag, method);
        NameAllocator params = new NameAllocator(Reserved.CLIENT_PARAMETERS);
        List<String> names = new ArrayList<>();
        List<String> pathPlaceholders = Naming.pathPlaceholders(e.path().orElseThrow());
        for (int i = 0; i < pathPlaceholders.size(); i++) {
          names.add(allocator.allocate(params, Words.lowerCamel(pathPlaceholders.get(i)), i,
              service.pointer(), "placeholder {" + pathPlaceholders.get(i) + "} of endpoint '"
                  + e.text() + "'"));
        }
        clientParameters.put(tag, List.copyOf(names));
      }
    }
  }

  private static String naturalMethodName(ExternalService service,
      ExternalService.Endpoint endpoint) {
    String mine = lastSegment(endpoint.path().orElseThrow());
    long same = service.endpoints().stream().filter(e -> e.path().isPresent())
        .filter(e -> lastSegment(e.path().get()).equals(mine)).count();
    return Words.lowerCamel(same > 1 ? endpoint.method().orElseThrow().toLowerCase(Locale.ROOT)
        + "_" + endpoint.path().get() : mine);
  }

  private static String lastSegment(String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty() && !parts[i].startsWith("{")) {
        return parts[i];
      }
    }
    return "root";
  }

  /** Endpoints are told apart by position: two may have the same text. */
  static String endpointTag(ExternalService service, ExternalService.Endpoint endpoint) {
    List<ExternalService.Endpoint> all = service.endpoints();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == endpoint) {
        return service.id() + "#" + i;
      }
    }
    return service.id() + "#" + all.indexOf(endpoint);
  }
}
