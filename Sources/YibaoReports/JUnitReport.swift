import YibaoRules
import YibaoRun
import YibaoSuite

/// JUnit XML as GitLab and Jenkins read it: one `<testsuite>` per notice document, one `<testcase>` per vector.
///
/// A vector belongs to the document of its first clause; its `classname` is that clause and its `name` the
/// vector id. `fail` → `<failure type="fail">` with the field diff, trace and message; `error`, `timeout`,
/// `crash` → `<error type="…">` with the message and the stderr tail; `unsupported`, `not-run` → `<skipped>`.
/// So `failures` = failed, `errors` = errored + timeout + crash, `skipped` = unsupported + not-run.
public enum JUnitReport {
    public static func run(_ report: RunReport) -> String {
        let s = report.summary
        let name = "yibao \(report.suiteName) \(report.suiteVersion): \(report.implementation.name) \(report.implementation.version)"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites" + attributes([
            ("name", name), ("tests", String(s.total)), ("failures", String(s.failed)),
            ("errors", String(s.errored + s.timeout + s.crash)), ("skipped", String(s.unsupported + s.notRun)),
            ("time", JSONReport.seconds(report.seconds)),
        ] + (report.date.isEmpty ? [] : [("timestamp", report.date)])) + ">\n"
        for (document, results) in Markup.byDocument(report.results, catalog: report.catalog) {
            out += testsuite(document, results, report: report)
        }
        out += "</testsuites>\n"
        return out
    }

    static func testsuite(_ document: String, _ results: [VectorResult], report: RunReport) -> String {
        let s = RunReport.Summary(results)
        let time = results.reduce(0) { $0 + ($1.seconds ?? 0) }
        var out = "  <testsuite" + attributes([
            ("name", document.isEmpty ? "(no clause)" : document), ("tests", String(s.total)), ("failures", String(s.failed)),
            ("errors", String(s.errored + s.timeout + s.crash)), ("skipped", String(s.unsupported + s.notRun)),
            ("time", JSONReport.seconds(time)),
        ] + (report.date.isEmpty ? [] : [("timestamp", report.date)])) + ">\n"
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
            out += testcase(result, expectedFailure: report.expectedFailureReasons[result.vector.id])
        }
        out += "  </testsuite>\n"
        return out
    }

    static func testcase(_ result: VectorResult, expectedFailure: String?) -> String {
        let v = result.vector
        var out = "    <testcase" + attributes([
            ("classname", v.clauses.first ?? ""), ("name", v.id), ("file", v.file), ("line", String(v.mark.line)),
            ("time", JSONReport.seconds(result.seconds ?? 0)),
        ]) + ">\n"
        var properties = [("title", v.title), ("operation", v.operation), ("clauses", v.clauses.joined(separator: ", "))]
        if let expectedFailure { properties.append(("expectedFailure", expectedFailure)) }
        out += propertiesElement(properties, indent: "      ")
        let message = result.message ?? Markup.defaultMessage(result)
        switch result.status {
        case .pass:
            break
        case .fail:
            var lines = ["\(v.title) (\(v.mark))"] + Markup.diffLines(result)
            if let trace = result.outcome?.trace { lines.append("trace: \(trace.joined(separator: ", "))") }
            lines.append(message)
            out += "      <failure" + attributes([("message", message), ("type", "fail")]) + ">"
                + Markup.xml(lines.joined(separator: "\n")) + "</failure>\n"
        case .error, .timeout, .crash:
            var lines = ["\(v.title) (\(v.mark))", message]
            if let trace = result.outcome?.trace { lines.append("trace: \(trace.joined(separator: ", "))") }
            if let stderr = result.stderr, !stderr.text.isEmpty { lines.append("stderr, \(stderr.attribution):\n\(stderr.text)") }
            out += "      <error" + attributes([("message", message), ("type", result.status.rawValue)]) + ">"
                + Markup.xml(lines.joined(separator: "\n")) + "</error>\n"
        case .unsupported, .notRun:
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
