import Foundation
import Testing
@testable import speechq

@Suite("-e and -f, repeated and mixed, in command-line order")
struct StatementOrderTests {
    let speech = SpeechQRun.safetySpeech
    let plainEnvironment = SpeechQRun.plainEnvironment

    @Test func scriptsAndQueriesRunInTheOrderGiven() throws {
        let a = try temporaryFile("count points\n", named: "a.sq")
        let b = try temporaryFile("select sections | count\n", named: "b.sq")
        let run = try SpeechQRun(["-f", a, "-e", "count paragraphs", "-f", b, speech], environment: plainEnvironment)
        #expect(run.status == 0)
        #expect(run.stdout == "9\n11\n3\n")
        let reversed = try SpeechQRun(["-f", b, "-e", "count paragraphs", "-f", a, speech], environment: plainEnvironment)
        #expect(reversed.stdout == "3\n11\n9\n")
    }

    @Test func theyShareOneSession() throws {
        let definitions = try temporaryFile("let s3 = select section 3\n.header on\n", named: "defs.sq")
        let run = try SpeechQRun(["-f", definitions, "-e", "s3 | fields ref, section", speech], environment: plainEnvironment)
        #expect(run.stdout == "ref\tsection\nsafety-production:sec3\t3\n")
    }

    @Test func aFailingInputStopsTheRunUnlessKeepGoing() throws {
        let script = try temporaryFile("count points\n", named: "later.sq")
        let stopped = try SpeechQRun(["-e", "select sections | cuont", "-f", script, speech], environment: plainEnvironment)
        #expect(stopped.status == 3)
        #expect(stopped.stdout.isEmpty)
        let carried = try SpeechQRun(["--keep-going", "-e", "select sections | cuont", "-f", script, speech], environment: plainEnvironment)
        #expect(carried.status == 3)
        #expect(carried.stdout == "9\n")
    }

    @Test func groupedShortOptionsKeepTheirPlace() throws {
        let script = try temporaryFile("select sections | count\n", named: "b.sq")
        let run = try SpeechQRun(["-f", script, "-qe", "count points", speech], environment: plainEnvironment)
        #expect(run.stdout == "3\n9\n")
    }

    @Test func interactiveWithoutATerminalReadsStatementsAfterwards() throws {
        // Like `python -i`: with standard input not a terminal, its statements follow.
        let run = try SpeechQRun(["-i", "-e", "count points", speech], stdin: "select sections | count\n", environment: plainEnvironment)
        #expect(run.status == 0)
        #expect(run.stdout == "9\n3\n")
        let both = try SpeechQRun(["-i", "-f", "-", speech], environment: plainEnvironment)
        #expect(both.status == 2)
        #expect(both.stderr.contains("standard input cannot be both the script (-f -) and the prompt (-i)"))
    }

    @Test func theScanFindsOptionsValuesAndTheSubcommand() {
        let scan = ArgumentScan(["--format", "json", "-qe", "outline", "outline", "--width", "30", "a.txt", "--", "-e"])
        // After -e or -f the words are documents: a folder may be called `outline`.
        #expect(scan.subcommand(among: ["outline", "help"]) == nil)
        #expect(ArgumentScan(["--format", "json", "outline", "--width", "30", "a.txt"]).subcommand(among: ["outline", "help"])?.arguments
            == ["--format", "json", "--width", "30", "a.txt"])
        #expect(scan.statementInputs(expressions: ["outline"], scripts: []) == [.expression("outline")])
        // A list that is not what ArgumentParser parsed is no order at all.
        #expect(scan.statementInputs(expressions: [], scripts: []) == nil)
        #expect(ArgumentScan(["--", "outline"]).subcommand(among: ["outline"]) == nil)
        #expect(ArgumentScan(["a.txt", "outline"]).subcommand(among: ["outline"]) == nil)
    }

    @Test func theScanKnowsEveryOptionThatTakesAValue() throws {
        // The parser's own description of the command line, as the manual page is made from.
        let dump = try SpeechQRun(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var taking: Set<String> = []
        func collect(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String == "option" {
                for name in argument["names"] as? [[String: Any]] ?? [] {
                    let prefix = name["kind"] as? String == "short" ? "-" : "--"
                    taking.insert(prefix + (name["name"] as? String ?? ""))
                }
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] { collect(subcommand) }
        }
        collect(try #require(json["command"] as? [String: Any]))
        #expect(!taking.isEmpty)
        #expect(taking.isSubset(of: ArgumentScan.optionsTakingValues), "not known to ArgumentScan: \(taking.subtracting(ArgumentScan.optionsTakingValues).sorted())")
    }
}
