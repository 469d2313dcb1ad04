package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.PostgresServer;
import io.github.authspec.plugin.token.SeedDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The block list with and without a source column. */
class PasswordBlocklistTest {
  /** SHA-1 of {@code password}. */
  static final String PASSWORD = "5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8";

  @Test
  @DisplayName("Pwned Passwords hashes in either case, listed once, matched after NFKC")
  void listed() {
    DataSource db = PostgresServer.freshDatabase("blocklist");
    Catalog.apply(db, "CREATE TABLE \"b\" (\"h\" text, \"src\" text);"
        + "CREATE TABLE \"bare\" (\"h\" text);");
    PasswordBlocklist list = new PasswordBlocklist(db, new PasswordBlocklist.Table("b", "h",
        "src"));
    list.add(PASSWORD, "pwned");
    list.add(PASSWORD.toUpperCase(java.util.Locale.ROOT), "again");
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM b WHERE src = 'pwned' AND h = '"
        + PASSWORD.toUpperCase(java.util.Locale.ROOT) + "'")).isEqualTo(1);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM b")).isEqualTo(1);
    assertThat(list.isBlacklisted("password".toCharArray())).isTrue();
    assertThat(list.isBlacklisted("\uFF50assword".toCharArray())).as("NFKC").isTrue();
    assertThat(list.isBlacklisted("Password".toCharArray())).isFalse();
    assertThat(list.isBlacklisted(null)).isFalse();
    assertThatThrownBy(() -> list.add("password", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("password\"");
    PasswordBlocklist bare = new PasswordBlocklist(db, new PasswordBlocklist.Table("bare", "h",
        null));
    bare.add(PASSWORD, "ignored");
    bare.add(PASSWORD, "ignored");
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM bare")).isEqualTo(1);
    assertThat(bare.isBlacklisted("password".toCharArray())).isTrue();
  }
}
