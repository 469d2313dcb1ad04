package io.github.authspec.plugin.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The jar users get, after shading: every class the plugin's own code refers to is in the jar,
 * in the JDK or in what Maven gives a plugin. Unit tests run on unshaded classes, so a library
 * relocated but left out of the jar (as jooq-meta once was, breaking the drift goal) passes them
 * and fails only in a user's build; this reads the shipped jar's constant pools instead.
 */
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("authspec.shadedJar",
      "target/auth-spec-maven-plugin.jar"));
  /** Maven's API and the one dependency the plugin keeps (plexus-build-api, for m2e). */
  private static final List<String> PROVIDED = List.of("org/apache/maven/", "org/codehaus/plexus/",
      "org/sonatype/plexus/build/", "org/slf4j/", "javax/inject/", "org/eclipse/sisu/");
  /** Our classes; copied support sources are compiled into the jar but run in users' builds. */
  private static final String OWN = "io/github/authspec/";
  private static final String SUPPORT = "io/github/authspec/support/";

  @Test
  @DisplayName("every class the plugin's code refers to resolves in the shaded jar, the JDK or Maven")
  void pluginCodeLinks() throws IOException {
    Set<String> missing = new TreeSet<>();
    int checked = 0;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Set<String> present = new HashSet<>();
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class")) {
          present.add(name.substring(0, name.length() - ".class".length()));
        }
      }
      for (String owner : present) {
        if (!owner.startsWith(OWN) || owner.startsWith(SUPPORT)
            || owner.startsWith("io/github/authspec/shaded/")) {
          continue;
        }
        checked++;
        try (InputStream in = jar.getInputStream(jar.getEntry(owner + ".class"))) {
          for (String ref : referencedClasses(in)) {
            if (!present.contains(ref) && !provided(ref)) {
              missing.add(ref + " (from " + owner + ")");
            }
          }
        }
      }
    }
    assertThat(checked).as("plugin classes found in " + JAR).isGreaterThan(100);
    assertThat(missing).as("classes referred to but not shipped").isEmpty();
  }

  @Test
  @DisplayName("the check notices a class that is neither shipped nor provided")
  void checkCanFail() {
    assertThat(provided("io/github/authspec/shaded/jooq/meta/TableDefinition")).isFalse();
    assertThat(provided("java/lang/String")).isTrue();
    assertThat(provided("org/apache/maven/plugin/AbstractMojo")).isTrue();
  }

  private static boolean provided(String name) {
    return PROVIDED.stream().anyMatch(name::startsWith)
        || ClassLoader.getPlatformClassLoader().getResource(name + ".class") != null;
  }

  /** Class names in a class file's constant pool: class entries and member descriptors. */
  static Set<String> referencedClasses(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    in.readInt();
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classes = new ArrayList<>();
    List<Integer> descriptors = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classes.add(in.readUnsignedShort());
        case 16 -> descriptors.add(in.readUnsignedShort());
        case 12 -> {
          in.readUnsignedShort();
          descriptors.add(in.readUnsignedShort());
        }
        case 8, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> names = new TreeSet<>();
    for (int index : classes) {
      String name = utf8[index];
      if (name.startsWith("[")) {
        typesIn(name, names);
      } else {
        names.add(name);
      }
    }
    descriptors.forEach(index -> typesIn(utf8[index], names));
    return names;
  }

  private static void typesIn(String descriptor, Set<String> into) {
    int at = descriptor.indexOf('L');
    while (at >= 0) {
      int end = descriptor.indexOf(';', at);
      into.add(descriptor.substring(at + 1, end));
      at = descriptor.indexOf('L', end);
    }
  }
}
