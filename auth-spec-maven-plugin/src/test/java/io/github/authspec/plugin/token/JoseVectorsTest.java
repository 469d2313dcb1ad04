package io.github.authspec.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.support.token.Json;
import io.github.authspec.support.token.Jwk;
import io.github.authspec.support.token.Jws;
import io.github.authspec.support.token.JwsAlgorithm;
import io.github.authspec.support.token.Secrets;
import io.github.authspec.support.token.SigningKey;
import io.github.authspec.support.token.TokenException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JOSE code against the RFCs' published vectors, computed by others. */
class JoseVectorsTest {
  /** RFC 8037 A.1. */
  static final Map<String, Object> ED25519 = Map.of("kty", "OKP", "crv", "Ed25519",
      "d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
      "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
  /** RFC 7520 Figure 4. */
  static final Map<String, Object> RSA = Map.of("kty", "RSA",
      "n", "n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw",
      "e", "AQAB",
      "d", "bWUC9B-EFRIo8kpGfh0ZuyGPvMNKvYWNtB_ikiH9k20eT-O1q_I78eiZkpXxXQ0UTEs2LsNRS-8uJbvQ-A1irkwMSMkK1J3XTGgdrhCku9gRldY7sNA_AKZGh-Q661_42rINLRCe8W-nZ34ui_qOfkLnK9QWDDqpaIsA-bMwWWSDFu2MUBYwkHTMEzLYGqOe04noqeq1hExBTHBOBdkMXiuFhUq1BU6l-DqEiWxqg82sXt2h-LMnT3046AOYJoRioz75tSUQfGCshWTBnP5uDjd18kKhyv07lhfSJdrPdM5Plyl21hsFf4L_mHCuoFau7gdsPfHPxxjVOcOpBrQzwQ",
      "p", "3Slxg_DwTXJcb6095RoXygQCAZ5RnAvZlno1yhHtnUex_fp7AZ_9nRaO7HX_-SFfGQeutao2TDjDAWU4Vupk8rw9JR0AzZ0N2fvuIAmr_WCsmGpeNqQnev1T7IyEsnh8UMt-n5CafhkikzhEsrmndH6LxOrvRJlsPp6Zv8bUq0k",
      "q", "uKE2dh-cTf6ERF4k4e_jy78GfPYUIaUyoSSJuBzp3Cubk3OCqs6grT8bR_cu0Dm1MZwWmtdqDyI95HrUeq3MP15vMMON8lHTeZu2lmKvwqW7anV5UzhM1iZ7z4yMkuUwFWoBvyY898EXvRD-hdqRxHlSqAZ192zB3pVFJ0s7pFc",
      "dp", "B8PVvXkvJrj2L-GYQ7v3y9r6Kw5g9SahXBwsWUzp19TVlgI-YV85q1NIb1rxQtD-IsXXR3-TanevuRPRt5OBOdiMGQp8pbt26gljYfKU_E9xn-RULHz0-ed9E9gXLKD4VGngpz-PfQ_q29pk5xWHoJp009Qf1HvChixRX59ehik",
      "dq", "CLDmDGduhylc9o7r84rEUVn7pzQ6PF83Y-iBZx5NT-TpnOZKF1pErAMVeKzFEl41DlHHqqBLSM0W1sOFbwTxYWZDm6sI6og5iTbwQGIC3gnJKbi_7k_vJgGHwHxgPaX2PnvP-zyEkDERuf-ry4c_Z11Cq9AqC2yeL6kdKT1cYF8",
      "qi", "3PiqvXQN0zwMeE-sBvZgi289XP9XCQF3VWqPzMKnIgQp7_Tugo6-NZBKCQsMf3HaEGBjTVJs_jcK8-TRXvaKe-7ZMaQj8VfBdYkssbu0NKDDhjJ-GtiseaDVWt7dcH0cfwxgFUHpQh7FoCrjFJ6h6ZEpMF6xmujs4qMpPz8aaI4");
  /** RFC 7520 §4 payload (Figure 8). */
  static final String COOKBOOK_PAYLOAD = "SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4";
  /** RFC 7515 A.3 / A.1 payload. */
  static final String JOE_PAYLOAD = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";

  @Test
  @DisplayName("RFC 8037 A.4: the Ed25519 signature is reproduced byte for byte, and A.3's thumbprint")
  void rfc8037() {
    SigningKey key = SigningKey.fromJwk(JwsAlgorithm.EdDSA, ED25519);
    assertThat(key.kid()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    String jws = sign("{\"alg\":\"EdDSA\"}", "Example of Ed25519 signing", JwsAlgorithm.EdDSA,
        JwsAlgorithm.EdDSA, ED25519);
    assertThat(jws).isEqualTo("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
        + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
    Jws.verify(Jws.parse(jws), SigningKey.verifyOnly(JwsAlgorithm.EdDSA, key.publicKey()));
    assertRefused(jws.replace("hgyY0il", "hgyY0iL"), key, TokenException.Reason.SIGNATURE);
  }

  @Test
  @DisplayName("RFC 7520 §4.1: the RS256 signature is reproduced exactly (PKCS#1 v1.5 is deterministic)")
  void rfc7520RsaSignature() {
    String header = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9";
    String jws = Jws.sign(io.github.authspec.support.token.Secrets.fromBase64Url(header),
        io.github.authspec.support.token.Secrets.fromBase64Url(COOKBOOK_PAYLOAD),
        JwsAlgorithm.RS256, Jwk.privateKey(JwsAlgorithm.RS256, RSA));
    assertThat(jws).isEqualTo(header + "." + COOKBOOK_PAYLOAD + "."
        + "MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg");
    Jws.verify(Jws.parse(jws), SigningKey.verifyOnly(JwsAlgorithm.RS256,
        Jwk.publicKey(JwsAlgorithm.RS256, RSA)));
  }

  @Test
  @DisplayName("RFC 7520 §4.3: the ES512 signature verifies (ECDSA is randomized, so verify only); a flipped bit does not")
  void rfc7520EcdsaSignature() {
    Map<String, Object> jwk = Map.of("kty", "EC", "crv", "P-521",
        "x", "AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt",
        "y", "AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1");
    String jws = "eyJhbGciOiJFUzUxMiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9."
        + COOKBOOK_PAYLOAD + "."
        + "AE_R_YZCChjn4791jSQCrdPZCNYqHXCTZH0-JZGYNlaAjP2kqaluUIIUnC9qvbu9Plon7KRTzoNEuT4Va2cmL1eJAQy3mtPBu_u_sDDyYjnAMDxXPn7XrT0lw-kvAD890jl8e2puQens_IEKBpHABlsbEPX6sFY8OcGDqoRuBomu9xQ2";
    SigningKey key = SigningKey.fromJwk(JwsAlgorithm.ES512, jwk);
    Jws.verify(Jws.parse(jws), key);
    assertRefused(jws.replace("AE_R_YZ", "AE_R_Yz"), key, TokenException.Reason.SIGNATURE);
  }

  @Test
  @DisplayName("RFC 7515 A.3: the ES256 example verifies through the JDK's P1363 (R||S) form")
  void rfc7515Es256() {
    Map<String, Object> jwk = Map.of("kty", "EC", "crv", "P-256",
        "x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
        "y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        "d", "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI");
    String jws = "eyJhbGciOiJFUzI1NiJ9." + JOE_PAYLOAD
        + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
    SigningKey key = SigningKey.fromJwk(JwsAlgorithm.ES256, jwk);
    Jws.verify(Jws.parse(jws), key);
    // a fresh signature by the RFC's private key verifies against its public key too
    String mine = sign("{\"alg\":\"ES256\"}", "x", JwsAlgorithm.ES256, JwsAlgorithm.ES256, jwk);
    Jws.verify(Jws.parse(mine), key);
    assertRefused(jws.substring(0, jws.length() - 1) + "A", key, TokenException.Reason.SIGNATURE);
  }

  @Test
  @DisplayName("RFC 7638 §3.1: the RSA key's thumbprint")
  void rfc7638() {
    Map<String, Object> jwk = Map.of("kty", "RSA", "e", "AQAB", "alg", "RS256",
        "kid", "2011-04-29",
        "n", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw");
    assertThat(Jwk.thumbprint(jwk)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    // the public members round-trip through a JDK key back to the same thumbprint
    assertThat(Jwk.thumbprint(Jwk.publicMembers(JwsAlgorithm.RS256,
        Jwk.publicKey(JwsAlgorithm.RS256, jwk)))).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  }

  @Test
  @DisplayName("the JSON reader refuses duplicates, fractions, deep nesting and trailing text")
  void jsonReader() {
    assertThat(Json.parseObject("{\"a\":\"x\\u0041\",\"b\":[1,-2],\"c\":true,\"d\":null}"))
        .containsEntry("a", "xA").containsEntry("b", java.util.List.of(1L, -2L))
        .containsEntry("c", true).containsEntry("d", null);
    for (String bad : new String[] {"{\"a\":1,\"a\":2}", "{\"a\":1.5}", "{\"a\":1e3}",
        "{\"a\":[[[[[1]]]]]}", "{\"a\":1} x", "[1]", "{\"a\":\"\u0001\"}", "{\"a\":01x}"}) {
      Assertions.assertThatThrownBy(() -> Json.parseObject(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Json.write(new java.util.LinkedHashMap<>(Map.of("k", "q\"\\\n"))))
        .isEqualTo("{\"k\":\"q\\\"\\\\\\n\"}");
  }

  @Test
  @DisplayName("the JSON reader takes exactly four ASCII hex digits after \\u and ASCII digits "
      + "without leading zeros in numbers (RFC 8259), no sign, no other script's digits")
  void jsonStrictEscapesAndNumbers() {
    assertThat(Json.parseObject("{\"a\":\"\\u00e9\\u00C9\",\"b\":0,\"c\":-0,\"d\":10}"))
        .containsEntry("a", "\u00e9\u00c9").containsEntry("b", 0L).containsEntry("c", 0L)
        .containsEntry("d", 10L);
    for (String bad : new String[] {"{\"a\":\"\\u+061\"}", "{\"a\":\"\\u-061\"}",
        "{\"a\":\"\\u+0061\"}", "{\"a\":\"\\u\uff10\uff10\uff14\uff11\"}",
        "{\"a\":\"\\u\u0660\u0660\u0664\u0661\"}", "{\"a\":\"\\u 041\"}",
        "{\"a\":1\u0662}", "{\"a\":1\uff12}", "{\"a\":01}", "{\"a\":-01}", "{\"a\":-}"}) {
      Assertions.assertThatThrownBy(() -> Json.parseObject(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("a JWS header that is not valid UTF-8 is malformed, not read with replacement "
      + "characters")
  void jwsHeaderMustBeUtf8() {
    byte[] header = "{\"alg\":\"EdDSA\",\"kid\":\"k?\"}".getBytes(StandardCharsets.US_ASCII);
    header[header.length - 3] = (byte) 0xff;
    String token = Secrets.base64Url(header) + "." + Secrets.base64Url(new byte[] {'{', '}'})
        + "." + Secrets.base64Url(new byte[64]);
    Assertions.assertThatThrownBy(() -> Jws.parse(token))
        .isInstanceOfSatisfying(TokenException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.MALFORMED));
  }

  static String sign(String header, String payload, JwsAlgorithm alg, JwsAlgorithm keyAlg,
      Map<String, Object> jwk) {
    return Jws.sign(header.getBytes(StandardCharsets.UTF_8),
        payload.getBytes(StandardCharsets.UTF_8), alg, Jwk.privateKey(keyAlg, jwk));
  }

  private static void assertRefused(String jws, SigningKey key, TokenException.Reason reason) {
    Assertions.assertThatThrownBy(() -> Jws.verify(Jws.parse(jws), key))
        .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
