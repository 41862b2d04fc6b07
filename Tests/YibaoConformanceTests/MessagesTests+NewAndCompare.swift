import Foundation
import Testing
import YibaoTestSupport

@testable import YibaoSuite

/// `yibao new`, `yibao compare` and a report's write errors speak Chinese under a zh locale; what programs read (the
/// scaffold's keys and TODO placeholders, the `file: error:` prefix, exit codes, the HTML classes) stays as it is.
extension MessagesTests {
    @Test func newSpeaksChineseInItsScaffoldAndMessages() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors").path
        let zh = ["LANG": "zh_CN.UTF-8"]
        let out = try TestSupport.run(TestSupport.yibao, ["new", "--vectors", vectors, "--clause", "LU-2021-54/2c"], environment: zh)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains(": 已为 LU-2021-54/2c（employee.interruption）添加向量 lu-2021-54-2c-new-1；请填写各处 TODO"), "\(out.stdout)")
        let file = try #require(out.stdout.components(separatedBy: ": 已为").first)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("    why: TODO — 引用条款中决定本案的原文，并写出计算过程\n"), "\(text)")
        #expect(text.contains("      firstUnpaidMonth: TODO  # 月份（YYYY-MM）（必填）\n"), "\(text)")
        #expect(!text.contains("(required)") && !text.contains("quote the words") && !text.contains("(optional)"))
        // The placeholders are the same TODOs: lint still refuses the scaffold until a person fills it in.
        let lint = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors], environment: zh)
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("\(file):") && lint.stderr.contains("\"TODO\" 不是月份（YYYY-MM）"), "\(lint.stderr)")

        let unknown = try TestSupport.run(TestSupport.yibao, ["new", "--vectors", vectors, "--clause", "LU-2021-54/99"], environment: zh)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("yibao new：未知条款 \"LU-2021-54/99\""), "\(unknown.stderr)")

        // A refusal keeps the `file: error:` prefix and says what is wrong in Chinese.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
        let readOnly = try TestSupport.run(TestSupport.yibao, ["new", "--vectors", vectors, "--clause", "LU-2021-54/2c"], environment: zh)
        #expect(readOnly.status == 2)
        #expect(readOnly.stderr.contains("\(file): error: 它是只读文件；如确需修改，请先设为可写；yibao new 未作任何改动"), "\(readOnly.stderr)")
    }

    /// Two JSON reports of the same small run, the second under another implementation's name.
    static func twoReports(in dir: URL, name: String = "acme") throws -> (String, String) {
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        let run = try TestSupport.run(
            TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--filter", "LU-2021-54/1", "--format", "json", "--output", a])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: a, encoding: .utf8)
        let renamed = text.replacingOccurrences(
            of: #""implementation":{"name":"yibao-reference""#, with: #""implementation":{"name":"\#(name)""#)
        #expect(renamed != text)
        try renamed.write(toFile: b, atomically: true, encoding: .utf8)
        return (a, b)
    }

    @Test func compareSpeaksChineseInEveryFormatAndKeepsTheMachineWords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cmp-zh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = try Self.twoReports(in: dir)
        let zh = ["LANG": "zh_CN.UTF-8"]
        let markdown = try TestSupport.run(TestSupport.yibao, ["compare", a, b, "--format", "markdown"], environment: zh)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let lines = markdown.stdout.split(separator: "\n")
        #expect(lines.first == "| 条款 | yibao-reference | acme |", "\(markdown.stdout)")
        #expect(lines.contains("| LU-2021-54/1 | 已覆盖 | 已覆盖 |"), "\(markdown.stdout)")
        #expect(lines.contains { $0.hasPrefix("| *版本* | ") } && lines.contains { $0.hasPrefix("| *日期* | 20") })
        #expect(lines.contains { $0.hasPrefix("| *测试套件* | ") } && lines.contains { $0.hasPrefix("| **通过** | ") })

        let text = try TestSupport.run(TestSupport.yibao, ["compare", a, b], environment: zh).stdout
        let rows = text.split(separator: "\n").map(String.init)
        #expect(rows.first?.hasPrefix("条款") == true && rows.contains { $0.hasPrefix("LU-2021-54/1") && $0.contains("已覆盖") }, "\(text)")
        // Columns line up in the terminal: 条款 takes four columns, as many as the clause ids' padding allows for.
        let header = try #require(rows.first), row = try #require(rows.first { $0.hasPrefix("LU-2021-54/1 ") })
        let column = { (s: String, needle: String) in
            s[..<s.range(of: needle)!.lowerBound].unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
        }
        #expect(column(header, "yibao-reference") == column(row, "已覆盖"), "\(text)")

        let html = try TestSupport.run(TestSupport.yibao, ["compare", a, b, "--format", "html"], environment: zh).stdout
        #expect(html.contains("<html lang=\"zh-CN\">") && html.contains("<h1>条款 × 被测实现</h1>") && html.contains("Noto Sans CJK SC"))
        #expect(html.contains("<td class=\"covered\">已覆盖</td>"), "\(html.prefix(1500))")

        let english = try TestSupport.run(TestSupport.yibao, ["compare", a, b, "--format", "html"], environment: ["LANG": "C.UTF-8"])
        #expect(english.stdout.contains("<html lang=\"en\">") && english.stdout.contains("<td class=\"covered\">covered</td>"))

        // A refusal: the reports were made with different suites.
        let other = dir.appendingPathComponent("other.json").path
        let original = try String(contentsOfFile: b, encoding: .utf8)
        let digest = try #require(original.range(of: #""digest":"sha256:[0-9a-f]{64}""#, options: .regularExpression))
        try original.replacingCharacters(in: digest, with: "\"digest\":\"sha256:\(String(repeating: "0", count: 64))\"")
            .write(toFile: other, atomically: true, encoding: .utf8)
        let refused = try TestSupport.run(TestSupport.yibao, ["compare", a, other], environment: zh)
        #expect(refused.status == 2 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("这些报告是用不同的测试套件生成的") && refused.stderr.contains("--allow-different-suites"), "\(refused.stderr)")
        #expect(refused.stderr.contains("：测试套件 "))
        let notReport = dir.appendingPathComponent("not.json").path
        try "{\"x\":1}".write(toFile: notReport, atomically: true, encoding: .utf8)
        let bad = try TestSupport.run(TestSupport.yibao, ["compare", a, notReport], environment: zh)
        #expect(bad.status == 2 && bad.stderr.contains("不是 yibao 的 JSON 报告"), "\(bad.stderr)")
    }

    /// A report file is anyone's to write: a clause id or status with terminal escapes in it reached the text matrix
    /// as it was (the Markdown and HTML ones escaped it). Now every cell of the text matrix is shown visibly.
    @Test func compareTextShowsAHostileClauseOrStatusVisibly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cmp-esc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = try Self.twoReports(in: dir)
        let original = try String(contentsOfFile: b, encoding: .utf8)
        let hostile = original.replacingOccurrences(of: #""id":"LU-2021-54/1","#, with: #""id":"LU-\u001b]0;pwned\u0007","#)
            .replacingOccurrences(of: #""status":"covered""#, with: #""status":"\u001b[2Jgone""#)
        #expect(hostile != original)
        try hostile.write(toFile: b, atomically: true, encoding: .utf8)
        for environment in [["LANG": "zh_CN.UTF-8"], ["LANG": "C.UTF-8"]] {
            let out = try TestSupport.run(TestSupport.yibao, ["compare", a, b], environment: environment)
            #expect(out.status == 0, "\(out.stderr)")
            #expect(!out.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(out.stdout.debugDescription)")
            #expect(out.stdout.contains("gone"))
        }
    }

    @Test func aReportThatCannotBeWrittenSaysSoInChinese() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-sink-zh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let zh = ["LANG": "zh_CN.UTF-8"]
        let base = ["run", "--vectors", TestSupport.vectors, "--only", "lu-2020-47-1-in-scope", "--output"]
        let folder = try TestSupport.run(TestSupport.yibao, base + [dir.path], environment: zh)
        #expect(folder.status == 64)
        #expect(folder.stderr.contains("--output: 无法写入 \(dir.path)：它是目录；请给出文件名"), "\(folder.stderr)")
        let missing = dir.appendingPathComponent("nowhere/report.txt").path
        let absent = try TestSupport.run(TestSupport.yibao, base + [missing], environment: zh)
        #expect(absent.status == 64)
        #expect(absent.stderr.contains("目录 \(dir.path)/nowhere 不存在；请先创建"), "\(absent.stderr)")
        let english = try TestSupport.run(TestSupport.yibao, base + [dir.path], environment: ["LANG": "C.UTF-8"])
        #expect(english.stderr.contains("cannot write \(dir.path): it is a directory; give a file name"), "\(english.stderr)")
    }
}
