import Foundation
import Testing
import YibaoTestSupport

@testable import YibaoSuite

/// `yibao fuzz` speaks Chinese under a zh locale in its text, Markdown and HTML reports and its own messages; its JSON
/// report and exit codes stay the same in both languages.
extension MessagesTests {
    /// A fuzz run against the planted-bug adapter (a float-rounding bug in employee.back-payment): findings to show.
    static func fuzz(_ format: String, _ environment: [String: String]) throws -> TestSupport.Output {
        let adapter = TestSupport.repo.appendingPathComponent("Tests/YibaoFuzzTests/Fixtures/planted-adapter.py").path
        return try TestSupport.run(
            TestSupport.yibao,
            [
                "fuzz", "--vectors", TestSupport.vectors, "--impl", "python3 \(adapter) \(TestSupport.yibao) float-rounding",
                "--operation", "employee.back-payment", "--seed", "7", "--count", "400", "--format", format,
            ], environment: environment)
    }

    @Test func fuzzReportsSpeakChineseAndTheirJSONDoesNot() throws {
        let zh = ["LANG": "zh_CN.UTF-8"], en = ["LANG": "C.UTF-8"]
        let text = try Self.fuzz("text", zh)
        #expect(text.status == 1, "\(text.stderr)")
        for needle in [
            "yibao fuzz：种子 7，400 个用例（其中 ", " 项发现（", "\n发现 1：employee.back-payment — ", " — 不一致的字段：",
            "\n  输入：          {", "\n  参考实现：      {", "\n  被测实现：      {", "\n  追踪：          ", "\n  向量模板：\n",
            "    why: TODO — 引用条款中决定本案的原文，并写出计算过程", "  # 以下是参考实现的回答，它不是期望值", "\n触及情况（每条规范性条款的用例数）：\n",
            "\n重放：yibao fuzz --seed 7 --count 400 --operation employee.back-payment\n",
        ] {
            #expect(text.stdout.contains(needle), "text lacks \(needle):\n\(text.stdout.prefix(3000))")
        }
        for english in ["finding 1", "reach (cases", "replay:", "vector scaffold", "NOT the expected", "invalid on purpose"] {
            #expect(!text.stdout.contains(english), "\(english) in the Chinese text")
        }
        let markdown = try Self.fuzz("markdown", zh).stdout
        for needle in [
            "| 种子 | 7 |", "| 用例 | 400（其中 ", "| 速度 | 每秒 ", "被测实现：\n\n```text", "重放：\n\n```text", "## 发现 1：`employee.back-payment`，",
            "## 触及情况\n\n| 条款 | 用例 |",
        ] {
            #expect(markdown.contains(needle), "Markdown lacks \(needle):\n\(markdown.prefix(2000))")
        }
        let html = try Self.fuzz("html", zh).stdout
        for needle in [
            "<html lang=\"zh-CN\">", "<title>yibao fuzz，种子 7</title>", "Noto Sans CJK SC", "<th>种子</th>", "<th>被测实现</th>",
            "<h2>发现 1：employee.back-payment，", "<h2>触及情况</h2>",
        ] {
            #expect(html.contains(needle), "HTML lacks \(needle):\n\(html.prefix(2000))")
        }
        let english = try Self.fuzz("text", en)
        #expect(
            english.stdout.contains("\nfinding 1: employee.back-payment — ") && english.stdout.contains("\n  input:          {"),
            "\(english.stdout.prefix(2000))")
        #expect(
            english.stdout.contains("\nreach (cases per normative clause):\n") && english.stdout.contains("\nreplay: yibao fuzz --seed 7"))
        // JSON is read by programs: the same in both languages but for the time taken.
        let timeless = try Regex(#""(seconds|casesPerSecond)":\s*[0-9.e+-]+"#)
        let jsonZh = try Self.fuzz("json", zh), jsonEn = try Self.fuzz("json", en)
        #expect(jsonZh.status == 1 && !jsonZh.stdout.isEmpty)
        #expect(jsonZh.stdout.replacing(timeless, with: "") == jsonEn.stdout.replacing(timeless, with: ""))
    }

    @Test func fuzzsUsageErrorsSpeakChinese() throws {
        let zh = ["LANG": "zh_CN.UTF-8"]
        let cases: [([String], String)] = [
            (["--count", "0"], "--count 至少为 1"), (["--count", "5", "--time", "1s"], "--count 与 --time 只能给出其一"),
            (["--time", "soon"], "--time：不是 30s、5m 或 1h 这样的时长：soon"), (["--operation", "no.such"], "未知操作 no.such（可选："),
        ]
        for (arguments, message) in cases {
            let out = try TestSupport.run(
                TestSupport.yibao, ["fuzz", "--vectors", TestSupport.vectors, "--impl", "reference"] + arguments, environment: zh)
            #expect(out.status == 64, "\(arguments): \(out.stderr)")
            #expect(out.stderr.contains(message), "\(arguments): \(out.stderr)")
        }
        let seedless = try TestSupport.run(
            TestSupport.yibao, ["fuzz", "--vectors", TestSupport.vectors, "--impl", "reference", "--count", "20"], environment: zh)
        #expect(seedless.status == 0 && seedless.stderr.contains("yibao fuzz：种子 "), "\(seedless.stderr)")
    }
}
