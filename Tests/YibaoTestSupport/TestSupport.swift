import Foundation

/// Paths and helpers shared by the test targets: the repository, the built `yibao`, real files, real child processes.
/// A plain target (no Swift Testing), so every test target can depend on it instead of keeping its own copy.
public enum TestSupport {
    /// The repository root (this file is Tests/YibaoTestSupport/TestSupport.swift).
    public static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let vectors = repo.appendingPathComponent("vectors").path
    /// Adapters and vector files the conformance and CLI tests share.
    public static let fixtures = repo.appendingPathComponent("Tests/YibaoConformanceTests/Fixtures")

    /// The built `yibao` executable: beside the test bundle (swift build/test put every product in one folder).
    public static var yibao: String {
        if let explicit = ProcessInfo.processInfo.environment["YIBAO_BIN"] { return explicit }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the runner is <products>/<Package>PackageTests.xctest; on macOS inside a bundle.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("yibao").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return repo.appendingPathComponent(".build/debug/yibao").path
    }

    /// A fresh temporary folder laid out like the repository: `vectors/catalog` (a copy of the real catalog) and
    /// `docs/interpretations.md`; `withVectors` also copies the real vector files.
    public static func makeSuite(withVectors: Bool = false) throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("yibao-test-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try fm.copyItem(
            at: repo.appendingPathComponent("docs/interpretations.md"), to: root.appendingPathComponent("docs/interpretations.md"))
        if withVectors {
            try fm.copyItem(at: repo.appendingPathComponent("vectors"), to: root.appendingPathComponent("vectors"))
        } else {
            try fm.createDirectory(at: root.appendingPathComponent("vectors"), withIntermediateDirectories: true)
            try fm.copyItem(at: repo.appendingPathComponent("vectors/catalog"), to: root.appendingPathComponent("vectors/catalog"))
        }
        return root
    }

    /// A copy of the real suite with one more vector, zz-broken, whose expectation is wrong on purpose.
    public static func makeSuiteWithBrokenVector() throws -> URL {
        let root = try makeSuite(withVectors: true)
        try """
        operation: employee.first-enrollment
        clauses: [LU-2021-54/1]
        vectors:
          - id: zz-broken
            title: 故意写错的期望
            why: LU-2021-54/1 gives 2022-07 (the month after 2022-06); this vector claims 2022-06 on purpose
            input: {category: employer, firstContributionMonth: 2022-06}
            expected: {benefitsFrom: 2022-06}
        """.write(to: root.appendingPathComponent("vectors/zz-broken.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs a real child process, feeding `input` to its standard input; waits for it. The child speaks English
    /// whatever the developer's locale (LANG=C.UTF-8, LC_ALL and LC_MESSAGES unset) unless `environment` says otherwise.
    public static func run(
        _ executable: String, _ arguments: [String], input: String = "", directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["LC_ALL"] = nil
        inherited["LC_MESSAGES"] = nil
        inherited["LANG"] = "C.UTF-8"
        process.environment = inherited.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both outputs while the child runs so that neither pipe fills up.
        nonisolated(unsafe) var err = Data()
        let errReader = Thread { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errReader.isExecuting || !errReader.isFinished { Thread.sleep(forTimeInterval: 0.005) }
        return Output(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}

/// A headless Chromium on this machine, if any: `$CHROMIUM`, else `chromium`, `chromium-browser`,
/// `google-chrome-stable` or `google-chrome` on PATH.
public enum Chromium {
    public static let path: String? = {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        let dirs = (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"] {
            for dir in dirs {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()
}
