import YibaoRules
import YibaoRun
import YibaoSuite

/// The machine-readable report (contract §6 fields and more).
public enum JSONReport {
    /// The whole report as one value (the results read into memory: for small runs and tests).
    public static func run(_ report: RunReport) -> Value {
        .object(header(report) + [Member("results", .array(report.results.map { result($0, report: report) }))])
    }

    /// Writes the report as compact JSON, `leading` members first (certification), reading the results from the log
    /// one at a time: the report is never held whole.
    public static func write(_ report: RunReport, leading: [Member] = [], into out: inout some TextOutputStream) {
        var bytes: [UInt8] = []
        JSON.write(.object(leading + header(report) + [Member("results", .array([]))]), into: &bytes)
        // `…,"results":[]}`: open the list again and stream the results into it.
        bytes.removeLast(2)
        // A block of results at a time, read back and serialized on every core, written in order.
        let log = report.results
        var first = true
        var block = 0
        while block < log.count {
            let range = block..<min(block + 8192, log.count)
            block = range.upperBound
            let pieces = parallelChunks(range.count, minimumChunk: 512) { chunk in
                var piece: [UInt8] = []
                for i in chunk {
                    // The spool line starts with this very object: copied, unless a reason must be added.
                    if report.expectedFailureReasons.isEmpty, let line = log.line(range.lowerBound + i), let tab = line.lastIndex(of: 0x09)
                    {
                        piece.append(UInt8(ascii: ","))
                        piece += line[..<tab]
                        continue
                    }
                    guard let r = log.result(range.lowerBound + i) else { continue }
                    piece.append(UInt8(ascii: ","))
                    JSON.write(result(r, report: report), into: &piece)
                }
                return piece
            }
            for var piece in pieces where !piece.isEmpty {
                if first {
                    piece.removeFirst()
                    first = false
                }
                bytes += piece
                out.write(String(decoding: bytes, as: UTF8.self))
                bytes.removeAll(keepingCapacity: true)
            }
        }
        bytes += "]}\n".utf8
        out.write(String(decoding: bytes, as: UTF8.self))
    }

    /// Every member but the results.
    static func header(_ report: RunReport) -> [Member] {
        let s = report.summary
        return [
            Member("tool", .object([Member("name", .string("yibao")), Member("version", .string(Version.tool))])),
            Member(
                "suite",
                .object([
                    Member("name", .string(report.suiteName)), Member("version", .string(report.suiteVersion)),
                    Member("digest", report.suiteDigest.map(Value.string) ?? .null), Member("vectors", int(report.suiteVectors)),
                ])),
            Member("implementation", implementation(report.implementation)),
            Member("date", .string(report.date)),
            Member("seconds", .number(seconds(report.seconds))),
            Member("passed", .bool(report.passed)),
            Member(
                "summary",
                .object([
                    Member("total", int(s.total)), Member("passed", int(s.passed)), Member("failed", int(s.failed)),
                    Member("errored", int(s.errored)), Member("unsupported", int(s.unsupported)), Member("timeout", int(s.timeout)),
                    Member("crash", int(s.crash)), Member("notRun", int(s.notRun)), Member("advisory", int(s.advisory)),
                ])),
            Member("coverage", coverageSummary(report.coverage)),
            Member("clauses", clauses(report.coverage)),
            Member(
                "expectedFailures",
                report.expectations.map { e in
                    .object([
                        Member("forgiven", .array(e.expected.map(Value.string))),
                        Member("unexpectedPasses", .array(e.unexpectedPasses.map(Value.string))),
                        Member("expired", .array(e.expired.map { .string($0.id) })),
                        Member("unknown", .array(e.unknown.map { .string($0.id) })),
                    ])
                } ?? .null),
        ]
    }

    static func result(_ r: VectorResult, report: RunReport) -> Value {
        var value = r.record
        if let reason = report.expectedFailureReasons[r.vector.id], case .object(var members) = value {
            members.append(Member("expectedFailure", .string(reason)))
            value = .object(members)
        }
        return value
    }

    /// Seconds with millisecond precision as JSON number text: 1.234.
    static func seconds(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded())
        let frac = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    public static func coverage(_ coverage: CoverageReport) -> Value {
        .object([Member("coverage", coverageSummary(coverage)), Member("clauses", clauses(coverage))])
    }

    static func coverageSummary(_ coverage: CoverageReport) -> Value {
        .object([
            Member("normative", int(coverage.normativeCount)), Member("covered", int(coverage.coveredCount)),
            Member("percent", .number(TextReport.percentText(coverage.percent).dropLast().description)),
            Member(
                "documents",
                .array(
                    coverage.documents.map { d in
                        .object([
                            Member("id", .string(d.document)), Member("normative", int(d.normative)), Member("covered", int(d.covered)),
                            Member("percent", .number(TextReport.percentText(d.percent).dropLast().description)),
                        ])
                    })),
            Member(
                "misTagged",
                .array(
                    coverage.misTagged.map { m in
                        .object([
                            Member("vector", .string(m.vector.id)), Member("clause", .string(m.clause)),
                            Member("trace", .array(m.trace.map(Value.string))),
                        ])
                    })),
            Member("appliedButUntagged", .array(coverage.appliedButUntagged.map(Value.string))),
        ])
    }

    static func clauses(_ coverage: CoverageReport) -> Value {
        .array(
            coverage.clauses.map { line in
                .object([
                    Member("id", .string(line.clause.id)), Member("document", .string(line.clause.document)),
                    Member("normative", .bool(line.clause.isNormative)), Member("vectors", int(line.vectors)),
                    Member("passed", int(line.passed)), Member("status", .string(line.status.rawValue)),
                ])
            })
    }

    static func implementation(_ i: Implementation) -> Value {
        .object([Member("name", .string(i.name)), Member("version", .string(i.version)), Member("vendor", .string(i.vendor))])
    }

    static func int(_ n: Int) -> Value { .number(String(n)) }
}
