package io.github.authspec.support.spring;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the auth API as an RFC 9457 problem ({@code application/problem+json}) that
 * names what is wrong with the request and nothing of the server: no exception message, class or
 * stack trace reaches a response. It advises the auth API's controllers only, so the
 * application's own error handling stays its own; what Spring refuses before a controller is
 * chosen (a wrong method or media type) is a problem too with
 * {@code spring.mvc.problemdetails.enabled=true}. Abstract, as {@link LoginApi} is, so only a
 * bean of a subclass advises.
 */
@RestControllerAdvice(assignableTypes = {LoginApi.class, AccountApi.class,
    OpenApiDocument.class, CallerApi.class})
public abstract class ApiProblems {
  private static final System.Logger LOG = System.getLogger(ApiProblems.class.getName());

  /** A request whose body lacks a field the step needs. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super("a required field is missing", null, false, false);
    }
  }

  /** The problem as a response, with its media type. */
  static ResponseEntity<Object> response(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /**
   * A body that is not the JSON the step takes, or lacks a field.
   *
   * @param e what the reader found (not shown)
   * @return 400
   */
  @ExceptionHandler({HttpMessageNotReadableException.class, Malformed.class})
  public ResponseEntity<Object> malformed(Exception e) {
    return response(problem(HttpStatus.BAD_REQUEST, "The request body is not the JSON object"
        + " this operation takes, or lacks a field"));
  }

  /**
   * Anything else: a fault of the server, told without its details.
   *
   * @param e the fault (logged here, never sent)
   * @return 500
   */
  @ExceptionHandler(Exception.class)
  public ResponseEntity<Object> fault(Exception e) {
    LOG.log(System.Logger.Level.ERROR, "the auth API could not answer", e);
    return response(problem(HttpStatus.INTERNAL_SERVER_ERROR, "The server could not answer"));
  }

  /** A problem of {@code type}: the one place this API's problems are made. */
  static ProblemDetail problem(HttpStatus status, URI type, String title) {
    ProblemDetail p = ProblemDetail.forStatus(status);
    p.setType(type);
    p.setTitle(title);
    return p;
  }

  private static ProblemDetail problem(HttpStatus status, String title) {
    return problem(status, URI.create("about:blank"), title);
  }

  @Override
  public String toString() {
    return "ApiProblems";
  }
}
