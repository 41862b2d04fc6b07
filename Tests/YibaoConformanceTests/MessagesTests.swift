import Foundation
import Testing
import YibaoTestSupport

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
        // Keys made from a status's raw value ("result." + status.rawValue) or a clause's kind ("kind." + kind.rawValue).
        let statuses = ["pass", "fail", "error", "timeout", "crash", "unsupported", "not-run"]
        let dynamic = Set(
            statuses.map { "result." + $0 } + statuses.map { "status." + $0 }
                + ["pass", "error", "timeout", "crash", "not-run"].map { "message." + $0 }
                + ["covered", "failing", "uncovered", "unsupported", "informative", "group"].map { "coverage." + $0 }
                + ["normative", "informative", "group"].map { "kind." + $0 })
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

    /// `--help` reads each command's abstract and discussion from the catalogue after the language is chosen.
    @Test func helpSpeaksTheChosenLanguage() throws {
        let chinese = try TestSupport.run(TestSupport.yibao, ["verify", "--help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 0)
        #expect(chinese.stdout.contains("CI 门禁：lint、对参考实现运行全部向量"), "\(chinese.stdout)")
        let root = try TestSupport.run(TestSupport.yibao, ["--help", "--lang", "zh"])
        #expect(root.stdout.contains("一致性测试向量与验证工具"), "\(root.stdout)")
        let english = try TestSupport.run(TestSupport.yibao, ["verify", "--help"])
        #expect(english.stdout.contains("The CI gate: lint, run every vector against the reference"), "\(english.stdout)")
    }

    /// Every option's and argument's help of every subcommand comes from the catalogue: with LANG=zh_CN.UTF-8 the real
    /// binary's `--help` holds each one's Chinese text and none of the English (ArgumentParser's own words, such as
    /// USAGE, OPTIONS and "Show help information.", are its own and stay English). Wrapping is ignored: white space is
    /// taken out of both sides.
    @Test func everyOptionsHelpSpeaksTheLanguageOfTheEnvironment() throws {
        let commands = [
            [], ["lint"], ["clauses"], ["show"], ["run"], ["coverage"], ["verify"], ["strength"], ["serve"], ["new"], ["certify"],
            ["compare"], ["changelog"], ["schema"], ["fuzz"],
        ]
        func help(_ environment: [String: String]) throws -> String {
            var all = ""
            for command in commands {
                let out = try TestSupport.run(TestSupport.yibao, command + ["--help"], environment: environment)
                #expect(out.status == 0, "\(command): \(out.stderr)")
                all += out.stdout
            }
            return all.filter { !$0.isWhitespace }
        }
        let chinese = try help(["LANG": "zh_CN.UTF-8"]), english = try help(["LANG": "C.UTF-8"])
        let keys = Messages.table(.en).keys.filter { $0.hasPrefix("option.") || $0.hasPrefix("help.") }.sorted()
        #expect(keys.count > 60)
        for key in keys {
            let zh = Messages.text(key, language: .zh).filter { !$0.isWhitespace }
            let en = Messages.text(key, language: .en).filter { !$0.isWhitespace }
            #expect(chinese.contains(zh), "\(key) is not in the Chinese help")
            #expect(english.contains(en), "\(key) is not in the English help")
            #expect(!chinese.contains(en), "\(key) is in English in the Chinese help")
        }
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
        #expect(chinese.stderr.contains("bad.yaml:3:10: error: vectors 必须是列表，而不是数字"), "\(chinese.stderr)")
        #expect(chinese.stderr.contains("中有 1 个问题"), "\(chinese.stderr)")
    }

    /// Every lint problem is described in Chinese after the same `file:line:column: error:` prefix as in English: the
    /// prefix is what editors and CI problem matchers parse. A YAML syntax error keeps libyaml's English detail inside
    /// the Chinese description.
    @Test func lintProblemsSpeakChineseAfterAnUnchangedPrefix() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        operation: employee.first-enrollment
        clauses: [LU-2021-54/1, LU-2021-54/99]
        vectors:
          - id: Bad_ID
            title: 坏向量
            why: x
            input: {category: employer, firstContributionMonth: 2022-13, colour: red}
            expected: {benefitsFrom: "2022-07", extra: 1}
          - id: two
            title: t
            why: w
            input: {category: boss, firstContributionMonth: 2022-06}
            expected: {benefitsFrom: 7}
            tags: [a]
        """.write(to: root.appendingPathComponent("vectors/bad.yaml"), atomically: true, encoding: .utf8)
        try "operation: employee.first-enrollment\nvectors: [\n  - {id: x\n"
            .write(to: root.appendingPathComponent("vectors/syntax.yaml"), atomically: true, encoding: .utf8)
        let vectors = root.appendingPathComponent("vectors").path
        let english = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors], environment: ["LANG": "C.UTF-8"])
        let chinese = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.status == 1 && chinese.status == 1)
        let prefix = try Regex(#"^(.+:\d+:\d+: error: )(.*)$"#)
        func split(_ text: String) -> [(String, String)] {
            text.split(separator: "\n").compactMap { line in
                line.firstMatch(of: prefix).map { (String($0.output[1].substring!), String($0.output[2].substring!)) }
            }
        }
        let en = split(english.stderr), zh = split(chinese.stderr)
        #expect(en.count == 9, "\(english.stderr)")
        #expect(en.map(\.0) == zh.map(\.0), "the prefixes differ:\n\(english.stderr)\n\(chinese.stderr)")
        let han = { (s: String) in s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        for (_, message) in zh { #expect(han(message), "not Chinese: \(message)") }
        for (_, message) in en { #expect(!han(message), "not English: \(message)") }
        for needle in [
            "bad.yaml:2:25: error: 未知条款 \"LU-2021-54/99\"",
            "bad.yaml:7:57: error: firstContributionMonth：\"2022-13\" 不是月份（YYYY-MM）",
            "error: employee.first-enrollment 没有输入字段 \"colour\"",
            "error: category：\"boss\" 不是 employer|flexible 之一",
            "error: expected.benefitsFrom：7 不是月份（YYYY-MM）",
            "error: 向量中有未知的键 \"tags\"",
            "syntax.yaml:3:3: error: YAML 语法错误（libyaml：",
        ] {
            #expect(chinese.stderr.contains(needle), "lacks \(needle):\n\(chinese.stderr)")
        }
    }

    /// The runner's messages (crash, protocol error, timeout, a failed start) read in Chinese in the text report and on
    /// standard error, while the JSON report keeps them in English, word for word as before.
    @Test func theRunnersMessagesSpeakChineseToPeopleAndStayEnglishInJSON() throws {
        let adapter = TestSupport.repo.appendingPathComponent("Tests/YibaoConformanceTests/Fixtures/impl/adapter.py").path
        let id = "lu-2020-47-1-in-scope"
        let cases: [(mode: String, chinese: String, english: String)] = [
            ("crash-on", "被测实现在处理本条向量时以状态码 3 退出", "the implementation exited with status 3 while working on this vector"),
            ("garbage-on", "被测实现输出了一行不是 JSON 的内容：", "the implementation wrote a line that is not JSON: "),
            ("hang-on", "0.5 s 内没有回应；被测实现已被终止并重新启动", "no answer within 0.5 s; the implementation was killed and restarted"),
        ]
        for c in cases {
            let arguments = [
                "run", "--vectors", TestSupport.vectors, "--only", id, "--timeout", "0.5", "--impl", "python3 \(adapter) \(c.mode) \(id)",
            ]
            let text = try TestSupport.run(TestSupport.yibao, arguments, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(text.status == 1)
            #expect(text.stdout.contains(c.chinese), "\(c.mode):\n\(text.stdout)")
            #expect(!text.stdout.contains(c.english))
            let json = try TestSupport.run(TestSupport.yibao, arguments + ["--format", "json"], environment: ["LANG": "zh_CN.UTF-8"])
            #expect(json.stdout.contains(c.english), "\(c.mode):\n\(json.stdout.prefix(3000))")
            #expect(!json.stdout.contains(c.chinese))
        }
        let start = try TestSupport.run(
            TestSupport.yibao,
            ["run", "--vectors", TestSupport.vectors, "--only", id, "--impl", "python3 \(adapter) wrong-protocol"],
            environment: ["LANG": "zh_CN.UTF-8"])
        #expect(start.status == 2)
        #expect(start.stderr.contains("使用的协议是 \"other-protocol/2\"，而不是 yibao-conformance/1"), "\(start.stderr)")
    }

    /// A stored message is said again with its arguments, nested ones too; an implementation's own words inside one
    /// are left as they are, even when they look like a message; text from no template comes back unchanged.
    @Test func relocalizingKeepsArgumentsAndLeavesAnImplementationsWordsAlone() {
        let exited = Messages.text("runner.exited", language: .en, 1)
        let ended = Messages.text("runner.endedBeforeHello", language: .en, exited)
        let start = Messages.text("runner.withStderr", language: .en, ended, "  | Cannot find module 'x': no such file")
        let givenUp = Messages.text("runner.givenUpLast", language: .en, 3, start)
        #expect(givenUp.hasPrefix("not run: the implementation was given up after 3 consecutive"))
        #expect(
            Messages.relocalize(givenUp, language: .zh, depth: 0)
                == "未运行：被测实现连续 3 次启动均无任何回应，已放弃（最后一次：在回应握手（hello）之前已结束：以状态码 1 退出；其标准错误输出的最后几行：\n  | Cannot find module 'x': no such file）"
        )
        let judged = Messages.text(
            "judge.otherError", language: .en, "out-of-scope", "invalid-input", "the implementation answered this vector twice")
        #expect(
            Messages.relocalize(judged, language: .zh, depth: 0)
                == "期望错误 out-of-scope，实际为错误 invalid-input：the implementation answered this vector twice")
        #expect(Messages.relocalize("KeyError: 'insurance'", language: .zh, depth: 0) == "KeyError: 'insurance'")
        #expect(Messages.relocalize(givenUp, language: .en, depth: 0) == givenUp)
    }

    /// `show` (a vector, a clause), `changelog` and `--version` read in Chinese; the data they show (ids, JSON, the
    /// notices' text, the changelog's reasons) stays as it is written.
    @Test func showChangelogAndVersionSpeakChinese() throws {
        let zh = ["LANG": "zh_CN.UTF-8"]
        let vector = try TestSupport.run(
            TestSupport.yibao, ["show", "--vectors", TestSupport.vectors, "lu-2020-47-1-cross-province"], environment: zh)
        #expect(vector.status == 0)
        for needle in [
            "向量 lu-2020-47-1-cross-province（scope.transfer）", "  位置：", "  标题：", "  输入：{\"insurance\":\"employee\"",
            "  期望：{\"inScope\":false}", "  推理：", "  LU-2020-47/1：本通知所指", "  运行：yibao run --only lu-2020-47-1-cross-province",
        ] {
            #expect(vector.stdout.contains(needle), "lacks \(needle):\n\(vector.stdout)")
        }
        let clause = try TestSupport.run(TestSupport.yibao, ["show", "--vectors", TestSupport.vectors, "LU-2021-54/2c"], environment: zh)
        for needle in [
            "条款 LU-2021-54/2c（规范性，LU-2021-54）", "  原文：", "  摘要：", "待遇享受等待期", "  施行期间：2022-05-01..", " 条向量：",
            "  运行：yibao run --filter LU-2021-54/2c",
        ] {
            #expect(clause.stdout.contains(needle), "lacks \(needle):\n\(clause.stdout)")
        }
        let missing = try TestSupport.run(TestSupport.yibao, ["show", "--vectors", TestSupport.vectors, "LU-2020-47/99"], environment: zh)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("既不是") && missing.stderr.contains("是否要找：LU-2020-47/1"), "\(missing.stderr)")
        let changelog = try TestSupport.run(TestSupport.yibao, ["changelog", "--vectors", TestSupport.vectors], environment: zh)
        #expect(changelog.status == 0)
        #expect(changelog.stdout.hasPrefix("测试套件 "), "\(changelog.stdout.prefix(300))")
        #expect(changelog.stdout.contains(#/\n  新增（\d+）：\n/#))
        #expect(!changelog.stdout.contains("added ("))
        let version = try TestSupport.run(TestSupport.yibao, ["--version", "--vectors", TestSupport.vectors], environment: zh)
        let versionCwd = try TestSupport.run(TestSupport.yibao, ["--version"], directory: TestSupport.repo, environment: zh)
        #expect(versionCwd.stdout.contains(#/测试套件 .*：版本 \d+\.\d+\.\d+，\d+ 条向量，\d+ 条条款，sha256:/#), "\(versionCwd.stdout) \(version.stderr)")
    }

    /// verify's and coverage's problems read in Chinese after verify's unchanged `error:` prefix.
    @Test func verifyAndCoverageProblemsSpeakChinese() throws {
        let zh = ["LANG": "zh_CN.UTF-8"]
        let verify = try TestSupport.run(
            TestSupport.yibao, ["verify", "--vectors", TestSupport.vectors, "--min-vectors", "1000"], environment: zh)
        #expect(verify.status == 1)
        #expect(verify.stderr.contains(#/error: 条款 LU-2020-47/1 只有 \d+ 条向量，少于 1000 条/#), "\(verify.stderr.prefix(2000))")
        #expect(verify.stderr.contains(#/verify：未通过（\d+ 个问题）/#))
        let coverage = try TestSupport.run(
            TestSupport.yibao, ["coverage", "--vectors", TestSupport.vectors, "--fail-under", "101"], environment: zh)
        #expect(coverage.status == 1)
        #expect(coverage.stderr.contains("覆盖率 100.0% 低于 --fail-under 101.0%"), "\(coverage.stderr)")
    }

    /// The code paths converted to the catalogue hold no English a person reads: no string literal of two English
    /// words or more (once interpolations, HTML tags and the allowed names below are taken out), and no `help:` given
    /// as a literal. Machine words (JSON keys, statuses, option names, XML) are single words or tags and pass.
    @Test func noUserFacingEnglishLiteralIsLeftInTheConvertedCode() throws {
        let files = [
            "yibao/Show.swift", "yibao/ChangelogCommand.swift", "yibao/SuiteOptions.swift", "yibao/Yibao.swift", "yibao/Run.swift",
            "yibao/RunSupport.swift", "yibao/Lint.swift", "yibao/Verify.swift", "yibao/CoverageCommand.swift", "yibao/Certify.swift",
            "yibao/New.swift", "yibao/Compare.swift", "yibao/ReportSink.swift", "YibaoReports/CompareReport.swift",
            "yibao/Fuzz.swift", "YibaoFuzz/FuzzReport+Text.swift", "YibaoFuzz/FuzzReport+Markup.swift", "YibaoFuzz/Finding+Scaffold.swift",
            "YibaoFuzz/Finding.swift",
            "YibaoReports/TextReport.swift", "YibaoReports/MarkdownReport.swift",
            "YibaoReports/HTMLReport.swift", "YibaoReports/JUnitReport.swift", "YibaoReports/Markup.swift",
            "YibaoRun/Implementations/ExternalRunner+Worker.swift", "YibaoRun/Implementations/ExternalRunner.swift",
            "YibaoRun/Implementations/ChildProcess.swift", "YibaoRun/Run/VectorResult.swift", "YibaoRun/Run/ExpectedFailures.swift",
            "YibaoSuite/Suite/NodeReader.swift", "YibaoSuite/Suite/Suite+Loading.swift", "YibaoSuite/Suite/FieldType+Checking.swift",
            "YibaoSuite/Suite/Changelog.swift", "YibaoSuite/Catalog/Catalog+Loading.swift", "YibaoSuite/Catalog/Parameters+Loading.swift",
            "YibaoSuite/Strength/EquivalentMutant.swift", "YibaoSuite/Support/Diagnostic.swift",
        ]
        // Names, not prose: the CJK font stack, the rerun command, the XML declaration.
        let allowed = [
            "Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans", "Source Han Sans", "PingFang SC", "Hiragino Sans",
            "Microsoft YaHei", "WenQuanYi", "Segoe UI", "DejaVu Sans",
            "yibao run", "yibao certify", "yibao compare", "yibao fuzz", "xml version",
        ]
        let literal = try Regex(#""((?:[^"\\\n]|\\.)*)""#)
        let prose = try Regex(#"[A-Za-z]{2,} [A-Za-z]{2,}"#)
        var found: [String] = []
        var helpFiles = try FileManager.default.contentsOfDirectory(atPath: TestSupport.repo.appendingPathComponent("Sources/yibao").path)
            .map { "yibao/" + $0 }
        helpFiles.removeAll { !$0.hasSuffix(".swift") }
        for file in Set(files + helpFiles).sorted() {
            let text = try String(contentsOf: TestSupport.repo.appendingPathComponent("Sources/" + file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                if code.contains("help: \"") { found.append("\(file):\(number + 1): help given as a literal") }
                guard files.contains(file) else { continue }
                for match in line.matches(of: literal) {
                    var words = String(match.output[1].substring ?? "")
                    words = words.replacing(#/\\\([^)]*\)?/#, with: " ").replacing(#/<[^>]*(?:>|$)/#, with: " ")
                    for name in allowed { words = words.replacingOccurrences(of: name, with: " ") }
                    if words.contains(prose) { found.append("\(file):\(number + 1): \(match.output[1].substring ?? "")") }
                }
            }
        }
        #expect(found == [], "English left in code a person reads:\n\(found.joined(separator: "\n"))")
    }

    /// JSON is read by programs: it does not change with the language (but for the run's date and time).
    @Test func machineReadOutputDoesNotChangeWithTheLanguage() throws {
        let arguments = ["run", "--vectors", TestSupport.vectors, "--filter", "LU-2021-54/1", "--format", "json"]
        let english = try TestSupport.run(TestSupport.yibao, arguments + ["--lang", "en"])
        let chinese = try TestSupport.run(TestSupport.yibao, arguments + ["--lang", "zh"])
        let timeless = try Regex(#"("date":"[^"]*"|"seconds":[0-9.e+-]+)"#)
        #expect(english.stdout.replacing(timeless, with: "") == chinese.stdout.replacing(timeless, with: ""))
        #expect(!english.stdout.isEmpty)
    }

    /// JUnit keeps its elements, attribute names, counts and failure types in both languages; only the text a person
    /// reads (the failure's body and message) speaks Chinese. Run on a suite with a vector wrong on purpose, so that
    /// there is such text.
    @Test func junitKeepsItsShapeAndSpeaksChineseInItsText() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["run", "--vectors", root.appendingPathComponent("vectors").path, "--only", "zz-broken", "--format", "junit"]
        let english = try TestSupport.run(TestSupport.yibao, arguments + ["--lang", "en"])
        let chinese = try TestSupport.run(TestSupport.yibao, arguments + ["--lang", "zh"])
        #expect(english.status == 1 && chinese.status == 1, "\(english.stderr)")
        // Element names, attribute names and every attribute but the human message, in order.
        let shape = try Regex(#"<(/?[a-z]+)|\s([a-z.]+)="(?:[^"]*)""#)
        func skeleton(_ xml: String) -> [String] { xml.matches(of: shape).map { String(xml[$0.range]).replacing(#/="[^"]*"/#, with: "") } }
        let kept = try Regex(#"(type|tests|failures|errors|skipped|classname|name|file|line)="[^"]*""#)
        func values(_ xml: String) -> [String] { xml.matches(of: kept).map { String(xml[$0.range]) } }
        #expect(skeleton(english.stdout) == skeleton(chinese.stdout))
        #expect(values(english.stdout) == values(chinese.stdout))
        #expect(english.stdout.contains("<failure") && english.stdout.contains("input sent:"), "\(english.stdout.prefix(2000))")
        #expect(chinese.stdout.contains("<failure") && chinese.stdout.contains("发送的输入："), "\(chinese.stdout.prefix(2000))")
    }

    /// Every document and clause of the catalog has its summary in Chinese beside the English; lint refuses a catalog
    /// entry without one, or with one that holds no Chinese (an English summary copied over), at its line.
    @Test func theCatalogHasChineseSummariesAndLintRequiresThem() throws {
        let (suite, diagnostics) = Suite.load(root: TestSupport.vectors)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let han = { (s: String) in s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        #expect(suite.catalog.clauses.count >= 58 && suite.catalog.clauses.allSatisfy { han($0.summaryZh) })
        #expect(suite.catalog.documents.allSatisfy { han($0.summaryZh) })
        #expect(suite.catalog["LU-2021-54/2c"]?.summary(in: .zh).contains("待遇享受等待期") == true)

        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("vectors/catalog/LU-2021-54.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let missing = try #require(lines.firstIndex { $0.hasPrefix("    summaryZh:") })
        lines.remove(at: missing)
        let english = try #require(lines.firstIndex { $0.hasPrefix("    summaryZh:") })
        lines[english] = "    summaryZh: \"Interruption of contributions (2a-2c).\""
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let lint = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", root.appendingPathComponent("vectors").path])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains(#/LU-2021-54\.yaml:\d+:\d+: error: clause is missing required key "summaryZh"/#), "\(lint.stderr)")
        #expect(
            lint.stderr.contains("LU-2021-54.yaml:\(english + 1):16: error: summaryZh of clause LU-2021-54/2 must be Chinese"),
            "\(lint.stderr)")
    }

    @Test func clausesAndShowGiveTheChineseSummaryInChinese() throws {
        let zh = try TestSupport.run(TestSupport.yibao, ["clauses", "--vectors", TestSupport.vectors, "--lang", "zh"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("LU-2021-54/2c  [已覆盖，"), "\(zh.stdout.prefix(3000))")
        #expect(zh.stdout.contains("设置3个月待遇享受等待期"))
        let en = try TestSupport.run(TestSupport.yibao, ["clauses", "--vectors", TestSupport.vectors, "--lang", "en"])
        #expect(en.stdout.contains("an interruption of more than 3 months gives a 3-month waiting period"))
        #expect(!en.stdout.contains("待遇享受等待期（含缴费当月）"))
        let json = try TestSupport.run(
            TestSupport.yibao, ["clauses", "--vectors", TestSupport.vectors, "--format", "json", "--lang", "zh"])
        #expect(json.stdout.contains(#""summaryZh":"灵活就业人员中断缴费参照2a、2b执行"#))
        let show = try TestSupport.run(TestSupport.yibao, ["show", "LU-2021-54/2c", "--vectors", TestSupport.vectors, "--lang", "zh"])
        #expect(show.stdout.contains("灵活就业人员中断缴费参照2a、2b执行"), "\(show.stdout)")
    }

    /// A failure card reads in Chinese in the text, Markdown and HTML reports: its fixed words come from the
    /// catalogue, the diff's field path and values and the clause's verbatim text stay as they are.
    @Test func aFailureCardSpeaksChineseInEveryHumanFormat() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["run", "--vectors", root.appendingPathComponent("vectors").path, "--only", "zz-broken", "--lang", "zh"]
        let text = try TestSupport.run(TestSupport.yibao, arguments)
        #expect(text.status == 1)
        for needle in [
            "失败 zz-broken", "benefitsFrom：期望 \"2022-06\"，实际 \"2022-07\"", "发送的输入：{", "推理：LU-2021-54/1 gives",
            "参考实现的追踪：LU-2021-54/1", "单独重跑：yibao run --only zz-broken", "1 条向量：0 通过，1 失败",
        ] {
            #expect(text.stdout.contains(needle), "text lacks \(needle):\n\(text.stdout)")
        }
        #expect(!text.stdout.contains("input sent") && !text.stdout.contains("FAIL "))
        let markdown = try TestSupport.run(TestSupport.yibao, arguments + ["--format", "markdown"]).stdout
        for needle in [
            "## yibao：", "— 未通过", "| 合计 | 通过 | 失败 |", "### 未通过：1 条向量", "| 向量 | 状态 | 条款 | 位置 | 信息 |",
            "| zz-broken | 失败 |", "发送的输入：", "| 条款 | 状态 | 向量 | 通过 |", "条规范性条款已覆盖",
        ] {
            #expect(markdown.contains(needle), "Markdown lacks \(needle)")
        }
        #expect(!markdown.contains("normative clauses") && !markdown.contains("Not passing"))
        let html = try TestSupport.run(TestSupport.yibao, arguments + ["--format", "html"]).stdout
        #expect(html.contains("<dt>发送的输入</dt>") && html.contains("<th>期望</th>") && html.contains("lang=\"zh-CN\""))
        #expect(html.contains("灵活就业人员中断缴费参照2a、2b执行"))
        // The card's clause summary too is the Chinese one.
        #expect(!html.contains("Employees get benefits from the month after their first contribution"))
    }
}
