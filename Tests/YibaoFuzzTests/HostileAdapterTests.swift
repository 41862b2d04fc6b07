import Foundation
import Testing
import YibaoRun
import YibaoSuite
import YibaoTestSupport

/// `yibao fuzz` and certify's random section against a hostile adapter (Fixtures/hostile-adapter.py), with the real
/// binary over real pipes: what the adapter answers never reaches a terminal or a vector scaffold as it was sent.
struct HostileAdapterTests {
    static let adapter = ExternalFuzzTests.here.appendingPathComponent("Fixtures/hostile-adapter.py").path

    static func impl(_ mode: String) -> String {
        "\(ExternalFuzzTests.quoted(ExternalFuzzTests.python)) \(ExternalFuzzTests.quoted(adapter)) \(mode)"
    }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("yibao-hostile-\(UUID().uuidString)-\(name)")
    }

    static func expectNoControls(_ text: String, _ what: String) {
        let found = text.unicodeScalars.first { UntrustedText.isControl($0) && $0 != "\n" }
        #expect(found == nil, "\(what) holds \(found.map(UntrustedText.name) ?? "")")
    }

    /// The adapter's error code is terminal escapes (clear screen, a green "CERTIFIED", a window title): certify's
    /// lines about its random findings show none of them raw.
    @Test func certifyShowsTheRandomFindingsOfAnAdapterAnsweringEscapesVisibly() throws {
        let folder = Self.temporary("cert")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try ExternalFuzzTests.run([
            "certify", "--vectors", ExternalFuzzTests.vectors, "--impl", Self.impl("escape"), "--output", folder.path,
            "--seed", "1", "--random-cases", "60",
        ])
        #expect(out.status == 1, "exit \(out.status): \(out.stderr)")
        #expect(out.stdout.contains("random section: seed 1, 60 fresh cases: "), "\(out.stdout)")
        #expect(out.stdout.contains(": result → error: "), "no finding line in \(out.stdout)")
        Self.expectNoControls(out.stdout, "certify's summary")
    }
}
