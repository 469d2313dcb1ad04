package io.github.authspec.plugin.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "users, User",
      "password_history, PasswordHistory",
      "user_metadata, UserMetadata",
      "data_retention_policies, DataRetentionPolicy",
      "blacklisted_passwords, BlacklistedPassword",
      "scim_resources, ScimResource",
      "tos_acceptances, TosAcceptance",
      "email_change_requests, EmailChangeRequest",
      "system_config, SystemConfig",
      "tenant_branding, TenantBranding",
      "webauthn_credentials, WebauthnCredential",
      "oauth_access_tokens, OauthAccessToken",
      "addresses, Address",
      "statuses, Status",
      "boxes, Box",
      "device_codes, DeviceCode"})
  void singularEntityNames(String table, String entity) {
    assertThat(Words.upperCamel(Words.singularSnake(table))).isEqualTo(entity);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "failed_login_attempts, failedLoginAttempts",
      "class, class_",
      "default, default_",
      "2fa_code, _2faCode",
      "id, id"})
  void memberNames(String column, String member) {
    assertThat(Words.lowerCamel(column)).isEqualTo(member);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"oauth2-server, oauth2server", "audit-security, auditsecurity", "package, package_"})
  void packageSegments(String group, String segment) {
    assertThat(Words.packageSegment(group)).isEqualTo(segment);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"created_at, CREATED_AT", "userId, USER_ID", "HTTPServer, HTTP_SERVER"})
  void constants(String text, String constant) {
    assertThat(Words.constant(text)).isEqualTo(constant);
  }
}
