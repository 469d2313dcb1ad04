package it.authspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.entity.User;
import com.example.authservice.repository.UserRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A consumer's own code against the generated entity and repository. */
class RepositoryConsumerTest {
  @Test
  void registersAndFindsAUser() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      Flyway.configure().dataSource(ds).load().migrate();
      UserRepository users = new UserRepository(ds);

      User ada = users.insert(User.builder().email("ada@example.com")
          .passwordHash("$argon2id$v=19$secret").build());

      assertNotNull(ada.id());
      assertFalse(ada.emailVerified(), "database default applied");
      assertNotNull(ada.createdAt(), "database default applied");
      assertEquals(ada, users.findByEmail("ada@example.com").orElseThrow());
      assertFalse(ada.toString().contains("argon2id"), "secrets are redacted");
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        users.update(c, ada.toBuilder().emailVerified(true).build());
        c.rollback();
      }
      assertFalse(users.findById(ada.id()).orElseThrow().emailVerified(), "rolled back");
      assertTrue(users.existsById(ada.id()));
    }
  }
}
