/// The version shown by `speechq --version` and the REPL banner.
public enum SpeechQueryVersion {
    public static let current = "0.1.0"
}
