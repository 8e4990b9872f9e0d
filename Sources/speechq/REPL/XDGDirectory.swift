/// The XDG base directories speechq keeps files in: an absolute `$XDG_…_HOME`, else the
/// default under `$HOME`; nil with neither (the file is then not used).
enum XDGDirectory {
    /// Settings the user writes: the prompt's `init.sq`.
    case config
    /// State the program keeps: the prompt's history.
    case state

    func path(in environment: [String: String]) -> String? {
        let (variable, underHome) = switch self {
        case .config: ("XDG_CONFIG_HOME", ".config")
        case .state: ("XDG_STATE_HOME", ".local/state")
        }
        // The specification says a relative value is to be ignored.
        if let value = environment[variable], value.hasPrefix("/") { return value }
        if let home = environment["HOME"], !home.isEmpty { return home + "/" + underHome }
        return nil
    }
}
