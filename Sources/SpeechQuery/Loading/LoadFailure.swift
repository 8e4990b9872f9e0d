/// Why one input could not be loaded. Loading carries on with the other inputs; the
/// frontend prints each failure as one line: `speechq: SOURCE[:LINE]: reason`.
public struct LoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path (or `<stdin>`) that failed.
    public var source: String
    /// The 1-based line inside the source, for failures of one JSON Lines record.
    public var line: Int?
    public var reason: String

    public init(source: String, line: Int? = nil, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(source):\(line): \(reason)" }
        return "\(source): \(reason)"
    }
}
