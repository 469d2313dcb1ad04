package io.github.authspec.support.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3.1 document of the auth API, as the plugin generated it for this spec (exactly
 * the operations its login flow has), served at {@code GET /auth/openapi.json}. It describes
 * the API and holds no secret, so it is open like the login itself. Abstract, as
 * {@link LoginApi} is, so only a bean of a subclass serves it.
 */
@RestController
public abstract class OpenApiDocument {
  /** Where the plugin writes the document, on the class path. */
  public static final String RESOURCE = "META-INF/auth-spec/openapi.json";

  private final byte[] document;

  /** Reads the document once, failing at start-up when the build did not generate it. */
  protected OpenApiDocument() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path: generate with "
            + "httpApi=true");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The document.
   *
   * @return its bytes, as generated
   */
  @GetMapping(path = "/auth/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> document() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document.clone());
  }

  @Override
  public String toString() {
    return "OpenApiDocument";
  }
}
