package io.github.authspec.support.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON over {@link HttpClient} for the generated service clients: a base URL, a connect and a
 * request timeout, default headers, bodies through a {@link JsonCodec}, and non-2xx answers as
 * {@link ClientException}s carrying status and body.
 */
public final class HttpJsonClient {
  private final URI baseUrl;
  private final HttpClient http;
  private final JsonCodec codec;
  private final Duration requestTimeout;
  private final Map<String, String> headers;

  /**
   * A client.
   *
   * @param baseUrl the service's base URL, e.g. {@code https://notifications.internal}
   * @param codec the JSON codec
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for an answer
   * @param headers headers sent with every request (e.g. Authorization)
   */
  public HttpJsonClient(URI baseUrl, JsonCodec codec, Duration connectTimeout,
      Duration requestTimeout, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.codec = codec;
    this.requestTimeout = requestTimeout;
    this.headers = new LinkedHashMap<>(headers);
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  /**
   * Sends a request and decodes the answer.
   *
   * @param <T> the response body type
   * @param method the HTTP method
   * @param path the path below the base URL, already encoded
   * @param body the request body, or null for none
   * @param responseType the response body type ({@code Void.class} to ignore it)
   * @return the decoded body, or null for {@code Void.class} or an empty body
   */
  public <T> T send(String method, String path, Object body, Class<T> responseType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
        .timeout(requestTimeout)
        .header("Accept", "application/json");
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(codec.toJson(body),
              StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new ClientException(method + " " + path + " timed out", 0, "", e);
    } catch (IOException e) {
      throw new ClientException(method + " " + path + " failed: " + e.getMessage(), 0, "", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException(method + " " + path + " was interrupted", 0, "", e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new ClientException(method + " " + path + " answered " + status, status,
          response.body(), null);
    }
    if (responseType == Void.class || response.body().isEmpty()) {
      return null;
    }
    return codec.fromJson(response.body(), responseType);
  }

  /**
   * Encodes one path segment (a path placeholder's value).
   *
   * @param value the value
   * @return the encoded segment
   */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private URI resolve(String path) {
    String base = baseUrl.toString();
    return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path
        : base + path);
  }
}
