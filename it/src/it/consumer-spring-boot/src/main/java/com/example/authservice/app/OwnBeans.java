package com.example.authservice.app;

import com.example.authservice.cache.LettuceKeyOperations;
import com.example.authservice.client.JsonCodec;
import com.example.authservice.auth.BackupCodes;
import com.example.authservice.auth.SecretBox;
import com.example.authservice.repository.LoginHistoryRepository;
import com.example.authservice.service.passwordmanagement.PasswordBlacklistService;
import java.security.SecureRandom;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * What the application writes by hand: codecs, the secrets' keys (SecretBox, BackupCodes, the
 * session handle key), one replaced repository and one replaced implementation.
 */
@Configuration(proxyBeanMethods = false)
public class OwnBeans {
  /** Replaces the generated bean; joins transactions the same way the generated ones do. */
  @Bean
  public LoginHistoryRepository myLoginHistory(DataSource dataSource) {
    return new LoginHistoryRepository(new TransactionAwareDataSourceProxy(dataSource));
  }

  /** Values of JSON keys; this application stores only strings in them. */
  @Bean
  public LettuceKeyOperations.ValueCodec valueCodec() {
    return new LettuceKeyOperations.ValueCodec() {
      @Override
      public String encode(Object value, boolean pretty) {
        return String.valueOf(value);
      }

      @Override
      public <T> T decode(String json, Class<T> type) {
        return type.cast(json);
      }
    };
  }

  /** Bodies of the HTTP clients; this application sends and reads plain strings. */
  @Bean
  public JsonCodec jsonCodec() {
    return new JsonCodec() {
      @Override
      public String toJson(Object value) {
        return String.valueOf(value);
      }

      @Override
      public <T> T fromJson(String json, Class<T> type) {
        return type.cast(json);
      }
    };
  }

  /**
   * Seals the TOTP seeds. A real service loads its key from a secret store; this one makes a
   * fresh key per start.
   */
  @Bean
  public SecretBox secretBox() {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[32];
    random.nextBytes(key);
    return new SecretBox(key, random);
  }

  /** The key of the backup codes' HMAC; a real service loads it from its secret store. */
  @Bean
  public BackupCodes backupCodes() {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[32];
    random.nextBytes(key);
    return new BackupCodes(key, random);
  }

  /** The key that MACs session handles: the byte[] bean the sessions' beans wait for. */
  @Bean
  public byte[] authSpecHandleKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * Replaces the generated block list (a table) with the application's own; the generated
   * password policy uses it.
   */
  @Bean
  public PasswordBlacklistService myBlocklist() {
    return new PasswordBlacklistService() {
      @Override
      public boolean isBlacklisted(char[] candidate) {
        return BLOCKED.equals(new String(candidate));
      }

      @Override
      public void add(String passwordHash, String source) {
        throw new UnsupportedOperationException("a fixed list");
      }
    };
  }

  /** The one password {@link #myBlocklist()} refuses. */
  public static final String BLOCKED = "correct horse battery staple";
}
