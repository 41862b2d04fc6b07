import Foundation
import Testing
import YibaoTestSupport

/// The Chinese HTML report as a person sees it: rendered by a real headless Chromium with the system's CJK font into a
/// PNG. Needs `chromium` and a font that covers Chinese (`.ci/run` installs Debian's chromium and fonts-wqy-zenhei);
/// `YIBAO_SCREENSHOTS=DIR` keeps the pictures.
@Suite(.serialized) struct ChineseScreenshotTests {
    static let cjkFont: Bool = {
        guard let out = try? TestSupport.run("/usr/bin/env", ["fc-list", ":lang=zh", "family"]) else { return false }
        return out.status == 0 && !out.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }()

    /// Renders `page` to a PNG of `width` × `height` CSS pixels; returns its bytes.
    func screenshot(_ page: URL, width: Int, height: Int, in dir: URL) throws -> [UInt8] {
        let png = dir.appendingPathComponent(page.deletingPathExtension().lastPathComponent + ".png")
        let out = try TestSupport.run(
            "/usr/bin/timeout",
            [
                "120", Chromium.path!, "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                "--window-size=\(width),\(height)", "--screenshot=\(png.path)", page.absoluteString,
            ], environment: ["LANG": "zh_CN.UTF-8"])
        try #require(out.status == 0, "chromium exited \(out.status): \(out.stderr.suffix(2000))")
        let bytes = try [UInt8](Data(contentsOf: png))
        if let keep = ProcessInfo.processInfo.environment["YIBAO_SCREENSHOTS"], !keep.isEmpty {
            try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try? Data(bytes).write(to: URL(fileURLWithPath: keep).appendingPathComponent(png.lastPathComponent))
        }
        return bytes
    }

    /// The width and height in a PNG's IHDR chunk.
    func size(_ png: [UInt8]) -> (Int, Int)? {
        guard png.count > 24, png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        let be = { (at: Int) in png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    @Test(
        .enabled(if: Chromium.path != nil, "no headless chromium on this machine; install the Debian package chromium"),
        .enabled(if: cjkFont, "no font covering Chinese; install the Debian package fonts-wqy-zenhei or fonts-noto-cjk"),
        .timeLimit(.minutes(5)))
    func theChineseReportWithAFailureCardRendersWithCJKGlyphs() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try TestSupport.run(
            TestSupport.yibao,
            ["run", "--vectors", root.appendingPathComponent("vectors").path, "--filter", "LU-2021-54/1", "--format", "html"],
            environment: ["LANG": "zh_CN.UTF-8"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("<html lang=\"zh-CN\">") && run.stdout.contains("<dt>发送的输入</dt>"))
        let page = root.appendingPathComponent("report-zh.html")
        try Data(run.stdout.utf8).write(to: page)
        let shot = try screenshot(page, width: 1200, height: 1600, in: root)
        #expect(size(shot).map { $0 == (1200, 1600) } == true, "not a 1200×1600 PNG")
        #expect(shot.count > 20_000, "a nearly empty picture: \(shot.count) bytes")

        // The font really draws Chinese: four ideographs give another picture than four code points no font has (which
        // every renderer draws as the same empty boxes).
        func probe(_ name: String, _ text: String) throws -> [UInt8] {
            let file = root.appendingPathComponent(name + ".html")
            try Data(
                "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"></head><body style=\"font-size:48px\">\(text)</body></html>"
                    .utf8
            ).write(
                to: file)
            // Headless Chromium draws nothing in a window much smaller than this.
            return try screenshot(file, width: 800, height: 300, in: root)
        }
        let han = try probe("probe-han", "统筹地区"), missing = try probe("probe-missing", "\u{E000}\u{E001}\u{E002}\u{E003}")
        let missingAgain = try probe("probe-missing-again", "\u{E010}\u{E011}\u{E012}\u{E013}")
        #expect(missing == missingAgain, "the probe cannot tell: code points without a glyph drew differently")
        #expect(han != missing, "统筹地区 drew as empty boxes: no CJK font reached Chromium")
    }
}
