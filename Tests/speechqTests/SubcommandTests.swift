import Foundation
import Testing

@Suite("Subcommands: options before or after, help, version, typos")
struct SubcommandTests {
    let fixture = SpeechQRun.fixture("river-county.txt")

    @Test func optionsComeBeforeOrAfterTheSubcommand() throws {
        let after = try SpeechQRun(["outline", fixture, "--format", "json"])
        #expect(after.status == 0)
        #expect(after.stdout.hasPrefix("{"))
        let before = try SpeechQRun(["--format", "json", "outline", fixture])
        #expect(before.status == 0)
        #expect(before.stdout == after.stdout)
        let width = try SpeechQRun(["--width", "30", "outline", fixture])
        #expect(width.stdout == (try SpeechQRun(["outline", "--width", "30", fixture])).stdout)
    }

    @Test func aFormatOfTheOtherCommandIsNamedAsSuch() throws {
        let csvOutline = try SpeechQRun(["--format", "csv", "outline", fixture])
        #expect(csvOutline.status == 2)
        #expect(csvOutline.stderr.hasPrefix("Error: 'speechq outline' prints tree or json, not csv (csv is a format of query results)\n"))
        let treeQuery = try SpeechQRun(["--format", "tree", "-e", "count points", fixture])
        #expect(treeQuery.status == 2)
        #expect(treeQuery.stderr.hasPrefix("Error: --format tree is for 'speechq outline'; query results print as table, line, tsv, csv, json or jsonl\n"))
        let queryOption = try SpeechQRun(["--header", "outline", fixture])
        #expect(queryOption.status == 2)
        #expect(queryOption.stderr.contains("Unknown option '--header'"))
    }

    @Test func helpAndVersionAsWords() throws {
        let help = try SpeechQRun(["help"])
        #expect(help.status == 0)
        #expect(help.stdout == (try SpeechQRun(["--help"])).stdout)
        #expect(help.stdout.contains("SUBCOMMANDS:"))
        let outlineHelp = try SpeechQRun(["help", "outline"])
        #expect(outlineHelp.status == 0)
        #expect(outlineHelp.stdout == (try SpeechQRun(["outline", "--help"])).stdout)
        #expect(outlineHelp.stdout.contains("USAGE: speechq outline"))
        let version = try SpeechQRun(["version"])
        #expect(version.status == 0)
        #expect(version.stdout == (try SpeechQRun(["--version"])).stdout)
        let unknown = try SpeechQRun(["help", "oultine"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "speechq: no help on 'oultine'; did you mean 'speechq help outline'?\n")
    }

    @Test func aMisspeltSubcommandIsSuggestedNotLoaded() throws {
        let run = try SpeechQRun(["outlin", fixture])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: no file or directory 'outlin'; did you mean 'speechq outline'?\n"))
        #expect(!run.stderr.contains("no such file"))
        // A word that is close to nothing is just a missing file.
        let missing = try SpeechQRun(["-e", "count points", "nothing-here.txt"])
        #expect(missing.stderr == "speechq: nothing-here.txt: no such file or directory\n")
    }

    @Test func subcommandErrorsNameTheWholeCommand() throws {
        let run = try SpeechQRun(["--width", "5", "outline", fixture])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--width must be at least 20 columns"))
        #expect(run.stderr.contains("See 'speechq outline --help'"))
    }
}
