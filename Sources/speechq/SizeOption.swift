import ArgumentParser
import SpeechQuery

/// `--max-size SIZE`, as the query command, `outline` and `export` take it: the largest input
/// read. A larger regular file is refused by its size before it is read; a pipe or device
/// stops there.
enum SizeOption {
    static let help = ArgumentHelp(
        "Refuse an input larger than SIZE: bytes, or a number with K, M, G or T (500M, 2G; default: 2G).",
        valueName: "SIZE")

    static func parse(_ text: String) throws -> ByteSize {
        guard let size = ByteSize(parsing: text) else {
            throw ValidationError("give a number of bytes above zero, or one with K, M, G or T after it (500M, 2G)")
        }
        guard size <= ByteSize.largestFileLimit else {
            throw ValidationError("a document can be at most \(ByteSize.largestFileLimit.bytes) bytes (just under 4G)")
        }
        return size
    }
}
