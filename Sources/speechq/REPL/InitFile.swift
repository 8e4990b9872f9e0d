import Foundation
import SpeechQuery

/// The prompt's startup file, `$XDG_CONFIG_HOME/speechq/init.sq` (default
/// `~/.config/speechq/init.sq`): statements run before the first prompt, such as
/// `.format table`, `.timer on`, a `load` or a `let`. Only the prompt runs it, so `-e` and
/// scripts give the same answers on every machine.
struct InitFile {
    let path: String

    /// The startup file for this environment, or nil with `--no-init` or no home directory.
    static func resolve(disabled: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> InitFile? {
        if disabled { return nil }
        return XDGDirectory.config.path(in: environment).map { InitFile(path: $0 + "/speechq/init.sq") }
    }

    /// The file's statements, a failure to read it, or nil when there is no such file (the
    /// usual case, and no error).
    func read() -> Result<QuerySource, LoadFailure>? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return QuerySource.script(at: path)
    }
}
