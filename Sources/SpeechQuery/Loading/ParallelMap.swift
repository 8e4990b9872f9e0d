import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` on every core: the results come back in the order of the elements,
    /// whichever thread made them. Meant for work per document (reading, decoding, parsing,
    /// analysing), where one element is worth far more than a thread hand-off.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ParallelResults<T>(count: count)
        // Workers take the next index as they finish one, so a few large documents do not
        // leave a core idle while the other works through them.
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(self[index]))
        }
        return results.values()
    }
}

/// The slots `parallelMap` fills, one per element, from several threads.
private final class ParallelResults<T: Sendable>: @unchecked Sendable {
    // @unchecked: `slots` is only read or written with `lock` held.
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    /// Every slot, once all are set.
    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
