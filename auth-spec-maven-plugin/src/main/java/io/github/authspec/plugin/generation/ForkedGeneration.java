package io.github.authspec.plugin.generation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Regenerates in a JVM of its own instead of Maven's. A build JVM lives for seconds, and in it
 * the generators pay for the tiered JIT's C2 compilations (most of a cold build's extra CPU) and
 * G1 growing the heap to a gigabyte for a large spec; the plugin cannot choose Maven's flags,
 * but it can choose these: C1 only and the serial collector, with which whole CI builds took
 * 0.79 of the time at 1,000 tables and 0.91 at 63 (before the class-data archive). The forked
 * JVM runs the same plugin jar and the same code, so the output is the same bytes. If it cannot
 * be started, generation runs in-process.
 */
public final class ForkedGeneration {
  /**
   * The generation JVM's flags: see the class comment; the JVM's own warnings go to standard
   * error, since standard output carries {@link ForkProtocol}, except class-data sharing's
   * (writing the archive lists JDK classes it leaves out, which is no one's concern).
   */
  static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xlog:disable",
      "-Xlog:all=warning,cds*=off:stderr");
  /** Settings that can reach generated text or messages, passed on as the build JVM has them. */
  private static final List<String> INHERITED = List.of("file.encoding", "user.language",
      "user.country", "user.variant", "java.io.tmpdir");

  private final BuildLog log;

  public ForkedGeneration(BuildLog log) {
    this.log = log;
  }

  /**
   * {@link GenerationOrchestrator#regenerate}, in a forked JVM when one starts; in this JVM when
   * none does (no {@code java} to run, or flags that JVM refuses: it ends before it says
   * anything, and before anything could be written).
   */
  public GenerationResult regenerate(GenerationRequest request, String reason)
      throws IOException {
    Optional<GenerationResult> forked = fork(request, reason);
    if (forked.isPresent()) {
      return forked.get();
    }
    log.debug("auth-spec: generating in the build JVM");
    return new GenerationOrchestrator(Generators::all, log).regenerate(request, reason);
  }

  /** The forked run's result, or none when no JVM started or it ended without a word. */
  private Optional<GenerationResult> fork(GenerationRequest request, String reason)
      throws IOException {
    List<Path> classpath;
    try {
      classpath = classpath();
    } catch (IOException e) {
      log.debug("auth-spec: no class path for a generation JVM (" + e.getMessage() + ")");
      return Optional.empty();
    }
    Optional<ClassDataArchive> archive = ClassDataArchive.of(classpath);
    Optional<String> archiveFlag = archive.flatMap(ClassDataArchive::flag);
    boolean writingArchive = archive.isPresent() && archive.get().writing();
    Process process;
    try {
      process = new ProcessBuilder(command(classpath, archiveFlag))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException | UnsupportedOperationException e) {
      if (writingArchive) {
        archive.get().publish(false);
      }
      log.debug("auth-spec: cannot start a generation JVM (" + e.getMessage() + ")");
      return Optional.empty();
    }
    boolean exited = false;
    try {
      try (DataOutputStream in = new DataOutputStream(
          new BufferedOutputStream(process.getOutputStream()))) {
        ForkProtocol.writeRequest(in, request);
        ForkProtocol.writeString(in, reason);
      } catch (IOException e) {
        // It ended already; what it said, if anything, is read below.
      }
      Optional<GenerationResult> result;
      try (DataInputStream out = new DataInputStream(
          new BufferedInputStream(process.getInputStream(), 1 << 16))) {
        result = answer(out, process);
      }
      if (writingArchive) {
        exited = waitFor(process) == 0; // it writes the archive as it exits
      }
      return result;
    } finally {
      if (writingArchive) {
        archive.get().publish(exited);
      }
      process.destroy(); // normally gone already; never left behind on a failure here
    }
  }

  private Optional<GenerationResult> answer(DataInputStream out, Process process)
      throws IOException {
    boolean heard = false;
    try {
      while (true) {
        byte tag = out.readByte();
        heard = true;
        if (tag == ForkProtocol.LOG) {
          log.log(BuildLog.Level.values()[out.readByte()], ForkProtocol.readString(out));
        } else if (tag == ForkProtocol.RESULT) {
          return Optional.of(ForkProtocol.readResult(out));
        } else if (tag == ForkProtocol.WRITE_FAILED) {
          throw new IOException(ForkProtocol.readString(out));
        } else {
          throw new IOException("the generation JVM sent an unknown message (" + tag + ")");
        }
      }
    } catch (EOFException e) {
      int code = waitFor(process);
      if (!heard) {
        log.debug("auth-spec: the generation JVM ended (exit code " + code + ") at start-up");
        return Optional.empty();
      }
      throw new IOException("the generation JVM ended (exit code " + code
          + ") without a result; its error output is above", e);
    }
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** {@code java FLAGS -cp PLUGIN ForkMain}, with this JVM's java. */
  static List<String> command(List<Path> classpath, Optional<String> archiveFlag) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    archiveFlag.ifPresent(command::add);
    for (String key : INHERITED) {
      String value = System.getProperty(key);
      if (value != null) {
        command.add("-D" + key + "=" + value);
      }
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator,
        classpath.stream().map(Path::toString).toList()));
    command.add(ForkMain.class.getName());
    return command;
  }

  /**
   * Where this code was loaded from: in Maven, the plugin's class realm (the plugin jar, which
   * bundles every library it runs, then its one dependency); elsewhere (tests), the JVM's
   * class path.
   */
  static List<Path> classpath() throws IOException {
    ClassLoader loader = ForkedGeneration.class.getClassLoader();
    List<Path> entries = new ArrayList<>();
    if (!(loader instanceof URLClassLoader urls)) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        entries.add(Path.of(entry));
      }
      return entries;
    }
    for (URL url : urls.getURLs()) {
      try {
        entries.add(Path.of(url.toURI()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IOException("cannot put " + url + " on the generation JVM's class path", e);
      }
    }
    return entries;
  }
}
