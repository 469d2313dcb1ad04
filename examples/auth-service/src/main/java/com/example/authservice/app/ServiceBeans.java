package com.example.authservice.app;

import com.example.authservice.auth.BackupCodes;
import com.example.authservice.auth.SecretBox;
import com.example.authservice.token.AccessTokenSettings;
import com.example.authservice.token.JwsAlgorithm;
import com.example.authservice.token.KeyRing;
import com.example.authservice.token.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What only the application can supply to the generated beans: its keys and its mail. A real
 * service loads each key from its secret store; the example makes fresh ones per start, so a
 * restart ends every session, challenge and token.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceBeans {
  private final SecureRandom random = new SecureRandom();

  /** Seals the TOTP seeds and the login challenges. */
  @Bean
  public SecretBox secretBox() {
    return new SecretBox(key(), random);
  }

  /** The key of the backup codes' HMAC. */
  @Bean
  public BackupCodes backupCodes() {
    return new BackupCodes(key(), random);
  }

  /** MACs session handles: the byte[] bean the session implementations and the flow wait for. */
  @Bean
  public byte[] authSpecHandleKey() {
    return key();
  }

  /** Signs the tokens; its public half is served at /.well-known/jwks.json. */
  @Bean
  public KeyRing keyRing() {
    return new KeyRing(SigningKey.generate(JwsAlgorithm.EdDSA, random), Clock.systemUTC());
  }

  /**
   * What the access tokens say and how long they live: the login API's sign-in and refresh
   * answer one, and the generated security chain verifies them.
   */
  @Bean
  public AccessTokenSettings accessTokenSettings() {
    return AccessTokenSettings.of("https://auth.example.com", "https://api.example.com");
  }

  /**
   * The notifications service's stand-in: it keeps the messages (verification and reset
   * tokens, new sign-in notices) in memory instead of mailing them.
   */
  @Bean
  public Outbox outbox() {
    return new Outbox();
  }

  private byte[] key() {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return key;
  }
}
