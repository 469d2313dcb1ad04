package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code password-policies}: a thin class over {@code PasswordPolicies}, which reads the policy
 * row over NIST SP 800-63B-4's defaults; this class names the bound columns and passes the block
 * list when {@code password-blacklist} is selected.
 */
final class PasswordPoliciesWriter extends Writer {
  /** The rule roles, in the order of {@code PasswordPolicies.Table}. */
  private static final List<String> RULES = List.of("minLength", "maxLength",
      "requireUppercase", "requireLowercase", "requireDigits", "requireSpecial");

  PasswordPoliciesWriter(String feature) {
    super(feature, "Db", "PasswordHasher", "PasswordPolicy", "PasswordPolicies");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    ClassName policy = t.support("PasswordPolicy");
    ClassName policies = t.support("PasswordPolicies");
    Optional<ClassName> blocklist = t.other(Features.PASSWORD_BLACKLIST);
    Optional<String> first = RULES.stream().filter(r -> b.optional(r).isPresent()).findFirst();
    CodeBlock mapping = first.map(r -> CodeBlock.of("new $T.Table($L,$W$S)", policies,
        columns(b, r, RULES.stream().map(x -> x + "?").toArray(String[]::new)),
        b.table(r).primaryKey().name()))
        .orElse(CodeBlock.of("null"));
    TypeSpec.Builder type = t.skeleton(b, "Password rules after NIST SP 800-63B-4: at least 15 "
        + "characters as the only factor (8 with a second factor), at least 64 allowed, no "
        + "composition rules unless the policy row asks, NFKC, and a block list.")
        .addField(Target.field(policies, "policies"));
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Rules from the policy table's first row, or NIST's defaults.\n\n"
            + "@param dataSource the database\n@param multiFactor whether every account has a "
            + "second factor (8 characters suffice then, else 15)\n")
        .addParameter(DataSource.class, "dataSource")
        .addParameter(TypeName.BOOLEAN, "multiFactor");
    CodeBlock blocked = CodeBlock.of("null");
    if (blocklist.isPresent()) {
      ctor.addJavadoc("@param blocklist the block list, or null for none\n")
          .addParameter(blocklist.get(), "blocklist");
      blocked = CodeBlock.of("blocklist == null ? null :$Wnormal -> blocklist.isBlacklisted("
          + "normal.toCharArray())");
    }
    ctor.addStatement("this.policies = new $T(dataSource,$W$L,$WmultiFactor,$W$L)", policies,
        mapping, blocked);
    return type.addMethod(ctor.build())
        .addMethod(MethodSpec.methodBuilder("policy").addModifiers(Modifier.PUBLIC)
            .returns(policy).addJavadoc("The rules in force: the policy row's values where set, "
                + "NIST's defaults elsewhere.\n\n@return the policy\n")
            .addStatement("return policies.policy()").build())
        .addMethod(Target.override("violations")
            .returns(ParameterizedTypeName.get(List.class, String.class))
            .addParameter(char[].class, "candidate")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return policies.violations(candidate)").build())
        .build();
  }
}
