// The build failed on the two located FK errors, compiler style, without any stack trace of ours.
String log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[ERROR] auth-spec.json:62:15: error: [AS042] foreign key users.email is VARCHAR')
assert log.contains('[ERROR] auth-spec.json:63:17: error: [AS040] foreign key users.email references table \'tenants\'')
assert log.contains('[WARNING] auth-spec.json:168:13: warning: [AS074] feature \'some-child-feature\' is in the diagram but not selected')
assert log.contains('has 2 errors, 10 warnings; nothing was generated')
assert log.contains('BUILD FAILURE')
assert !log.contains('Exception in thread')
assert !log.contains('jOOQ tip of the day')
// The invoker runs Maven with -e, and then Maven itself prints the MojoFailureException it was
// given after "Failed to execute goal"; everything the plugin printed comes before that line.
String ours = log.substring(0, log.indexOf('[ERROR] Failed to execute goal'))
assert !ours.contains('at io.github')
assert !ours.contains('Exception')
return true
