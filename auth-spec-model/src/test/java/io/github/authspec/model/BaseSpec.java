package io.github.authspec.model;

/**
 * A small valid spec that touches every part of the format, one value per line where tests
 * change it. Cases edit one line of it with {@link #with}, so the line numbers below stay true.
 */
final class BaseSpec {
  static final String TEXT = """
      {
        "leftPanel": {
          "serviceType": "auth",
          "project": {
            "group": "com.example",
            "artifact": "demo",
            "name": "Demo",
            "description": "Demo service",
            "package": "com.example.demo"
          },
          "architecture": { "model": "synchronous", "build": "maven" },
          "infrastructure": { "databaseEnabled": true, "database": "postgresql", "cacheEnabled": true, "cache": "redis" }
        },
        "midPanel": { "selectedFeatures": ["login", "audit"] },
        "diagram": {
          "database": {
            "type": "postgresql",
            "tables": [
              {
                "name": "users",
                "fields": [
                  { "name": "id", "type": "BIGINT", "primaryKey": true, "autoIncrement": true },
                  { "name": "email", "type": "VARCHAR", "size": 255, "unique": true, "check": "email LIKE '%@%'" },
                  { "name": "age", "type": "INT", "nullable": true, "default": 0 },
                  { "name": "score", "type": "DECIMAL", "precision": 5, "scale": 2 },
                  { "name": "active", "type": "BOOLEAN", "nullable": false, "default": true },
                  { "name": "created_at", "type": "TIMESTAMP", "default": "CURRENT_TIMESTAMP" }
                ]
              },
              {
                "name": "sessions",
                "fields": [
                  { "name": "id", "type": "UUID", "primaryKey": true },
                  { "name": "user_id", "type": "BIGINT", "nullable": false, "foreignKey": { "table": "users", "column": "id", "onDelete": "CASCADE", "onUpdate": "NO ACTION" } }
                ]
              }
            ]
          },
          "cache": {
            "type": "redis",
            "settings": { "maxMemory": "256mb", "evictionPolicy": "allkeys-lru" },
            "keys": {
              "redis": [
                { "pattern": "session:{sessionId}", "type": "String", "ttl": 3600, "serialization": "json", "compression": "none" },
                { "pattern": "user:{userId}:profile", "type": "Hash", "hashFields": ["email"] },
                { "pattern": "config:flags", "type": "Set", "pinned": true }
              ],
              "inMemory": [ { "name": "localUsers", "maxSize": 100, "ttl": 60 } ],
              "caffeine": [ { "name": "permissionCache", "maxSize": 1000, "expireAfterWrite": 300, "recordStats": true } ]
            }
          },
          "features": {
            "core": {
              "login": {
                "usedColumns": { "users": ["id", "email"] },
                "usedCacheKeys": ["session:{sessionId}"],
                "children": {
                  "audit": { "usedColumns": { "sessions": ["user_id"] } }
                }
              }
            }
          }
        },
        "externalServices": [
          { "id": "mailer", "name": "Mailer", "endpoints": ["POST /mail/send"] }
        ]
      }
      """;

  private BaseSpec() {}

  /** The base with the one occurrence of {@code find} replaced; fails if it is not unique. */
  static String with(String find, String replace) {
    int at = TEXT.indexOf(find);
    if (at < 0 || TEXT.indexOf(find, at + 1) >= 0) {
      throw new IllegalArgumentException("not exactly once in the base spec: " + find);
    }
    return TEXT.substring(0, at) + replace + TEXT.substring(at + find.length());
  }
}
