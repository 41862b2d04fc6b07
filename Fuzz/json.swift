// libFuzzer harness: the JSON parser every adapter line goes through (duplicate keys, depth, numbers, escapes,
// UTF-8). Any input must parse or throw a ParseError; what parses must serialize and parse back to the same value.
@testable import YibaoSuite
import YibaoRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let value: Value
    do { value = try JSON.parse(UnsafeBufferPointer(start: data, count: size)) } catch { return 0 }
    let text = JSON.serialize(value)
    guard let again = try? JSON.parse(text) else { fatalError("serialized JSON does not parse back: \(text.prefix(200))") }
    if again != value { fatalError("JSON round trip changed the value: \(text.prefix(200))") }
    return 0
}
