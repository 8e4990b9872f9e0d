/// One cell of a result: what a field of a node, or a column of a table, holds.
public enum FieldValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// A measure that is not a whole number: a rate per 10,000 characters.
    case decimal(Double)
    case text(String)

    /// How the value prints in table, TSV and CSV output.
    public var display: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let n): String(n)
        case .decimal(let x): DecimalText.twoPlaces(x)
        case .text(let s): s
        }
    }

    public var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let n): .int(n)
        case .decimal(let x): .decimal(x)
        case .text(let s): .string(s)
        }
    }

    /// Text spelled backwards (by Unicode scalar), for ordering text by its end.
    var reversedText: FieldValue {
        guard case .text(let s) = self else { return self }
        return .text(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
    }

    /// Whether the value counts as "empty or zero" for `--exit-status`.
    var isEmptyOrZero: Bool {
        switch self {
        case .null: true
        case .bool(let b): !b
        case .int(let n): n == 0
        case .decimal(let x): x == 0
        case .text(let s): s.isEmpty
        }
    }

    /// The value as a number, for comparing whole numbers with decimals and drawing bars.
    var number: Double? {
        switch self {
        case .int(let n): Double(n)
        case .decimal(let x): x
        case .null, .bool, .text: nil
        }
    }

    /// Order for `sort`: nulls last, numbers numerically, text naturally — runs of digits
    /// by their value, so `sec2` comes before `sec10` and 2019年 before 2020年.
    static func ascending(_ a: FieldValue, _ b: FieldValue) -> Bool {
        switch (a, b) {
        case (.null, _): return false
        case (_, .null): return true
        case (.int(let x), .int(let y)): return x < y
        case (.decimal, _), (_, .decimal):
            if let x = a.number, let y = b.number { return x < y }
            return NaturalOrder.precedes(a.display, b.display)
        case (.bool(let x), .bool(let y)): return !x && y
        default: return NaturalOrder.precedes(a.display, b.display)
        }
    }

    /// `self OP literal`, numeric when both sides are numbers. An empty value compares as
    /// empty text (`due != ""` keeps the rows that have one) and fails every numeric test.
    func compare(_ op: ComparisonOperator, _ literal: Literal) -> Bool {
        let ordering: Int
        switch (self, literal) {
        case (.null, .number):
            return false
        case (.null, .text):
            return FieldValue.text("").compare(op, literal)
        case (.int(let x), .number(let y)):
            ordering = x < y ? -1 : (x > y ? 1 : 0)
        case (.decimal(let x), .number(let y)):
            // Compared as shown, to two places: `per10k = 155.04` finds the row that says so.
            let shown = DecimalText.rounded(x)
            ordering = shown < Double(y) ? -1 : (shown > Double(y) ? 1 : 0)
        case (.decimal(let x), .text(let y)) where DecimalText.parse(y) != nil:
            // `per10k > 12.5`: the lexer reads 12.5 as a term, which is a number here.
            let limit = DecimalText.parse(y)!, shown = DecimalText.rounded(x)
            ordering = shown < limit ? -1 : (shown > limit ? 1 : 0)
        case (.bool(let x), .number(let y)):
            ordering = (x ? 1 : 0) - y
        case (.bool(let x), .text(let y)):
            ordering = (x ? "true" : "false") == y.lowercased() ? 0 : 1
            guard op == .equal || op == .notEqual else { return false }
        default:
            let left = display, right: String
            switch literal {
            case .number(let n): right = String(n)
            case .text(let t): right = t
            }
            ordering = left < right ? -1 : (left > right ? 1 : 0)
        }
        switch op {
        case .equal: return ordering == 0
        case .notEqual: return ordering != 0
        case .less: return ordering < 0
        case .lessOrEqual: return ordering <= 0
        case .greater: return ordering > 0
        case .greaterOrEqual: return ordering >= 0
        }
    }
}

extension Corpus {
    /// The value of the node field `name` for `node`; null where the field does not apply.
    public func value(_ name: String, of node: Node) -> FieldValue {
        NodeFields.named(name)?.value(of: node, in: self) ?? .null
    }
}

/// Text order in which runs of ASCII digits compare by value.
enum NaturalOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        var x = a.utf8.makeIterator(), y = b.utf8.makeIterator()
        var p = x.next(), q = y.next()
        while let c = p, let d = q {
            if isDigit(c), isDigit(d) {
                // Compare the whole runs: by length once leading zeros are skipped, then digit by digit.
                var left: [UInt8] = [], right: [UInt8] = []
                while let e = p, isDigit(e) { left.append(e); p = x.next() }
                while let e = q, isDigit(e) { right.append(e); q = y.next() }
                let l = left.drop { $0 == UInt8(ascii: "0") }, r = right.drop { $0 == UInt8(ascii: "0") }
                if l.count != r.count { return l.count < r.count }
                if !l.elementsEqual(r) { return l.lexicographicallyPrecedes(r) }
                if left.count != right.count { return left.count < right.count }
                continue
            }
            if c != d { return c < d }
            p = x.next()
            q = y.next()
        }
        return p == nil && q != nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
