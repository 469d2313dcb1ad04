package io.github.authspec.support.auth;

import io.github.authspec.support.spring.AccountApi;
import io.github.authspec.support.spring.ApiProblems;
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

  static LoginServer start(LoginFlow<?> flow) {
    return start(flow, new AccountApi.Operations());
  }

  /** The same, with account operations ({@code /auth/register}, ...). */
  static synchronized LoginServer start(LoginFlow<?> flow, AccountApi.Operations accounts) {
    starting = flow;
    operations = accounts;
    long start = System.nanoTime();
    SpringApplication app = new SpringApplication(Service.class);
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
