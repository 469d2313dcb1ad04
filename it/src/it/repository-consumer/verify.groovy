String log = new File(basedir, 'build.log').text
def check = { boolean ok, String what -> if (!ok) throw new AssertionError(what + "\n" + log) }
check(new File(basedir, 'target/generated-sources/auth-spec/com/example/authservice/repository/UserRepository.java').isFile(), 'UserRepository generated')
check(new File(basedir, 'src/main/resources/db/migration/V1__create_schema.sql').isFile(), 'V1 written')
check(log.contains('Tests run: 1, Failures: 0, Errors: 0'), 'the consumer repository test ran and passed')
true
