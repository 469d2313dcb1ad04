package io.github.authspec.plugin.generation;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders Mustache templates from the plugin's resources for text outputs (configuration
 * fragments); Java support classes are compiled sources instead ({@link SupportSources}). Views are typed records; templates hold no logic beyond
 * sections. Nothing is HTML-escaped: output is Java or configuration text.
 */
public final class Templates {
  private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory() {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private Templates() {}

  /** Compiled templates by resource: each is parsed once per plugin class loader. */
  private static final Map<String, Mustache> COMPILED = new ConcurrentHashMap<>();

  /** Renders {@code resource} (relative to {@code owner}'s package) with {@code view}. */
  public static String render(Class<?> owner, String resource, Object view) {
    String name = owner.getName() + "/" + resource;
    Mustache template = COMPILED.computeIfAbsent(name, n -> compile(owner, resource, n));
    StringWriter out = new StringWriter();
    template.execute(out, view);
    return out.toString();
  }

  private static Mustache compile(Class<?> owner, String resource, String name) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + resource);
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      return FACTORY.compile(reader, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
