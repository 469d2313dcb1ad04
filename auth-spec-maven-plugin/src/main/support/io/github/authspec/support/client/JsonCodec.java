package io.github.authspec.support.client;

/**
 * Turns request and response bodies into JSON and back. The generated clients force no JSON
 * library: plug in Jackson, Gson or JSON-B with a two-method adapter. (The names are not
 * {@code write}/{@code read}: SpotBugs takes a {@code write...} method for a setter, and would
 * report every client that keeps its codec.)
 */
public interface JsonCodec {
  /**
   * Encodes a request body.
   *
   * @param value the body
   * @return its JSON text
   */
  String toJson(Object value);

  /**
   * Decodes a response body.
   *
   * @param <T> the body type
   * @param json the JSON text
   * @param type the body type
   * @return the body
   */
  <T> T fromJson(String json, Class<T> type);
}
