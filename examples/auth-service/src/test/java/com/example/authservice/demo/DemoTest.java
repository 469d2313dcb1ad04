package com.example.authservice.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command runs this demo against the running service (real Tomcat,
 * PostgreSQL and Redis on free ports): every step must end as documented.
 */
class DemoTest {
  @Test
  void theSessionOverHttpEndsAsDocumented() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Demo.Step> steps;
    try (Demo.Service service = Demo.start(0)) {
      steps = Demo.run(service, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    Map<String, Demo.Step> step = new LinkedHashMap<>();
    steps.forEach(s -> step.put(s.name(), s));

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("POST /auth/register", "202");
    expected.put("POST /auth/register (same address)", "202");
    expected.put("POST /auth/email/verify", "204");
    expected.put("approve registration (operator)", "in-process");
    expected.put("POST /auth/login", "200");
    expected.put("POST /auth/login/enrolment", "200");
    expected.put("GET /api/me (no cookie)", "401");
    expected.put("GET /api/me", "200");
    expected.put("GET /api/me (bearer token)", "200");
    expected.put("POST /auth/token", "200");
    expected.put("POST /auth/token (old token again)", "401");
    expected.put("POST /auth/token (its successor)", "401");
    expected.put("POST /auth/logout", "204");
    expected.put("GET /api/me (after logout)", "401");
    expected.put("POST /auth/login (again)", "200");
    expected.put("POST /auth/login/second-factor", "200");
    expected.put("GET /api/me (new session)", "200");
    expected.put("POST /auth/password/reset", "202");
    expected.put("POST /auth/password/reset/confirm", "204");
    expected.put("GET /api/me (after the reset)", "401");
    expected.put("POST /auth/login (old password)", "401");
    expected.put("POST /auth/login (new password)", "200");
    expected.put("GET /auth/openapi.json", "200");
    expected.put("GET /.well-known/jwks.json", "200");
    assertEquals(expected, Demo.outcomes(steps), printed);

    assertEquals("accepted, verification mailed to the outbox",
        step.get("POST /auth/register").detail(), printed);
    assertEquals("accepted, the same answer: a taken address is not told",
        step.get("POST /auth/register (same address)").detail(), printed);
    assertTrue(printed.contains("the approval is an operator's act"), printed);
    assertTrue(Pattern.compile("started in \\d+\\.\\d\\d s \\(the servers took \\d+\\.\\d\\d s")
        .matcher(printed).find(), printed);
    assertTrue(step.get("POST /auth/login").detail()
        .startsWith("enrolment-required, otpauth://totp/"), printed);
    assertTrue(step.get("POST /auth/login/enrolment").detail().startsWith("signed-in"), printed);
    assertTrue(step.get("GET /api/me").detail().contains("\"email\":\"ada@example.com\""),
        printed);
    assertEquals("second-factor-required", step.get("POST /auth/login (again)").detail());
    assertTrue(step.get("POST /auth/login/second-factor").detail().startsWith("signed-in"),
        printed);
    assertEquals("second-factor-required", step.get("POST /auth/login (new password)").detail(),
        "the new password works, and the factor stays");
    assertTrue(step.get("GET /auth/openapi.json").detail().startsWith("OpenAPI 3.1"), printed);
    assertTrue(step.get("GET /.well-known/jwks.json").detail().startsWith("1 public key(s)"),
        printed);

    assertFalse(printed.contains("correct horse") || printed.contains("new passphrase"),
        "no password in the output");
    // Tokens, handles, challenges and the TOTP seed are printed cut to 8 characters, if at all:
    // no run of 20 Base64url/Base32 characters with a capital or a digit (words have neither).
    assertFalse(Pattern.compile("(?=[A-Za-z0-9_-]*[A-Z0-9])[A-Za-z0-9_-]{20,}").matcher(printed)
        .find(), printed);
    assertTrue(printed.contains("secret=…"), printed);
  }
}
