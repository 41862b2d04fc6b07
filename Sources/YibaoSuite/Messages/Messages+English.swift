extension Messages {
    /// English: the reference table; every key here is in `chinese` too.
    static let english: [String: String] = [
        // Counts in summaries.
        "count.vectors": "{0} {0?vector|vectors}",
        "count.passed": "{0} passed",
        "count.failed": "{0} failed",
        "count.errored": "{0} errored",
        "count.timedOut": "{0} timed out",
        "count.crashed": "{0} crashed",
        "count.unsupported": "{0} unsupported",
        "count.notRun": "{0} not run",
        "list.separator": ", ",

        // Summary lines and verdicts.
        "summary.run": "{0} {1}: {2}: {3}",
        "summary.vectors": "{0}: {1}",
        "summary.problems": "{0} {0?problem|problems} in {1}",
        "summary.clausesCovered": "clauses: {0}/{1} normative clauses covered ({2})",
        "lint.clean": "{0} {0?vector|vectors}, {1} {1?clause|clauses}: no problems",
        "verify.ok": "verify: OK",
        "verify.failedLint": "verify: FAILED (lint)",
        "verify.failed": "verify: FAILED ({0} {0?problem|problems})",
        "certify.identity": "{0} {1} ({2}) against suite {3}",
        "certify.clausesPassing": "{0}/{1} normative clauses passing",
        "certify.unsupported": "unsupported operations: {0}",
        "certify.certified": "CERTIFIED",
        "certify.notCertified": "NOT CERTIFIED",
        "certify.wrote": "wrote {0}/report.json, report.html, badge.svg",
        "badge.clauses": "{0}/{1} clauses",

        // Diagnostics' fixed text.
        "diagnostic.error": "error",

        // yibao --version.
        "version.suite": "suite {0}: {1} {1?vector|vectors}, {2} {2?clause|clauses}, {3}",
        "version.suiteUnreadable": "suite {0}: not readable ({1} {1?problem|problems}; run yibao lint)",
    ]
}
