/// Documents in time order: by year, then by date within the year (a document with only a
/// year after the dated ones of its year); documents with neither last. Ties keep the order
/// the documents were loaded in.
struct DocumentOrder: Comparable {
    let year: Int?
    let date: String?
    let position: Int

    init(_ metadata: DocumentMetadata, position: Int) {
        date = metadata.date
        year = metadata.year ?? metadata.date.flatMap { Int($0.prefix(4)) }
        self.position = position
    }

    static func < (a: DocumentOrder, b: DocumentOrder) -> Bool {
        switch (a.year, b.year) {
        case (nil, nil): return a.position < b.position
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?) where x != y: return x < y
        default: break
        }
        switch (a.date, b.date) {
        case (let x?, let y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.position < b.position
        }
    }
}
