package io.github.authspec.support.auth;

import io.github.authspec.support.spring.AccountApi;
import io.github.authspec.support.spring.ApiProblems;
import io.github.authspec.support.spring.CallerApi;
import io.github.authspec.support.spring.CallerSecurity;
import io.github.authspec.support.spring.Callers;
import io.github.authspec.support.spring.LoginApi;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login API of a flow (and its account operations) served by a real embedded Tomcat on a free port: the smallest Spring
 * MVC application (the API, its problems, Jackson and Tomcat).
 *
 * @param context the running application
 * @param base where it listens
 * @param startMillis how long the start took
 */
record LoginServer(ConfigurableApplicationContext context, URI base, long startMillis)
    implements AutoCloseable {
  /** The flow of the application being started (Spring builds the beans in this thread). */
  private static LoginFlow<?> starting;
  /** Its account operations. */
  private static AccountApi.Operations operations;

  @SpringBootConfiguration
  @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
      DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
      HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
  static class Service {
    @Bean
    LoginApi loginApi() {
      return new LoginApi(starting) { };
    }

    @Bean
    AccountApi accountApi() {
      return new AccountApi(starting, operations) { };
    }

    @Bean
    ApiProblems apiProblems() {
      return new ApiProblems() { };
    }
  }

  /**
   * The same behind the filter chain, with the caller's operations and an application
   * endpoint, {@code GET /api/me}, that answers the principal and touches nothing else.
   */
  @SpringBootConfiguration
  @EnableWebSecurity
  @Import(Service.class)
  static class Secured {
    @Bean
    Callers callers() {
      return new Callers(starting);
    }

    @Bean
    CallerApi callerApi(Callers callers) {
      return new CallerApi(starting, callers) { };
    }

    @Bean
    SecurityFilterChain chain(HttpSecurity http, Callers callers) throws Exception {
      return CallerSecurity.chain(http, callers);
    }

    @Bean
    Me me() {
      return new Me();
    }
  }

  /** An application's own protected endpoint. */
  @RestController
  static class Me {
    @GetMapping(path = "/api/me", produces = "application/json")
    String me(@AuthenticationPrincipal Long user) {
      return "{\"id\":" + user + "}";
    }
  }

  static LoginServer start(LoginFlow<?> flow) {
    return start(flow, new AccountApi.Operations());
  }

  /** The same, with account operations ({@code /auth/register}, ...). */
  static synchronized LoginServer start(LoginFlow<?> flow, AccountApi.Operations accounts) {
    return start(flow, accounts, Service.class);
  }

  /** The API behind the generated filter chain ({@link Secured}). */
  static synchronized LoginServer secured(LoginFlow<?> flow) {
    return start(flow, new AccountApi.Operations(), Secured.class);
  }

  private static LoginServer start(LoginFlow<?> flow, AccountApi.Operations accounts,
      Class<?> configuration) {
    starting = flow;
    operations = accounts;
    long start = System.nanoTime();
    SpringApplication app = new SpringApplication(configuration);
    app.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
        "spring.mvc.problemdetails.enabled", "true"));
    ConfigurableApplicationContext context = app.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    return new LoginServer(context, URI.create("http://127.0.0.1:" + port), millis);
  }

  @Override
  public void close() {
    context.close();
  }
}
