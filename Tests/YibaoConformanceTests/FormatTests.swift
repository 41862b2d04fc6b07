import Foundation
import Testing
import YibaoTestSupport

/// The tree follows `.swift-format` (CI checks it too). As a test, an engineer's `swift test` before landing catches
/// an unformatted file, not only the CI run after it.
struct FormatTests {
    @Test func sourcesAndTestsFollowTheSwiftFormatConfiguration() throws {
        let out = try TestSupport.run(
            "/usr/bin/env", ["swift", "format", "lint", "--strict", "-r", "Sources", "Tests"], directory: TestSupport.repo)
        #expect(out.status == 0, "run `swift format -i -r Sources Tests`:\n\(out.stderr)")
    }
}
