package io.github.authspec.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

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
    try (InputStream in = ConfigurationDocsTest.class
        .getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertThat(in).as("the plugin descriptor is on the test classpath").isNotNull();
      Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
          .getDocumentElement();
      NodeList mojos = plugin.getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element mojo = (Element) mojos.item(i);
        if (text(mojo, "goal").equals("help")) {
          continue;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Element configuration = child(mojo, "configuration");
        if (configuration != null) {
          for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
              Matcher p = Pattern.compile("^\\$\\{([\\w.]+)}$").matcher(e.getTextContent());
              properties.put(e.getTagName(), p.find() ? p.group(1) : "");
            }
          }
        }
        NodeList params = child(mojo, "parameters").getElementsByTagName("parameter");
        for (int j = 0; j < params.getLength(); j++) {
          Element p = (Element) params.item(j);
          if (text(p, "editable").equals("true")) {
            String name = text(p, "name");
            out.put(name, properties.getOrDefault(name, ""));
          }
        }
      }
    }
    return out;
  }

  private static Element child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? "" : e.getTextContent().trim();
  }
}
