String log = new File(basedir, 'build.log').text
def check = { boolean ok, String what -> if (!ok) throw new AssertionError(what + "\n" + log) }
File classes = new File(basedir, 'target/classes')
File imports = new File(classes, 'META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports')
check(imports.isFile() && imports.text.contains('com.example.authservice.spring.AuthSpecAutoConfiguration'), 'the imports file is on the classpath')
File metadata = new File(classes, 'META-INF/spring-configuration-metadata.json')
check(metadata.isFile(), 'the configuration processor wrote the IDE metadata')
String meta = metadata.text
check(meta.contains('"authspec.clients.notifications-service.base-url"'), 'metadata names the client properties')
check(meta.contains('The base URL of notifications-service'), 'the plugin\'s descriptions were merged')
File openapi = new File(classes, 'META-INF/auth-spec/openapi.json')
check(openapi.isFile() && openapi.text.contains('"/auth/login/second-factor"'), 'the OpenAPI document is a resource')
check(log.count('Tests run: 33, Failures: 0, Errors: 0, Skipped: 0') == 2, 'the Spring Boot tests ran and passed twice')
check(log.contains(':: Spring Boot ::                (v3.5.'), 'once on Boot 3.5')
check(log.contains(':: Spring Boot ::                (v4.0.'), 'once on Boot 4.0')
true
