// Two executions in one module write two packages; two modules build in parallel (-T 2).
String log = new File(basedir, 'build.log').text
def check = { boolean ok, String what -> if (!ok) throw new AssertionError(what + "\n" + log) }

check(log.count('auth-spec: regenerated because') == 3, 'three executions generated')
check(!log.contains('[AS114]'), 'no overlapping outputs')
check(!log.contains('[AS115]'), 'Caffeine is a dependency of module-a, so the dependency check (collected graph, -T 2) is quiet')
['module-a', 'module-b'].each { m ->
    check(new File(basedir, "$m/target/generated-sources/auth-spec/com/example/authservice").isDirectory(), "$m generated the full spec")
    check(new File(basedir, "$m/target/auth-spec/${m == 'module-a' ? 'full' : 'default'}/manifest.txt").isFile() ||
          new File(basedir, "$m/target/auth-spec").list().length > 0, "$m recorded its state")
}
check(new File(basedir, 'module-a/target/generated-sources/auth-spec/com/example/second').isDirectory(), 'second execution used its own package')
check(new File(basedir, 'module-a/target/classes/com/example/second').isDirectory(), 'second execution output compiled')
true
