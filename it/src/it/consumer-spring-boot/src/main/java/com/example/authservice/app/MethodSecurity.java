package com.example.authservice.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The application turns method security on; the auto-configuration supplies the
 * PermissionEvaluator and the expression handler that uses it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class MethodSecurity {}
