// The plugin, not javac, stops the build: one located error per missing library, each naming the
// artifact with its <dependency> snippet; nothing was generated, so javac never ran.
String log = new File(basedir, 'build.log').getText('UTF-8')
def check = { boolean ok, String what -> if (!ok) throw new AssertionError(what + "\n" + log) }
check((log =~ /\[ERROR\] auth-spec\.json:\d+:\d+: error: \[AS115\] the spec declares Caffeine caches[^\n]*com\.github\.ben-manes\.caffeine:caffeine/).find(), 'Caffeine error, located')
check((log =~ /<dependency><groupId>com\.github\.ben-manes\.caffeine<\/groupId><artifactId>caffeine<\/artifactId><version>[^<]+<\/version><\/dependency>/).find(), 'Caffeine snippet')
check((log =~ /\[ERROR\] auth-spec\.json:\d+:\d+: error: \[AS115\] redisClient LETTUCE generates LettuceKeyOperations[^\n]*io\.lettuce:lettuce-core/).find(), 'Lettuce error, located')
check((log =~ /<dependency><groupId>io\.lettuce<\/groupId><artifactId>lettuce-core<\/artifactId><version>[^<]+<\/version><\/dependency>/).find(), 'Lettuce snippet')
check(log.count('[AS115]') == 2, 'each once')
check(log.readLines().count { it.startsWith('[') && it.contains('has 2 errors, ') } == 1 && (log =~ /has 2 errors, \d+ warnings?; nothing was generated -> \[Help 1\]/).find(), 'one verdict')
check(!log.contains('COMPILATION ERROR'), 'javac never saw generated code')
check(!new File(basedir, 'target/generated-sources/auth-spec').exists(), 'nothing written')
true
