package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.plugin.generation.SupportSources;
import io.github.authspec.plugin.service.FeatureCatalog;
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
import javax.lang.model.element.Modifier;

/**
 * The writer of a feature whose algorithm lives whole in one support class of area {@code auth}:
 * read from that class, so such a feature is a descriptor, a support class and their tests.
 * The support class has one public constructor, which takes a nested {@code Table} record whose
 * components are the table and then the feature's roles by name; the generated class takes the
 * other constructor parameters (same names and types), builds the table from the bound columns,
 * and answers each interface operation by the support method of the same name and arity (a
 * {@code RequestContext} parameter counts twice: its address and user agent are passed). A
 * constructor parameter of type {@code AccountCredentials} is the service's {@code Credentials};
 * one of type {@code Class} is the account id's, for a support class generic in it.
 */
final class DelegatingWriter extends Writer {
  /** The catalog type passed on as two strings, its address and user agent. */
  private static final String CONTEXT = "RequestContext";
  private final Class<?> support;

  /**
   * A writer reading {@code support}.
   *
   * @param feature the feature id
   * @param support the support class of area {@code auth}
   * @param uses the other support classes of area {@code auth} it uses
   */
  DelegatingWriter(String feature, Class<?> support, String... uses) {
    super(feature, java.util.stream.Stream.concat(java.util.stream.Stream.of(
        support.getSimpleName()), Arrays.stream(uses)).toArray(String[]::new));
    this.support = support;
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
        args.add(table(type, b, roles(table)));
        continue;
      }
      if (p.getType() == Class.class) {
        // A generic support class takes the account id's type.
        args.add(CodeBlock.of("$T.class", t.userId().box()));
        continue;
      }
      if (p.getType().getSimpleName().equals("Notifier") && p.getType().isInterface()
          && p.getType().getEnclosingClass() == support) {
        args.add(notifier(b, t, ctor, doc, type.nestedClass("Notifier")));
        continue;
      }
      if (p.getType() == AccountCredentials.class) {
        // The service's one place that ends credentials, over its own data source and clock.
        args.add(t.credentials().map(c -> CodeBlock.of("$T.of(dataSource, clock)", c))
            .orElse(CodeBlock.of("$T.builder().build()", t.support("token",
                "AccountCredentials"))));
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
    boolean generic = support.getTypeParameters().length == 1;
    TypeName self = generic ? ParameterizedTypeName.get(type, t.userId().box()) : type;
    ctor.addJavadoc("$L", doc).addStatement("this.delegate = new $T$L($L)", type,
        generic ? "<>" : "", CodeBlock.join(args, ", "));
    TypeSpec.Builder out = t.skeleton(b, feature() + " over table "
            + b.table(roles(table)[0]).name() + ", through the support class "
            + support.getSimpleName() + ", which holds the algorithm and its tests.")
        .addField(Target.field(self, "delegate")).addMethod(ctor.build());
    FeatureCatalog.load().entry(feature()).orElseThrow().operations().forEach(op -> {
      MethodSpec.Builder call = Target.override(op.name())
          .returns(ServiceGenerator.catalogType(t.spec(), t.naming(), op.returns()));
      op.params().forEach(p -> call.addParameter(ServiceGenerator.catalogType(t.spec(),
          t.naming(), p.type()), p.name()));
      // A request context reaches the support class as its address and user agent.
      String names = String.join(", ", op.params().stream().map(p -> p.type().equals(CONTEXT)
          ? p.name() + ".ip(), " + p.name() + ".userAgent()" : p.name()).toList());
      int arity = op.params().size() + (int) op.params().stream()
          .filter(p -> p.type().equals(CONTEXT)).count();
      method(op.name(), arity); // fails the build of a descriptor whose class lacks it
      out.addMethod(call.addStatement((op.returns().equals("void") ? "" : "return ")
          + "delegate.$N($L)", op.name(), names).build());
    });
    return out.build();
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
    return table(t.support(support.getSimpleName()), b, roles(nested("Table")));
  }

  /** The roles: the table record's components after the table itself. */
  private static String[] roles(Class<?> table) {
    RecordComponent[] components = table.getRecordComponents();
    return Arrays.stream(components).skip(1).map(RecordComponent::getName).toArray(String[]::new);
  }

  /**
   * The table record over the bound columns: the first role's table, then each role's column,
   * or null for an optional role the spec does not have (the record refuses a required one).
   */
  private static CodeBlock table(ClassName type, Binding b, String[] roles) {
    String[] each = Arrays.stream(roles).map(r -> r + "?").toArray(String[]::new);
    return Writer.table(type, b, roles[0], each);
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
      return t.support(area, c.getSimpleName());
    }
    if (type instanceof ParameterizedType p) {
      return ParameterizedTypeName.get((ClassName) typeName(p.getRawType(), t),
          Arrays.stream(p.getActualTypeArguments()).map(a -> typeName(a, t))
              .toArray(TypeName[]::new));
    }
    return TypeName.get(type);
  }
}
