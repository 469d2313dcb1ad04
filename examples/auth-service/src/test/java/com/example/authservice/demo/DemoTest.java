package com.example.authservice.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this demo: it must keep working. */
class DemoTest {
  @Test
  void demoRegistersAUserAndOpensASession() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("applied 1 generated migration(s)"), out);
    assertTrue(out.contains("registered User[id=1, email=ada@example.com"), out);
    assertTrue(out.contains("passwordHash=***"), out);
    assertTrue(out.contains("opened session 1 for user 1 (active=true)"), out);
    assertTrue(out.contains("Redis: session:1 = {"), out);
    assertTrue(out.contains("TTL 3600 s (SLIDING)"), out);
  }
}
