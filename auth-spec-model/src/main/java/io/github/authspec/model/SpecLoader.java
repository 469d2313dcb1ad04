package io.github.authspec.model;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.json.JsonReader;
import io.github.authspec.model.json.LocatedJson;
import io.github.authspec.model.raw.RawBinder;
import io.github.authspec.model.raw.RawSpec;
import io.github.authspec.model.raw.RawSpec.RawArchitecture;
import io.github.authspec.model.raw.RawSpec.RawInfrastructure;
import io.github.authspec.model.raw.RawSpec.RawProject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads, validates and links a spec: JSON → {@link RawSpec} → {@link Spec}. Every problem is
 * collected; the model is returned only when none of them is an error.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /** Loads a spec file; diagnostics name it by its file name. */
  public static LoadResult load(Path file) {
    String name = file.getFileName().toString();
    try {
      return load(name, Files.readAllBytes(file));
    } catch (IOException e) {
      return failure(name, Code.UNREADABLE_FILE, "cannot read " + file + ": " + e);
    }
  }

  /** Loads spec bytes, which must be UTF-8. */
  public static LoadResult load(String fileName, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
      return load(fileName, text);
    } catch (CharacterCodingException e) {
      return failure(fileName, Code.UNREADABLE_FILE, "the file is not UTF-8 text");
    }
  }

  /** Loads spec text; {@code fileName} is what diagnostics print before the line number. */
  public static LoadResult load(String fileName, String text) {
    Reporter reporter = new Reporter(fileName);
    Optional<LocatedJson> json = JsonReader.read(text, reporter);
    if (json.isEmpty()) {
      return new LoadResult(Optional.empty(), reporter.diagnostics(), reporter);
    }
    RawSpec raw = RawBinder.bind(json.get().root(), reporter);
    Spec spec = link(raw, reporter);
    return new LoadResult(reporter.hasErrors() ? Optional.empty() : Optional.of(spec),
        reporter.diagnostics(), reporter);
  }

  private static LoadResult failure(String name, Code code, String message) {
    Reporter reporter = new Reporter(name);
    reporter.report(code, "", message, "");
    return new LoadResult(Optional.empty(), reporter.diagnostics(), reporter);
  }

  private static Spec link(RawSpec raw, Reporter reporter) {
    if (raw.serviceType() != null && !raw.serviceType().equals("auth")) {
      reporter.report(Code.UNSUPPORTED_SERVICE_TYPE, "/leftPanel/serviceType",
          "serviceType '" + raw.serviceType() + "' is not supported", "use \"auth\"");
    }
    Project project = project(raw.project(), reporter);
    Architecture architecture = architecture(raw.architecture(), reporter);
    Infrastructure infrastructure = infrastructure(raw.infrastructure(), reporter);
    Database database = database(raw, reporter);
    Cache cache = new CacheLinker(reporter).link(raw.cache());
    FeatureLinker features = new FeatureLinker(reporter, database, cache, raw.selectedFeatures());
    List<FeatureGroup> groups = features.groups(raw.featureGroups());
    List<Feature> absent = features.notInDiagram(raw.selectedFeatures());
    List<ExternalService> services = new ServiceLinker(reporter).link(raw.externalServices());
    return new Spec("auth", project, architecture, infrastructure,
        raw.selectedFeatures().stream().map(RawSpec.Str::value).distinct().toList(), database,
        cache, groups, absent, services);
  }

  private static Database database(RawSpec raw, Reporter reporter) {
    if (raw.database() == null) {
      return new Database("postgresql", List.of());
    }
    String type = raw.database().type();
    if (type != null && !type.equals("postgresql")) {
      reporter.report(Code.UNSUPPORTED_INFRASTRUCTURE, raw.database().pointer() + "/type",
          "database type '" + type + "' is not supported", "use \"postgresql\"");
    }
    return new Database("postgresql", new TableLinker(reporter).link(raw.database().tables()));
  }

  private static Project project(RawProject p, Reporter reporter) {
    if (p == null) {
      reporter.report(Code.MISSING_PROPERTY, "/leftPanel", "leftPanel.project is missing",
          "add project with group, artifact, name, description and package");
      return new Project("", "", "", "", "");
    }
    if (p.packageName() == null) {
      reporter.report(Code.MISSING_PROPERTY, p.pointer(), "project has no \"package\"",
          "add the base Java package, e.g. \"com.example.authservice\"");
    } else if (!Identifiers.isJavaPackage(p.packageName())) {
      reporter.report(Code.INVALID_PACKAGE, p.pointer() + "/package",
          "'" + p.packageName() + "' is not a valid Java package name",
          "use dot-separated Java identifiers that are not keywords, e.g. com.example.auth");
    }
    return new Project(orEmpty(p.group()), orEmpty(p.artifact()), orEmpty(p.name()),
        orEmpty(p.description()), orEmpty(p.packageName()));
  }

  private static Architecture architecture(RawArchitecture a, Reporter reporter) {
    String model = a == null || a.model() == null ? "synchronous" : a.model();
    String build = a == null || a.build() == null ? "maven" : a.build();
    if (!model.equals("synchronous")) {
      reporter.report(Code.UNSUPPORTED_ARCHITECTURE, a.pointer() + "/model",
          "architecture model '" + model + "' is not supported yet", "use \"synchronous\"");
    }
    if (!build.equals("maven")) {
      reporter.report(Code.UNSUPPORTED_ARCHITECTURE, a.pointer() + "/build",
          "build '" + build + "' is not supported by this Maven plugin", "use \"maven\"");
    }
    return new Architecture(model, build);
  }

  private static Infrastructure infrastructure(RawInfrastructure i, Reporter reporter) {
    if (i == null) {
      return new Infrastructure(true, "postgresql", true, "redis");
    }
    String database = i.database() == null ? "postgresql" : i.database();
    String cache = i.cache() == null ? "redis" : i.cache();
    if (!database.equals("postgresql")) {
      reporter.report(Code.UNSUPPORTED_INFRASTRUCTURE, i.pointer() + "/database",
          "database '" + database + "' is not supported", "use \"postgresql\"");
    }
    if (!cache.equals("redis")) {
      reporter.report(Code.UNSUPPORTED_INFRASTRUCTURE, i.pointer() + "/cache",
          "cache '" + cache + "' is not supported", "use \"redis\"");
    }
    return new Infrastructure(!Boolean.FALSE.equals(i.databaseEnabled()), database,
        !Boolean.FALSE.equals(i.cacheEnabled()), cache);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
