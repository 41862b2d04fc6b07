import YibaoRules
import YibaoRun
import YibaoSuite

/// JUnit XML as GitLab and Jenkins read it: one `<testsuite>` per notice document, one `<testcase>` per vector.
///
/// A vector belongs to the document of its first clause; its `classname` is that clause and its `name` the
/// vector id. `fail` → `<failure type="fail">` with the field diff, the failure card and message; `error`,
/// `timeout`, `crash`, `not-run` → `<error type="…">` with the message, the card and the stderr; `unsupported`, and
/// a vector the expected-failure list forgives, → `<skipped>` with the reason. So `failures` = failed, `errors` =
/// errored + timeout + crash + not run, `skipped` = unsupported + forgiven: a run that passes shows no red.
public enum JUnitReport {
    /// The counts of the JUnit attributes for `results`.
    struct Counts {
        var tests = 0, failures = 0, errors = 0, skipped = 0
        init(_ results: [VectorResult], report: RunReport) {
            for r in results {
                tests += 1
                // Unsupported, forgiven by the expected-failure list, or advisory (a provisional reading): skipped.
                if r.status == .unsupported || report.forgivenReason(r) != nil || (r.vector.advisory && r.status != .pass) {
                    skipped += 1
                } else if r.status == .fail {
                    failures += 1
                } else if r.status != .pass {
                    errors += 1
                }
            }
        }
        var attributes: [(String, String)] {
            [("tests", String(tests)), ("failures", String(failures)), ("errors", String(errors)), ("skipped", String(skipped))]
        }
    }

    public static func run(_ report: RunReport) -> String {
        let name = "yibao \(report.suiteName) \(report.suiteVersion): \(report.implementation.name) \(report.implementation.version)"
        let documents = Markup.byDocument(report.results, catalog: report.catalog)
        let counts = Counts(documents.flatMap(\.1), report: report)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites"
            + attributes(
                [("name", name)] + counts.attributes + [("time", JSONReport.seconds(report.seconds))]
                    + (report.date.isEmpty ? [] : [("timestamp", report.date)])) + ">\n"
        for (document, results) in documents {
            out += testsuite(document, results, report: report)
        }
        out += "</testsuites>\n"
        return out
    }

    static func testsuite(_ document: String, _ results: [VectorResult], report: RunReport) -> String {
        let time = results.reduce(0) { $0 + ($1.seconds ?? 0) }
        var out =
            "  <testsuite"
            + attributes(
                [("name", document.isEmpty ? Messages.text("junit.noClause") : document)]
                    + Counts(results, report: report).attributes + [("time", JSONReport.seconds(time))]
                    + (report.date.isEmpty ? [] : [("timestamp", report.date)])) + ">\n"
        var properties: [(String, String)] = [
            ("implementation", "\(report.implementation.name) \(report.implementation.version)"),
            ("vendor", report.implementation.vendor),
            ("suite", "\(report.suiteName) \(report.suiteVersion)"),
        ]
        if let digest = report.suiteDigest { properties.append(("suite.digest", digest)) }
        if let notice = report.catalog.document(document) {
            properties.append(("document.number", notice.number))
            properties.append(("document.title", notice.title))
        }
        out += propertiesElement(properties, indent: "    ")
        for result in results {
            out += testcase(
                result, expectedFailure: report.expectedFailureReasons[result.vector.id], forgiven: report.forgivenReason(result) != nil,
                rerun: report.rerun)
        }
        out += "  </testsuite>\n"
        return out
    }

    static func testcase(_ result: VectorResult, expectedFailure: String?, forgiven: Bool = false, rerun: String = "yibao run") -> String {
        let v = result.vector
        var out =
            "    <testcase"
            + attributes([
                ("classname", v.clauses.first ?? ""), ("name", v.id), ("file", v.file), ("line", String(v.mark.line)),
                ("time", JSONReport.seconds(result.seconds ?? 0)),
            ]) + ">\n"
        var properties = [("title", v.title), ("operation", v.operation), ("clauses", v.clauses.joined(separator: ", "))]
        if let expectedFailure { properties.append(("expectedFailure", expectedFailure)) }
        out += propertiesElement(properties, indent: "      ")
        let message = Markup.message(result)
        var lines = ["\(v.title) (\(v.mark))"] + Markup.diffLines(result) + [message] + Markup.cardLines(result)
        if let stderr = result.stderr, !stderr.text.isEmpty {
            lines.append(Messages.text("card.stderr", Markup.attribution(stderr)) + Messages.text("card.colon") + "\n" + stderr.text)
        }
        lines.append(Messages.text("card.rerun", rerun, v.id))
        switch result.status {
        case .pass:
            break
        case _ where v.advisory:
            // An advisory vector (a provisional reading) fails nothing: skipped, with what went wrong.
            let text = Messages.text("junit.advisory", v.provisional.joined(separator: ", "), Markup.word(result.status), message)
            out += "      <skipped" + attributes([("message", text)]) + ">" + Markup.xml(lines.joined(separator: "\n")) + "</skipped>\n"
        case _ where forgiven:
            out +=
                "      <skipped"
                + attributes([("message", Messages.text("junit.expectedFailure", Markup.word(result.status), expectedFailure ?? ""))]) + ">"
                + Markup.xml(lines.joined(separator: "\n")) + "</skipped>\n"
        case .fail:
            out +=
                "      <failure" + attributes([("message", message), ("type", "fail")]) + ">"
                + Markup.xml(lines.joined(separator: "\n")) + "</failure>\n"
        case .error, .timeout, .crash, .notRun:
            out +=
                "      <error" + attributes([("message", message), ("type", result.status.rawValue)]) + ">"
                + Markup.xml(lines.joined(separator: "\n")) + "</error>\n"
        case .unsupported:
            out += "      <skipped" + attributes([("message", message)]) + "/>\n"
        }
        out += "    </testcase>\n"
        return out
    }

    static func propertiesElement(_ properties: [(String, String)], indent: String) -> String {
        var out = indent + "<properties>\n"
        for (name, value) in properties {
            out += indent + "  <property" + attributes([("name", name), ("value", value)]) + "/>\n"
        }
        return out + indent + "</properties>\n"
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(Markup.xml($0.1, attribute: true))\"" }.joined()
    }
}
