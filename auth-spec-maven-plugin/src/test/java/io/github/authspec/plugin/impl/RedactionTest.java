package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.plugin.generation.GeneratedFile;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No generated record of the service and support packages shows a credential in
 * {@code toString()}: each is built by reflection with a recognisable value in every component
 * whose name says it holds one (at any depth), and its text must contain none of them.
 */
class RedactionTest {
  /** Component names that hold a bearer credential or key material. */
  private static final Pattern CREDENTIAL = Pattern.compile(
      "(?i).*(token|secret|code|session|handle|cookie|key|password).*");
  /** The support areas copied into the generated output, and the service package. */
  private static final List<String> PACKAGES = List.of("service", "auth", "token", "cache",
      "repository", "client");

  @Test
  @DisplayName("AuthResult's toString shows status, user and factors, never the session handle "
      + "or the tokens")
  void authResult() {
    Object tokens = Generated.create("service.TokenPair", "access-sentinel", "refresh-sentinel",
        Instant.EPOCH);
    Object status = Generated.type("service.AuthResult$Status").getEnumConstants()[0];
    Object result = Generated.create("service.AuthResult", status, 7L, "session-handle-sentinel",
        tokens, List.of("totp"));
    assertThat(result.toString()).doesNotContain("session-handle-sentinel", "access-sentinel",
        "refresh-sentinel").contains("AUTHENTICATED", "userId=7", "totp");
    Object none = Generated.create("service.AuthResult", status, null, null, null, null);
    assertThat(none.toString()).contains("sessionId=null", "tokens=null");
  }

  @Test
  @DisplayName("every generated record with a credential-named component redacts it in toString")
  void everyRecordRedacts() throws Exception {
    Map<String, String> leaks = new TreeMap<>();
    Set<String> checked = new TreeSet<>();
    for (Class<?> type : records()) {
      if (type.getSimpleName().equals("Table")) {
        // X.Table maps roles to column names: its values are names, not credentials.
        continue;
      }
      if (List.of(type.getInterfaces()).stream().anyMatch(i -> i.getName().endsWith("$Ref"))) {
        // A key class's text is the Redis key itself; its placeholders (feature keys, ids,
        // digests) are names, not credentials.
        continue;
      }
      List<String> sentinels = new ArrayList<>();
      Object value = build(type, sentinels);
      if (sentinels.isEmpty()) {
        continue;
      }
      checked.add(type.getName().substring(Generated.PACKAGE.length() + 1));
      String text = value.toString();
      sentinels.stream().filter(text::contains).findFirst()
          .ifPresent(s -> leaks.put(type.getName(), text));
    }
    assertThat(checked).as("records with credentials were found").contains("service.AuthResult",
        "service.TokenPair", "token.IssuedAccessToken", "token.RefreshTokens$Issued",
        "token.RefreshTokens$Refresh", "token.Sessions$Created", "token.ApiKeys$Created",
        "token.SingleUseSecrets$Issued", "token.SingleUseSecrets$IssuedTo",
        "token.RememberMe$Result", "token.KeyRing$Entry", "auth.Pbkdf2$Parsed",
        "auth.Totp$Row");
    assertThat(leaks).as("toString texts that show a credential").isEmpty();
  }

  /** Every record, nested ones included, of the packages in {@link #PACKAGES}. */
  private static List<Class<?>> records() {
    List<Class<?>> out = new ArrayList<>();
    String root = Generated.PACKAGE.replace('.', '/') + "/";
    for (GeneratedFile f : Generated.files()) {
      String path = f.path();
      if (!path.startsWith(root) || !path.endsWith(".java") || path.endsWith("package-info.java")
          || PACKAGES.stream().noneMatch(p -> path.startsWith(root + p + "/"))) {
        continue;
      }
      String name = path.substring(root.length(), path.length() - ".java".length())
          .replace('/', '.');
      collect(Generated.type(name), out);
    }
    return out;
  }

  private static void collect(Class<?> type, List<Class<?>> out) {
    if (type.isRecord()) {
      out.add(type);
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      collect(nested, out);
    }
  }

  /** A record with sentinels in its credential-named components, at any depth. */
  private static Object build(Class<?> record, List<String> sentinels) throws Exception {
    RecordComponent[] components = record.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = value(components[i].getGenericType(), components[i].getName(), sentinels);
    }
    Constructor<?> ctor = record.getDeclaredConstructor(types);
    ctor.setAccessible(true);
    return ctor.newInstance(args);
  }

  private static Object value(Type type, String name, List<String> sentinels) throws Exception {
    if (type instanceof java.lang.reflect.TypeVariable<?> variable) {
      // A generic support record (an id type parameter): built as its bound.
      return value(variable.getBounds()[0], name, sentinels);
    }
    boolean credential = CREDENTIAL.matcher(name).matches();
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    Type arg = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    if (raw == String.class || raw == Object.class) {
      return credential ? sentinel(sentinels) : "plain";
    }
    if (raw == byte[].class || raw == char[].class) {
      String s = credential ? sentinel(sentinels) : "plain";
      byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
      if (credential) {
        sentinels.add(HexFormat.of().formatHex(bytes));
        sentinels.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        sentinels.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      }
      return raw == byte[].class ? bytes : s.toCharArray();
    }
    if (raw == Optional.class) {
      return Optional.of(value(arg, name, sentinels));
    }
    if (raw == List.class) {
      return List.of(value(arg, name, sentinels));
    }
    if (raw == Set.class) {
      return Set.of(value(arg, name, sentinels));
    }
    if (raw == Map.class) {
      Type v = ((ParameterizedType) type).getActualTypeArguments()[1];
      return Map.of("plain", value(v, name, sentinels));
    }
    if (raw == long.class || raw == Long.class) {
      return 7L;
    }
    if (raw == int.class || raw == Integer.class) {
      return 7;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (raw == Instant.class) {
      return Instant.EPOCH;
    }
    if (raw == Duration.class) {
      return Duration.ofSeconds(7);
    }
    if (raw == Class.class) {
      return String.class;
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (raw.isRecord()) {
      return build(raw, sentinels);
    }
    if (raw.getSimpleName().equals("SigningKey")) {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] secret = pair.getPrivate().getEncoded();
      sentinels.add(Base64.getEncoder().encodeToString(secret));
      sentinels.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
      sentinels.add(HexFormat.of().formatHex(secret));
      Class<?> algorithm = Class.forName(raw.getPackageName() + ".JwsAlgorithm", true,
          raw.getClassLoader());
      Object eddsa = algorithm.getField("EdDSA").get(null);
      return raw.getMethod("of", algorithm, KeyPair.class).invoke(null, eddsa, pair);
    }
    if (credential) {
      throw new AssertionError("no value for the credential component " + name + " of type "
          + type);
    }
    return null;
  }

  private static String sentinel(List<String> sentinels) {
    String s = "S3ntinel" + sentinels.size() + "Xq";
    sentinels.add(s);
    return s;
  }
}
