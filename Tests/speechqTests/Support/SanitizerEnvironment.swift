import Foundation

/// The environment of a `speechq` the end-to-end tests start, with the sanitizers' settings
/// of the test run. Under `scripts/test --sanitize` the child is built with the same
/// sanitizer; without its settings it would run with the defaults — leak reports for
/// libedit's one allocation it never frees, no suppressions file — and fail for a reason
/// that is not the test's.
///
/// `SPEECHQ_TEST_ASAN_OPTIONS`, when set, is the child's `ASAN_OPTIONS`: scripts/test checks
/// the children for leaks but not the test runner itself, whose leaks at exit are XCTest's
/// and Foundation's `Process` (docs/reliability.md). Without sanitizers nothing is added.
enum SanitizerEnvironment {
    static let names = ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS"]

    /// `environment` (or this process's, for nil) with the sanitizer settings for a child.
    static func child(_ environment: [String: String]? = nil) -> [String: String] {
        let own = ProcessInfo.processInfo.environment
        var result = environment ?? own
        for name in names {
            if let value = own[name], environment?[name] == nil { result[name] = value }
        }
        if let childOptions = own["SPEECHQ_TEST_ASAN_OPTIONS"], environment?["ASAN_OPTIONS"] == nil {
            result["ASAN_OPTIONS"] = childOptions
        }
        return result
    }
}
