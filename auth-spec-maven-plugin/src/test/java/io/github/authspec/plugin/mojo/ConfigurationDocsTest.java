package io.github.authspec.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.PluginDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The configuration guide's table names every parameter the plugin descriptor has. */
class ConfigurationDocsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (`([\\w.]+)`|—) \\|",
      Pattern.MULTILINE);

  @Test
  @DisplayName("every editable parameter of every goal (but help) has a row, with its property")
  void tableInStepWithTheDescriptor() throws Exception {
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher m = ROW.matcher(configurationSection());
    while (m.find()) {
      documented.put(m.group(1), m.group(3) == null ? "" : m.group(3));
    }
    Map<String, String> parameters = descriptorParameters();
    assertThat(parameters).containsKeys("spec", "flavour", "timestamps", "driftUrl", "dryRun");
    parameters.forEach((name, property) -> assertThat(documented).as(name)
        .containsEntry(name, property));
    assertThat(parameters.keySet()).as("no row for a parameter the plugin does not have")
        .containsAll(documented.keySet());
  }

  private static String configurationSection() throws Exception {
    return Files.readString(Path.of("..", "docs", "configuration.md"));
  }

  /** Parameter name → user property ({@code ""} when it has none), over all goals. */
  private static Map<String, String> descriptorParameters() throws Exception {
    Map<String, String> out = new TreeMap<>();
    PluginDescriptor.goals().values().stream().filter(g -> !g.name().equals("help"))
        .flatMap(g -> g.parameters().stream()).forEach(p -> out.put(p.name(), p.property()));
    return out;
  }
}
