package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.plugin.generation.SupportSources;
import io.github.authspec.model.Feature;
import io.github.authspec.plugin.service.FeatureCatalog;
import io.github.authspec.plugin.service.FeatureCatalog.Operation;
import io.github.authspec.plugin.service.ServiceGenerator;
import io.github.authspec.support.token.AccountCredentials;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * The writer of a feature whose algorithm lives whole in one support class of area {@code auth}:
 * read from that class, so such a feature is a descriptor, a support class and their tests.
 * The support class has one public constructor, which takes a nested {@code Table} record whose
 * components are the feature's roles by name, each preceded by a component named {@code table}
 * or ending in {@code Table} where its table goes (the table of the role after it, so one
 * record can span several tables); the generated class takes the other constructor parameters
 * (same names and types), builds the table from the bound columns, and answers each interface
 * operation by the support method of the same name and arity (or, when there is none, of the
 * arity in which a {@code RequestContext} counts twice: its address and user agent are passed). Further support classes the
 * support class uses are named beside it. A constructor parameter of type
 * {@code AccountCredentials} is the service's {@code Credentials}; one of the support class's
 * own {@code Notifier} type is the spec's notifications client, adapted.
 */
final class DelegatingWriter extends Writer {
  /** The catalog type passed on as two strings, its address and user agent. */
  private static final String CONTEXT = "RequestContext";
  private final Class<?> support;
  private final List<String> extras;

  /**
   * A writer reading {@code support}.
   *
   * @param feature the feature id
   * @param support the support class of area {@code auth}
   * @param uses the other support classes of area {@code auth} it uses
   */
  DelegatingWriter(String feature, Class<?> support, String... uses) {
    this(feature, support, List.of(), uses);
  }

  /**
   * A writer reading {@code support} whose class also forwards the support methods
   * {@code extras} (one of each name), beyond its interface.
   */
  DelegatingWriter(String feature, Class<?> support, List<String> extras, String... uses) {
    super(feature, Stream.concat(Stream.of(support.getSimpleName()), Stream.of(uses))
        .toArray(String[]::new));
    this.support = support;
    this.extras = List.copyOf(extras);
  }

  /** Whether the support class takes the token area's {@code AccountCredentials}. */
  @Override
  boolean tokenArea() {
    return Arrays.stream(only(support.getConstructors()).getParameterTypes())
        .anyMatch(c -> c == AccountCredentials.class);
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    ClassName type = t.support(support.getSimpleName());
    Class<?> table = nested("Table");
    Constructor<?> constructor = only(support.getConstructors());
    StringBuilder doc = new StringBuilder("An implementation over {@code "
        + support.getSimpleName() + "}.\n\n");
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    List<CodeBlock> args = new ArrayList<>();
    for (Parameter p : constructor.getParameters()) {
      if (p.getType() == table) {
        args.add(CodeBlock.of("new $T.Table($L)", type, columns(b, table)));
        continue;
      }
      if (p.getType().getSimpleName().equals("Notifier") && p.getType().isInterface()
          && p.getType().getEnclosingClass() == support) {
        args.add(notifier(b, t, ctor, doc, type.nestedClass("Notifier")));
        continue;
      }
      if (p.getType() == AccountCredentials.class) {
        // The service's one place that ends credentials (its parameters: Target.credentialsOf).
        args.add(t.credentialsOf(ctor, doc::append));
        continue;
      }
      if (!p.isNamePresent()) {
        throw new IllegalStateException(support + " was compiled without -parameters");
      }
      ctor.addParameter(typeName(p.getParameterizedType(), t), p.getName());
      doc.append("@param ").append(p.getName()).append(" as {@code ")
          .append(support.getSimpleName()).append("} takes it\n");
      args.add(CodeBlock.of("$N", p.getName()));
    }
    ctor.addJavadoc("$L", doc).addStatement("this.delegate = $L", GrantConditions.apply(
        CodeBlock.of("new $T($L)", type, CodeBlock.join(args, ", ")), t,
        Arrays.stream(support.getMethods()).map(Method::getName).toList()));
    TypeSpec.Builder out = t.skeleton(b, feature() + " over table "
            + b.table(roles(table)[0]).name() + ", through the support class "
            + support.getSimpleName() + ", which holds the algorithm and its tests.")
        .addField(Target.field(type, "delegate")).addMethod(ctor.build());
    operations(t).forEach(op -> {
      Method m = method(op.name(), arity(op));
      MethodSpec.Builder call = Target.override(op.name())
          .returns(ServiceGenerator.catalogType(t.spec(), t.naming(), op.returns()));
      op.params().forEach(p -> call.addParameter(ServiceGenerator.catalogType(t.spec(),
          t.naming(), p.type()), p.name()));
      // A request context reaches a support method without the plain arity as its address and
      // user agent.
      boolean expand = arity(op) != op.params().size();
      String names = String.join(", ", op.params().stream().map(p -> expand
          && p.type().equals(CONTEXT) ? p.name() + ".ip(), " + p.name() + ".userAgent()"
          : p.name()).toList());
      Class<?> r = m.getReturnType();
      if (r.isRecord() && r.getSimpleName().equals(op.returns())) {
        // the support class's record of the shared value type: copied component by component
        call.addStatement("$T r = delegate.$N($L)", typeName(r, t), op.name(), names)
            .addStatement("return new $T($L)", ServiceGenerator.catalogType(t.spec(),
                t.naming(), op.returns()), CodeBlock.join(Arrays.stream(r.getRecordComponents())
                .map(c -> CodeBlock.of("r.$N()", c.getName())).toList(), ", "));
      } else {
        // Void by the interface: a support method may answer more than the interface asks.
        call.addStatement((op.returns().equals("void") ? "" : "return ") + "delegate.$N($L)",
            op.name(), names);
      }
      out.addMethod(call.build());
    });
    extras.forEach(name -> out.addMethod(extra(name, t)));
    return out.build();
  }

  /** The support method {@code name}, forwarded as it is, beyond the interface. */
  private MethodSpec extra(String name, Target t) {
    Method m = Arrays.stream(support.getMethods()).filter(x -> x.getName().equals(name))
        .findFirst().orElseThrow(() -> new IllegalStateException(support + " has no " + name));
    MethodSpec.Builder b = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC);
    StringBuilder doc = new StringBuilder("As {@code " + support.getSimpleName() + "." + name
        + "}, beyond the interface.\n\n");
    for (Parameter p : m.getParameters()) {
      b.addParameter(typeName(p.getParameterizedType(), t), p.getName());
      doc.append("@param ").append(p.getName()).append(" as it takes it\n");
    }
    return b.returns(typeName(m.getGenericReturnType(), t)).addJavadoc("$L@return its answer\n",
        doc).addStatement("return delegate.$N($L)", name, String.join(", ",
        Arrays.stream(m.getParameters()).map(Parameter::getName).toList())).build();
  }

  /**
   * The support class's {@code Notifier}: the spec's notifications client, adapted, when it
   * declares the endpoint the catalog names for this feature; else the generated class takes a
   * {@code Notifier} itself.
   */
  private CodeBlock notifier(Binding b, Target t, MethodSpec.Builder ctor, StringBuilder doc,
      ClassName notifier) {
    NotifierParameter p = NotifierParameter.of(feature(), t, notifier);
    ctor.addParameter(p.type(), p.name());
    doc.append("@param ").append(p.name()).append(' ').append(p.doc()).append('\n');
    return p.argument();
  }

  /**
   * The parameter that gives a support class its {@code Notifier}, and the argument made of it.
   *
   * @param type the parameter's type: the notifications client, or the {@code Notifier}
   * @param name its name
   * @param doc its Javadoc
   * @param argument the {@code Notifier} made of it
   */
  record NotifierParameter(TypeName type, String name, String doc, CodeBlock argument) {
    static NotifierParameter of(String feature, Target t, ClassName notifier) {
      SecretWriters.Delivery d = SecretWriters.Delivery.of(feature, t);
      return d.client().isEmpty() ? new NotifierParameter(notifier, "notifier",
          "sends a message to the account's owner", CodeBlock.of("notifier"))
          : new NotifierParameter(d.serviceType().get(), "notifications",
              "the generated client of {@code " + d.service() + "}", CodeBlock.of(
                  "message -> notifications.$N(message, $T.class)", d.client().get(),
                  Void.class));
    }
  }

  /** The simple name of this writer's support class. */
  String type() {
    return support.getSimpleName();
  }

  /** The {@code Table} record of this writer's support class over the bound columns. */
  CodeBlock mapping(Binding b, Target t) {
    return CodeBlock.of("new $T.Table($L)", t.support(support.getSimpleName()),
        columns(b, nested("Table")));
  }

  /**
   * The feature's operations, then those of its selected ancestors that the support class
   * answers too (so the class needs no parent to forward them to).
   */
  private List<Operation> operations(Target t) {
    FeatureCatalog catalog = FeatureCatalog.load();
    List<Operation> ops = new ArrayList<>(catalog.entry(feature()).orElseThrow().operations());
    Optional<Feature> up = t.spec().feature(feature());
    while ((up = up.flatMap(Feature::parentId).flatMap(t.spec()::feature)
        .filter(Feature::selected)).isPresent()) {
      catalog.entry(up.get().id()).map(FeatureCatalog.Entry::operations).orElse(List.of())
          .stream().filter(op -> answers(op.name(), arity(op))).forEach(ops::add);
    }
    return ops;
  }

  /**
   * The support method's arity: the operation's, or, when the support class has no method of
   * it, with each request context counted twice (address, user agent).
   */
  private int arity(Operation op) {
    int plain = op.params().size();
    return answers(op.name(), plain) ? plain : plain + (int) op.params().stream()
        .filter(p -> p.type().equals(CONTEXT)).count();
  }

  private boolean answers(String name, int arity) {
    return Arrays.stream(support.getMethods())
        .anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == arity);
  }

  /** The roles: the table record's components but its tables. */
  private static String[] roles(Class<?> table) {
    return Arrays.stream(table.getRecordComponents()).map(RecordComponent::getName)
        .filter(n -> !isTable(n)).toArray(String[]::new);
  }

  private static boolean isTable(String component) {
    return component.equals("table") || component.endsWith("Table");
  }

  /**
   * The table record's arguments over the bound columns: for a table component, the table of
   * the role after it; for a role, its column; null for an optional role the spec does not
   * have, and for the table of one (the record refuses a required one).
   */
  private static CodeBlock columns(Binding b, Class<?> table) {
    RecordComponent[] components = table.getRecordComponents();
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      String role = isTable(name) ? components[i + 1].getName() : name;
      args.add(b.optional(role).map(c -> CodeBlock.of("$S", isTable(name) ? c.table().name()
          : c.name())).orElse(CodeBlock.of("null")));
    }
    return CodeBlock.join(args, ",$W");
  }

  private Class<?> nested(String name) {
    return Arrays.stream(support.getClasses()).filter(c -> c.getSimpleName().equals(name))
        .findFirst().orElseThrow(() -> new IllegalStateException(support + " has no " + name));
  }

  private Method method(String name, int arity) {
    return Arrays.stream(support.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == arity).findFirst()
        .orElseThrow(() -> new IllegalStateException(support.getSimpleName() + " has no "
            + name + "/" + arity + " for " + feature()));
  }

  private static <T> T only(T[] items) {
    if (items.length != 1) {
      throw new IllegalStateException("expected one public constructor, found " + items.length);
    }
    return items[0];
  }

  /** A reflected type as generated code names it: support types in their generated package. */
  private static TypeName typeName(Type type, Target t) {
    if (type instanceof Class<?> c && c.getName().startsWith(SupportSources.ROOT + ".")) {
      String area = c.getPackageName().substring(SupportSources.ROOT.length() + 1);
      Class<?> outer = c.getEnclosingClass();
      return outer == null ? t.support(area, c.getSimpleName())
          : t.support(area, outer.getSimpleName()).nestedClass(c.getSimpleName());
    }
    if (type instanceof ParameterizedType p) {
      return ParameterizedTypeName.get((ClassName) typeName(p.getRawType(), t),
          Arrays.stream(p.getActualTypeArguments()).map(a -> typeName(a, t))
              .toArray(TypeName[]::new));
    }
    return TypeName.get(type);
  }
}
