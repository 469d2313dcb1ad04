// The build failed on the two located FK errors, compiler style, without any stack trace of ours.
String log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[ERROR] minimal-field-reference.json:62:15: error: [AS042] foreign key users.email is VARCHAR')
assert log.contains('[ERROR] minimal-field-reference.json:63:17: error: [AS040] foreign key users.email references table \'tenants\'')
assert log.contains('[WARNING] minimal-field-reference.json:168:13: warning: [AS074] feature \'some-child-feature\' is in the diagram but not selected')
// The verdict, once: Maven prints no long message after it (which repeated every diagnostic as
// an [ERROR] line, warnings too, and the sentence itself). -e adds Maven's own stack trace
// lines (LifecycleExecutionException, Caused by), which repeat it by design.
String verdict = 'minimal-field-reference.json is invalid (2 errors, 10 warnings)'
assert log.readLines().findAll { it.startsWith('[') && it.contains(verdict) }.size() == 1
assert log.contains(verdict + ' -> [Help 1]')
assert !log.contains('nothing was generated')
// Each diagnostic once, at its own level: no warning comes back as an [ERROR] line.
assert log.count(': error: [AS') == 2
assert log.count(': warning: [AS') == 10
assert !(log =~ /\[ERROR\] [^\n]*: warning: \[AS/).find()
assert log.count('hint: ') == 12
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
