package com.example.authservice;

import com.example.authservice.app.EmbeddedServers;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The auth service: the generated auto-configuration (repositories, implementations, the login
 * flow and its HTTP API) plus the few beans in {@code app} that only the application can
 * supply. In the generated code's base package, so its scan reaches {@code app}; the generated
 * {@code spring} parts are abstract or plain imports, so the scan registers none twice.
 */
@SpringBootApplication
public class AuthServiceApplication {
  /**
   * Starts an embedded PostgreSQL and Redis, then the service on {@code server.port} (8080
   * unless set); both servers stop when the JVM exits.
   *
   * @param args Spring Boot's command-line arguments
   */
  public static void main(String[] args) {
    EmbeddedServers servers = EmbeddedServers.start();
    ConfigurableApplicationContext context;
    try {
      context = start(servers, Map.of(), args);
    } catch (RuntimeException | Error e) {
      servers.close();
      throw e;
    }
    // The servers stop after the context (close waits for Boot's own hook to finish closing it).
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      context.close();
      servers.close();
    }));
  }

  /**
   * Starts the service on running servers.
   *
   * @param servers the PostgreSQL and Redis it connects to
   * @param properties further properties (e.g. {@code server.port})
   * @param args Spring Boot's command-line arguments
   * @return the running context
   */
  public static ConfigurableApplicationContext start(EmbeddedServers servers,
      Map<String, Object> properties, String... args) {
    SpringApplication app = new SpringApplication(AuthServiceApplication.class);
    Map<String, Object> defaults = new HashMap<>(servers.springProperties());
    defaults.putAll(properties);
    // Defaults: lower than application.properties, -D and arguments, which may still override.
    app.setDefaultProperties(defaults);
    return app.run(args);
  }
}
