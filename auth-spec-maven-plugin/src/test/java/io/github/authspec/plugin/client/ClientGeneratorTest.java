package io.github.authspec.plugin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.authspec.plugin.testsupport.GeneratedSources;
import io.github.authspec.plugin.testsupport.Specs;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The generated NotificationsClient against a real local HTTP server (the JDK's). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientGeneratorTest {
  private static final String PKG = "com.example.authservice.client.";
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private ClassLoader loader;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    loader = GeneratedSources.compile(Specs.plan(Specs.project(Specs.FULL, dir.resolve("p"))),
        dir.resolve("build"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + exchange.getRequestHeaders().getFirst("Content-Type") + " "
          + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
      String path = exchange.getRequestURI().getPath();
      int status = path.endsWith("verify-sms") ? 500 : 200;
      if (path.endsWith("send-login-notification")) {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] answer = (status == 200 ? "{\"queued\":true}" : "{\"error\":\"boom\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    // One thread per exchange: the slow endpoint must not hold up the others.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterAll
  void stop() {
    server.stop(0);
  }

  @Test
  @DisplayName("method, path, headers and JSON body reach the server; the answer is decoded")
  void sendsAndDecodes() throws Exception {
    Object answer = call("sendSms", Map.of("to", "+15551234567"), Map.class);

    assertThat(answer).isEqualTo(Map.of("queued", true));
    assertThat(seen).contains("POST /notifications-service/send-sms application/json "
        + "Bearer test {\"to\":\"+15551234567\"}");
  }

  @Test
  @DisplayName("a non-2xx answer is a ClientException with status and body")
  void errorMapping() {
    assertThatThrownBy(() -> call("verifySms", Map.of("code", "1"), Map.class))
        .isInstanceOf(RuntimeException.class)
        .satisfies(e -> {
          assertThat(e.getClass().getSimpleName()).isEqualTo("ClientException");
          assertThat(e.getClass().getMethod("status").invoke(e)).isEqualTo(500);
          assertThat(e.getClass().getMethod("body").invoke(e)).isEqualTo("{\"error\":\"boom\"}");
        });
  }

  @Test
  @DisplayName("a slow server hits the request timeout: a ClientException without status")
  void timeout() {
    assertThatThrownBy(() -> call("sendLoginNotification", Map.of(), Map.class))
        .satisfies(e -> {
          assertThat(e.getMessage()).contains("timed out");
          assertThat(e.getClass().getMethod("status").invoke(e)).isEqualTo(0);
        });
  }

  @Test
  @DisplayName("free-text endpoints are documented, not generated")
  void freeText() throws Exception {
    Class<?> oauth = loader.loadClass(PKG + "Oauth2ProvidersClient");
    assertThat(oauth.getDeclaredMethods()).isEmpty();
  }

  private Object call(String method, Object body, Class<?> type) throws Exception {
    Class<?> codecType = loader.loadClass(PKG + "JsonCodec");
    Object codec = Proxy.newProxyInstance(loader, new Class<?>[] {codecType}, (p, m, a) ->
        m.getName().equals("toJson") ? JSON.writeValueAsString(a[0])
            : JSON.readValue((String) a[0], (Class<?>) a[1]));
    Object http = loader.loadClass(PKG + "HttpJsonClient").getConstructors()[0].newInstance(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()), codec,
        Duration.ofSeconds(2), Duration.ofMillis(500), Map.of("Authorization", "Bearer test"));
    Object client = loader.loadClass(PKG + "HttpNotificationsClient").getConstructors()[0]
        .newInstance(http);
    try {
      return client.getClass().getMethod(method, Object.class, Class.class)
          .invoke(client, body, type);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }
}
