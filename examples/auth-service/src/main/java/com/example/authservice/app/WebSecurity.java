package com.example.authservice.app;

import com.example.authservice.service.RequestContext;
import com.example.authservice.service.accountmanagement.SessionManagementService;
import com.example.authservice.spring.LoginApi;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The service's web security. The login API ({@code /auth/**}) and the JWK set are open, and
 * {@code /auth/**} takes no CSRF token (its steps take JSON only, its cookie is SameSite=Strict;
 * see the Spring Boot guide). Everything else, {@code /api/me} among it, needs a live session:
 * the {@code __Host-session} cookie the login API sets, checked on every request against the
 * sessions table by the generated session service (so a logout or a password reset ends it at
 * once). No HTTP session, no form or basic login: an unauthenticated request is a bare 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurity {
  @Bean
  public SecurityFilterChain security(HttpSecurity http,
      SessionManagementService sessions, ObjectProvider<Clock> clock) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/auth/**", "/.well-known/jwks.json").permitAll()
            .anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers("/auth/**"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(e -> e.authenticationEntryPoint(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // Not a bean: Boot would register a Filter bean for every request a second time.
        .addFilterBefore(new SessionCookie(sessions, clock.getIfAvailable(Clock::systemUTC)),
            AnonymousAuthenticationFilter.class)
        .build();
  }

  /** Authenticates a request by its session cookie: the principal is the account's id. */
  static final class SessionCookie extends OncePerRequestFilter {
    private final SessionManagementService sessions;
    private final Clock clock;

    SessionCookie(SessionManagementService sessions, Clock clock) {
      this.sessions = sessions;
      this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      handle(request).flatMap(h -> sessions.validate(h, new RequestContext(
              request.getRemoteAddr(), request.getHeader("User-Agent"), null, null,
              clock.instant())))
          .ifPresent(user -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
            SecurityContextHolder.setContext(context);
          });
      chain.doFilter(request, response);
    }

    private static Optional<String> handle(HttpServletRequest request) {
      Cookie[] cookies = request.getCookies();
      if (cookies == null) {
        return Optional.empty();
      }
      for (Cookie c : cookies) {
        if (LoginApi.SESSION_COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
          return Optional.of(c.getValue());
        }
      }
      return Optional.empty();
    }
  }
}
