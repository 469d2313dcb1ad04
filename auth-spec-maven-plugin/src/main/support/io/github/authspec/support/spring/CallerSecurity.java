package io.github.authspec.support.spring;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The service's Spring Security filter chain: the sign-in operations under {@code /auth/**},
 * the OpenAPI document and the JWK set are open; every other request needs a signed-in caller,
 * by a bearer access token or the session cookie, as {@link Callers} reads them. The principal
 * is the account's id ({@code @AuthenticationPrincipal Long user}). Stateless: no HTTP session
 * is made or read, every request proves itself.
 *
 * <p>An unauthenticated request to a protected path gets 401 {@code application/problem+json}
 * (RFC 9457) with {@code WWW-Authenticate: Bearer}, and {@code error="invalid_token"} when it
 * presented a token that was refused (RFC 6750 §3). Spring Security's CSRF token is off: a
 * bearer token needs none (a browser never sends it on its own), and the cookie has its own
 * defence (see {@link Callers}). Spring Security's headers (no-store, nosniff, frame denial,
 * HSTS over HTTPS) stay on.
 */
public final class CallerSecurity {
  private static final String[] OPEN = {"/auth/**", "/.well-known/jwks.json"};
  private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"%s\","
      + "\"status\":%d}";

  private CallerSecurity() {
  }

  /**
   * The chain.
   *
   * @param http Spring Security's builder
   * @param callers who is calling
   * @return the chain
   * @throws Exception as {@link HttpSecurity#build()} declares
   */
  public static SecurityFilterChain chain(HttpSecurity http, Callers callers) throws Exception {
    Objects.requireNonNull(callers, "callers");
    return http
        .authorizeHttpRequests(requests -> requests
            // An error page is rendered for a request the chain already let through.
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers(CallerApi.PATHS.toArray(String[]::new)).authenticated()
            .requestMatchers(OPEN).permitAll()
            .anyRequest().authenticated())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, refused) ->
                problem(response, 401, "Unauthorized", Callers.challenge(callers.of(request))))
            .accessDeniedHandler((request, response, denied) ->
                problem(response, 403, "Forbidden", null)))
        // Not a bean: Boot would register a Filter bean for every request a second time.
        .addFilterBefore(new Authenticate(callers), AnonymousAuthenticationFilter.class)
        .build();
  }

  /** Writes a problem without the message converters a filter does not have. */
  private static void problem(HttpServletResponse response, int status, String title,
      String challenge) throws IOException {
    response.setStatus(status);
    if (challenge != null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    response.setContentType("application/problem+json");
    response.getOutputStream().write(String.format(PROBLEM, title, status)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Sets the request's caller, when signed, as the security context's authentication. */
  static final class Authenticate extends OncePerRequestFilter {
    private final Callers callers;
    private final SecurityContextHolderStrategy holder =
        SecurityContextHolder.getContextHolderStrategy();

    Authenticate(Callers callers) {
      this.callers = callers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      if (callers.of(request) instanceof Callers.Signed signed) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
            signed.userId(), null, List.of()));
        holder.setContext(context);
      }
      chain.doFilter(request, response);
    }
  }

  @Override
  public String toString() {
    return "CallerSecurity";
  }
}
