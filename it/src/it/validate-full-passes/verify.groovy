// The full spec validates: no errors, the fifteen known warnings, build success.
String log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('auth-spec: auth-spec.json is valid (0 errors, 15 warnings)')
assert log.contains('auth-spec.json:1342:13: warning: [AS074] feature \'client-secret-rotation\'')
assert log.contains('auth-spec.json:39:7: warning: [AS073] feature \'sms-codes\'')
assert !log.contains(': error: [AS')
assert log.contains('BUILD SUCCESS')
return true
