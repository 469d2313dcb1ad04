package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.testsupport.MutableClock;
import io.github.authspec.support.token.AccessTokenIssuer;
import io.github.authspec.support.token.AccessTokenSettings;
import io.github.authspec.support.token.AccessTokenVerifier;
import io.github.authspec.support.token.ApiKeys;
import io.github.authspec.support.token.AuthorizationCodes;
import io.github.authspec.support.token.IssuedAccessToken;
import io.github.authspec.support.token.JwsAlgorithm;
import io.github.authspec.support.token.KeyRing;
import io.github.authspec.support.token.Pkce;
import io.github.authspec.support.token.RefreshTokens;
import io.github.authspec.support.token.RememberMe;
import io.github.authspec.support.token.Sessions;
import io.github.authspec.support.token.SigningKey;
import io.github.authspec.support.token.SingleUseSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs every token flow, then greps everything a log or an error report could show (toString()
 * of every result, every exception message and cause message, stdout and stderr) for every
 * secret the run handed out, and the private keys.
 */
class SecretLeakTest {
  static final SecureRandom RANDOM = new SecureRandom();

  @Test
  @DisplayName("no token, code, cookie, key, handle or private key appears in toString(), exception messages or console output")
  void noSecretLeaks() throws Exception {
    DataSource db = SeedDatabase.fresh("leaks", 1);
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    List<String> secrets = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      SigningKey key = SigningKey.generate(JwsAlgorithm.ES256, RANDOM);
      KeyRing ring = new KeyRing(key, clock);
      AccessTokenSettings settings = AccessTokenSettings.of("https://auth.example", "api");
      IssuedAccessToken access = new AccessTokenIssuer(ring, settings, clock, RANDOM)
          .issue("1", Set.of("read"), Optional.empty(), Optional.of("fam"));
      secrets.add(access.token());
      secrets.add(access.token().substring(access.token().lastIndexOf('.') + 1));
      java.security.interfaces.ECPrivateKey priv = (java.security.interfaces.ECPrivateKey)
          AccessTokenTest.privateKeyOf(key);
      secrets.add(priv.getS().toString(16));
      secrets.add(io.github.authspec.support.token.Secrets.base64Url(
          java.util.Arrays.copyOfRange(priv.getS().toByteArray(), priv.getS().toByteArray().length - 32,
              priv.getS().toByteArray().length)));
      shown.add(access.toString());
      shown.add(key.toString());
      shown.add(ring.toString());
      shown.add(ring.jwks());
      AccessTokenVerifier verifier = new AccessTokenVerifier(ring, settings, clock,
          AccessTokenVerifier.RevocationCheck.NONE);
      shown.add(verifier.verify(access.token()).toString());
      String tampered = access.token().substring(0, access.token().length() - 2) + "AA";
      shown.add(failure(() -> verifier.verify(tampered)));

      RefreshTokens refresh = new RefreshTokens(db, RefreshTokens.Table.conventional(), clock, RANDOM);
      RefreshTokens.Issued rt = refresh.issue(1L);
      secrets.add(rt.token());
      RefreshTokens.Refresh rotated = refresh.rotate(rt.token());
      secrets.add(rotated.issued().orElseThrow().token());
      shown.add(rt.toString());
      shown.add(rotated.toString());
      shown.add(refresh.rotate(rt.token()).toString());

      SingleUseSecrets links = new SingleUseSecrets(db, SingleUseSecrets.Table.singleUse("magic_links",
          "token", "expires_at", "used_at", List.of("user_id")), clock, RANDOM);
      SingleUseSecrets.Issued link = links.issue(Duration.ofMinutes(15), Map.of("user_id", 1L));
      secrets.add(link.secret());
      shown.add(link.toString());
      shown.add(links.toString());
      shown.add(links.consume(link.secret()).toString());
      // a database failure: the message names the operation, not the secret
      SingleUseSecrets broken = new SingleUseSecrets(db, SingleUseSecrets.Table.singleUse("no_such_table",
          "token", "expires_at", "used_at", List.of()), clock, RANDOM);
      shown.add(failure(() -> broken.issue(Duration.ofMinutes(1), Map.of())));
      shown.add(failure(() -> broken.consume(link.secret())));

      AuthorizationCodes codes = new AuthorizationCodes(db, AuthorizationCodes.Table.conventional(), clock, RANDOM);
      String verifierText = "q".repeat(60);
      SingleUseSecrets.Issued code = codes.issue("web", 1L, "https://app/cb", "openid",
          Pkce.s256(verifierText), Optional.of("S256"));
      secrets.add(code.secret());
      secrets.add(verifierText);
      shown.add(code.toString());
      shown.add(codes.redeem(code.secret(), "web", "https://app/cb", Optional.of(verifierText)).toString());
      shown.add(failure(() -> codes.issue("web", 1L, "https://app/cb", "openid", verifierText, Optional.of("plain"))));

      byte[] handleKey = new byte[32];
      RANDOM.nextBytes(handleKey);
      Sessions sessions = new Sessions(db, Sessions.Table.conventional(), handleKey, clock,
          Sessions.DEFAULT_IDLE, Sessions.DEFAULT_ABSOLUTE);
      Sessions.Created session = sessions.create(1L, 2);
      secrets.add(session.handle().substring(session.handle().indexOf('.') + 1));
      shown.add(session.toString());
      shown.add(sessions.validate(session.handle()).toString());
      shown.add(sessions.toString());
      shown.add(failure(() -> sessions.create(999L, 2)));

      RememberMe remember = new RememberMe(db, RememberMe.Table.conventional(), clock, RANDOM, RememberMe.DEFAULT_TTL);
      String cookie = remember.issue(1L);
      secrets.add(cookie.substring(cookie.indexOf(':') + 1));
      RememberMe.Result next = remember.authenticate(cookie);
      secrets.add(next.cookie().orElseThrow().substring(cookie.indexOf(':') + 1));
      shown.add(next.toString());
      shown.add(remember.authenticate(cookie).toString());

      ApiKeys keys = new ApiKeys(db, ApiKeys.Table.conventional(), clock, RANDOM);
      ApiKeys.Created apiKey = keys.create(1L, "ci", Set.of("read"), Optional.empty());
      secrets.add(apiKey.secret().substring(3));
      shown.add(apiKey.toString());
      shown.add(keys.authenticate(apiKey.secret()).toString());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    shown.add(console.toString(StandardCharsets.UTF_8));
    assertThat(secrets).hasSizeGreaterThan(12).allMatch(s -> s.length() >= 20);
    for (String text : shown) {
      for (String secret : secrets) {
        assertThat(text).as("a shown text leaks a secret").doesNotContain(secret);
      }
    }
  }

  /** Everything an error report of a failing call shows: messages and causes, all the way down. */
  static String failure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      StringBuilder all = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        all.append(t).append('\n');
      }
      return all.toString();
    }
    throw new AssertionError("expected the call to fail");
  }
}
