package com.example.authservice.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's web security with the login API: {@code /auth/**} is open (it is how one
 * signs in), and so are the public keys of the tokens; {@code /auth/**} takes no CSRF token (its
 * sign-in steps take JSON only, which a cross-site form cannot send, its cookie is
 * SameSite=Strict, and revocation ends only a token the caller already holds); every other
 * request needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurity {
  @Bean
  public SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/auth/**", "/.well-known/jwks.json").permitAll()
            .anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers("/auth/**"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(Customizer.withDefaults())
        .build();
  }
}
