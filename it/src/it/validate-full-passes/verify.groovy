// The full spec validates: no errors, the fifteen known warnings, build success. This copy
// starts with a UTF-8 byte-order mark (as Windows editors write it), which the reader ignores.
String log = new File(basedir, 'build.log').getText('UTF-8')
byte[] spec = new File(basedir, 'src/main/auth-spec/auth-spec.json').bytes
assert spec[0] == (byte) 0xEF && spec[1] == (byte) 0xBB && spec[2] == (byte) 0xBF

assert log.contains('auth-spec: auth-spec.json is valid (0 errors, 15 warnings)')
assert log.contains('auth-spec.json:1342:13: warning: [AS074] feature \'client-secret-rotation\'')
assert log.contains('auth-spec.json:39:7: warning: [AS073] feature \'sms-codes\'')
assert !log.contains(': error: [AS')
assert !log.contains('nothing was generated')
assert log.count('warning: [AS') == 15
assert log.contains('BUILD SUCCESS')
return true
