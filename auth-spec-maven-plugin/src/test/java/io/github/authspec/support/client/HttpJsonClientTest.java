package io.github.authspec.support.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The client against a real JDK HttpServer, with a Jackson codec. */
class HttpJsonClientTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonCodec JACKSON = new JsonCodec() {
    @Override
    public String toJson(Object value) {
      try {
        return MAPPER.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }

    @Override
    public <T> T fromJson(String json, Class<T> type) {
      try {
        return MAPPER.readValue(json, type);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
  };

  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpJsonClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
          + exchange.getRequestHeaders().getFirst("Authorization") + " "
          + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
      String path = exchange.getRequestURI().getPath();
      int status = path.endsWith("/fail") ? 503 : path.endsWith("/empty") ? 204 : 200;
      byte[] answer = (status == 503 ? "{\"error\":\"down\"}" : status == 204 ? ""
          : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
      if (status != 204) {
        exchange.getResponseBody().write(answer);
      }
      exchange.close();
    });
    server.start();
    client = new HttpJsonClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
        + "/"), JACKSON, Duration.ofSeconds(5), Duration.ofSeconds(30),
        Map.of("Authorization", "Bearer t"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  @DisplayName("method, encoded path, headers and JSON body reach the server; JSON comes back")
  void roundTrip() {
    Object answer = client.send("POST", "/users/" + HttpJsonClient.segment("a b/c") + "/send",
        Map.of("to", "x"), Map.class);

    assertThat(answer).isEqualTo(Map.of("ok", true));
    assertThat(seen).containsExactly(
        "POST /users/a%20b%2Fc/send Bearer t application/json {\"to\":\"x\"}");
  }

  @Test
  @DisplayName("no body sends no Content-Type; Void.class and an empty answer give null")
  void noBody() {
    assertThat(client.send("GET", "/x", null, Void.class)).isNull();
    assertThat((Object) client.send("DELETE", "/empty", null, Map.class)).isNull();
    assertThat(seen).containsExactly("GET /x Bearer t null ", "DELETE /empty Bearer t null ");
  }

  @Test
  @DisplayName("a non-2xx answer is a ClientException with status and body, not in the message")
  void errorAnswer() {
    assertThatThrownBy(() -> client.send("GET", "/fail", null, Map.class))
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.body()).isEqualTo("{\"error\":\"down\"}");
          assertThat(e.getMessage()).isEqualTo("GET /fail answered 503")
              .doesNotContain("down");
          assertThat(e.getCause()).isNull();
        });
  }

  @Test
  @DisplayName("no server: a ClientException with status 0 and the I/O error as cause")
  void noServer() {
    server.stop(0);
    assertThatThrownBy(() -> client.send("GET", "/x", null, Map.class))
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.status()).isZero();
          assertThat(e.body()).isEmpty();
          assertThat(e.getCause()).isInstanceOf(IOException.class);
        });
  }
}
