import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// Issue 10: hostile implementations and hostile output paths against the real `yibao` binary, over real pipes and
/// real files. Each test is named after the attack it reproduces; each failed before its fix.
@Suite(.serialized) struct AttackTests {
    static let hostile = TestSupport.fixtures.appendingPathComponent("impl/hostile.py").path

    struct Suite {
        let root: URL
        var vectors: String { root.appendingPathComponent("vectors").path }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// The 40 scope.transfer vectors of ExternalRunnerTests.
    static func suite() throws -> Suite { Suite(root: try ExternalRunnerTests.makeSuite()) }

    /// `yibao run` (or another command) against the hostile adapter in `mode`.
    static func run(_ suite: Suite, _ mode: String, _ arg: String = "", _ extra: [String] = [], command: String = "run") throws
        -> TestSupport.Output
    {
        try TestSupport.run(
            TestSupport.yibao, [command, "--vectors", suite.vectors, "--impl", "python3 \(hostile) \(mode) \(arg)"] + extra)
    }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("yibao-attack-\(UUID().uuidString)-\(name)")
    }

    // MARK: 1. Descriptors

    @Test func anAdapterListingProcSelfFdSeesOnlyZeroOneTwo() throws {
        let suite = try Self.suite()
        defer { suite.remove() }
        for jobs in ["1", "3"] {
            let out = try Self.run(suite, "fds", "", ["--format", "json", "--jobs", jobs])
            let report = try JSON.parse(out.stdout)
            // The name lists what it inherited beyond 0, 1 and 2: the results spool, other workers' pipes, …
            #expect(report["implementation"]?["name"] == .string("fds:"), "--jobs \(jobs): \(out.stdout.prefix(300))")
        }
    }

    @Test func aSpoolRewrittenBehindTheLogsBackIsNeverReported() throws {
        let vector = try #require(ReportFixture.report.results.first { _ in true }).vector
        let log = ResultLog(count: 1)
        log.record(0, VectorResult(vector: vector, status: .fail, message: "the real verdict"))
        // Another process with the spool open writes a passing line over it (here: through /proc/self/fd).
        let fd = try #require(
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").first { name in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)"))?.contains("yibao-results-") == true
            })
        log.flushPending()
        let forged = try #require(log.line(0)).map { $0 == UInt8(ascii: "f") ? UInt8(ascii: "p") : $0 }
        let handle = try #require(FileHandle(forUpdatingAtPath: "/proc/self/fd/\(fd)"))
        try handle.seek(toOffset: 0)
        handle.write(Data(forged))
        try handle.close()
        #expect(log.line(0) == nil)
        #expect(log.result(0) == nil)
    }

    // MARK: 2. --output

    @Test func outputToADirectoryIsRefusedBeforeTheRun() throws {
        let folder = Self.temporary("dir")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--output", folder.path])
        #expect(out.status != 0 && out.status != 1)
        #expect(out.stderr.contains("is a directory"), "\(out.stderr)")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func outputToAFIFOIsWrittenThroughNotReplaced() throws {
        let fifo = Self.temporary("fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        // Opened before yibao starts, without blocking; read until yibao has ended and nothing is left (a regression
        // that renames over the FIFO must fail the test, not hang it).
        let fd = open(fifo.path, O_RDONLY | O_NONBLOCK)
        #expect(fd >= 0)
        defer { close(fd) }
        nonisolated(unsafe) var received: [UInt8] = []
        nonisolated(unsafe) var finished = false
        let lock = NSLock()
        let reader = Thread {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(fd, &chunk, chunk.count)
                if n > 0 {
                    received += chunk[..<n]
                    continue
                }
                lock.lock()
                let done = finished
                lock.unlock()
                if done && n == 0 { return }
                usleep(1000)
            }
        }
        reader.start()
        let out = try TestSupport.run(
            TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--format", "json", "--output", fifo.path])
        lock.lock()
        finished = true
        lock.unlock()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(out.status == 0, "\(out.stderr)")
        #expect(String(decoding: received, as: UTF8.self).hasPrefix(#"{"tool""#))
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// `/dev/stdout` is a symlink to `/proc/self/fd/1`: one of our own stands in for it (a regression must not
    /// replace the machine's /dev/stdout when the tests run as root).
    @Test func outputToDevStdoutIsWrittenThroughNotReplaced() throws {
        let link = Self.temporary("stdout")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/proc/self/fd/1")
        defer { try? FileManager.default.removeItem(at: link) }
        let out = try TestSupport.run(
            TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--format", "json", "--output", link.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix(#"{"tool""#))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "/proc/self/fd/1")
    }

    @Test func outputThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws {
        let target = Self.temporary("target.json"), link = Self.temporary("link.json")
        try "old".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        defer {
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.removeItem(at: link)
        }
        let out = try TestSupport.run(
            TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--format", "json", "--output", link.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix(#"{"tool""#))
        #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o640)
    }

    // MARK: 3. Exhausting the runner

    @Test func aHundredThousandKeyAnswerIsJudgedWithinTheTimeout() throws {
        let suite = try Self.suite()
        defer { suite.remove() }
        let start = Date()
        let out = try Self.run(suite, "keys", "100000", ["--filter", "fx-01", "--timeout", "2", "--format", "json"])
        // The duplicate-key check was quadratic: 47 s for this one answer.
        #expect(Date().timeIntervalSince(start) < 15)
        let report = try JSON.parse(out.stdout)
        guard case .array(let results)? = report["results"], let result = results.first else {
            Issue.record("no result")
            return
        }
        #expect(result["status"] == .string("pass"))
        // What is kept of the answer is cut, and says so.
        #expect(JSON.serialize(result).utf8.count < 64 << 10)
        #expect(JSON.serialize(result).contains("more members cut"))
    }

    @Test func sixteenMebibyteAnswersAreKeptCutWithANote() throws {
        let suite = try Self.suite()
        defer { suite.remove() }
        for format in ["json", "markdown", "html", "junit", "text"] {
            // The extra field does not fail the answer (outputs beyond the expected ones are not judged).
            let only = format == "json" ? "fx-0" : "fx-01"
            let out = try Self.run(
                suite, "huge", "\((16 << 20) - 1)", ["--filter", only, "--format", format] + (format == "text" ? ["--verbose"] : []))
            #expect(out.status == 0, "\(format): \(out.stderr)")
            #expect(out.stdout.utf8.count < 1 << 20, "\(format): \(out.stdout.utf8.count) bytes")
            if format == "json" {
                let report = try JSON.parse(out.stdout)
                guard case .array(let results)? = report["results"] else {
                    Issue.record("no results")
                    return
                }
                #expect(results.count == 9)
                for r in results { #expect(JSON.serialize(r).contains("bytes cut"), "\(JSON.serialize(r).prefix(200))") }
            }
        }
    }

    @Test func aLineOverTheCapEndsOnlyItsVector() throws {
        let suite = try Self.suite()
        defer { suite.remove() }
        let out = try Self.run(suite, "huge", "\((16 << 20) + 1)", ["--filter", "fx-0", "--format", "json"])
        let report = try JSON.parse(out.stdout)
        guard case .array(let results)? = report["results"] else {
            Issue.record("no results")
            return
        }
        #expect(results.count == 9)
        for r in results {
            #expect(r["status"] == .string("error"))
            if case .string(let message)? = r["message"] { #expect(message.contains("over the 16 MiB limit")) }
        }
    }

    @Test func capsCutOnACharacterBoundaryAndSaySo() {
        #expect(Caps.text("短", 2) == "… 3 bytes cut")
        #expect(Caps.text("ab短", 4) == "ab… 3 bytes cut")
        #expect(Caps.text("abc", 3) == "abc")
        var budget = 10
        let cut = Caps.value(.array((0..<100).map { .number(String($0)) }), budget: &budget)
        guard case .array(let items) = cut else {
            Issue.record("not an array")
            return
        }
        #expect(items.last == .string("… 90 more items cut"))
    }

    // MARK: 4. Suite files that are not regular files inside the suite

    /// A suite with one extra entry made by `plant` in its vectors folder; lint, run and verify must each end promptly
    /// with a located error naming it, and never read through it.
    func expectRefused(_ name: String, _ message: String, plant: (URL) throws -> Void) throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let entry = root.appendingPathComponent("vectors/\(name)")
        try plant(entry)
        for command in ["lint", "run", "verify"] {
            let start = Date()
            let out = try TestSupport.run(
                "/usr/bin/timeout", ["60", TestSupport.yibao, command, "--vectors", root.appendingPathComponent("vectors").path])
            #expect(Date().timeIntervalSince(start) < 30, "\(command) took too long")
            #expect(out.status != 0 && out.status != 124, "\(command): \(out.status)")
            #expect(out.stderr.contains("vectors/\(name):0:0: error: \(message), not read"), "\(command): \(out.stderr.prefix(500))")
        }
    }

    @Test func aVectorFileLinkedToDevZeroIsRefusedNotRead() throws {
        try expectRefused("zero.yaml", "a symbolic link") {
            try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/dev/zero")
        }
    }

    @Test func aVectorFileLinkedOutsideTheSuiteIsRefusedNotEchoed() throws {
        let outside = Self.temporary("secret.yaml")
        try "secret-key-one: 1\nsecret-key-two: 2\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try expectRefused("outside.yaml", "a symbolic link") {
            try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: outside)
        }
    }

    @Test func aFolderLinkedOutsideTheSuiteIsRefused() throws {
        let outside = Self.temporary("folder")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "operation: scope.transfer\n".write(to: outside.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try expectRefused("linked", "a symbolic link") { try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: outside) }
    }

    @Test func aFIFONamedLikeAVectorFileIsNeverOpened() throws {
        // Opening a FIFO for reading blocks until a writer comes: none ever does.
        try expectRefused("fifo.yaml", "a FIFO") { #expect(mkfifo($0.path, 0o600) == 0) }
    }

    @Test func aVectorFileOverTheSizeCapIsRefusedUnread() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // A sparse file of 65 MiB: reading it would take 65 MiB of memory for nothing.
        let file = root.appendingPathComponent("vectors/big.yaml")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data("vectors:\n".utf8)))
        #expect(truncate(file.path, 65 << 20) == 0)
        let out = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", root.appendingPathComponent("vectors").path])
        #expect(out.status != 0)
        #expect(
            out.stderr.contains("vectors/big.yaml:0:0: error: the file is 68157440 bytes, over the 64 MiB limit"),
            "\(out.stderr.prefix(500))")
    }

    // MARK: 5. Terminal escapes

    static let fakeSummary = "\u{1B}[2K\r\u{1B}[1A\u{1B}[32m663 passed\u{1B}[0m\u{9B}2J\u{202E}"

    func expectNoControls(_ text: String, _ what: String) {
        #expect(!text.unicodeScalars.contains { UntrustedText.isControl($0) && $0 != "\n" }, "\(what) holds control characters")
    }

    @Test func anAdapterNameWithEscapesCannotEraseLinesOrFakeASummary() throws {
        let suite = try Self.suite()
        defer { suite.remove() }
        let file = Self.temporary("name")
        try Self.fakeSummary.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Self.run(suite, "name", file.path)
        #expect(run.status == 0)
        expectNoControls(run.stdout, "run's text report")
        #expect(run.stdout.contains("\\x1B[2K\\r\\x1B[1A"))
        let folder = Self.temporary("cert")
        defer { try? FileManager.default.removeItem(at: folder) }
        let certify = try Self.run(suite, "name", file.path, ["--output", folder.path], command: "certify")
        expectNoControls(certify.stdout, "certify's summary")
        #expect(certify.stdout.contains("\\x9B2J\\u{202E}"))
    }

    @Test func anAdapterMessageWithEscapesIsShownVisibly() throws {
        let suite = try Self.suite()
        defer { suite.remove() }
        let file = Self.temporary("message")
        try ("line one\n" + Self.fakeSummary).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Self.run(suite, "message", file.path, ["--filter", "fx-0"])
        #expect(run.status == 1)
        expectNoControls(run.stdout, "run's text report")
        #expect(run.stdout.contains("line one\\n\\x1B[2K"))
    }

    /// An adapter that fails its start shows its first line (not a hello) or its standard error on yibao's standard
    /// error: every command that starts it shows them visibly (hostile.py's `nohello` and `stderr-exit`).
    @Test(arguments: ["run", "certify", "fuzz"], ["nohello", "stderr-exit"])
    func aStartFailuresAdapterTextIsShownVisibly(command: String, mode: String) throws {
        let suite = try Self.suite()
        defer { suite.remove() }
        let folder = Self.temporary("cert")
        defer { try? FileManager.default.removeItem(at: folder) }
        let extra = command == "certify" ? ["--output", folder.path] : command == "fuzz" ? ["--count", "10"] : []
        let out = try Self.run(suite, mode, "", extra, command: command)
        #expect(out.status == 2, "\(command) \(mode): exit \(out.status): \(out.stderr)")
        expectNoControls(out.stderr, "\(command)'s start failure")
        let shown = "\\x1B[2J\\x1B[31mNOT-A-HELLO\\x1B]0;title\\x07\\r\\x9B2J\\u{202E}"
        #expect(out.stderr.contains(mode == "nohello" ? "did not answer with a hello: " + shown : "  | " + shown), "\(out.stderr)")
    }

    @Test func lintRefusesControlCharactersInTitlesAndWhys() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        operation: scope.transfer
        clauses: [LU-2020-47/1]
        vectors:
          - id: esc-title
            title: "标题\\e[2K"
            why: LU-2020-47/1 → in scope
            input: {insurance: employee, reachedRetirementAge: false, crossArea: true, crossProvince: false}
            expected: {inScope: true}
          - id: two-line-title
            title: "第一行\\n第二行"
            why: LU-2020-47/1 → in scope
            input: {insurance: employee, reachedRetirementAge: false, crossArea: true, crossProvince: false}
            expected: {inScope: true}
          - id: bell-why
            title: 响铃
            why: "LU-2020-47/1 → in scope\\a"
            input: {insurance: employee, reachedRetirementAge: false, crossArea: true, crossProvince: false}
            expected: {inScope: true}
        """.write(to: root.appendingPathComponent("vectors/esc.yaml"), atomically: true, encoding: .utf8)
        let out = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", root.appendingPathComponent("vectors").path])
        #expect(out.status == 1)
        expectNoControls(out.stderr, "lint's diagnostics")
        #expect(
            out.stderr.contains("esc.yaml:5:12: error: title must be one line without control characters (found \\x1B)"), "\(out.stderr)")
        #expect(out.stderr.contains("esc.yaml:10:12: error: title must be one line without control characters (found \\n)"))
        #expect(
            out.stderr.contains("esc.yaml:16:10: error: why must not hold control characters other than newlines and tabs (found \\x07)"))
    }

    // MARK: 11. Path traversal through the catalog

    /// Item 6 of the trust work: the catalog's `notice:` path (the notice's text, read by tools and tests) climbed out of
    /// the checkout. It is a relative path of plain names, or a located lint error.
    @Test(arguments: ["../../../etc/passwd", "/etc/passwd", "docs/../../x.txt", "docs//x.txt", "docs/notices/x y.txt"])
    func aNoticePathThatLeavesTheSuiteIsALocatedLintError(path: String) throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors")
        let catalog = vectors.appendingPathComponent("catalog/LU-2021-54.yaml")
        let text = try String(contentsOf: catalog, encoding: .utf8)
        try text.replacingOccurrences(of: "notice: docs/notices/LU-2021-54.txt", with: "notice: \"\(path)\"")
            .write(to: catalog, atomically: true, encoding: .utf8)
        let lint = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors.path])
        #expect(lint.status == 1, "\(lint.stderr)")
        #expect(lint.stderr.contains("catalog/LU-2021-54.yaml:8:11: error: notice "), "\(lint.stderr)")
        #expect(lint.stderr.contains("must be a relative path inside the suite's checkout"))
    }

    @Test func aDocumentIDThatClimbsOutOfTheSuiteIsRefusedAndNewWritesNothing() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors")
        try """
        document:
          id: ../../../escaped
          number: 假的
          title: 假的通知
          issuer: [某局]
          notice: docs/notices/x.txt
          summary: a document whose id climbs out of the suite
          summaryZh: 编号越出测试套件的文件
          effective: {from: 2022-05-01}
        clauses:
          - id: ../../../escaped/1
            parent: ../../../escaped
            kind: normative
            summary: anything
            summaryZh: 任何内容
            text: 任何内容
            effective: {from: 2022-05-01}
        """.write(to: vectors.appendingPathComponent("catalog/escaped.yaml"), atomically: true, encoding: .utf8)
        let lint = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors.path])
        #expect(lint.status != 0)
        #expect(
            lint.stderr.contains("catalog/escaped.yaml:2:7: error: document id \"../../../escaped\" must be capital letters"),
            "\(lint.stderr)")
        let new = try TestSupport.run(
            TestSupport.yibao,
            [
                "new", "--vectors", vectors.path, "--clause", "../../../escaped/1",
                "--operation", "scope.transfer",
            ], directory: root)
        #expect(new.status != 0)
        // Nothing was written anywhere above the suite.
        for up in 0...3 {
            var folder = vectors
            for _ in 0..<up { folder.deleteLastPathComponent() }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escaped").path))
        }
    }

    // MARK: 12. Standard output

    @Test(arguments: [["clauses"], ["run", "--format", "json"], ["run", "--format", "markdown"]])
    func aFullStandardOutputExitsTwo(_ command: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.yibao)
        process.arguments = command + ["--vectors", TestSupport.vectors]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(command): \(message)")
        #expect(message.contains("No space left on device"))
    }
}

/// Defect 10: `yibao new` truncated a UTF-16 vector file to its scaffold, rewrote a read-only file as 0644 and replaced
/// a symlink with a regular file. It refuses what it cannot edit safely and appends in place, losing no byte.
@Suite(.serialized) struct NewFileSafetyTests {
    /// A suite with one scaffold already written for LU-2021-54/2c, and the scaffold's path.
    static func suiteWithScaffold() throws -> (root: URL, vectors: String, file: URL) {
        let root = try TestSupport.makeSuite()
        let vectors = root.appendingPathComponent("vectors").path
        let out = try TestSupport.run(TestSupport.yibao, ["new", "--vectors", vectors, "--clause", "LU-2021-54/2c"])
        #expect(out.status == 0, "\(out.stderr)")
        return (root, vectors, root.appendingPathComponent("vectors/LU-2021-54/new-employee-interruption.yaml"))
    }

    static func new(_ vectors: String) throws -> TestSupport.Output {
        try TestSupport.run(TestSupport.yibao, ["new", "--vectors", vectors, "--clause", "LU-2021-54/2c"])
    }

    @Test func aUTF16VectorFileIsRefusedAndKeepsEveryByte() throws {
        let (root, vectors, file) = try Self.suiteWithScaffold()
        defer { try? FileManager.default.removeItem(at: root) }
        let utf16 = try #require(try String(contentsOf: file, encoding: .utf8).data(using: .utf16))
        try utf16.write(to: file)
        let out = try Self.new(vectors)
        #expect(out.status == 2)
        #expect(out.stderr.contains("not UTF-8"), "\(out.stderr)")
        #expect(try Data(contentsOf: file) == utf16)
    }

    @Test func aReadOnlyVectorFileIsRefusedAndKeepsItsMode() throws {
        let (root, vectors, file) = try Self.suiteWithScaffold()
        defer { try? FileManager.default.removeItem(at: root) }
        chmod(file.path, 0o444)
        let before = try Data(contentsOf: file)
        let out = try Self.new(vectors)  // as root too: the mode says read-only
        #expect(out.status == 2)
        #expect(out.stderr.contains("read-only"), "\(out.stderr)")
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o444)
    }

    @Test func aSymlinkedVectorFileIsRefusedAndStaysALink() throws {
        let (root, vectors, file) = try Self.suiteWithScaffold()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("elsewhere.yaml")
        try FileManager.default.moveItem(at: file, to: target)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
        let before = try Data(contentsOf: target)
        let out = try Self.new(vectors)
        #expect(out.status == 2)
        #expect(out.stderr.contains("symbolic link"), "\(out.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: file.path) == target.path)
        #expect(try Data(contentsOf: target) == before)
    }

    /// A writable file gets the new scaffold appended in place: same inode, same mode (0600 stays 0600), every byte
    /// it had still first.
    @Test func aScaffoldIsAppendedInPlaceKeepingTheModeAndEveryByte() throws {
        let (root, vectors, file) = try Self.suiteWithScaffold()
        defer { try? FileManager.default.removeItem(at: root) }
        chmod(file.path, 0o600)
        let before = try Data(contentsOf: file)
        var info = stat()
        stat(file.path, &info)
        let inode = info.st_ino
        let out = try Self.new(vectors)
        #expect(out.status == 0, "\(out.stderr)")
        let after = try Data(contentsOf: file)
        #expect(after.starts(with: before) && after.count > before.count)
        #expect(String(decoding: after, as: UTF8.self).contains("id: lu-2021-54-2c-new-2"))
        stat(file.path, &info)
        #expect(info.st_ino == inode)
        #expect(info.st_mode & 0o777 == 0o600)
    }
}
