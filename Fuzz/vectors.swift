// libFuzzer harness: the vector reader — a vector file's bytes loaded and checked against the real catalog, retired
// ids and interpretations (lint's checks), as `yibao lint` and every run read a vector file. Any input must end in
// vectors or located diagnostics. The suite is $YIBAO_VECTORS, else ./vectors.
import Foundation
@testable import YibaoSuite
import YibaoYAML

let context: Suite.Context = {
    let root = ProcessInfo.processInfo.environment["YIBAO_VECTORS"] ?? "vectors"
    let (context, _, diagnostics) = Suite.prepare(root: root, loader: YAMLLoader())
    precondition(diagnostics.isEmpty, "the suite at \(root) does not load: \(diagnostics.prefix(3))")
    return context
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVectors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var reader = NodeReader()
    do {
        let nodes = try YAMLLoader().load(bytes: bytes, name: "vectors/fuzz.yaml")
        if let root = nodes.first {
            let vectors = Suite.readFile(root, file: "vectors/fuzz.yaml", context: context, reader: &reader)
            for v in vectors { _ = v.vector.id }
        }
    } catch {
        _ = Diagnostic(error).description
    }
    for d in reader.diagnostics { _ = d.description }
    return 0
}
