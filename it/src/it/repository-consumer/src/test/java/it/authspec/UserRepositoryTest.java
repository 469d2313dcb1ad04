package it.authspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.authservice.entity.User;
import com.example.authservice.repository.UserRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The consumer's own test: the generated UserRepository inserts and finds users. */
class UserRepositoryTest {
  @Test
  void insertsAndFindsUsers() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      Flyway.configure().dataSource(ds).load().migrate();
      UserRepository users = new UserRepository(ds);

      User grace = users.insert(User.builder().email("grace@example.com")
          .passwordHash("hash-of-grace").build());
      assertNotNull(grace.id(), "identity returned");
      assertNotNull(grace.createdAt(), "database default returned");
      assertEquals(grace, users.findById(grace.id()).orElseThrow());
      assertEquals(grace, users.findByEmail("grace@example.com").orElseThrow());
      assertFalse(grace.toString().contains("hash-of-grace"), "secret redacted");

      users.insertAll(List.of(User.builder().email("a@example.com").build(),
          User.builder().email("b@example.com").build()));
      assertEquals(3, users.count());
      assertEquals(2, users.findAll(2, 0).size());
      assertTrue(users.deleteById(grace.id()));
      assertTrue(users.findById(grace.id()).isEmpty());
    }
  }
}
