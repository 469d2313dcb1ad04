package io.github.authspec.plugin.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Loads the code the generators are about to run while the spec is still being read and
 * validated, which takes one core for ~0.4 s in a cold build JVM and leaves the other mostly
 * idle: class loading and the first interpreted passes of JavaPoet then overlap with it instead
 * of following it. Output is never affected: the warm-up renders a throwaway file and keeps
 * nothing; a failure here only means no head start (the real run reports its own errors).
 */
final class Warmup {
  private Warmup() {}

  static void start() {
    if (Boolean.getBoolean("authspec.noWarmup")) {
      return; // for measuring what the head start buys (docs/performance.md)
    }
    Thread thread = new Thread(Warmup::run, "auth-spec-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      TypeSpec type = TypeSpec.classBuilder("Warm").addModifiers(Modifier.PUBLIC)
          .addJavadoc("Warm $L.\n", "up")
          .addField(FieldSpec.builder(String.class, "NAME", Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL).initializer("$S", "warm").build())
          .addMethod(MethodSpec.methodBuilder("name").returns(String.class)
              .addParameter(ClassName.get(List.class), "values")
              .addStatement("return $N + $L", "NAME", "values.size()").build())
          .build();
      JavaFile.builder("warm", type).build().toString();
    } catch (RuntimeException | LinkageError e) {
      // No head start; the generators meet whatever this met and report it.
    }
  }
}
