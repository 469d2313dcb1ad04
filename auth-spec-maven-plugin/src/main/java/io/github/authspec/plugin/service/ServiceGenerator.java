package io.github.authspec.plugin.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.ExternalService;
import io.github.authspec.model.Feature;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.generation.JavaFiles;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.service.FeatureCatalog.Entry;
import io.github.authspec.plugin.service.FeatureCatalog.Operation;
import io.github.authspec.plugin.service.FeatureCatalog.Param;
import io.github.authspec.plugin.service.FeatureCatalog.Use;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * One interface per selected feature, in a package per feature group, with the catalog's
 * operations and a Javadoc that states the feature, its standards, the security rules an
 * implementation must keep, and links to the entities, key classes and client methods it uses.
 * A child feature's interface extends its parent's when the parent is selected too, so an
 * implementation of the refinement is also one of the feature it refines.
 */
public final class ServiceGenerator implements Generator {
  private FeatureCatalog catalog;

  public ServiceGenerator() {
    // The catalog is read on first use: an up-to-date build never needs it.
  }

  private synchronized FeatureCatalog catalog() {
    if (catalog == null) {
      catalog = FeatureCatalog.load();
    }
    return catalog;
  }

  @Override
  public String name() {
    return "services";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    Spec spec = context.spec();
    List<Feature> selected = spec.selected();
    if (selected.isEmpty()) {
      return List.of();
    }
    Naming naming = context.naming();
    FeatureCatalog catalog = catalog();
    ServiceTypes types = new ServiceTypes(spec, naming);
    List<GeneratedFile> files = new ArrayList<>();
    for (TypeSpec shared : new SharedTypes(naming, types).all()) {
      files.add(context.java(ServiceGenerator.class, naming.servicePackage(), shared));
    }
    for (Feature feature : selected) {
      Optional<Entry> entry = catalog.entry(feature.id());
      if (entry.isEmpty()) {
        context.report(Code.UNKNOWN_FEATURE, feature.pointer(), "feature '" + feature.id()
                + "' is not in the plugin's catalog; its interface documents its tables and "
                + "keys but declares no operations",
            "check the id, or implement the interface's operations yourself");
      }
      String pkg = naming.servicePackage(group(feature, entry));
      files.add(context.at(feature.pointer(), () -> context.java(ServiceGenerator.class, pkg,
          new InterfaceWriter(feature, entry, context, types).service())));
    }
    return files;
  }

  /** The interface generated for {@code feature}, e.g. {@code <base>.service.mfa.TotpService}. */
  public static ClassName interfaceName(Feature feature, FeatureCatalog catalog, Naming naming) {
    return ClassName.get(naming.servicePackage(group(feature, catalog.entry(feature.id()))),
        naming.serviceName(feature));
  }

  /** The Java type of a catalog id type ({@code UserId} → the type of {@code users.id}). */
  public static com.palantir.javapoet.TypeName idType(Spec spec, Naming naming, String idType) {
    return catalogType(spec, naming, idType);
  }

  /** The Java type of any catalog type ({@code Map<String,String>}, {@code UserId}, ...). */
  public static com.palantir.javapoet.TypeName catalogType(Spec spec, Naming naming,
      String type) {
    return new ServiceTypes(spec, naming).type(type);
  }

  private static String group(Feature feature, Optional<Entry> entry) {
    return !feature.group().isEmpty() ? feature.group() : entry.map(Entry::group).orElse("");
  }

  /** Writes one feature interface; {@link #service()} is its outline. */
  private final class InterfaceWriter {
    private final Feature feature;
    private final Optional<Entry> entry;
    private final GenerationContext context;
    private final Naming naming;
    private final ServiceTypes types;

    InterfaceWriter(Feature feature, Optional<Entry> entry, GenerationContext context,
        ServiceTypes types) {
      this.feature = feature;
      this.entry = entry;
      this.context = context;
      this.naming = context.naming();
      this.types = types;
    }

    TypeSpec service() {
      TypeSpec.Builder type = TypeSpec.interfaceBuilder(naming.serviceName(feature))
          .addModifiers(Modifier.PUBLIC).addJavadoc(javadoc());
      parent().ifPresent(type::addSuperinterface);
      entry.ifPresent(e -> e.operations().forEach(op -> type.addMethod(operation(op))));
      return type.build();
    }

    private Optional<ClassName> parent() {
      return feature.parentId().flatMap(id -> context.spec().feature(id))
          .filter(Feature::selected)
          .map(p -> ClassName.get(naming.servicePackage(group(p, catalog().entry(p.id()))),
              naming.serviceName(p)));
    }

    private MethodSpec operation(Operation op) {
      MethodSpec.Builder m = MethodSpec.methodBuilder(op.name())
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(types.type(op.returns()))
          .addJavadoc("$L\n\n", JavaFiles.javadocText(op.doc()));
      for (Param p : op.params()) {
        m.addParameter(types.type(p.type()), p.name())
            .addJavadoc("@param $L $L\n", p.name(), describe(p));
      }
      if (!op.returns().equals("void")) {
        m.addJavadoc("@return $L\n", returns(op.returns()));
      }
      return m.build();
    }

    private static String returns(String type) {
      if (type.startsWith("Optional<")) {
        return "the result, or empty when there is none";
      }
      if (type.startsWith("List<") || type.startsWith("Set<") || type.startsWith("Map<")) {
        return "the results";
      }
      return switch (type) {
        case "boolean" -> "whether it holds";
        case "AuthResult" -> "how the authentication step ended";
        case "TokenPair" -> "the issued tokens";
        case "Challenge" -> "the challenge to present";
        case "Decision" -> "the decision and its reason";
        case "UserId", "TenantId", "RoleId", "GroupId", "ClientId", "SessionId" -> "the new id";
        case "int", "long" -> "the count";
        default -> "the result";
      };
    }

    private String describe(Param p) {
      return switch (p.type()) {
        case "UserId" -> "the user's id ({@code users.id})";
        case "TenantId" -> "the tenant's id";
        case "RoleId" -> "the role's id";
        case "GroupId" -> "the group's id";
        case "RequestContext" -> "who is calling and from where";
        case "char[]" -> "the secret, as characters the caller can wipe";
        default -> "the " + String.join(" ",
            io.github.authspec.plugin.naming.Words.split(p.name()));
      };
    }

    private CodeBlock javadoc() {
      CodeBlock.Builder doc = CodeBlock.builder();
      doc.add("$L\n\n", entry.map(e -> JavaFiles.javadocText(e.summary()))
          .orElse("Feature {@code " + feature.id() + "}, which the plugin's catalog does not "
              + "know: implement its operations yourself."));
      doc.add("<p>Designer feature {@code $L}$L.", feature.id(), feature.group().isEmpty() ? ""
          : " in group {@code " + feature.group() + "}");
      entry.filter(e -> !e.standards().isEmpty()).ifPresent(e -> doc.add(" Standards: $L.",
          JavaFiles.javadocText(String.join("; ", e.standards()))));
      feature.parentId().ifPresent(p -> doc.add(" Refines {@code $L}.", p));
      doc.add("\n");
      entry.filter(e -> !e.rules().isEmpty()).ifPresent(e -> {
        doc.add("\n<h2>Security rules an implementation must keep</h2>\n<ul>\n");
        e.rules().forEach(r -> doc.add("<li>$L</li>\n", JavaFiles.javadocText(r)));
        doc.add("</ul>\n");
      });
      data(doc);
      keys(doc);
      endpoints(doc);
      if (!feature.missing().isEmpty()) {
        doc.add("\n<p>Not linked, because the spec does not declare them: $L.\n",
            JavaFiles.javadocText(String.join(", ", feature.missing())));
      }
      if (!feature.inDiagram()) {
        doc.add("\n<p>The diagram does not place this feature, so no tables or keys are "
            + "linked.\n");
      }
      return doc.build();
    }

    private void data(CodeBlock.Builder doc) {
      if (feature.usedColumns().isEmpty()) {
        return;
      }
      boolean entities = context.spec().infrastructure().databaseEnabled();
      doc.add("\n<h2>Data</h2>\n<ul>\n");
      for (Map.Entry<Table, List<Column>> e : feature.usedColumns().entrySet()) {
        Table t = e.getKey();
        String columns = String.join(", ", e.getValue().stream()
            .map(c -> "{@code " + c.name() + "}").toList());
        if (entities) {
          doc.add("<li>{@link $T} (table {@code $L}): $L</li>\n",
              ClassName.get(naming.entityPackage(), naming.entityName(t)), t.name(), columns);
        } else {
          doc.add("<li>table {@code $L}: $L</li>\n", t.name(), columns);
        }
      }
      doc.add("</ul>\n");
    }

    private void keys(CodeBlock.Builder doc) {
      if (feature.usedKeys().isEmpty()) {
        return;
      }
      boolean keyClasses = context.spec().infrastructure().cacheEnabled();
      doc.add("\n<h2>Cache keys</h2>\n<ul>\n");
      for (RedisKey k : feature.usedKeys()) {
        if (keyClasses) {
          doc.add("<li>{@link $T} ({@code $L})</li>\n",
              ClassName.get(naming.cachePackage(), naming.keyClassName(k)), k.pattern().text());
        } else {
          doc.add("<li>{@code $L}</li>\n", k.pattern().text());
        }
      }
      doc.add("</ul>\n");
    }

    private void endpoints(CodeBlock.Builder doc) {
      List<Use> uses = entry.map(Entry::uses).orElse(List.of());
      if (uses.isEmpty()) {
        return;
      }
      doc.add("\n<h2>External endpoints</h2>\n<ul>\n");
      for (Use use : uses) {
        Optional<ExternalService> service = context.spec().externalServices().stream()
            .filter(s -> s.id().equals(use.service())).findFirst();
        Optional<ExternalService.Endpoint> endpoint = service.flatMap(s -> s.endpoints()
            .stream().filter(e -> use.method().equals(e.method().orElse(""))
                && use.path().equals(e.path().orElse(""))).findFirst());
        if (endpoint.isPresent()) {
          doc.add("<li>{@link $T#$L} ({@code $L $L})</li>\n",
              ClassName.get(naming.clientPackage(), naming.clientName(service.get())),
              naming.clientMethodName(service.get(), endpoint.get()), use.method(),
              use.path());
        } else {
          doc.add("<li>{@code $L $L} of {@code $L}, which the spec does not declare</li>\n",
              use.method(), use.path(), use.service());
        }
      }
      doc.add("</ul>\n");
    }
  }

}
