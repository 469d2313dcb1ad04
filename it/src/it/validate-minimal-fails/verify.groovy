// The build failed on the two located FK errors, compiler style, without any stack trace of ours.
String log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[ERROR] auth-spec.json:62:15: error: [AS042] foreign key users.email is VARCHAR')
assert log.contains('[ERROR] auth-spec.json:63:17: error: [AS040] foreign key users.email references table \'tenants\'')
assert log.contains('[WARNING] auth-spec.json:168:13: warning: [AS074] feature \'some-child-feature\' is in the diagram but not selected')
assert log.contains('has 2 errors, 10 warnings; nothing was generated')
assert log.contains('BUILD FAILURE')
assert !log.contains('Exception in thread')
assert !log.contains('jOOQ tip of the day')
// The invoker runs Maven with -e, so Maven prints its own frames (MojoExecutor, ...); the
// plugin's failure carries no stack trace, so none of its frames reaches the log.
assert !log.contains('at io.github')
assert (log =~ /Caused by: io\.github\.authspec\.plugin\.mojo\.SpecFailure: [^\n]*\n\[ERROR\]/).find()
String ours = log.substring(0, log.indexOf('[ERROR] Failed to execute goal'))
assert !ours.contains('Exception')
return true
