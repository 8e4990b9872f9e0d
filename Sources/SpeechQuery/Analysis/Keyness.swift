import Foundation

/// How much more (or less) often an item occurs in one text than in another, as corpus
/// linguists measure keyness: a significance score and an effect size.
enum Keyness {
    /// Dunning's log-likelihood G² for `a` occurrences in `sizeA` units of text against `b`
    /// in `sizeB`: 2 Σ O ln(O / E), E the count expected if both texts used the item at one
    /// rate. Above 3.84 the difference has p < 0.05, above 10.83 p < 0.001 (one degree of
    /// freedom). It grows with the evidence, so a frequent item outranks a rare one with the
    /// same ratio.
    static func logLikelihood(_ a: Int, in sizeA: Int, _ b: Int, in sizeB: Int) -> Double {
        let total = Double(sizeA + sizeB)
        guard total > 0, a + b > 0 else { return 0 }
        let expectedA = Double(sizeA) * Double(a + b) / total
        let expectedB = Double(sizeB) * Double(a + b) / total
        func term(_ observed: Int, _ expected: Double) -> Double {
            observed > 0 && expected > 0 ? Double(observed) * log(Double(observed) / expected) : 0
        }
        return 2 * (term(a, expectedA) + term(b, expectedB))
    }

    /// Hardie's log ratio: log2 of B's rate over A's, a zero count taken as 0.5 so an item
    /// absent from one side still has a finite size. +1: twice as frequent in B; -1: half
    /// as frequent. Nil when a side has no text at all.
    static func logRatio(_ a: Int, in sizeA: Int, _ b: Int, in sizeB: Int) -> Double? {
        guard sizeA > 0, sizeB > 0 else { return nil }
        let rateA = max(Double(a), 0.5) / Double(sizeA)
        let rateB = max(Double(b), 0.5) / Double(sizeB)
        return log2(rateB / rateA)
    }
}
