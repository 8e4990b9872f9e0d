import Foundation

/// libFuzzer's driver, from the `-sanitize=fuzzer` runtime. SwiftPM compiles an executable
/// target's top-level code into `<Target>_main`, which is what runs, so libFuzzer's own
/// `main` is never reached; the target calls the driver itself with the command line.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// One fuzz input: the bytes libFuzzer hands over.
public typealias FuzzInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

public enum FuzzDriver {
    /// Runs libFuzzer with this process's arguments (`-max_len`, `-timeout`, corpus folders…)
    /// over `testOneInput`, and exits with its status.
    public static func run(_ testOneInput: FuzzInput) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }

    /// The input as an array (empty for a null pointer).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
