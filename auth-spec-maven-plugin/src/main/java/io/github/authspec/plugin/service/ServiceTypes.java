package io.github.authspec.plugin.service;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.authspec.model.Spec;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.types.TypeMapping;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the catalog's type vocabulary to Java types. Id types take the primary-key type of
 * their table ({@code UserId} → {@code users.id}), so service signatures match the entities.
 */
final class ServiceTypes {
  /** The shared value types generated once in the service package. */
  static final List<String> SHARED = List.of("RequestContext", "AuthResult", "TokenPair",
      "Challenge", "Decision");
  private static final Map<String, String> ID_TABLES = Map.of(
      "UserId", "users", "TenantId", "tenants", "RoleId", "roles", "GroupId", "groups");

  private final Spec spec;
  private final Naming naming;

  ServiceTypes(Spec spec, Naming naming) {
    this.spec = spec;
    this.naming = naming;
  }

  TypeName type(String text) {
    String t = text.strip();
    int lt = t.indexOf('<');
    if (lt > 0) {
      ClassName raw = switch (t.substring(0, lt)) {
        case "List" -> ClassName.get(List.class);
        case "Set" -> ClassName.get(Set.class);
        case "Optional" -> ClassName.get(Optional.class);
        case "Map" -> ClassName.get(Map.class);
        default -> throw new IllegalArgumentException("unknown generic type " + t);
      };
      List<TypeName> args = new ArrayList<>();
      for (String a : splitTop(t.substring(lt + 1, t.length() - 1))) {
        args.add(type(a).box());
      }
      return ParameterizedTypeName.get(raw, args.toArray(TypeName[]::new));
    }
    if (ID_TABLES.containsKey(t)) {
      return spec.database().table(ID_TABLES.get(t))
          .map(table -> TypeMapping.elementType(table.primaryKey().type()))
          .orElse(TypeName.LONG);
    }
    if (SHARED.contains(t)) {
      return ClassName.get(naming.servicePackage(), t);
    }
    return switch (t) {
      case "void" -> TypeName.VOID;
      case "boolean" -> TypeName.BOOLEAN;
      case "int" -> TypeName.INT;
      case "long" -> TypeName.LONG;
      case "String", "SessionId", "ClientId" -> ClassName.get(String.class);
      case "char[]" -> ArrayTypeName.of(TypeName.CHAR);
      case "byte[]" -> ArrayTypeName.of(TypeName.BYTE);
      case "Instant" -> ClassName.get(Instant.class);
      case "Duration" -> ClassName.get(Duration.class);
      case "URI" -> ClassName.get(URI.class);
      default -> throw new IllegalArgumentException("unknown catalog type " + t);
    };
  }

  private static List<String> splitTop(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '<' ? 1 : c == '>' ? -1 : 0;
      if (c == ',' && depth == 0) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }
}
