package io.github.authspec.plugin.docs;

import io.github.authspec.plugin.impl.FeatureDescriptor;
import io.github.authspec.plugin.impl.Features;
import io.github.authspec.plugin.impl.Role;
import io.github.authspec.plugin.service.FeatureCatalog;
import io.github.authspec.plugin.testsupport.PluginDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reference pages, rendered from their one source: the goals and parameters from the plugin
 * descriptor Maven builds from the mojos, the features from the registry and the catalog.
 */
final class ReferencePages {
  private static final String HEADER = "<!-- Generated from %s by ReferencePagesTest; edit the"
      + " source, then run the test with -Dauthspec.docs.write=true. -->\n\n";

  private ReferencePages() {}

  /** docs/reference/goals.md. */
  static String goals() throws Exception {
    StringBuilder out = new StringBuilder(String.format(HEADER, "the plugin descriptor"))
        .append("# Goals and parameters\n\nEvery goal of the plugin (`auth-spec:<goal>`), and "
            + "every parameter it takes, with its user property and default. The "
            + "[configuration guide](../configuration.md) explains them by task.\n");
    PluginDescriptor.goals().forEach((goal, mojo) -> {
      out.append("\n## ").append(goal).append("\n\n").append(prose(mojo.description()))
          .append("\n");
      if (!mojo.phase().isEmpty()) {
        out.append("\nBound by default to the `").append(mojo.phase()).append("` phase.\n");
      }
      StringBuilder rows = new StringBuilder();
      for (PluginDescriptor.Parameter p : mojo.parameters()) {
        rows.append("| `").append(p.name()).append("` | `").append(p.type()).append("` | ")
            .append(p.property().isEmpty() ? "—" : "`" + p.property() + "`")
            .append(" | ").append(p.defaultValue().isEmpty() ? "—" : "`" + p.defaultValue() + "`")
            .append(" | ")
            .append(prose(p.description()).replace("\n", " ").replace("|", "\\|"))
            .append(" |\n");
      }
      if (rows.length() > 0) {
        out.append("\n| parameter | type | property | default | what it does |\n")
            .append("| --- | --- | --- | --- | --- |\n").append(rows);
      }
    });
    return out.toString();
  }

  /** docs/reference/features.md. */
  static String features() {
    FeatureCatalog catalog = FeatureCatalog.load();
    StringBuilder out = new StringBuilder(String.format(HEADER,
        "the feature registry (Features) and the feature catalog"))
        .append("# Implemented features\n\nEvery feature the plugin implements with "
            + "`implementations=true`: what it is, the standards behind it, the rules it keeps, "
            + "the roles it binds "
            + "(the columns and Redis keys it needs, and the names it finds them by), and its "
            + "settings with their defaults. [Implementations](../implementations.md) and "
            + "[Tokens and sessions](../tokens-and-sessions.md) explain what each guarantees; a "
            + "role is bound by hand with `<roles><role>feature.role=table.column</role>`.\n\n"
            + "In the Spring Boot flavour a setting is the property "
            + "`authspec.implementations.<feature>.<setting>`; a setting without a default is "
            + "a required constructor argument (or property).\n");
    for (FeatureDescriptor d : Features.ALL) {
      FeatureCatalog.Entry entry = catalog.entry(d.id()).orElseThrow();
      out.append("\n## ").append(d.id()).append("\n\n").append(entry.summary()).append("\n");
      if (!entry.standards().isEmpty() && !entry.standards().equals(List.of("—"))) {
        out.append("\nStandards: ").append(String.join("; ", entry.standards())).append(".\n");
      }
      if (!entry.rules().isEmpty()) {
        out.append("\nIt keeps these rules:\n\n");
        entry.rules().forEach(r -> out.append("- ").append(r).append("\n"));
      }
      if (d.roles().isEmpty()) {
        out.append("\nRoles: none; it works on the key ring the application supplies.\n");
      } else {
        out.append("\n| role | holds | found in | by the names | types |\n")
            .append("| --- | --- | --- | --- | --- |\n");
        d.roles().forEach(r -> out.append(role(r)));
      }
      if (!d.settings().isEmpty()) {
        out.append("\n| setting | default |\n| --- | --- |\n");
        new TreeMap<>(d.settings()).forEach((name, value) -> out.append("| `").append(name)
            .append("` | ").append(value.value().map(ReferencePages::value).orElse("off"))
            .append(" |\n"));
      }
    }
    return out.toString();
  }

  private static String role(Role r) {
    String types = r.types().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    return "| `" + r.id() + "`" + (r.optional() ? " (optional)" : "") + " | " + r.purpose()
        + " | " + (r.kind() == Role.Kind.COLUMN ? String.join(", ", r.tables()) : "Redis keys")
        + " | " + String.join(", ", r.names()) + " | " + (types.isEmpty() ? "—" : types)
        + " |\n";
  }

  private static String value(Object value) {
    return "`" + (value instanceof Duration d ? d.toString() : String.valueOf(value)) + "`";
  }

  /** Javadoc HTML of the descriptor as Markdown: code spans, paragraphs, no other tags. */
  private static String prose(String html) {
    return html.replaceAll("<code>(.*?)</code>", "`$1`").replaceAll("\\s*<p>\\s*", "\n\n")
        .replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&").replaceAll("[ \\t]*\\n[ \\t]*(?!\\n)", " ").trim();
  }
}
