package it.authspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.authservice.cache.AclKey;
import com.example.authservice.cache.SessionKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** A consumer's own code addressing a real Redis with the generated key classes. */
class RedisKeyConsumerTest {
  @Test
  void keysWorkAgainstRedis() throws Exception {
    try (EmbeddedRedis server = new EmbeddedRedis();
        RedisClient redis = RedisClient.create("127.0.0.1", server.port)) {
      SessionKey session = new SessionKey(42L);
      long ttl = SessionKey.SPEC.ttl().orElseThrow().toSeconds();
      redis.set(session.key(), "{\"user\":42}", SetParams.setParams().ex(ttl));
      assertEquals("session:42", session.key());
      assertEquals(ttl, redis.ttl(session.key()));
      AclKey acl = new AclKey(42L, "doc:1");
      redis.set(acl.key(), "read");
      assertEquals(Optional.of(acl), AclKey.parse(redis.keys("acl:*").iterator().next()));
    }
  }
}
