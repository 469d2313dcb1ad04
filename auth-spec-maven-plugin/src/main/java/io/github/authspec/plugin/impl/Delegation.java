package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Feature;
import io.github.authspec.model.Spec;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.service.FeatureCatalog;
import io.github.authspec.plugin.service.FeatureCatalog.Operation;
import io.github.authspec.plugin.service.FeatureCatalog.Param;
import io.github.authspec.plugin.service.ServiceGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * A refinement's interface extends its selected parent's ({@code PasswordExpirationService
 * extends PasswordPoliciesService}), so its implementation must answer the parent's operations
 * too: it takes the parent's implementation as its first constructor parameter and forwards
 * them, every ancestor's included.
 */
final class Delegation {
  private Delegation() {}

  /** {@code type} with a {@code parent} field, constructor parameter and forwarding methods. */
  static TypeSpec apply(TypeSpec type, Feature feature, Spec spec, FeatureCatalog catalog,
      Naming naming) {
    Optional<Feature> parent = feature.parentId().flatMap(spec::feature)
        .filter(Feature::selected);
    if (parent.isEmpty()) {
      return type;
    }
    // The session writers answer their parent's operations over the same store themselves;
    // forward only what the writer left out, and take no parent when that is nothing.
    List<MethodSpec> forwards = new ArrayList<>();
    for (Feature f = parent.get(); f != null; f = f.parentId().flatMap(spec::feature)
        .filter(Feature::selected).orElse(null)) {
      for (Operation op : catalog.entry(f.id()).map(FeatureCatalog.Entry::operations)
          .orElse(List.of())) {
        MethodSpec forward = forward(op, spec, naming);
        if (type.methodSpecs().stream().noneMatch(m -> sameSignature(m, forward))) {
          forwards.add(forward);
        }
      }
    }
    if (forwards.isEmpty()) {
      return type;
    }
    ClassName parentType = ServiceGenerator.interfaceName(parent.get(), catalog, naming);
    // Rebuilt from its parts: the builder does not let a constructor be replaced.
    TypeSpec.Builder b = TypeSpec.classBuilder(type.name())
        .addModifiers(type.modifiers().toArray(Modifier[]::new)).addJavadoc(type.javadoc())
        .addSuperinterfaces(type.superinterfaces()).addFields(type.fieldSpecs())
        .addField(Target.field(parentType, "parent")).addTypes(type.typeSpecs());
    List<MethodSpec> methods = new ArrayList<>();
    for (MethodSpec m : type.methodSpecs()) {
      if (m.isConstructor()) {
        MethodSpec.Builder c = MethodSpec.constructorBuilder().addModifiers(m.modifiers())
            .addJavadoc(m.javadoc()).addJavadoc("@param parent answers the operations of "
                + "{@code $L}, which this feature refines\n", parent.get().id())
            .addParameter(parentType, "parent");
        m.parameters().forEach(c::addParameter);
        c.addStatement(Target.required("parent")).addCode(m.code());
        methods.add(c.build());
      } else {
        methods.add(m);
      }
    }
    methods.addAll(forwards);
    return b.addMethods(methods).build();
  }

  private static boolean sameSignature(MethodSpec a, MethodSpec b) {
    return a.name().equals(b.name()) && a.parameters().stream().map(p -> p.type()).toList()
        .equals(b.parameters().stream().map(p -> p.type()).toList());
  }

  private static MethodSpec forward(Operation op, Spec spec, Naming naming) {
    TypeName returns = ServiceGenerator.idType(spec, naming, op.returns());
    MethodSpec.Builder m = Target.override(op.name()).returns(returns);
    List<CodeBlock> args = new ArrayList<>();
    for (Param p : op.params()) {
      m.addParameter(ServiceGenerator.idType(spec, naming, p.type()), p.name());
      args.add(CodeBlock.of("$N", p.name()));
    }
    CodeBlock call = CodeBlock.of("parent.$N($L)", op.name(), CodeBlock.join(args, ", "));
    return returns.equals(TypeName.VOID) ? m.addStatement("$L", call).build()
        : m.addStatement("return $L", call).build();
  }
}
