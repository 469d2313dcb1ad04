package io.github.authspec.plugin.testsupport;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor Maven builds from the mojos ({@code META-INF/maven/plugin.xml}, on the
 * test classpath), read once for every test that holds a page to it.
 */
public final class PluginDescriptor {
  private static final Pattern PROPERTY = Pattern.compile("^\\$\\{([\\w.]+)}$");

  /**
   * One editable parameter of a goal.
   *
   * @param name its name
   * @param type its Java type's simple name
   * @param property its user property, or {@code ""}
   * @param defaultValue its default, or {@code ""}
   * @param description its Javadoc, as the descriptor holds it (HTML)
   */
  public record Parameter(String name, String type, String property, String defaultValue,
      String description) {}

  /**
   * One goal.
   *
   * @param name the goal
   * @param description its Javadoc (HTML)
   * @param phase the phase it binds to by default, or {@code ""}
   * @param parameters its editable parameters, in the descriptor's order
   */
  public record Goal(String name, String description, String phase,
      List<Parameter> parameters) {}

  private PluginDescriptor() {}

  /** Every goal, by name. */
  public static Map<String, Goal> goals() throws Exception {
    Element plugin;
    try (InputStream in = PluginDescriptor.class
        .getResourceAsStream("/META-INF/maven/plugin.xml")) {
      if (in == null) {
        throw new IllegalStateException("the plugin descriptor is not on the test classpath");
      }
      plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
          .getDocumentElement();
    }
    Map<String, Goal> out = new TreeMap<>();
    NodeList mojos = plugin.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      Element configuration = child(mojo, "configuration");
      List<Parameter> parameters = new ArrayList<>();
      NodeList params = child(mojo, "parameters").getElementsByTagName("parameter");
      for (int j = 0; j < params.getLength(); j++) {
        Element p = (Element) params.item(j);
        if (!text(p, "editable").equals("true")) {
          continue;
        }
        Element c = configuration == null ? null : child(configuration, text(p, "name"));
        Matcher property = PROPERTY.matcher(c == null ? "" : c.getTextContent().trim());
        parameters.add(new Parameter(text(p, "name"), text(p, "type").replaceAll(".*\\.", ""),
            property.find() ? property.group(1) : "",
            c == null ? "" : c.getAttribute("default-value"), text(p, "description")));
      }
      out.put(text(mojo, "goal"), new Goal(text(mojo, "goal"), text(mojo, "description"),
          text(mojo, "phase"), List.copyOf(parameters)));
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
