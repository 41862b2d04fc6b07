import Foundation
import Testing
import YibaoRules
import YibaoRun
import YibaoSuite
import YibaoTestSupport

/// `yibao fuzz` and `yibao certify`'s random section with real child processes over real pipes: the planted-bug
/// adapter (Fixtures/planted-adapter.py: `yibao serve` behind a proxy with one bug) and the clean reference.
struct ExternalFuzzTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let adapter = here.appendingPathComponent("Fixtures/planted-adapter.py").path
    static let vectors = TestSupport.vectors

    /// The built `yibao` executable (TestSupport's lookup, shared by every test target).
    static var yibao: String { TestSupport.yibao }

    /// A path as one word of an --impl command line.
    static func quoted(_ path: String) -> String { "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }

    /// The interpreter itself, not a version manager's shim (a shell script that would start on every restart).
    static let python: String = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        let out = Pipe()
        process.standardOutput = out
        guard (try? process.run()) != nil else { return "python3" }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? "python3" : path
    }()

    static func plantedImpl(_ bug: String) -> String { "\(quoted(python)) \(quoted(adapter)) \(quoted(yibao)) \(bug)" }

    /// Runs `yibao` with `arguments` as a real child process (TestSupport's, in English whatever the locale).
    static func run(_ arguments: [String]) throws -> TestSupport.Output { try TestSupport.run(yibao, arguments) }

    static let bugs: [(bug: String, operation: String)] = [
        ("float-rounding", "employee.back-payment"), ("month-overflow", "resident.newborn"),
        ("late-switch", "employee.back-payment"), ("forgets-make-up-days", "employee.transfer-handling"),
    ]

    @Test(arguments: bugs.map(\.bug))
    func aPlantedBugBehindARealAdapterIsFoundAndShrunk(bug: String) throws {
        let operation = Self.bugs.first { $0.bug == bug }!.operation
        let out = try Self.run([
            "fuzz", "--vectors", Self.vectors, "--impl", Self.plantedImpl(bug), "--operation", operation,
            "--seed", "7", "--count", "3000", "--format", "json",
        ])
        #expect(out.status == 1, "exit \(out.status): \(out.stderr)")
        let report = try JSON.parse(out.stdout)
        #expect(report["seed"] == .number("7"))
        #expect(report["cases"] == .number("3000"))
        guard case .array(let findings)? = report["findings"] else {
            Issue.record("no findings array: \(out.stdout.prefix(500)) \(out.stderr)")
            return
        }
        #expect(!findings.isEmpty, "\(bug) not found")
        // Advisory only where the reference's answer rests on a provisional reading (I-27 for an application on a
        // non-working day), and the bug is found outside every such reading too.
        #expect(findings.contains { $0["advisory"] == .bool(false) && $0["provisional"] == .array([]) })
        for finding in findings {
            #expect(finding["operation"] == .string(operation))
            #expect((finding["advisory"] == .bool(true)) == (finding["provisional"] != .array([])))
            guard case .object(let input)? = finding["input"] else {
                Issue.record("finding without an input object")
                continue
            }
            #expect(input.count <= 7, "\(bug): \(JSON.serialize(.object(input)))")
            #expect(finding["expected"] != nil && finding["actual"] != nil && finding["expected"] != finding["actual"])
            // The reference's trace, unless it refused the input (invalid-input carries no trace).
            if case .array(let trace)? = finding["trace"] {
                #expect(!trace.isEmpty || finding["expected"]?["error"] == .string("invalid-input"))
            } else {
                Issue.record("no trace")
            }
            if case .string(let scaffold)? = finding["scaffold"] {
                #expect(scaffold.contains("    expected: TODO\n"))
            } else {
                Issue.record("no scaffold")
            }
        }
    }

    @Test func theReferenceBehindServeHasNoFindings() throws {
        let out = try Self.run([
            "fuzz", "--vectors", Self.vectors, "--impl", "\(Self.quoted(Self.yibao)) serve",
            "--seed", "11", "--count", "10000", "--format", "json",
        ])
        #expect(out.status == 0, "exit \(out.status): \(out.stdout.prefix(2000)) \(out.stderr)")
        let report = try JSON.parse(out.stdout)
        #expect(report["findings"] == .array([]))
        #expect(report["cases"] == .number("10000"))
        // The proxy with no bug: the pipeline through a real adapter adds no disagreement either.
        let proxied = try Self.run([
            "fuzz", "--vectors", Self.vectors, "--impl", Self.plantedImpl("none"), "--seed", "12", "--count", "3000",
        ])
        #expect(proxied.status == 0, "exit \(proxied.status): \(proxied.stdout.prefix(2000)) \(proxied.stderr)")
    }

    /// The trust hole: an implementation that answers the public vectors right (it knows them by their ids) and has a
    /// bug in employee.transfer-handling, an operation with a provisional reading (I-27), passes every vector; the random
    /// section finds the bug outside every provisional reading and withholds the certificate.
    @Test func aMemorisingImplementationWithABugInAnOperationWithProvisionalReadingsIsNotCertified() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try Self.run([
            "certify", "--vectors", Self.vectors, "--impl", Self.plantedImpl("forgets-make-up-days") + " memorised",
            "--output", out.path, "--seed", "2",
        ])
        #expect(run.status == 1, "exit \(run.status): \(run.stdout.suffix(1500)) \(run.stderr.suffix(500))")
        #expect(run.stdout.contains(" passed, 0 not passing, 0 advisory not passing\n"), "\(run.stdout.prefix(1500))")
        #expect(run.stdout.contains("\nNOT CERTIFIED\n"))
        let report = try JSON.parse(String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8))
        #expect(report["certification"]?["certified"] == .bool(false))
        #expect(report["certification"]?["scope"]?["notPassing"] == .number("0"))
        guard case .array(let findings)? = report["certification"]?["random"]?["findings"] else {
            Issue.record("no random findings")
            return
        }
        let failing = findings.filter { $0["advisory"] == .bool(false) }
        #expect(!failing.isEmpty)
        #expect(report["certification"]?["random"]?["failing"] == .number(String(failing.count)))
        for finding in failing {
            #expect(finding["operation"] == .string("employee.transfer-handling"))
            #expect(finding["provisional"] == .array([]))
        }
        // Seed 2 draws a case where the forgotten make-up day moves the deadline: the finding the region marking
        // used to call advisory (every deadline answer has the trace I-27's vectors have).
        #expect(failing.contains { $0["differing"] == .array([.string("deadline")]) })
    }

    /// `fuzz` against an implementation that reads every provisional entry the other way: findings, all advisory,
    /// each naming the provisional entries its cases rest on; exit 0.
    @Test func anImplementationReadingEveryProvisionalEntryTheOtherWayHasOnlyAdvisoryFindings() throws {
        let otherWay = Self.here.deletingLastPathComponent().appendingPathComponent(
            "YibaoConformanceTests/Fixtures/impl/provisional-other-way.py"
        ).path
        let out = try Self.run([
            "fuzz", "--vectors", Self.vectors, "--impl", "\(Self.quoted(Self.python)) \(Self.quoted(otherWay)) \(Self.quoted(Self.yibao))",
            "--seed", "5", "--count", "4000", "--format", "json",
        ])
        #expect(out.status == 0, "exit \(out.status): \(out.stdout.prefix(2000)) \(out.stderr)")
        let report = try JSON.parse(out.stdout)
        guard case .array(let findings)? = report["findings"] else {
            Issue.record("no findings array")
            return
        }
        #expect(findings.count >= 5)
        var named = Set<String>()
        for finding in findings {
            #expect(finding["advisory"] == .bool(true), "\(JSON.serialize(finding))")
            guard case .array(let provisional)? = finding["provisional"] else { continue }
            #expect(!provisional.isEmpty)
            for case .string(let id) in provisional { named.insert(id) }
        }
        #expect(named.isSuperset(of: ["I-3", "I-28", "I-30", "I-34"]), "\(named)")
    }

    @Test func aCertificatesRandomSectionIsRecordedAndReplayedFromItsSeed() throws {
        let fm = FileManager.default
        let first = fm.temporaryDirectory.appendingPathComponent("yibao-cert-\(UUID().uuidString)")
        let second = fm.temporaryDirectory.appendingPathComponent("yibao-cert-\(UUID().uuidString)")
        defer {
            try? fm.removeItem(at: first)
            try? fm.removeItem(at: second)
        }
        let impl = "\(Self.quoted(Self.yibao)) serve"
        let a = try Self.run(["certify", "--vectors", Self.vectors, "--impl", impl, "--output", first.path])
        #expect(a.status == 0, "exit \(a.status): \(a.stdout) \(a.stderr)")
        let reportA = try JSON.parse(String(contentsOf: first.appendingPathComponent("report.json"), encoding: .utf8))
        guard let random = reportA["certification"]?["random"], case .number(let seed)? = random["seed"] else {
            Issue.record("no random section with a seed in the certificate")
            return
        }
        #expect(random["cases"] == .number("3000"))
        #expect(random["findings"] == .array([]))
        #expect(a.stdout.contains("random section: seed \(seed), 3000 fresh cases"))
        // The cases are chosen to reach every clause of the scope.
        if case .object(let reach)? = random["reach"] {
            let reached = reach.filter { $0.value != .number("0") }.count
            #expect(reached == reach.count, "\(reached) of \(reach.count) clauses reached")
        } else {
            Issue.record("no reach in the random section")
        }
        // The certificate records the suite the cases were generated under, and the replay line names it.
        guard case .string(let suite)? = random["suite"], case .string(let replay)? = random["replay"] else {
            Issue.record("no suite or replay in the random section")
            return
        }
        let version = reportA["suite"]?["version"], digest = reportA["suite"]?["digest"]
        if case .string(let v)? = version, case .string(let d)? = digest { #expect(suite == "\(v)@\(d)") }
        #expect(replay.hasSuffix(" --seed \(seed) --random-cases 3000 --seed-suite \(suite)"), "\(replay)")
        let b = try Self.run([
            "certify", "--vectors", Self.vectors, "--impl", impl, "--output", second.path,
            "--random-cases", "3000", "--seed", seed, "--seed-suite", suite,
        ])
        #expect(b.status == 0)
        #expect(!b.stderr.contains("seed-suite") && !b.stdout.contains("not a replay"), "\(b.stderr)")
        let reportB = try JSON.parse(String(contentsOf: second.appendingPathComponent("report.json"), encoding: .utf8))
        let randomB = reportB["certification"]?["random"]
        #expect(randomB?["seed"] == .number(seed))
        #expect(randomB?["reach"] == random["reach"])
        #expect(randomB?["invalidCases"] == random["invalidCases"])
    }

    /// F5 of the 2026-12-07 attack: `--random-cases 1` made the random section a formality, and a memorising adapter
    /// was CERTIFIED with it. A section below a certificate's 3000 cases runs and is reported, but certifies nothing.
    @Test func aRandomSectionBelowTheCertificatesSizeCertifiesNothing() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Self.run([
            "certify", "--vectors", Self.vectors, "--impl", "\(Self.quoted(Self.yibao)) serve", "--output", out.path,
            "--random-cases", "1", "--seed", "1", "--quiet",
        ])
        #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("note: --random-cases 1: a certificate's random section has 3000 cases"))
        #expect(result.stdout.contains("a random section of 1 cases certifies nothing: a certificate's has 3000 (not certified)"))
        #expect(result.stdout.contains("\nNOT CERTIFIED\n"))
        let badge = try String(contentsOf: out.appendingPathComponent("badge.svg"), encoding: .utf8)
        #expect(badge.contains("not certified (14 of 14 operations)"))
    }

    /// The random section keeps a few hundred of every 20,000 generated cases; the kept ones go to the adapter
    /// together, so a slow-starting adapter (a JVM's second each time) is started once for the section, not once per
    /// generated block (fifteen times for the default 3,000 cases before).
    @Test func theRandomSectionStartsTheAdapterOnce() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("yibao-starts-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let starts = dir.appendingPathComponent("starts")
        let result = try Self.run([
            "certify", "--vectors", Self.vectors, "--impl", "sh", "--impl-arg=-c",
            "--impl-arg", "echo started >> \(Self.quoted(starts.path)); exec \(Self.quoted(Self.yibao)) serve",
            "--output", dir.appendingPathComponent("cert").path, "--quiet",
        ])
        #expect(result.status == 0, "exit \(result.status): \(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("3000 fresh cases: 0 findings"), "\(result.stdout)")
        let lines = try String(contentsOf: starts, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "\(lines.count) starts: one for the vectors, one for the random section")
    }

    /// Defect 17 (F1, F2 of the 2026-12-07 attack): the random section starts the adapter again, and its hello said the
    /// tool's version where the vectors' said the suite's, so an adapter knew which start was the random section; listing
    /// no operations there left every generated case `unsupported`, which was no disagreement: a memorising adapter was
    /// CERTIFIED. Now every start's hello is the same, and a generated case of the scope left unanswered, or a hello
    /// naming another implementation, withholds the certificate.
    @Test(arguments: ["no-operations", "other-name"])
    func aLaterHelloCannotDropTheRandomSection(mode: String) throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("yibao-second-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let adapter = Self.here.appendingPathComponent("Fixtures/second-start.py").path
        let result = try Self.run([
            "certify", "--vectors", Self.vectors, "--impl", "\(Self.quoted(Self.python)) \(Self.quoted(adapter))",
            "--impl-arg", Self.yibao, "--impl-arg", dir.path, "--impl-arg", mode,
            "--output", dir.appendingPathComponent("cert").path, "--random-cases", "300", "--quiet",
        ])
        #expect(result.status == 1, "exit \(result.status): \(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("\nNOT CERTIFIED\n"), "\(result.stdout)")
        if mode == "no-operations" {
            #expect(result.stdout.contains("300 generated cases were not answered"), "\(result.stdout)")
        } else {
            #expect(result.stdout.contains("named another implementation (another-adapter"), "\(result.stdout)")
        }
        let report = try JSON.parse(String(contentsOf: dir.appendingPathComponent("cert/report.json"), encoding: .utf8))
        #expect(report["certification"]?["certified"] == .bool(false))
        let html = try String(contentsOf: dir.appendingPathComponent("cert/report.html"), encoding: .utf8)
        #expect(html.contains("<p class=\"verdict failed\">NOT CERTIFIED</p>"), "the HTML certificate says what certify said")
        #expect(html.contains("<p class=\"random\">Random section: seed "))
        // Both starts were sent the same hello: nothing in it tells the random section from the vectors.
        let hellos = try String(contentsOf: dir.appendingPathComponent("hellos"), encoding: .utf8).split(separator: "\n")
        #expect(hellos.count == 2)
        #expect(Set(hellos).count == 1, "\(hellos)")
    }

    /// A seed drawn under another suite version or digest gives other cases: certify refuses to call that a replay
    /// (exit 2, saying which suites), runs it with --other-suite saying it is not a replay, and notes a bare --seed.
    @Test func replayingASeedUnderAnotherSuiteIsRefusedUnlessAsked() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let impl = "\(Self.quoted(Self.yibao)) serve"
        let base = ["certify", "--vectors", Self.vectors, "--impl", impl, "--output", out.path, "--seed", "9"]
        let old = "2.2.0@sha256:0000000000000000000000000000000000000000000000000000000000000000"
        let refused = try Self.run(base + ["--seed-suite", old])
        #expect(refused.status == 2, "\(refused.stdout.suffix(500)) \(refused.stderr)")
        #expect(refused.stderr.contains("seed 9 was drawn under suite \(old); this is suite "), "\(refused.stderr)")
        #expect(refused.stderr.contains("would not replay that certificate's random section"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.json").path))

        let anyway = try Self.run(base + ["--seed-suite", old, "--other-suite"])
        #expect(anyway.status == 0, "\(anyway.stdout.suffix(500)) \(anyway.stderr)")
        #expect(anyway.stderr.contains("warning: seed 9 was drawn under suite \(old)"))
        #expect(anyway.stdout.contains("  not a replay: seed 9 was drawn under suite \(old); these are suite "))
        let report = try JSON.parse(String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8))
        #expect(report["certification"]?["random"]?["seedDrawnUnder"] == .string(old))

        let bare = try Self.run(base)
        #expect(bare.status == 0)
        #expect(bare.stderr.contains("note: --seed without --seed-suite"), "\(bare.stderr)")

        let malformed = try Self.run(base + ["--seed-suite", "2.3.1"])
        #expect(malformed.status == 64 && malformed.stderr.contains("not VERSION@DIGEST"), "\(malformed.stderr)")
    }
}
