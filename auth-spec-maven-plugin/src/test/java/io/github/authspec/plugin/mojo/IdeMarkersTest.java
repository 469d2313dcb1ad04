package io.github.authspec.plugin.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.util.Scanner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** In an IDE (m2e's build context) diagnostics become markers at the spec's real line. */
@MojoTest
class IdeMarkersTest {
  private static final String POM = "src/test/resources/unit/validate/pom.xml";
  private static final File DIR = new File("../specs");

  @Test
  @InjectMojo(goal = "validate", pom = POM)
  @DisplayName("each diagnostic is a marker at its line and column, old markers cleared first")
  void markersAtTheRealLine(ValidateMojo mojo) {
    Recording ide = new Recording();
    mojo.buildContext = ide;
    mojo.spec = new File(DIR, "minimal-field-reference.json");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

    assertThat(ide.events.get(0)).isEqualTo("remove " + mojo.spec.getName());
    assertThat(ide.events).contains(
        "error 62:15 [AS042] foreign key users.email is VARCHAR but tenants.id would be, like "
            + "every id primary key in this spec, BIGINT",
        "error 63:17 [AS040] foreign key users.email references table 'tenants', which is not "
            + "defined");
    assertThat(ide.events.stream().filter(e -> e.startsWith("warning"))).hasSize(10);
  }

  /** Records what the mojo tells the IDE. */
  private static final class Recording implements BuildContext {
    final List<String> events = new ArrayList<>();

    @Override
    public void addMessage(File file, int line, int column, String message, int severity,
        Throwable cause) {
      events.add((severity == SEVERITY_ERROR ? "error " : "warning ") + line + ":" + column
          + " " + message);
    }

    @Override
    public void removeMessages(File file) {
      events.add("remove " + file.getName());
    }

    @Override
    public boolean hasDelta(String relpath) {
      return true;
    }

    @Override
    public boolean hasDelta(File file) {
      return true;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean hasDelta(List relpaths) {
      return true;
    }

    @Override
    public void refresh(File file) {
      events.add("refresh " + file.getName());
    }

    @Override
    public OutputStream newFileOutputStream(File file) {
      throw new AssertionError("the plugin writes through its own writer");
    }

    @Override
    public Scanner newScanner(File basedir) {
      throw new AssertionError("not used by the plugin");
    }

    @Override
    public Scanner newDeleteScanner(File basedir) {
      throw new AssertionError("not used by the plugin");
    }

    @Override
    public Scanner newScanner(File basedir, boolean ignoreDelta) {
      throw new AssertionError("not used by the plugin");
    }

    @Override
    public boolean isIncremental() {
      return true;
    }

    @Override
    public void setValue(String key, Object value) {}

    @Override
    public Object getValue(String key) {
      return null;
    }

    @Override
    @Deprecated
    public void addWarning(File file, int line, int column, String message, Throwable cause) {
      addMessage(file, line, column, message, SEVERITY_WARNING, cause);
    }

    @Override
    @Deprecated
    public void addError(File file, int line, int column, String message, Throwable cause) {
      addMessage(file, line, column, message, SEVERITY_ERROR, cause);
    }

    @Override
    public boolean isUptodate(File target, File source) {
      return false;
    }
  }
}
