package com.example.authservice.app;

import com.example.authservice.cache.LettuceKeyOperations;
import com.example.authservice.client.JsonCodec;
import com.example.authservice.auth.SecretBox;
import com.example.authservice.repository.LoginHistoryRepository;
import com.example.authservice.spring.PhcPasswordEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/** What the application writes by hand: codecs, the hashing, and one replaced repository. */
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

  /** PBKDF2-HMAC-SHA256 in PHC form, until the plugin generates the hashing itself. */
  @Bean
  public PhcPasswordEncoder.Hashing hashing() {
    return new Pbkdf2();
  }

  static final class Pbkdf2 implements PhcPasswordEncoder.Hashing {
    private static final int ITERATIONS = 1000;
    private final SecureRandom random = new SecureRandom();

    @Override
    public String hash(char[] password) {
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      return "$pbkdf2-sha256$i=" + ITERATIONS + "$" + b64(salt) + "$"
          + b64(derive(password, salt, ITERATIONS));
    }

    @Override
    public boolean verify(char[] password, String stored) {
      String[] parts = stored.split("\\$");
      if (parts.length != 5 || !parts[1].equals("pbkdf2-sha256") || !parts[2].startsWith("i=")) {
        return false;
      }
      byte[] expected = Base64.getDecoder().decode(parts[4]);
      byte[] actual = derive(password, Base64.getDecoder().decode(parts[3]),
          Integer.parseInt(parts[2].substring(2)));
      return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public boolean needsRehash(String stored) {
      return !stored.startsWith("$pbkdf2-sha256$i=" + ITERATIONS + "$");
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String b64(byte[] bytes) {
      return new String(Base64.getEncoder().withoutPadding().encode(bytes),
          StandardCharsets.US_ASCII);
    }
  }
}
