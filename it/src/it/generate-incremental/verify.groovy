// Builds the consumer again and again, as a user would, and checks what each build touched.
import java.nio.file.*

File spec = new File(basedir, 'src/main/auth-spec/auth-spec.json')
File generated = new File(basedir, 'target/generated-sources/auth-spec')
File migrations = new File(basedir, 'src/main/resources/db/migration')

def mvn = { String... args ->
    // -llr: the plugin SNAPSHOT in the IT repository came from the invoker, not a remote.
    def cmd = [new File(System.getProperty('maven.home'), 'bin/mvn').path, '-B', '-o', '-llr',
               "-Dmaven.repo.local=${localRepositoryPath}"] + args.toList()
    cmd = cmd.collect { it.toString() }
    def proc = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).start()
    def out = proc.inputStream.text
    proc.waitFor()
    [code: proc.exitValue(), log: out]
}
def snapshot = {
    def files = [:]
    [generated, migrations].each { root ->
        if (root.exists()) root.eachFileRecurse(groovy.io.FileType.FILES) {
            files[it.path] = [it.lastModified(), it.text]
        }
    }
    files
}
def check = { boolean ok, String what, String log = '' ->
    if (!ok) throw new AssertionError(what + (log ? "\n--- build log ---\n" + log : ''))
}

String first = new File(basedir, 'build.log').text
check(first.contains('auth-spec: regenerated because no previous successful run recorded'), 'first build must generate', first)
def before = snapshot()
check(!before.isEmpty(), 'first build wrote files')
sleep 1100

// 1. No change: nothing touched, the compiler has nothing to do.
def again = mvn('compile')
check(again.code == 0, 'second build succeeds', again.log)
check(again.log.contains('auth-spec: up to date, nothing generated'), 'second build is a no-op', again.log)
check(again.log.contains('Nothing to compile'), 'compiler finds nothing to compile', again.log)
check(snapshot() == before, 'second build touched no file')

// 2. A new column: only the files of that table change, and a new migration appears.
spec.text = spec.text.replace('"name": "user_preferences",\n          "fields": [', '"name": "user_preferences",\n          "fields": [\n            { "name": "font_size", "type": "INT", "nullable": true },')
check(spec.text.contains('font_size'), 'the edit applied (fixture drifted?)')
def edited = mvn('compile')
check(edited.code == 0, 'build after adding a column succeeds', edited.log)
check(edited.log.contains('auth-spec: regenerated because the spec'), 'log says why it regenerated', edited.log)
def afterEdit = snapshot()
def changed = afterEdit.findAll { k, v -> before[k] != v }.keySet()
println "changed after adding a column: ${changed.collect { it - basedir.path }}"
check(changed.every { it.contains('UserPreference') || it.contains('db/migration/V2__') || it.endsWith('auth-spec-migrations.json') },
      "only user_preferences files, V2 and the migration state changed: ${changed}")
check(changed.any { it.contains('db/migration/V2__') }, "a V2 migration appeared: ${changed}")

// 3. A removed table: its generated files are deleted (the drop is allowed explicitly).
spec.text = spec.text.replaceFirst(/(?s)\{\s*"name": "tos_acceptances".*?\]\s*\},/, '')
check(!spec.text.contains('"name": "tos_acceptances"'), 'table removed from the spec')
def removed = mvn('compile', '-Dauthspec.allowDestructiveMigrations=true')
check(removed.code == 0, 'build after removing a table succeeds', removed.log)
def afterRemove = snapshot()
check(!afterRemove.keySet().any { it.contains('TosAcceptance') }, 'files of the removed table are deleted')
check(afterEdit.keySet().any { it.contains('TosAcceptance') }, 'they existed before')

// 4. A broken spec: located errors, no stack trace, previous output intact.
String good = spec.text
spec.text = good.replace('"type": "BIGINT",       "primaryKey": true', '"type": "BIGNIT",       "primaryKey": true')
def broken = mvn('compile')
check(broken.code != 0, 'a broken spec fails the build', broken.log)
check((broken.log =~ /auth-spec\.json:\d+:\d+: error: \[AS023\] unknown column type 'BIGNIT'/).find(), 'located error', broken.log)
check(!broken.log.contains('\tat io.github.authspec'), 'no stack trace', broken.log)
check(snapshot() == afterRemove, 'failed build left the output as it was')

// 5. The check goal (for CI): passes on current output, fails on a changed spec, writes nothing.
spec.text = good
// The pom was filtered by the invoker: read the plugin's coordinates from it.
def coordinates = (new File(basedir, 'pom.xml').text =~
    /<groupId>([^<]+)<\/groupId>\s*<artifactId>auth-spec-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)
check(coordinates.find(), 'plugin coordinates in the pom')
String checkGoal = "${coordinates.group(1)}:auth-spec-maven-plugin:${coordinates.group(2)}:check"
def current = mvn('compile', checkGoal)
check(current.code == 0 && current.log.contains('auth-spec: generated output matches the spec'), 'check passes on current output', current.log)
def beforeCheck = snapshot()
spec.text = good.replace('"name": "user_preferences",\n          "fields": [', '"name": "user_preferences",\n          "fields": [\n            { "name": "theme", "type": "TEXT" },')
def stale = mvn(checkGoal)
check(stale.code != 0 && stale.log.contains('auth-spec: out of date:'), 'check fails when the spec changed', stale.log)
check(snapshot() == beforeCheck, 'check wrote nothing')

// 6. Skip.
spec.text = good
def skipped = mvn('compile', '-Dauthspec.skip=true')
check(skipped.code == 0 && skipped.log.contains('auth-spec: skipped'), 'authspec.skip skips', skipped.log)
true
