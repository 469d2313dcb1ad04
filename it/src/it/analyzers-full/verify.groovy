// javac ran with Error Prone and -Werror, so any Error Prone warning would have failed the
// build; SpotBugs' check ran at its default threshold and found nothing.
String log = new File(basedir, 'build.log').getText('UTF-8')
def check = { boolean ok, String what -> if (!ok) throw new AssertionError(what + "\n" + log) }
check(new File(basedir, 'target/classes/com/example/authservice/cache/LettuceKeyOperations.class').isFile(),
    'the Lettuce binding was compiled')
check(new File(basedir, 'target/classes/com/example/authservice/client/HttpJsonClient.class').isFile(),
    'the clients were compiled')
check(!log.contains('COMPILATION WARNING'), 'no compiler or Error Prone warning')
check(log.contains('BugInstance size is 0'), 'SpotBugs ran and found nothing')
check(log.contains('BUILD SUCCESS'), 'build succeeded')
true
