import Foundation

/// Runs a pipeline over a corpus, stage by stage. Every failure is a `Diagnostic` pointing
/// at the stage that caused it.
public struct Evaluator {
    public let corpus: Corpus
    public let bindings: [String: QueryResult]
    public let previous: QueryResult?
    public let source: QuerySource
    /// Polled while a stage runs, so Ctrl-C in the REPL can stop a long query.
    public let isInterrupted: InterruptCheck

    public init(corpus: Corpus, bindings: [String: QueryResult], previous: QueryResult?, source: QuerySource, isInterrupted: @escaping InterruptCheck = { false }) {
        self.corpus = corpus
        self.bindings = bindings
        self.previous = previous
        self.source = source
        self.isInterrupted = isInterrupted
    }

    public func evaluate(_ pipeline: Pipeline) throws(Diagnostic) -> QueryResult {
        var result = QueryResult(.nodes(corpus.documentNodes, .document))
        // A pipeline that does not start from a name starts from every loaded document.
        var implicitInput = true
        for (position, stage) in pipeline.stages.enumerated() {
            if case .name(let name) = stage.kind {
                guard position == 0 else { throw error("a name can only start a pipeline", stage) }
                result = try lookUp(name, stage)
                implicitInput = false
                continue
            }
            result = try apply(stage, to: result, implicitInput: implicitInput && position == 0, last: position == pipeline.stages.count - 1)
            implicitInput = false
        }
        return result
    }

    private func error(_ message: String, _ stage: Stage, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: stage.range, in: source, hint: hint)
    }

    private func lookUp(_ name: String, _ stage: Stage) throws(Diagnostic) -> QueryResult {
        if name == "_" {
            guard let previous else { throw error("no previous result yet", stage, hint: "'_' is the result of the statement before") }
            return previous.materialized(in: corpus)
        }
        if let bound = bindings[name] { return bound.materialized(in: corpus) }
        let candidates = Array(bindings.keys) + Parser.stageWords + QueryKind.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
        throw error("unknown name '\(name)'", stage, hint: hint ?? "bind one first: let \(name) = select sections")
    }

    private func nodes(of result: QueryResult, for stage: Stage, _ what: String) throws(Diagnostic) -> [Node] {
        switch result.value {
        case .nodes(let nodes, _): return nodes
        case .table: throw error("'\(what)' needs nodes, but its input is a table", stage, hint: "put '\(what)' before the stage that makes the table ('count', 'fields', a stage such as 'tasks')")
        case .groups: throw error("'\(what)' cannot follow 'group by'", stage, hint: "'group by FIELD' is followed by 'count'")
        }
    }

    /// The node fields named, checked against what nodes of `type` have.
    private func nodeFields(_ names: [String], of type: NodeType, _ stage: Stage) throws(Diagnostic) -> [NodeField] {
        let schema = type.schema
        var fields: [NodeField] = []
        for name in names {
            guard schema.index(of: name) != nil, let field = NodeFields.named(name) else {
                throw missing(name, in: schema, "\(type.plural) have no field '\(name)'", "\(type.plural) have", stage)
            }
            fields.append(field)
        }
        return fields
    }

    /// The column index of each name in `table`.
    private func columns(_ names: [String], of table: Table, _ stage: Stage) throws(Diagnostic) -> [Int] {
        var indices: [Int] = []
        for name in names {
            guard let column = table.column(name) else {
                throw missing(name, in: table.schema, "the table of \(table.schema.name) rows has no column '\(name)'", "columns", stage)
            }
            indices.append(column)
        }
        return indices
    }

    /// The error for a field the input lacks, pointing at where the stage names it, with the
    /// new name of a renamed column or the closest name the input has.
    private func missing(_ name: String, in schema: RowSchema, _ message: String, _ listing: String, _ stage: Stage) -> Diagnostic {
        var hint = ""
        if let renamed = Catalogue.renamed[name], schema.index(of: renamed) != nil {
            hint = "'\(name)' is now called '\(renamed)'. "
        } else if let close = Suggestion.closest(to: name, among: schema.columnNames) {
            hint = "did you mean '\(close)'? "
        }
        return Diagnostic(message, at: source.wordRange(name, within: stage.range) ?? stage.range, in: source,
                          hint: hint + "\(listing): \(schema.columnNames.joined(separator: ", "))")
    }

    /// `last`: the stage ends the pipeline, so `fields` over nodes may leave them nodes with a
    /// projection (QueryResult.projection) instead of making its table at once.
    private func apply(_ stage: Stage, to input: QueryResult, implicitInput: Bool, last: Bool) throws(Diagnostic) -> QueryResult {
        if isInterrupted() { throw error("interrupted", stage) }
        if stage.readsAnalysis, case .nodes(let nodes, _) = input.value {
            corpus.prepareAnalyses(of: nodes, isInterrupted: isInterrupted)
            // Stopped part-way, the stage would make the rest of the analyses itself.
            if isInterrupted() { throw error("interrupted", stage) }
        }
        var output = input
        switch stage.kind {
        case .name:
            break
        case .select(let kind, let selector):
            output.value = .nodes(select(kind, selector, from: try nodes(of: input, for: stage, "select")), NodeType(kind))
        case .filter(let predicate):
            switch input.value {
            case .nodes(let nodes, let type):
                let compiled = try CompiledPredicate(predicate, corpus: corpus, isInterrupted: isInterrupted,
                                                     fields: { names throws(Diagnostic) in try nodeFields(names, of: type, stage) })
                var kept: [Node] = []
                do throws(StageFailure) {
                    for (k, node) in nodes.enumerated() {
                        if k % 256 == 0, isInterrupted() { throw StageFailure("interrupted") }
                        if try compiled.matches(node) { kept.append(node) }
                    }
                } catch {
                    throw self.error(error.message, stage, hint: error.hint)
                }
                output.value = .nodes(kept, type)
            case .table(let table):
                let compiled = try CompiledPredicate(predicate, corpus: corpus, isInterrupted: isInterrupted,
                                                     columns: { names throws(Diagnostic) in try columns(names, of: table, stage) })
                var kept: [[FieldValue]] = []
                do throws(StageFailure) {
                    for row in table.rows where try compiled.matches(row: row) { kept.append(row) }
                } catch {
                    throw self.error(error.message, stage, hint: error.hint)
                }
                output.value = .table(Table(schema: table.schema, rows: kept))
            case .groups:
                throw error("'filter' cannot follow 'group by'", stage, hint: "filter before grouping")
            }
            output.highlights += predicate.highlightTerms
        case .count(let kind):
            output = QueryResult(.table(try count(kind, input, stage, implicitInput: implicitInput)))
        case .tally(let tally):
            output = QueryResult(.table(try self.tally(tally, input, stage)))
        case .show:
            if case .groups = input.value { throw error("'show' cannot follow 'group by'", stage) }
            output.showFullText = true
        case .sort(let keys):
            switch input.value {
            case .nodes(let nodes, let type):
                let fields = try nodeFields(keys.map(\.field), of: type, stage)
                let valued = nodes.map { node in (node, fields.map { $0.value(of: node, in: corpus) }) }
                output.value = .nodes(Self.stableSort(valued, keys: keys).map(\.0), type)
            case .table(let table):
                let indices = try columns(keys.map(\.field), of: table, stage)
                // The text before a concordance match sorts from its end: by the word next to the match.
                let fromEnd = indices.map { table.schema.columns[$0].concordance == .before }
                let valued = table.rows.map { row in
                    (row, indices.enumerated().map { k, index in fromEnd[k] ? row[index].reversedText : row[index] })
                }
                output.value = .table(Table(schema: table.schema, rows: Self.stableSort(valued, keys: keys).map(\.0)))
            case .groups:
                throw error("'sort' cannot follow 'group by'", stage, hint: "group by FIELD | count | sort count desc")
            }
        case .limit(let n):
            output = input.limited(to: n)
        case .fields(let names):
            switch input.value {
            case .nodes(let nodes, let type):
                _ = try nodeFields(names, of: type, stage)
                // One column stays a table: a lone value prints bare and `--exit-status` reads it.
                if last, names.count > 1 {
                    output.projection = names
                } else {
                    output.value = .table(corpus.table(for: nodes, of: type, fields: names))
                }
            case .table(let table):
                let indices = try columns(names, of: table, stage)
                output.value = .table(Table(schema: table.schema.projecting(names), rows: table.rows.map { row in indices.map { row[$0] } }))
            case .groups:
                throw error("'fields' cannot follow 'group by'", stage, hint: "'group by FIELD' is followed by 'count'")
            }
        case .table(let call):
            guard let spec = StageCatalogue.named(call.name) else { throw error("unknown stage '\(call.name)'", stage) }
            let nodes = try nodes(of: input, for: stage, spec.name)
            do throws(StageFailure) {
                let operands = OperandResolver(corpus: corpus, bindings: bindings, previous: previous)
                output = QueryResult(.table(try spec.table(StageInput(corpus: corpus, nodes: nodes, arguments: call.arguments, isInterrupted: isInterrupted,
                                                                      resolveOperand: operands.nodes(for:)))))
            } catch {
                let at = error.argument.flatMap { source.wordRange($0, within: stage.range) } ?? stage.range
                throw Diagnostic(error.message, at: at, in: source, hint: error.hint)
            }
        case .groupBy(let names):
            switch input.value {
            case .nodes(let nodes, let type):
                output.value = .groups(Grouper(corpus: corpus).group(nodes, by: try nodeFields(names, of: type, stage)))
            case .table(let table):
                output.value = .groups(Grouper(corpus: corpus).group(table, by: try columns(names, of: table, stage)))
            case .groups:
                throw error("'group by' cannot follow 'group by'", stage, hint: "group by several fields at once: group by doc, section")
            }
        }
        return output
    }

    /// `select KIND [selector]`: descends into each input node, climbs to the containing
    /// node, or (same kind) keeps nodes whose position the selector names.
    func select(_ kind: QueryKind, _ selector: Selector?, from input: [Node]) -> [Node] {
        var result: [Node] = []
        var seen = Set<Node>()
        for node in input {
            let nodeKind = Corpus.queryKind(of: node.kind)
            if nodeKind == kind || (kind == .directives && nodeKind == .sentences) {
                let keep = kind != .directives || corpus.isDirective(document: node.document, sentence: node.index)
                if keep, selector.map({ $0.selects(corpus.ordinal(of: node), of: Int.max) }) ?? true { result.append(node) }
            } else if Corpus.depth(of: kind) > Corpus.depth(of: nodeKind) {
                let children = corpus.children(of: node, kind: kind)
                for (position, child) in children.enumerated() where selector?.selects(position + 1, of: children.count) ?? true {
                    result.append(child)
                }
            } else if let parent = corpus.ancestor(of: node, kind: kind), !seen.contains(parent) {
                seen.insert(parent)
                if selector.map({ $0.selects(corpus.ordinal(of: parent), of: Int.max) }) ?? true { result.append(parent) }
            }
        }
        return result
    }

    private func count(_ kind: QueryKind?, _ input: QueryResult, _ stage: Stage, implicitInput: Bool) throws(Diagnostic) -> Table {
        let countOnly = RowSchema("count", columns: [SharedColumns.count])
        switch input.value {
        case .table(let table):
            guard kind == nil else { throw error("'count \(kind!.rawValue)' needs nodes, but its input is a table", stage) }
            return Table(schema: countOnly, rows: [[.int(table.rows.count)]])
        case .groups(let grouping):
            guard kind == nil else {
                throw error("after 'group by', 'count' takes no kind", stage, hint: "group by \(grouping.keys.map(\.name).joined(separator: ", ")) | count")
            }
            return grouping.counts
        case .nodes(let nodes, let type):
            guard let kind else { return Table(schema: countOnly, rows: [[.int(nodes.count)]]) }
            if implicitInput {
                // `count directives` on its own: one number over everything loaded.
                let total = nodes.reduce(0) { $0 + select(kind, nil, from: [$1]).count }
                return Table(schema: countOnly, rows: [[.int(total)]])
            }
            // One row per input node: its default columns without its text, and the count.
            let shown = type.defaultColumns.filter { $0 != "text" }
            let base = corpus.table(for: nodes, of: type, fields: shown)
            let counted = Column("count", .integer, "\(kind.rawValue) inside the \(type.rawValue)")
            let rows = zip(base.rows, nodes).map { row, node in row + [.int(select(kind, nil, from: [node]).count)] }
            return Table(schema: RowSchema(type.rawValue, columns: base.schema.columns + [counted], key: ["ref"]), rows: rows)
        }
    }

    /// `count hits TERM [by FIELD]`, `count KIND by FIELD`: a number, or a table of rates.
    private func tally(_ tally: Tally, _ input: QueryResult, _ stage: Stage) throws(Diagnostic) -> Table {
        guard case .nodes(let nodes, let type) = input.value else {
            if case .groups(let grouping) = input.value {
                let field = grouping.keys.first?.name ?? "year"
                throw error("'count \(tally.target.written)' cannot follow 'group by'", stage, hint: "'by' groups as it counts: count \(tally.target.written) by \(field)")
            }
            _ = try self.nodes(of: input, for: stage, "count")
            return Table(schema: RowSchema("count", columns: []), rows: [])
        }
        let field = try tally.field.map { name throws(Diagnostic) in try nodeFields([name], of: type, stage)[0] }
        do throws(StageFailure) {
            let counted: Column
            let count: (Node) throws(StageFailure) -> Int
            switch tally.target {
            case .hits(let term):
                let matcher = try TermMatcher(term, isInterrupted: isInterrupted)
                counted = RateColumns.hits
                count = { node throws(StageFailure) in try matcher.count(in: corpus.documents[node.document], corpus.span(of: node)) }
            case .nodes(let kind):
                counted = Column("count", .integer, "\(kind.rawValue) inside the nodes counted")
                count = { node in select(kind, nil, from: [node]).count }
            }
            guard let field else {
                var total = 0
                for (k, node) in nodes.enumerated() {
                    if k % 256 == 0, isInterrupted() { throw StageFailure("interrupted") }
                    total += try count(node)
                }
                return Table(schema: RowSchema("count", columns: [counted]), rows: [[.int(total)]])
            }
            return try RateTable.make(nodes, by: field, counting: counted, in: corpus, isInterrupted: isInterrupted, count: count)
        } catch {
            throw self.error(error.message, stage, hint: error.hint)
        }
    }

    static func stableSort<T>(_ items: [(T, [FieldValue])], keys: [SortKey]) -> [(T, [FieldValue])] {
        // Only the directions are needed while comparing; copying the keys (and their field
        // names) in the comparator costs a retain and release per comparison.
        let descending = keys.map(\.descending)
        return items.enumerated().sorted { a, b in
            for k in descending.indices {
                let x = a.element.1[k], y = b.element.1[k]
                if x == y { continue }
                // Nulls stay last in both directions.
                if x == .null { return false }
                if y == .null { return true }
                return descending[k] ? FieldValue.ascending(y, x) : FieldValue.ascending(x, y)
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// A predicate made ready to run: terms as UTF-8 bytes for memmem, regexes compiled once,
/// field names resolved once against the input's schema.
struct CompiledPredicate {
    indirect enum Test {
        case term([UInt8], String)
        case regex(BoundedRegex)
        case and(Test, Test)
        case or(Test, Test)
        case not(Test)
        case comparison(FieldAccess, ComparisonOperator, Literal)
        case truthy(FieldAccess)
    }

    /// Where a compared value comes from: a node field, or a column of a table row.
    enum FieldAccess {
        case node(NodeField)
        case column(Int)
    }

    let test: Test
    let corpus: Corpus

    /// For nodes: `fields` resolves names against the nodes' schema (or throws).
    init(_ predicate: Predicate, corpus: Corpus, isInterrupted: @escaping InterruptCheck,
         fields: ([String]) throws(Diagnostic) -> [NodeField]) throws(Diagnostic) {
        self.corpus = corpus
        test = try Self.compile(predicate, isInterrupted) { name throws(Diagnostic) in .node(try fields([name])[0]) }
    }

    /// For table rows: `columns` resolves names to column indices (or throws).
    init(_ predicate: Predicate, corpus: Corpus, isInterrupted: @escaping InterruptCheck,
         columns: ([String]) throws(Diagnostic) -> [Int]) throws(Diagnostic) {
        self.corpus = corpus
        test = try Self.compile(predicate, isInterrupted) { name throws(Diagnostic) in .column(try columns([name])[0]) }
    }

    private static func compile(_ predicate: Predicate, _ isInterrupted: @escaping InterruptCheck,
                                _ resolve: (String) throws(Diagnostic) -> FieldAccess) throws(Diagnostic) -> Test {
        switch predicate {
        case .term(let t): return .term(Array(t.utf8), t)
        case .regex(let pattern, let caseInsensitive):
            // Validated by the parser, so compiling cannot fail here.
            guard let regex = try? BoundedRegex(pattern, caseInsensitive: caseInsensitive, isInterrupted: isInterrupted) else {
                preconditionFailure("the parser let an invalid regular expression through: /\(pattern)/")
            }
            return .regex(regex)
        case .and(let a, let b): return .and(try compile(a, isInterrupted, resolve), try compile(b, isInterrupted, resolve))
        case .or(let a, let b): return .or(try compile(a, isInterrupted, resolve), try compile(b, isInterrupted, resolve))
        case .not(let a): return .not(try compile(a, isInterrupted, resolve))
        case .comparison(let name, let op, let value): return .comparison(try resolve(name), op, value)
        case .truthy(let name): return .truthy(try resolve(name))
        }
    }

    func matches(_ node: Node) throws(StageFailure) -> Bool { try evaluate(test, node) }

    private func value(_ access: FieldAccess, _ node: Node) -> FieldValue {
        if case .node(let field) = access { return field.value(of: node, in: corpus) }
        return .null
    }

    private func evaluate(_ test: Test, _ node: Node) throws(StageFailure) -> Bool {
        switch test {
        case .term(let bytes, _):
            // The document's bytes are borrowed where they lie: binding the `Document` to a
            // name would copy it (a retain of each of its arrays) for every node.
            let span = corpus.span(of: node)
            return corpus.documents[node.document].bytes.withUnsafeBufferPointer { ByteSearch.find(bytes, in: $0, range: span) != nil }
        case .regex(let regex):
            return try regex.matches(corpus.documents[node.document].text(corpus.span(of: node)))
        case .and(let a, let b): return try evaluate(a, node) ? try evaluate(b, node) : false
        case .or(let a, let b): return try evaluate(a, node) ? true : try evaluate(b, node)
        case .not(let a): return try !evaluate(a, node)
        case .comparison(let access, let op, let literal): return value(access, node).compare(op, literal)
        case .truthy(let access): return value(access, node) == .bool(true)
        }
    }

    func matches(row: [FieldValue]) throws(StageFailure) -> Bool { try evaluate(test, row: row) }

    /// On table rows, terms search the text columns and comparisons use the named column.
    private func evaluate(_ test: Test, row: [FieldValue]) throws(StageFailure) -> Bool {
        func cell(_ access: FieldAccess) -> FieldValue {
            if case .column(let index) = access { return row[index] }
            return .null
        }
        switch test {
        case .term(_, let term):
            return row.contains { if case .text(let s) = $0 { s.contains(term) } else { false } }
        case .regex(let regex):
            for case .text(let s) in row where try regex.matches(s) { return true }
            return false
        case .and(let a, let b): return try evaluate(a, row: row) ? try evaluate(b, row: row) : false
        case .or(let a, let b): return try evaluate(a, row: row) ? true : try evaluate(b, row: row)
        case .not(let a): return try !evaluate(a, row: row)
        case .comparison(let access, let op, let literal): return cell(access).compare(op, literal)
        case .truthy(let access): return cell(access) == .bool(true)
        }
    }
}
