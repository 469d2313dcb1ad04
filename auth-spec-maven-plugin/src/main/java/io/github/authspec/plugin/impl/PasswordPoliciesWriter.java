package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code password-policies}: NIST SP 800-63B-4 lengths, composition rules only where the spec's
 * policy row asks for them, and the block list when {@code password-blacklist} is selected.
 */
final class PasswordPoliciesWriter extends Writer {
  /** Role, record component of PasswordPolicy, SQL type read. */
  private static final List<String[]> RULES = List.of(
      new String[] {"minLength", "minLength", "Integer"},
      new String[] {"maxLength", "maxLength", "Integer"},
      new String[] {"requireUppercase", "upper", "Boolean"},
      new String[] {"requireLowercase", "lower", "Boolean"},
      new String[] {"requireDigits", "digit", "Boolean"},
      new String[] {"requireSpecial", "special", "Boolean"});

  PasswordPoliciesWriter(String feature) {
    super(feature, "Db", "PasswordHasher", "PasswordPolicy");
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    ClassName policy = t.support("PasswordPolicy");
    ClassName db = t.support("Db");
    Optional<ClassName> blocklist = t.other("password-blacklist");
    List<Column> columns = new ArrayList<>();
    RULES.forEach(r -> b.optional(r[0]).ifPresent(columns::add));
    TypeSpec.Builder type = t.skeleton(b, "Password rules after NIST SP 800-63B-4: at least 15 "
        + "characters as the only factor (8 with a second factor), at least 64 allowed, no "
        + "composition rules unless the policy row asks, NFKC, and a block list.");
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Rules from the policy table's first row, or NIST's defaults.\n\n"
            + "@param dataSource the database\n@param multiFactor whether every account has a "
            + "second factor (8 characters suffice then, else 15)\n")
        .addParameter(DataSource.class, "dataSource")
        .addParameter(TypeName.BOOLEAN, "multiFactor")
        .addStatement("this.db = new $T(dataSource)", db)
        .addStatement("this.defaults = $T.nist(multiFactor)", policy);
    type.addField(Target.field(db, "db")).addField(Target.field(policy, "defaults"));
    if (blocklist.isPresent()) {
      type.addField(Target.field(blocklist.get(), "blocklist"));
      ctor.addJavadoc("@param blocklist the block list, or null for none\n")
          .addParameter(blocklist.get(), "blocklist").addStatement("this.blocklist = blocklist");
    }
    type.addMethod(ctor.build());
    MethodSpec.Builder load = MethodSpec.methodBuilder("policy").addModifiers(Modifier.PUBLIC)
        .returns(policy).addJavadoc("The rules in force: the policy row's values where set, "
            + "NIST's defaults elsewhere.\n\n@return the policy\n");
    if (columns.isEmpty()) {
      load.addStatement("return defaults");
    } else {
      String select = "SELECT " + String.join(", ", columns.stream().map(c -> t.naming()
          .sqlIdentifier(c.name())).toList()) + t.sql().of(" FROM %s ORDER BY %s LIMIT 1",
          columns.get(0).table(), columns.get(0).table().primaryKey());
      type.addField(Target.sql("SELECT", "The policy row.", select));
      CodeBlock.Builder args = CodeBlock.builder();
      for (int i = 0; i < RULES.size(); i++) {
        String[] r = RULES.get(i);
        Optional<Column> c = b.optional(r[0]);
        args.add(i == 0 ? "" : ",\n");
        if (c.isPresent()) {
          args.add("orElse(rs.getObject($S, $T.class), defaults.$N())", c.get().name(),
              ClassName.get("java.lang", r[2]), r[1]);
        } else {
          args.add("defaults.$N()", r[1]);
        }
      }
      load.addStatement("$T<$T> rows = db.query(SELECT, rs -> new $T($>$L$<))", List.class,
              policy, policy, args.build())
          .addStatement("return rows.isEmpty() ? defaults : rows.get(0)");
      type.addMethod(MethodSpec.methodBuilder("orElse").addModifiers(Modifier.PRIVATE,
              Modifier.STATIC).addTypeVariable(com.palantir.javapoet.TypeVariableName.get("T"))
          .returns(com.palantir.javapoet.TypeVariableName.get("T"))
          .addParameter(com.palantir.javapoet.TypeVariableName.get("T"), "value")
          .addParameter(com.palantir.javapoet.TypeVariableName.get("T"), "otherwise")
          .addStatement("return value != null ? value : otherwise").build());
    }
    type.addMethod(load.build());
    CodeBlock blocked = blocklist.isPresent()
        ? CodeBlock.of("blocklist == null ? null :$Wnormal -> blocklist.isBlacklisted("
            + "normal.toCharArray())")
        : CodeBlock.of("null");
    type.addMethod(Target.override("violations")
        .returns(ParameterizedTypeName.get(List.class, String.class))
        .addParameter(char[].class, "candidate")
        .addParameter(t.shared("RequestContext"), "context")
        .addStatement("$T<$T> blocked = $L", Predicate.class, String.class, blocked)
        .addStatement("return policy().violations(candidate, blocked, $T.of())", List.class)
        .build());
    return type.build();
  }
}
