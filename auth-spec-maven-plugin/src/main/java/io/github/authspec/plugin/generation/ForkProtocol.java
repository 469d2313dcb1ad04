package io.github.authspec.plugin.generation;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Diagnostic;
import io.github.authspec.model.diagnostics.Diagnostics;
import io.github.authspec.model.diagnostics.Position;
import io.github.authspec.model.diagnostics.Severity;
import io.github.authspec.plugin.generation.GenerationResult.Status;
import io.github.authspec.plugin.write.WriteSummary;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the build JVM and the generation JVM ({@link ForkMain}) say to each other, both sides
 * running the same plugin jar: the request and the reason go in; log lines, then the result or
 * a write failure, come out. Requests are encoded component by component from the record, so a
 * new request parameter crosses the boundary without anyone remembering to add it (a component
 * of a type with no wire form fails {@code ForkProtocolTest}).
 */
final class ForkProtocol {
  /** A log line follows: its {@link BuildLog.Level}'s ordinal and the text. */
  static final byte LOG = 'L';
  /** The generation result follows; nothing after it. */
  static final byte RESULT = 'R';
  /** Writing failed with an {@link IOException} whose message follows; nothing after it. */
  static final byte WRITE_FAILED = 'X';

  private ForkProtocol() {}

  static void writeRequest(DataOutputStream out, GenerationRequest request) throws IOException {
    for (RecordComponent c : GenerationRequest.class.getRecordComponents()) {
      writeValue(out, c.getName(), get(c, request));
    }
  }

  static GenerationRequest readRequest(DataInputStream in) throws IOException {
    RecordComponent[] components = GenerationRequest.class.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = readValue(in, components[i].getName(), types[i]);
    }
    try {
      return GenerationRequest.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot rebuild the generation request: " + e, e);
    }
  }

  static void writeResult(DataOutputStream out, GenerationResult result) throws IOException {
    writeString(out, result.status().name());
    out.writeInt(result.diagnostics().all().size());
    for (Diagnostic d : result.diagnostics().all()) {
      writeString(out, d.code().name());
      writeString(out, d.severity().name());
      writeString(out, d.file());
      out.writeInt(d.position().line());
      out.writeInt(d.position().column());
      writeString(out, d.pointer());
      writeString(out, d.message());
      writeString(out, d.hint());
    }
    writePaths(out, result.summary().written());
    writePaths(out, result.summary().unchanged());
    writePaths(out, result.summary().deleted());
    writeString(out, result.reason());
    writePaths(out, result.outOfDate());
  }

  static GenerationResult readResult(DataInputStream in) throws IOException {
    Status status = Status.valueOf(readString(in));
    int count = in.readInt();
    List<Diagnostic> diagnostics = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      diagnostics.add(new Diagnostic(Code.valueOf(readString(in)),
          Severity.valueOf(readString(in)), readString(in),
          new Position(in.readInt(), in.readInt()), readString(in), readString(in),
          readString(in)));
    }
    WriteSummary summary = new WriteSummary(readPaths(in), readPaths(in), readPaths(in));
    return new GenerationResult(status, new Diagnostics(diagnostics), summary, readString(in),
        readPaths(in));
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Object get(RecordComponent c, GenerationRequest request) throws IOException {
    try {
      return c.getAccessor().invoke(request);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IOException("cannot read request component " + c.getName(), e);
    }
  }

  private static void writeValue(DataOutputStream out, String name, Object value)
      throws IOException {
    if (value instanceof Path p) {
      writeString(out, p.toString());
    } else if (value instanceof Optional<?> o) {
      out.writeBoolean(o.isPresent());
      if (o.isPresent()) {
        writeString(out, (String) o.get());
      }
    } else if (value instanceof Map<?, ?> m) {
      out.writeInt(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        writeString(out, (String) e.getKey());
        writeString(out, (String) e.getValue());
      }
    } else if (value instanceof Collection<?> list) {
      writeStrings(out, list);
    } else if (value instanceof Enum<?> e) {
      writeString(out, e.name());
    } else if (value instanceof String s) {
      writeString(out, s);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof ClasspathArtifacts c) {
      out.writeBoolean(c.checked());
      writeStrings(out, c.artifacts());
    } else {
      throw new IOException("request component " + name + " has no wire form: " + value);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object readValue(DataInputStream in, String name, Class<?> type)
      throws IOException {
    if (type == Path.class) {
      return Path.of(readString(in));
    } else if (type == Optional.class) {
      return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
    } else if (type == Map.class) {
      int size = in.readInt();
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        map.put(readString(in), readString(in));
      }
      return map;
    } else if (type == List.class) {
      return readStrings(in);
    } else if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, readString(in));
    } else if (type == String.class) {
      return readString(in);
    } else if (type == boolean.class) {
      return in.readBoolean();
    } else if (type == ClasspathArtifacts.class) {
      boolean checked = in.readBoolean();
      return new ClasspathArtifacts(checked, Set.copyOf(readStrings(in)));
    }
    throw new IOException("request component " + name + " has no wire form: " + type);
  }

  private static void writeStrings(DataOutputStream out, Collection<?> values)
      throws IOException {
    out.writeInt(values.size());
    for (Object v : values) {
      writeString(out, (String) v);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int size = in.readInt();
    List<String> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(readString(in));
    }
    return values;
  }

  private static void writePaths(DataOutputStream out, List<Path> paths) throws IOException {
    out.writeInt(paths.size());
    for (Path p : paths) {
      writeString(out, p.toString());
    }
  }

  private static List<Path> readPaths(DataInputStream in) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (String s : readStrings(in)) {
      paths.add(Path.of(s));
    }
    return paths;
  }
}
