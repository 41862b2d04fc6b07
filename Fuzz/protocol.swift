// libFuzzer harness: the runner's handling of an adapter's output lines. The input is what an adapter writes on
// stdout; each line is parsed as the runner parses it, and a `result` or `error` answer is judged against a real
// vector of the suite (chosen by the line), capped as the runner caps it, spooled and read back as the report reads
// it. Nothing an adapter writes may trap, and a spooled result must read back. The suite is $YIBAO_VECTORS, else
// ./vectors.
import Foundation
@testable import YibaoRun
@testable import YibaoSuite
import YibaoRules

let vectors: [Vector] = {
    let root = ProcessInfo.processInfo.environment["YIBAO_VECTORS"] ?? "vectors"
    let (suite, diagnostics) = Suite.load(root: root)
    precondition(diagnostics.isEmpty && !suite.vectors.isEmpty, "the suite at \(root) does not load")
    return suite.vectors
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProtocol(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    var start = 0
    while start <= size {
        var end = start
        while end < size && input[end] != UInt8(ascii: "\n") { end += 1 }
        handle(UnsafeBufferPointer(rebasing: input[start..<end]))
        start = end + 1
    }
    return 0
}

func handle(_ line: UnsafeBufferPointer<UInt8>) {
    guard let message = try? JSON.parse(line), case .object = message else { return }
    var trace: [String]?
    if case .array(let items)? = message["trace"] { trace = items.compactMap { if case .string(let s) = $0 { s } else { nil } } }
    let outcome: Outcome
    switch message["type"] {
    case .string("result")?: outcome = .result(output: message["output"] ?? .null, trace: trace)
    case .string("error")?:
        var code = "internal", text = ""
        if case .string(let c)? = message["code"] { code = c }
        if case .string(let m)? = message["message"] { text = m }
        outcome = .error(code: code, message: text, trace: trace)
    default: return
    }
    var pick = 0
    if case .string(let id)? = message["id"] { pick = id.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } }
    let vector = vectors[pick % vectors.count]
    let result = VectorResult.judge(vector, outcome).capped()
    let spooled = result.spoolLine()
    guard spooled.withUnsafeBufferPointer({ VectorResult(spool: $0) }) != nil else {
        fatalError("a spooled result does not read back: \(String(decoding: spooled.prefix(300), as: UTF8.self))")
    }
}
