package com.example.authservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application, in the generated code's base package: its component scan reaches
 * {@code com.example.authservice.spring}, and must not register the auto-configuration's parts
 * a second time.
 */
@SpringBootApplication
public class AuthServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(AuthServiceApplication.class, args);
  }
}
