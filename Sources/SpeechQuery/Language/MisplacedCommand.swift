/// Words that are commands somewhere else — a subcommand of `speechq` in the shell, or a
/// dot-command typed without its dot — with what to type here instead. Someone who types
/// `outline` or `quit` at the prompt knows what they want; "unknown stage" alone would not
/// tell them how to get it.
enum MisplacedCommand {
    static func hint(for word: String) -> String? {
        switch word {
        case "outline":
            return "'outline' is a statement of its own: write `outline` or `outline DOC` alone, not as a stage"
        case "exit":
            return "'exit' is a dot-command here: type .quit"
        default:
            // `docs` is a kind as well, so it is read as one before it could get here.
            guard MetaCommand.names.contains(word) else { return nil }
            return "'\(word)' is a dot-command here: type .\(word)"
        }
    }
}
