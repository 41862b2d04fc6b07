import Foundation
import YibaoYAML

/// The committed fixture corpus, found next to this file.
enum Fixture {
    static let directory: String = {
        let file = "\(#filePath)"
        return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures/yaml"
    }()

    static func path(_ name: String) -> String { directory + "/" + name }
}

/// The error a load throws, or nil when it succeeds.
func loadingError(_ load: () throws(YAMLError) -> [YAMLNode]) -> YAMLError? {
    do {
        _ = try load()
        return nil
    } catch {
        return error
    }
}

/// Loads a YAML text given inline; `name` is the file name marks carry.
func load(_ text: String, name: String = "inline.yaml", limits: YAMLLoader.Limits = .init()) throws(YAMLError) -> [YAMLNode] {
    try YAMLLoader(limits: limits).load(bytes: Array(text.utf8), name: name)
}

/// A fresh temporary directory, removed by the caller with `removeTemporaryDirectory`.
func makeTemporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-yaml-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

func removeTemporaryDirectory(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}
