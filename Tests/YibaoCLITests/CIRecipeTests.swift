import Foundation
import Testing
import YibaoTestSupport
import YibaoYAML

/// The CI recipes of docs/ci.md, run: every `yaml` block is read with libyaml, its steps' shell commands are taken out
/// and run with bash the way GitHub Actions or GitLab CI would (job env, $GITHUB_PATH, $GITHUB_STEP_SUMMARY,
/// `if: always()` after a failure), so a recipe that no longer works fails here.
struct CIRecipeTests {
    struct Step {
        var name: String
        var command: String
        var always = false
        /// Installs yibao from source: replaced by the yibao these tests were built with.
        var install = false
        /// GitLab's before_script, run in the same shell before the script when installs run.
        var prelude: String?
    }

    struct Recipe {
        var file: String
        var environment: [String: String]
        var steps: [Step]
    }

    struct StepResult {
        var name: String
        var status: Int32?
        var output: String
    }

    struct JobResult {
        var steps: [StepResult]
        var directory: URL
        var summary: String
        var failed: Bool { steps.contains { ($0.status ?? 0) != 0 } }
        func status(of name: String) -> Int32? { steps.first { $0.name == name }?.status }
    }

    static let document = TestSupport.repo.appendingPathComponent("docs/ci.md")

    /// Every ```yaml block of docs/ci.md as a recipe, named by its first line's comment (`# .gitlab-ci.yml`).
    static func recipes() throws -> [Recipe] {
        let text = try String(contentsOf: document, encoding: .utf8)
        var recipes: [Recipe] = []
        var block: [Substring]?
        var start = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if block == nil, line == "```yaml" {
                block = []
                start = number + 2
            } else if let lines = block, line == "```" {
                recipes.append(try recipe(lines, firstLine: start))
                block = nil
            } else {
                block?.append(line)
            }
        }
        return recipes
    }

    static func recipe(_ lines: [Substring], firstLine: Int) throws -> Recipe {
        let file = lines.first.map { String($0.drop { $0 == "#" || $0 == " " }) } ?? ""
        let yaml = Array(lines.joined(separator: "\n").utf8)
        guard let root = try YAMLLoader().load(bytes: yaml, name: "docs/ci.md", firstLine: firstLine).first else {
            return Recipe(file: file, environment: [:], steps: [])
        }
        func strings(_ node: YAMLNode?) -> [String: String] {
            var out: [String: String] = [:]
            for pair in node?.mapping ?? [] {
                if let key = pair.key.scalar?.text, let value = pair.value.scalar?.text { out[key] = value }
            }
            return out
        }
        func text(_ node: YAMLNode?) -> String? { node?.scalar?.text }

        if let jobs = root["jobs"]?.mapping {
            // GitHub Actions: workflow env, then each job's steps with `run:`.
            var environment = strings(root["env"])
            var steps: [Step] = []
            for job in jobs {
                environment.merge(strings(job.value["env"])) { $1 }
                for step in job.value["steps"]?.sequence ?? [] {
                    guard let command = text(step["run"]) else { continue }
                    steps.append(
                        Step(
                            name: text(step["name"]) ?? command, command: command, always: text(step["if"]) == "always()",
                            install: text(step["id"]) == "install"))
                }
            }
            return Recipe(file: file, environment: environment, steps: steps)
        }
        // GitLab CI: each job is one shell session: its variables, then before_script (the installation), then script;
        // the first failing line ends the job with its status.
        var environment: [String: String] = [:]
        var steps: [Step] = []
        for job in root.mapping ?? [] {
            guard let script = job.value["script"]?.sequence, let name = job.key.scalar?.text else { continue }
            environment.merge(strings(job.value["variables"])) { $1 }
            let prelude = job.value["before_script"]?.sequence?.compactMap(text).joined(separator: "\n")
            steps.append(Step(name: name, command: script.compactMap(text).joined(separator: "\n"), prelude: prelude))
        }
        return Recipe(file: file, environment: environment, steps: steps)
    }

    /// Runs a recipe's steps in `directory`: a failed step fails the job, and only `if: always()` steps run after it.
    /// Install steps are skipped (the built yibao is put on PATH instead) unless `runInstall`.
    static func run(
        _ recipe: Recipe, in directory: URL, environment overrides: [String: String] = [:],
        runInstall: Bool = false
    ) throws -> JobResult {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("yibao-ci-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }
        let githubPath = scratch.appendingPathComponent("github_path"), summary = scratch.appendingPathComponent("step_summary")
        fm.createFile(atPath: githubPath.path, contents: nil)
        fm.createFile(atPath: summary.path, contents: nil)

        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = "C.UTF-8"
        let built = URL(fileURLWithPath: TestSupport.yibao).deletingLastPathComponent().path
        let path = (runInstall ? [] : [built]) + [environment["PATH"] ?? "/usr/bin:/bin"]
        environment.merge(recipe.environment) { $1 }
        environment.merge(overrides) { $1 }
        environment["GITHUB_PATH"] = githubPath.path
        environment["GITHUB_STEP_SUMMARY"] = summary.path
        environment["CI"] = "true"

        var results: [StepResult] = []
        var failed = false
        for step in recipe.steps {
            if step.install && !runInstall { continue }
            if failed && !step.always {
                results.append(StepResult(name: step.name, status: nil, output: "skipped"))
                continue
            }
            // Paths a step appends to $GITHUB_PATH come first for the steps after it.
            let added = try String(contentsOf: githubPath, encoding: .utf8).split(separator: "\n").map(String.init).reversed()
            environment["PATH"] = (added + path).joined(separator: ":")
            let command = [runInstall ? step.prelude : nil, step.command].compactMap { $0 }.joined(separator: "\n")
            let out = try TestSupport.run("/bin/bash", ["-e", "-c", command], directory: directory, environment: environment)
            results.append(StepResult(name: step.name, status: out.status, output: out.stdout + out.stderr))
            if out.status != 0 { failed = true }
        }
        return JobResult(steps: results, directory: directory, summary: try String(contentsOf: summary, encoding: .utf8))
    }

    static func recipe(_ file: String) throws -> Recipe {
        guard let found = try recipes().first(where: { $0.file == file }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "docs/ci.md has no recipe \(file)"])
        }
        return found
    }

    /// The release archive to test the vendor recipes with: YIBAO_DIST_ARCHIVE (set by .ci/run after scripts/dist).
    static var archive: String? {
        guard let path = ProcessInfo.processInfo.environment["YIBAO_DIST_ARCHIVE"], !path.isEmpty,
            FileManager.default.fileExists(atPath: path)
        else { return nil }
        return path
    }

    static func describe(_ job: JobResult) -> String {
        job.steps.map { "[\($0.status.map(String.init) ?? "skipped")] \($0.name)\n\($0.output.suffix(1500))" }.joined(separator: "\n")
    }

    @Test func docsCIHoldsTheFourRecipesWithCommands() throws {
        let files = try Self.recipes().map(\.file)
        #expect(
            files == [".github/workflows/yibao.yml", ".gitlab-ci.yml", ".github/workflows/yibao-nightly.yml", ".gitlab-ci.yml (vendor)"])
        for recipe in try Self.recipes() {
            #expect(recipe.steps.contains { !$0.install }, "\(recipe.file) has no command to run")
            #expect(
                recipe.steps.contains { $0.command.contains("yibao verify") || $0.command.contains("yibao certify") },
                "\(recipe.file) neither verifies nor certifies")
        }
    }

    @Test(arguments: [".github/workflows/yibao.yml", ".gitlab-ci.yml"])
    func theMergeGatePassesOnTheRepositorysSuite(file: String) throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let job = try Self.run(try Self.recipe(file), in: root)
        #expect(!job.failed, "\(Self.describe(job))")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("reports/junit.xml").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("reports/coverage.html").path))
        if file.contains("github") {
            #expect(job.summary.contains("|"), "the step summary has no Markdown table: \(job.summary.prefix(300))")
        }
    }

    /// A vector whose expectation is wrong: the gate fails the job with exit 1, and the reports are still made.
    @Test(arguments: [".github/workflows/yibao.yml", ".gitlab-ci.yml"])
    func theMergeGateFailsOnAFailingVectorAndStillReports(file: String) throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let job = try Self.run(try Self.recipe(file), in: root)
        #expect(job.failed)
        #expect(job.status(of: file.contains("github") ? "Verify the suite (the gate)" : "yibao-verify") == 1, "\(Self.describe(job))")
        let junit = try String(contentsOf: root.appendingPathComponent("reports/junit.xml"), encoding: .utf8)
        #expect(junit.contains("zz-broken") && junit.contains("<failure"), "\(junit.prefix(500))")
        if file.contains("github") {
            #expect(job.status(of: "JUnit and coverage reports") == 0, "\(Self.describe(job))")
            #expect(job.summary.contains("zz-broken"))
        }
    }

    /// The vendor's nightly against the real release archive (downloaded from a file:// address), from a checkout
    /// without a suite: certified with the reference as the adapter; the job fails with an adapter that crashes on one
    /// vector of the one operation it advertises.
    @Test(
        .enabled(if: archive != nil, "YIBAO_DIST_ARCHIVE is not set (scripts/dist, then .ci/run sets it)"),
        arguments: [".github/workflows/yibao-nightly.yml", ".gitlab-ci.yml (vendor)"])
    func theNightlyCertifiesWithTheReleaseArchiveAndFailsWhenTheCertificateIsLost(file: String) throws {
        let fm = FileManager.default
        let url = "file://" + Self.archive!
        for (impl, certified) in [
            ("yibao serve", true), ("python3 '\(TestSupport.fixtures.path)/impl/adapter.py' crash-on lu-2020-47-1-in-scope", false),
        ] {
            let checkout = fm.temporaryDirectory.appendingPathComponent("yibao-vendor-\(UUID().uuidString)")
            try fm.createDirectory(at: checkout, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: checkout) }
            let job = try Self.run(
                try Self.recipe(file), in: checkout, environment: ["YIBAO_URL": url, "YIBAO_IMPL": impl],
                runInstall: true)
            #expect(job.failed == !certified, "\(impl): \(Self.describe(job))")
            let certify = job.steps.first { $0.name == "Certify" || $0.name == "yibao-nightly" }
            #expect(certify?.status == (certified ? 0 : 1), "\(impl): \(Self.describe(job))")
            #expect(certify?.output.contains(certified ? "CERTIFIED" : "NOT CERTIFIED") == true)
            // The archive's own binary ran, with the suite it carries.
            #expect(
                certify?.output.contains("share/yibao/vectors") == true || job.steps.contains { $0.output.contains("share/yibao/vectors") },
                "\(Self.describe(job))")
            for name in ["report.json", "report.html", "badge.svg"] {
                #expect(fm.fileExists(atPath: checkout.appendingPathComponent("cert/\(name)").path), "\(impl): no cert/\(name)")
            }
        }
    }
}
