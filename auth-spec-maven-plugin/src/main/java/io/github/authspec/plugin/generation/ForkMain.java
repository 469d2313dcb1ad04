package io.github.authspec.plugin.generation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The generation JVM's entry point ({@link ForkedGeneration} starts it): reads a request and a
 * reason from standard input, regenerates, and answers on standard output in
 * {@link ForkProtocol}'s terms. Anything else that prints (a library's banner) goes to standard
 * error, which the build shows as it is.
 */
public final class ForkMain {
  private ForkMain() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    System.setOut(System.err); // standard output carries the protocol only
    GenerationRequest request;
    String reason;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(System.in))) {
      request = ForkProtocol.readRequest(in);
      reason = ForkProtocol.readString(in);
    }
    BuildLog log = protocolLog(out);
    bridgeJavaLogging(log);
    try {
      GenerationResult result = new GenerationOrchestrator(Generators::all, log)
          .regenerate(request, reason);
      synchronized (out) {
        out.writeByte(ForkProtocol.RESULT);
        ForkProtocol.writeResult(out, result);
      }
    } catch (IOException e) {
      synchronized (out) {
        out.writeByte(ForkProtocol.WRITE_FAILED);
        ForkProtocol.writeString(out, String.valueOf(e.getMessage()));
      }
    }
    out.flush();
  }

  /**
   * A library's {@code java.util.logging} records (jOOQ logs there when no SLF4J is present,
   * as here) go to the build's log, as they would through Maven's SLF4J in-process, instead
   * of to standard error: warnings as warnings, the rest at debug level.
   */
  private static void bridgeJavaLogging(BuildLog log) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    root.addHandler(new Handler() {
      private final SimpleFormatter format = new SimpleFormatter();

      @Override
      public void publish(LogRecord entry) {
        String message = entry.getLoggerName() + ": " + format.formatMessage(entry);
        int level = entry.getLevel().intValue();
        log.log(level >= Level.SEVERE.intValue() ? BuildLog.Level.ERROR
            : level >= Level.WARNING.intValue() ? BuildLog.Level.WARN : BuildLog.Level.DEBUG,
            message);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }

  /** Log lines as protocol messages; generators log from several threads at once. */
  private static BuildLog protocolLog(DataOutputStream out) {
    return (level, message) -> {
      synchronized (out) {
        try {
          out.writeByte(ForkProtocol.LOG);
          out.writeByte(level.ordinal());
          ForkProtocol.writeString(out, message);
          out.flush(); // a long build's progress shows as it happens
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
