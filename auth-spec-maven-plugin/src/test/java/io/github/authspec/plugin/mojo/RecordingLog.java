package io.github.authspec.plugin.mojo;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps every line with its level, so tests can count what a build prints. */
final class RecordingLog implements Log {
  /** One logged message. */
  record Line(String level, String text) {}

  private final List<Line> lines = new ArrayList<>();

  List<Line> lines() {
    return List.copyOf(lines);
  }

  /** Lines at {@code level} ("debug", "info", "warn", "error"). */
  List<String> at(String level) {
    return lines.stream().filter(l -> l.level().equals(level)).map(Line::text).toList();
  }

  /** How many logged lines, at any level, contain {@code text}. */
  long count(String text) {
    return lines.stream().filter(l -> l.text().contains(text)).count();
  }

  private void add(String level, CharSequence content, Throwable error) {
    lines.add(new Line(level, (content == null ? "" : content.toString())
        + (error == null ? "" : " " + error)));
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public void debug(CharSequence content) {
    add("debug", content, null);
  }

  @Override
  public void debug(CharSequence content, Throwable error) {
    add("debug", content, error);
  }

  @Override
  public void debug(Throwable error) {
    add("debug", null, error);
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public void info(CharSequence content) {
    add("info", content, null);
  }

  @Override
  public void info(CharSequence content, Throwable error) {
    add("info", content, error);
  }

  @Override
  public void info(Throwable error) {
    add("info", null, error);
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public void warn(CharSequence content) {
    add("warn", content, null);
  }

  @Override
  public void warn(CharSequence content, Throwable error) {
    add("warn", content, error);
  }

  @Override
  public void warn(Throwable error) {
    add("warn", null, error);
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public void error(CharSequence content) {
    add("error", content, null);
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    add("error", content, error);
  }

  @Override
  public void error(Throwable error) {
    add("error", null, error);
  }
}
