package com.example.authservice.app;

import com.example.authservice.entity.Session;
import com.example.authservice.entity.User;
import com.example.authservice.repository.SessionRepository;
import com.example.authservice.repository.UserRepository;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Application code: one transaction writing with two generated repositories. */
@Service
public class Registration {
  private final UserRepository users;
  private final SessionRepository sessions;

  public Registration(UserRepository users, SessionRepository sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  /** Registers a user with a first session; {@code fail} throws after both writes. */
  @Transactional
  public User register(String email, boolean fail) {
    User user = users.insert(User.builder().email(email).build());
    sessions.insert(Session.builder().userId(user.id())
        .expiresAt(LocalDateTime.now().plusHours(1)).build());
    if (fail) {
      throw new IllegalStateException("registration failed after both writes");
    }
    return user;
  }
}
