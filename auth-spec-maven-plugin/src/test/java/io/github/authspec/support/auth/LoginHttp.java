package io.github.authspec.support.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client of the login API, and the bodies its tests and benchmark send. */
final class LoginHttp {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();
  private static final Pattern FIELD =
      Pattern.compile("\"(challenge|refreshToken|accessToken|otpauthUri)\":\"([^\"]+)\"");

  private LoginHttp() {}

  static String login(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  static String token(String refreshToken) {
    return "{\"refreshToken\":\"" + refreshToken + "\"}";
  }

  static String code(String challenge, String code) {
    return "{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}";
  }

  /** A string field of a response's JSON body; fails the test when it is not there. */
  static String field(HttpResponse<String> response, String name) {
    Matcher m = FIELD.matcher(response.body());
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    throw new AssertionError(name + " not in " + response.body());
  }

  static HttpResponse<String> post(URI base, String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.header("User-Agent", "LoginHttp").build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
