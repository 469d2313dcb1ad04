String log = new File(basedir, 'build.log').text
def check = { boolean ok, String what -> if (!ok) throw new AssertionError(what + "\n" + log) }
check(new File(basedir, 'src/main/resources/db/migration/V1__create_schema.sql').isFile(), 'V1 written')
check(new File(basedir, 'src/main/resources/db/migration/auth-spec-migrations.json').isFile(), 'state written')
check(log.contains('Tests run: 25, Failures: 0, Errors: 0'), 'the consumer tests (Flyway, repository, Redis key, RFC 6238 oracle, generated implementations) ran and passed')
true
