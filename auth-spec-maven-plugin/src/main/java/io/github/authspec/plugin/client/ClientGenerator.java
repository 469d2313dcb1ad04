package io.github.authspec.plugin.client;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.github.authspec.model.ExternalService;
import io.github.authspec.model.ExternalService.Endpoint;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.JavaFiles;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.naming.Reserved;
import io.github.authspec.plugin.naming.SupportType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import javax.lang.model.element.Modifier;

/**
 * Per external service: an interface with a method per {@code METHOD /path} endpoint (path
 * placeholders become parameters; free-text endpoints become documentation) and an
 * implementation over the shared {@code HttpJsonClient} (JDK HttpClient, pluggable JSON codec,
 * typed errors), both rendered once from templates.
 */
public final class ClientGenerator implements Generator {
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
  private static final TypeVariableName T = TypeVariableName.get("T");

  @Override
  public String name() {
    return "clients";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    List<ExternalService> services = context.spec().externalServices();
    if (services.isEmpty()) {
      return List.of();
    }
    Naming naming = context.naming();
    List<GeneratedFile> files = new ArrayList<>();
    for (SupportType support : List.of(SupportType.JSON_CODEC, SupportType.CLIENT_EXCEPTION,
        SupportType.HTTP_JSON_CLIENT)) {
      files.add(context.support(ClientGenerator.class, support));
    }
    for (ExternalService service : services) {
      files.add(context.at(service.pointer(), () -> context.java(ClientGenerator.class,
          naming.clientPackage(), clientInterface(service, naming))));
      files.add(context.at(service.pointer(), () -> context.java(ClientGenerator.class,
          naming.clientPackage(), implementation(service, naming))));
    }
    return files;
  }

  private static TypeSpec clientInterface(ExternalService service, Naming naming) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(naming.clientName(service))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(interfaceDoc(service));
    for (Endpoint e : service.endpoints()) {
      if (!e.isFreeText()) {
        type.addMethod(signature(service, e, naming).addModifiers(Modifier.PUBLIC,
            Modifier.ABSTRACT).build());
      }
    }
    return type.build();
  }

  private static CodeBlock interfaceDoc(ExternalService service) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Client of the external service {@code $L} ($L).\n", service.id(), service.name());
    List<Endpoint> prose = service.endpoints().stream().filter(Endpoint::isFreeText).toList();
    if (!prose.isEmpty()) {
      doc.add("\n<p>The spec also describes, in words (no method is generated):\n<ul>\n");
      prose.forEach(e -> doc.add("<li>$L</li>\n", JavaFiles.javadocText(e.text())));
      doc.add("</ul>\n");
    }
    return doc.build();
  }

  private static TypeSpec implementation(ExternalService service, Naming naming) {
    ClassName http = naming.support(SupportType.HTTP_JSON_CLIENT);
    TypeSpec.Builder type = TypeSpec.classBuilder(naming.clientImplementationName(service))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ClassName.get(naming.clientPackage(), naming.clientName(service)))
        .addJavadoc("{@link $L} over the JDK HttpClient.\n",
            naming.clientName(service));
    boolean used = service.endpoints().stream().anyMatch(e -> !e.isFreeText());
    if (used) {
      type.addField(http, Reserved.HTTP, Modifier.PRIVATE, Modifier.FINAL);
    }
    type.addMethod(constructor(http, used));
    for (Endpoint e : service.endpoints()) {
      if (e.isFreeText()) {
        continue;
      }
      String method = e.method().orElseThrow();
      type.addMethod(signature(service, e, naming).addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .addStatement("return $N.send($S, $L, $L, $N)", Reserved.HTTP, method,
              path(service, e, http, naming),
              WITH_BODY.contains(method) ? Reserved.REQUEST : "null", Reserved.RESPONSE_TYPE)
          .build());
    }
    return type.build();
  }

  /**
   * Takes the transport either way, so wiring code does not change when the spec adds a first
   * endpoint; keeps it only when a method uses it (a field never read is an analyzer warning).
   */
  private static MethodSpec constructor(ClassName http, boolean used) {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("@param $N the configured transport (base URL, timeouts, codec)\n",
            Reserved.HTTP)
        .addParameter(http, Reserved.HTTP);
    return used ? ctor.addStatement("this.$N = $T.requireNonNull($N, $S)", Reserved.HTTP,
        Objects.class, Reserved.HTTP, Reserved.HTTP).build()
        : ctor.addStatement("$T.requireNonNull($N, $S)", Objects.class, Reserved.HTTP,
            Reserved.HTTP).build();
  }


  private static MethodSpec.Builder signature(ExternalService service, Endpoint e,
      Naming naming) {
    String method = e.method().orElseThrow();
    MethodSpec.Builder m = MethodSpec.methodBuilder(naming.clientMethodName(service, e))
        .addTypeVariable(T).returns(T)
        .addJavadoc("Calls {@code $L $L}.\n\n", method, e.path().orElseThrow())
        .addJavadoc("@param <T> the response body type\n");
    List<String> placeholders = Naming.pathPlaceholders(e.path().orElseThrow());
    List<String> names = naming.clientParameterNames(service, e);
    for (int i = 0; i < placeholders.size(); i++) {
      m.addParameter(String.class, names.get(i))
          .addJavadoc("@param $N the {@code {$L}} path segment\n", names.get(i),
              placeholders.get(i));
    }
    if (WITH_BODY.contains(method)) {
      m.addParameter(Object.class, Reserved.REQUEST)
          .addJavadoc("@param $N the body, as JSON\n", Reserved.REQUEST);
    }
    return m.addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), T),
            Reserved.RESPONSE_TYPE)
        .addJavadoc("@param $N the response body type ({@code Void.class} to ignore "
            + "it)\n@return the response body\n@throws $T on a non-2xx answer, a timeout or an "
            + "I/O error\n", Reserved.RESPONSE_TYPE,
            naming.support(SupportType.CLIENT_EXCEPTION));
  }

  /** The path as a Java expression: literal parts and encoded placeholder parameters. */
  private static CodeBlock path(ExternalService service, Endpoint e, ClassName http,
      Naming naming) {
    String path = e.path().orElseThrow();
    List<String> names = naming.clientParameterNames(service, e);
    Matcher m = Naming.PATH_PLACEHOLDER.matcher(path);
    int index = 0;
    CodeBlock.Builder out = CodeBlock.builder();
    int last = 0;
    String sep = "";
    while (m.find()) {
      out.add(sep + "$S + $T.segment($N)", path.substring(last, m.start()), http,
          names.get(index++));
      sep = " + ";
      last = m.end();
    }
    if (last < path.length() || last == 0) {
      out.add(sep + "$S", path.substring(last));
    }
    return out.build();
  }
}
