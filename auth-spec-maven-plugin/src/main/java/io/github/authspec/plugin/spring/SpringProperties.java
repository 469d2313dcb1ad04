package io.github.authspec.plugin.spring;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.ExternalService;
import io.github.authspec.plugin.generation.JavaFiles;
import io.github.authspec.plugin.naming.Naming;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The flavour's {@code authspec.*} properties, described once and rendered twice: as the
 * {@code @ConfigurationProperties} class and as its IDE metadata (the format of Spring Boot's
 * configuration processor, see {@link PropertiesMetadata}), so the two cannot drift apart.
 */
final class SpringProperties {
  static final String PREFIX = "authspec";
  static final String CLASS = "AuthSpecProperties";
  static final ClassName CONFIGURATION_PROPERTIES = ClassName.get(
      "org.springframework.boot.context.properties", "ConfigurationProperties");
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** One external service's client settings: {@code authspec.clients.<key>.*}. */
  record ClientEntry(ExternalService service, String field, String key) {
    String prefix() {
      return PREFIX + ".clients." + key;
    }

    String getter() {
      return "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
  }

  private final String packageName;
  private final List<ClientEntry> clients;
  private final Map<String, List<ImplementationBeans.Setting>> settings;

  /**
   * The properties.
   *
   * @param settings the implementations' settings ({@code authspec.implementations.*})
   */
  SpringProperties(String packageName, List<ExternalService> services, Naming naming,
      List<ImplementationBeans.Setting> settings) {
    this.packageName = packageName;
    Map<String, List<ImplementationBeans.Setting>> byFeature = new LinkedHashMap<>();
    settings.forEach(s -> byFeature.computeIfAbsent(s.feature(), k -> new ArrayList<>()).add(s));
    this.settings = byFeature;
    List<ClientEntry> entries = new ArrayList<>();
    for (ExternalService s : services) {
      String field = naming.clientPropertyName(s);
      entries.add(new ClientEntry(s, field, kebab(field)));
    }
    this.clients = List.copyOf(entries);
  }

  List<ClientEntry> clients() {
    return clients;
  }

  ClassName type() {
    return ClassName.get(packageName, CLASS);
  }

  ClassName clientType() {
    return type().nestedClass("Client");
  }

  ClassName implementationsType() {
    return type().nestedClass("Implementations");
  }

  ClassName settingsType(String feature) {
    return implementationsType().nestedClass(ImplementationBeans.settingsClass(feature));
  }

  /** The setting of one implementation's constructor parameter. */
  ImplementationBeans.Setting setting(String feature, String name) {
    return settings.getOrDefault(feature, List.of()).stream()
        .filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no setting " + feature + "." + name));
  }

  /** {@code isEnabled} for a {@code boolean}, else {@code getBaseUrl}. */
  static String getterName(TypeName javaType, String name) {
    return (javaType.equals(TypeName.BOOLEAN) ? "is" : "get")
        + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String field(String feature) {
    String name = io.github.authspec.plugin.naming.Words.lowerCamel(feature);
    return javax.lang.model.SourceVersion.isName(name) ? name : name + "_";
  }

  /**
   * Spring Boot's canonical property name of a Java property: {@code baseUrl} →
   * {@code base-url}.
   */
  static String kebab(String javaName) {
    StringBuilder out = new StringBuilder();
    for (char c : javaName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c == '_' ? '-' : c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  // ---- the class

  TypeSpec propertiesClass() {
    TypeSpec.Builder type = TypeSpec.classBuilder(CLASS).addModifiers(Modifier.PUBLIC)
        .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(CONFIGURATION_PROPERTIES)
            .addMember("prefix", "$S", PREFIX).build())
        .addJavadoc("The {@code $L.*} properties of the auth-spec auto-configuration. Generated "
            + "by auth-spec; do not edit.\n", PREFIX);
    bean(type, TypeName.BOOLEAN, "enabled", CodeBlock.of("true"),
        "Whether the auth-spec auto-configuration is active.");
    ClassName clientsType = type().nestedClass("Clients");
    type.addField(FieldSpec.builder(clientsType, "clients", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T()", clientsType).build());
    type.addMethod(getter(clientsType, "clients", "The HTTP clients of the external services."));
    TypeSpec.Builder clientsClass = TypeSpec.classBuilder("Clients")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("One entry per external service of the spec.\n");
    for (ClientEntry c : clients) {
      clientsClass.addField(FieldSpec.builder(clientType(), c.field(), Modifier.PRIVATE,
          Modifier.FINAL).initializer("new $T()", clientType()).build());
      clientsClass.addMethod(MethodSpec.methodBuilder(c.getter()).addModifiers(Modifier.PUBLIC)
          .returns(clientType())
          .addJavadoc("The client of {@code $L} ({@code $L.*}).\n\n@return its settings\n",
              c.service().id(), c.prefix())
          .addStatement("return $N", c.field()).build());
    }
    type.addType(clientsClass.build());
    type.addType(clientClass());
    if (!settings.isEmpty()) {
      type.addField(FieldSpec.builder(implementationsType(), "implementations", Modifier.PRIVATE,
          Modifier.FINAL).initializer("new $T()", implementationsType()).build());
      type.addMethod(getter(implementationsType(), "implementations",
          "The settings of the implementations' beans."));
      type.addType(implementationsClass());
    }
    return type.build();
  }

  private TypeSpec implementationsClass() {
    TypeSpec.Builder all = TypeSpec.classBuilder("Implementations")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("One entry per implementation with settings ({@code $L.implementations."
            + "<feature-id>.*}).\n", PREFIX);
    settings.forEach((feature, list) -> {
      ClassName type = settingsType(feature);
      all.addField(FieldSpec.builder(type, field(feature), Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new $T()", type).build());
      all.addMethod(MethodSpec.methodBuilder(ImplementationBeans.settingsGetter(feature))
          .addModifiers(Modifier.PUBLIC).returns(type)
          .addJavadoc("The settings of {@code $L}.\n\n@return its settings\n", feature)
          .addStatement("return $N", field(feature)).build());
      TypeSpec.Builder one = TypeSpec.classBuilder(type.simpleName())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addJavadoc("The implementation of {@code $L} ({@code $L.*}).\n", feature,
              list.get(0).prefix());
      for (ImplementationBeans.Setting s : list) {
        bean(one, s.fieldType(), s.name(), s.value().flatMap(PropertyDefault::code)
            .orElse(null), s.description());
      }
      all.addType(one.build());
    });
    return all.build();
  }

  private TypeSpec clientClass() {
    TypeSpec.Builder client = TypeSpec.classBuilder("Client")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("One external service's HTTP client; without a base URL no client bean is "
            + "created.\n");
    bean(client, ClassName.get(URI.class), "baseUrl", null,
        "The service's base URL, e.g. https://notifications.internal.");
    bean(client, ClassName.get(Duration.class), "connectTimeout", duration(CONNECT_TIMEOUT),
        "How long to wait for a connection.");
    bean(client, ClassName.get(Duration.class), "requestTimeout", duration(REQUEST_TIMEOUT),
        "How long to wait for an answer.");
    TypeName headers = ParameterizedTypeName.get(Map.class, String.class, String.class);
    client.addField(FieldSpec.builder(headers, "headers", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T<>()", LinkedHashMap.class).build());
    client.addMethod(getter(headers, "headers",
        "Headers sent with every request, e.g. Authorization."));
    return client.build();
  }

  private static CodeBlock duration(Duration d) {
    return CodeBlock.of("$T.ofSeconds($L)", Duration.class, d.toSeconds());
  }

  private static void bean(TypeSpec.Builder type, TypeName javaType, String name,
      CodeBlock initial, String doc) {
    FieldSpec.Builder field = FieldSpec.builder(javaType, name, Modifier.PRIVATE);
    if (initial != null) {
      field.initializer(initial);
    }
    type.addField(field.build());
    type.addMethod(getter(javaType, name, doc));
    String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    type.addMethod(MethodSpec.methodBuilder(setter).addModifiers(Modifier.PUBLIC)
        .addJavadoc("Sets it: $L\n\n@param value the new value\n", JavaFiles.javadocText(doc))
        .addParameter(javaType, "value").addStatement("this.$N = value", name).build());
  }

  private static MethodSpec getter(TypeName javaType, String name, String doc) {
    return MethodSpec.methodBuilder(getterName(javaType, name))
        .addModifiers(Modifier.PUBLIC).returns(javaType)
        .addJavadoc("$L\n\n@return the value\n", JavaFiles.javadocText(doc))
        .addStatement("return $N", name).build();
  }

  /** The settings of each feature, in the order of the beans. */
  Map<String, List<ImplementationBeans.Setting>> settingsByFeature() {
    return settings;
  }

  /** {@code META-INF/additional-spring-configuration-metadata.json}: {@link PropertiesMetadata}. */
  String metadata() {
    return PropertiesMetadata.of(this);
  }
}
