package com.example.authservice.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first command runs this demo: every step must end as documented. */
class DemoTest {
  @Test
  void theLoginFlowEndsAsDocumented() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Demo.Step> steps = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    Map<String, String> outcome = new LinkedHashMap<>();
    steps.forEach(s -> outcome.put(s.name(), s.outcome()));

    assertEquals("applied 1 generated migration(s)", outcome.get("migrate"));
    assertTrue(outcome.get("register weak").startsWith("refused: password-policy"),
        outcome.get("register weak"));
    assertEquals("user 1", outcome.get("register"));
    assertEquals("FAILED", outcome.get("login wrong password"));
    assertEquals("AUTHENTICATED user 1", outcome.get("login"));
    assertEquals("confirmed true", outcome.get("totp enrol"));
    assertEquals("accepted false", outcome.get("totp replay"), "a TOTP code works once");
    assertEquals("subject 1, scope profile", outcome.get("verify access token"));
    assertEquals("ROTATED", outcome.get("refresh"));
    assertEquals("REUSED", outcome.get("replay old refresh token"));
    assertEquals("REVOKED", outcome.get("refresh with successor"),
        "the replay revoked the whole family");
    assertEquals("5 of 7 allowed", outcome.get("rate limit"));
    assertEquals("session valid before true, after false", outcome.get("logout"));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("replay old refresh token   REUSED"), printed);
    assertTrue(!printed.contains("correct horse"), "no password in the output");
  }
}
