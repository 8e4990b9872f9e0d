import Foundation

/// Writes a text file line by line through C stdio, which buffers, and reports the first
/// failure (a full disk shows at a write or at the close) against the path the user gave.
final class TextFileWriter {
    private var file: UnsafeMutablePointer<FILE>?
    /// The path named in errors: the destination, not the temporary file.
    private let reportedPath: String

    init(creating path: String, reportingAs reportedPath: String) throws(ExportFailure) {
        self.reportedPath = reportedPath
        guard let opened = fopen(path, "w") else { throw ExportDestination.systemFailure(reportedPath) }
        file = opened
    }

    /// Writes `line` and a newline.
    func write(line: String) throws(ExportFailure) {
        var text = line + "\n"
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != text.utf8.count { throw ExportDestination.systemFailure(reportedPath) }
    }

    func close() throws(ExportFailure) {
        guard let open = file else { return }
        file = nil
        if fclose(open) != 0 { throw ExportDestination.systemFailure(reportedPath) }
    }

    deinit {
        if let file { fclose(file) }
    }
}
