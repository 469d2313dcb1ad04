package io.github.authspec.plugin.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's Markdown pages, their links, and their headings' anchors (GitHub's). */
final class Markdown {
  /** The repository's root, from the plugin module the tests run in. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

  /** A link on a page: the page, its line and its target as written. */
  record Link(Path page, int line, String target) {
    @Override
    public String toString() {
      return ROOT.relativize(page) + ":" + line + ": " + target;
    }
  }

  private Markdown() {}

  /** Every Markdown page of the repository a reader can open: not build output, not tests. */
  static List<Path> pages() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> ROOT.relativize(p).toString().split("/").length == 1
              || ROOT.relativize(p).startsWith("docs") || ROOT.relativize(p).startsWith("bench"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The links of a page outside code blocks and code spans. */
  static List<Link> links(Path page) {
    List<Link> out = new ArrayList<>();
    List<String> lines = lines(page);
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
      while (m.find()) {
        out.add(new Link(page, i + 1, m.group(1)));
      }
    }
    return out;
  }

  /** The anchors of a page's headings, with GitHub's suffixes for repeated ones. */
  static Set<String> anchors(Path page) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : lines(page)) {
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
      }
      Matcher m = HEADING.matcher(line);
      if (!fenced && m.matches()) {
        String slug = slug(m.group(1));
        int n = seen.merge(slug, 1, Integer::sum);
        out.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
    }
    return out;
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  static List<String> lines(Path page) {
    try {
      return Files.readAllLines(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
