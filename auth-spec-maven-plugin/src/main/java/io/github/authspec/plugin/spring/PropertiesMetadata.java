package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.SpringProperties.PREFIX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.authspec.plugin.spring.SpringProperties.ClientEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The IDE metadata of the {@link SpringProperties} (the format of Spring Boot's configuration
 * processor), rendered from the same description as the properties class.
 */
final class PropertiesMetadata {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private PropertiesMetadata() {}

  /** {@code META-INF/additional-spring-configuration-metadata.json}, keys in a fixed order. */
  static String of(SpringProperties described) {
    List<ClientEntry> clients = described.clients();
    Map<String, List<ImplementationBeans.Setting>> settings = described.settingsByFeature();
    Duration connectTimeout = SpringProperties.CONNECT_TIMEOUT;
    Duration requestTimeout = SpringProperties.REQUEST_TIMEOUT;
    ObjectNode root = JSON.createObjectNode();
    ArrayNode groups = root.putArray("groups");
    ArrayNode properties = root.putArray("properties");
    String type = described.type().reflectionName();
    groups.addObject().put("name", PREFIX).put("type", type).put("sourceType", type);
    property(properties, PREFIX + ".enabled", "java.lang.Boolean",
        "Whether the auth-spec auto-configuration is active.", type).put("defaultValue", true);
    String clientsType = described.type().nestedClass("Clients").reflectionName();
    String clientType = described.clientType().reflectionName();
    for (ClientEntry c : clients) {
      groups.addObject().put("name", c.prefix()).put("type", clientType)
          .put("sourceType", clientsType).put("sourceMethod", c.getter() + "()")
          .put("description", "The client of the external service " + c.service().id() + " ("
              + c.service().name() + ").");
      property(properties, c.prefix() + ".base-url", "java.net.URI",
          "The base URL of " + c.service().id() + "; without it no client bean is created.",
          clientType);
      property(properties, c.prefix() + ".connect-timeout", "java.time.Duration",
          "How long to wait for a connection to " + c.service().id() + ".", clientType)
          .put("defaultValue", connectTimeout.toSeconds() + "s");
      property(properties, c.prefix() + ".request-timeout", "java.time.Duration",
          "How long to wait for an answer of " + c.service().id() + ".", clientType)
          .put("defaultValue", requestTimeout.toSeconds() + "s");
      property(properties, c.prefix() + ".headers",
          "java.util.Map<java.lang.String,java.lang.String>",
          "Headers sent with every request to " + c.service().id() + ".", clientType);
    }
    if (!settings.isEmpty()) {
      String implementations = described.implementationsType().reflectionName();
      settings.forEach((feature, list) -> {
        String owner = described.settingsType(feature).reflectionName();
        groups.addObject().put("name", list.get(0).prefix()).put("type", owner)
            .put("sourceType", implementations)
            .put("sourceMethod", ImplementationBeans.settingsGetter(feature) + "()")
            .put("description", "The bean of the implementation of " + feature + ".");
        for (ImplementationBeans.Setting s : list) {
          ObjectNode p = property(properties, s.prefix() + "." + s.key(),
              s.type().box().toString(), s.description(), owner);
          s.value().flatMap(PropertyDefault::metadata).ifPresent(v -> {
            if (v instanceof Integer i) {
              p.put("defaultValue", i);
            } else if (v instanceof Boolean b) {
              p.put("defaultValue", b);
            } else {
              p.put("defaultValue", v.toString());
            }
          });
        }
      });
    }
    root.putArray("hints");
    try {
      return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata is plain JSON", e);
    }
  }

  private static ObjectNode property(ArrayNode properties, String name, String type,
      String description, String sourceType) {
    return properties.addObject().put("name", name).put("type", type)
        .put("description", description).put("sourceType", sourceType);
  }
}
