package com.example.authservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.repository.UserRepository;
import com.example.authservice.spring.AuthSpecProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code authspec.enabled=false} switches every generated bean off. */
@SpringBootTest(classes = DisabledTest.Plain.class, properties = "authspec.enabled=false")
class DisabledTest {
  /** Auto-configuration only, without the application's own beans. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Plain {}

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    Servers.register(registry);
  }

  @Autowired ApplicationContext context;

  @Test
  void noGeneratedBeans() {
    assertEquals(0, context.getBeanNamesForType(UserRepository.class).length);
    assertEquals(0, context.getBeanNamesForType(AuthSpecProperties.class).length);
    assertTrue(context.getBeanDefinitionCount() > 0);
  }
}
