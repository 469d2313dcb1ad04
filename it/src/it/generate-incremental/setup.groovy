// The full seed spec, kept once in the repository's specs folder: this build edits its own copy.
import java.nio.file.*

Path spec = basedir.toPath().resolve('src/main/auth-spec/auth-spec.json')
Files.createDirectories(spec.parent)
Files.copy(Paths.get(specsDir, 'auth-service-full.json'), spec, StandardCopyOption.REPLACE_EXISTING)
return true
