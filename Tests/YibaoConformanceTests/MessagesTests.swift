import Foundation
import Testing

@testable import YibaoSuite

/// The message catalogue: one table per language with the same keys and placeholders, every key the sources use in
/// it, and the command line speaking Chinese where asked while machine-read output stays the same.
struct MessagesTests {
    @Test func bothLanguagesHaveTheSameKeys() {
        let english = Set(Messages.table(.en).keys), chinese = Set(Messages.table(.zh).keys)
        #expect(english.subtracting(chinese).sorted() == [], "in English only")
        #expect(chinese.subtracting(english).sorted() == [], "in Chinese only")
    }

    @Test func bothLanguagesUseTheSamePlaceholders() {
        for (key, english) in Messages.table(.en) {
            guard let chinese = Messages.table(.zh)[key] else { continue }
            #expect(Messages.placeholders(english) == Messages.placeholders(chinese), "\(key): \(english) / \(chinese)")
        }
    }

    /// Every `Messages.text("key"…)` in Sources/ names a key of the catalogue, and every key is used somewhere (as a
    /// string literal: some keys are passed through a helper or a list before they reach `Messages.text`).
    @Test func everyKeyInTheSourcesIsInTheCatalogueAndEveryKeyIsUsed() throws {
        let sources = TestSupport.repo.appendingPathComponent("Sources")
        let call = try Regex(#"Messages\.text\((?:[^"()]*\?\s*)?"([A-Za-z0-9.-]+)"(?:\s*:\s*"([A-Za-z0-9.-]+)")?"#)
        let literal = try Regex(#""([A-Za-z][A-Za-z0-9-]*\.[A-Za-z0-9.-]+)""#)
        var called: Set<String> = [], literals: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" && !url.path.contains("/Messages/") {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: call) {
                for index in 1..<match.output.count {
                    if let key = match.output[index].substring, !key.hasSuffix(".") { called.insert(String(key)) }
                }
            }
            for match in text.matches(of: literal) {
                if let key = match.output[1].substring { literals.insert(String(key)) }
            }
        }
        let known = Set(Messages.table(.en).keys)
        #expect(!called.isEmpty)
        #expect(called.subtracting(known).sorted() == [], "used in Sources/ but not in the catalogue")
        // Keys made from a status's raw value ("result." + status.rawValue).
        let dynamic = Set(
            ["pass", "fail", "error", "timeout", "crash", "unsupported", "not-run"].map { "result." + $0 }
                + ["covered", "failing", "uncovered", "unsupported", "informative", "group"].map { "coverage." + $0 })
        #expect(dynamic.subtracting(known).sorted() == [], "a status without its message")
        #expect(known.subtracting(literals).subtracting(dynamic).sorted() == [], "in the catalogue but never used")
    }

    @Test func templatesFillArgumentsAndEnglishPlurals() {
        #expect(Messages.text("count.vectors", language: .en, 1) == "1 vector")
        #expect(Messages.text("count.vectors", language: .en, 663) == "663 vectors")
        #expect(Messages.text("count.vectors", language: .zh, 663) == "663 条向量")
        #expect(Messages.fill("{0} and {1}, {2}", ["a", "b"]) == "a and b, {2}")
        #expect(Messages.fill("{x} {", ["a"]) == "{x} {")
        #expect(Messages.text("no.such.key", language: .zh) == "no.such.key")
    }

    @Test func theLanguageFollowsTheLocaleVariablesInPOSIXOrder() {
        #expect(Language.from(environment: [:]) == .en)
        #expect(Language.from(environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.from(environment: ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]) == .en)
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"]) == .zh)
        #expect(Language.from(environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": ""]) == .zh)
        #expect(Language.from(environment: ["LANG": "C.UTF-8"]) == .en)
    }

    @Test func verifySpeaksChineseFromLANGOrLangAndEnglishOtherwise() throws {
        let chinese = try TestSupport.run(
            TestSupport.yibao, ["verify", "--vectors", TestSupport.vectors], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 0, "\(chinese.stderr)")
        #expect(chinese.stdout.contains(#/\d+ 条向量：\d+ 通过，0 失败/#), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("verify：通过"))

        let flag = try TestSupport.run(TestSupport.yibao, ["verify", "--lang", "zh", "--vectors", TestSupport.vectors])
        #expect(flag.stdout == chinese.stdout)

        let english = try TestSupport.run(
            TestSupport.yibao, ["--lang=en", "verify", "--vectors", TestSupport.vectors],
            environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.stdout.contains(#/\d+ vectors: \d+ passed, 0 failed/#), "\(english.stdout)")
        #expect(english.stdout.contains("verify: OK"))
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["lint", "--lang", "fr"])
        #expect(out.status == 64)
        #expect(out.stderr.contains("zh or en"))
    }

    @Test func lintDiagnosticsSpeakChineseWithTheSameLocation() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try "operation: employee.first-enrollment\nclauses: [LU-2021-54/1]\nvectors: 3\n"
            .write(to: root.appendingPathComponent("vectors/bad.yaml"), atomically: true, encoding: .utf8)
        let vectors = root.appendingPathComponent("vectors").path
        let english = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors])
        let chinese = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors, "--lang", "zh"])
        #expect(english.status == 1 && chinese.status == 1)
        #expect(english.stderr.contains("bad.yaml:3:10: error: "), "\(english.stderr)")
        #expect(chinese.stderr.contains("bad.yaml:3:10: 错误: "), "\(chinese.stderr)")
        #expect(chinese.stderr.contains("中有 1 个问题"), "\(chinese.stderr)")
    }

    /// JSON and JUnit are read by programs: they do not change with the language (but for the run's date and time).
    @Test func machineReadOutputDoesNotChangeWithTheLanguage() throws {
        for format in ["json", "junit"] {
            let arguments = ["run", "--vectors", TestSupport.vectors, "--filter", "LU-2021-54/1", "--format", format]
            let english = try TestSupport.run(TestSupport.yibao, arguments + ["--lang", "en"])
            let chinese = try TestSupport.run(TestSupport.yibao, arguments + ["--lang", "zh"])
            let timeless = try Regex(#"("date":"[^"]*"|"seconds":[0-9.e+-]+|timestamp="[^"]*"|time="[^"]*")"#)
            #expect(english.stdout.replacing(timeless, with: "") == chinese.stdout.replacing(timeless, with: ""), "\(format)")
            #expect(!english.stdout.isEmpty)
        }
    }
}
