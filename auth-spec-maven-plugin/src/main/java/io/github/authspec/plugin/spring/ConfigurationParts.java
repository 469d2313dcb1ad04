package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.SpringTypes.BEAN;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_CLASS;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_MISSING_BEAN;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_SINGLE_CANDIDATE;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * The building blocks every part of the auto-configuration shares (part classes, bean methods,
 * their conditions and names), so each part's writer spells only what is its own.
 */
final class ConfigurationParts {
  private ConfigurationParts() {}

  static CodeBlock names(String[] names) {
    CodeBlock.Builder out = CodeBlock.builder().add("{");
    for (int i = 0; i < names.length; i++) {
      out.add(i == 0 ? "\n$S" : ",\n$S", names[i]);
    }
    return out.add("\n}").build();
  }

  /**
   * A part: a plain class with {@code @Bean} methods, imported by the auto-configuration. Not
   * a {@code @Configuration}, so a {@code @SpringBootApplication} in the base package, whose
   * scan reaches {@code <base>.spring}, never registers it on its own (scanning would take a
   * nested {@code @Configuration} class, and Boot's exclude filter skips only the
   * auto-configuration itself).
   */
  static TypeSpec.Builder part(String name, String doc) {
    return TypeSpec.classBuilder(name).addModifiers(Modifier.STATIC)
        .addJavadoc(doc + "\n");
  }

  static AnnotationSpec onClass(String... classNames) {
    CodeBlock.Builder names = CodeBlock.builder();
    if (classNames.length == 1) {
      names.add("$S", classNames[0]);
    } else {
      names.add("{");
      for (int i = 0; i < classNames.length; i++) {
        names.add(i == 0 ? "$S" : ", $S", classNames[i]);
      }
      names.add("}");
    }
    return AnnotationSpec.builder(CONDITIONAL_ON_CLASS).addMember("name", names.build()).build();
  }

  static AnnotationSpec singleDataSource() {
    return AnnotationSpec.builder(CONDITIONAL_ON_SINGLE_CANDIDATE)
        .addMember("value", "$T.class", DataSource.class).build();
  }

  static MethodSpec.Builder bean(String name, TypeName returns, String doc) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns)
        .addAnnotation(BEAN).addJavadoc(doc + "\n");
  }

  static AnnotationSpec missing(ClassName type) {
    return AnnotationSpec.builder(CONDITIONAL_ON_MISSING_BEAN)
        .addMember("value", "$T.class", type).build();
  }

  static AnnotationSpec missingName(String beanName) {
    return AnnotationSpec.builder(CONDITIONAL_ON_MISSING_BEAN)
        .addMember("name", "$S", beanName).build();
  }

  static CodeBlock list(List<CodeBlock> items) {
    return items.size() == 1 ? items.get(0)
        : CodeBlock.of("{$L}", CodeBlock.join(items, ", "));
  }

  static String beanName(String simpleName) {
    return simpleName.startsWith("AuthSpec") ? "authSpec" + simpleName.substring(8)
        : "authSpec" + simpleName;
  }
}
