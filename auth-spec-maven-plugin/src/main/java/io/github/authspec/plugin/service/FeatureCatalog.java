package io.github.authspec.plugin.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every designer feature id means: its group, summary, standards, operations, security
 * rules and the external endpoints it uses. The one source is {@code catalog.txt} beside this
 * class (its header documents the format).
 */
public final class FeatureCatalog {
  private static final Pattern OP = Pattern.compile("(\\S+(?:<[^()]*>)?)\\s+(\\w+)\\((.*)\\)");

  /** One feature's entry. */
  public record Entry(String id, String group, String summary, List<String> standards,
      List<Operation> operations, List<String> rules, List<Use> uses) {}

  /** An operation: {@code returns name(params)} and what it does. */
  public record Operation(String returns, String name, List<Param> params, String doc) {}

  /** A parameter: a catalog type and a name. */
  public record Param(String type, String name) {}

  /** An external endpoint a feature calls. */
  public record Use(String service, String method, String path) {}

  private final Map<String, Entry> entries;

  private FeatureCatalog(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** The catalog shipped with the plugin. */
  public static FeatureCatalog load() {
    try (InputStream in = FeatureCatalog.class.getResourceAsStream("catalog.txt")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Entry> entry(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  static FeatureCatalog parse(String text) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    String group = "";
    Builder current = null;
    try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
      int n = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (t.startsWith("== ")) {
          group = t.substring(3).strip();
        } else if (t.startsWith("* ")) {
          add(entries, current);
          String[] parts = t.substring(2).split("\\|", -1);
          require(parts.length == 3, n, "feature needs 'id | summary | standards'");
          current = new Builder(parts[0].strip(), group, parts[1].strip(),
              parts[2].strip().equals("—") ? List.of()
                  : Arrays.stream(parts[2].split(";")).map(String::strip).toList());
        } else {
          require(current != null, n, "entry line before any feature");
          current.line(t, n);
        }
      }
      add(entries, current);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FeatureCatalog(entries);
  }

  private static void add(Map<String, Entry> entries, Builder b) {
    if (b != null) {
      require(entries.put(b.id, b.build()) == null, 0, "duplicate feature " + b.id);
    }
  }

  private static void require(boolean ok, int line, String message) {
    if (!ok) {
      throw new IllegalStateException("catalog.txt:" + line + ": " + message);
    }
  }

  private static final class Builder {
    private final String id;
    private final String group;
    private final String summary;
    private final List<String> standards;
    private final List<Operation> operations = new ArrayList<>();
    private final List<String> rules = new ArrayList<>();
    private final List<Use> uses = new ArrayList<>();

    Builder(String id, String group, String summary, List<String> standards) {
      this.id = id;
      this.group = group;
      this.summary = summary;
      this.standards = standards;
    }

    void line(String t, int n) {
      if (t.startsWith("op ")) {
        String[] parts = t.substring(3).split("\\|", 2);
        require(parts.length == 2, n, "op needs 'signature | doc'");
        Matcher m = OP.matcher(parts[0].strip());
        require(m.matches(), n, "cannot read signature " + parts[0]);
        List<Param> params = new ArrayList<>();
        for (String p : splitParams(m.group(3))) {
          int space = p.lastIndexOf(' ');
          require(space > 0, n, "parameter needs 'Type name': " + p);
          params.add(new Param(p.substring(0, space).strip(), p.substring(space + 1)));
        }
        operations.add(new Operation(m.group(1), m.group(2), params, parts[1].strip()));
      } else if (t.startsWith("rule ")) {
        rules.add(t.substring(5).strip());
      } else if (t.startsWith("uses ")) {
        String[] parts = t.substring(5).strip().split("\\s+");
        require(parts.length == 3, n, "uses needs 'service METHOD /path'");
        uses.add(new Use(parts[0], parts[1], parts[2]));
      } else {
        require(false, n, "unknown line: " + t);
      }
    }

    /** Splits at commas outside angle brackets. */
    private static List<String> splitParams(String text) {
      List<String> out = new ArrayList<>();
      int depth = 0;
      StringBuilder cur = new StringBuilder();
      for (char c : text.toCharArray()) {
        if (c == ',' && depth == 0) {
          out.add(cur.toString().strip());
          cur.setLength(0);
          continue;
        }
        depth += c == '<' ? 1 : c == '>' ? -1 : 0;
        cur.append(c);
      }
      if (!cur.toString().isBlank()) {
        out.add(cur.toString().strip());
      }
      return out;
    }

    Entry build() {
      return new Entry(id, group, summary, List.copyOf(standards), List.copyOf(operations),
          List.copyOf(rules), List.copyOf(uses));
    }
  }
}
