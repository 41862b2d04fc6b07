// libFuzzer harness: the YAML loader (libyaml events → nodes with marks, core schema, duplicate keys, aliases, limits).
// Any input must end in nodes or a YAMLError — never a trap, a hang or unbounded memory. scripts/fuzz-harnesses builds
// and runs it.
import YibaoYAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let nodes = try YAMLLoader().load(bytes: bytes, name: "fuzz.yaml")
        for node in nodes { _ = node.mark.description }
    } catch {
        _ = error.description
    }
    return 0
}
