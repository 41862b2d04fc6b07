extension Messages {
    /// Chinese (简体), in the notices' own terms: 统筹地区, 减员, 接续, 补缴, 待遇享受等待期.
    static let chinese: [String: String] = [
        // Counts in summaries.
        "count.vectors": "{0} 条向量",
        "count.passed": "{0} 通过",
        "count.failed": "{0} 失败",
        "count.errored": "{0} 出错",
        "count.timedOut": "{0} 超时",
        "count.crashed": "{0} 崩溃",
        "count.unsupported": "{0} 不支持",
        "count.notRun": "{0} 未运行",
        "list.separator": "，",

        // Summary lines and verdicts.
        "summary.run": "{0} {1}：{2}：{3}",
        "summary.vectors": "{0}：{1}",
        "summary.problems": "{1} 中有 {0} 个问题",
        "summary.clausesCovered": "条款：{0}/{1} 条规范性条款已覆盖（{2}）",
        "lint.clean": "{0} 条向量，{1} 条条款：未发现问题",
        "verify.ok": "verify：通过",
        "verify.failedLint": "verify：未通过（lint）",
        "verify.failed": "verify：未通过（{0} 个问题）",
        "certify.identity": "{0} {1}（{2}），测试套件 {3}",
        "certify.clausesPassing": "{0}/{1} 条规范性条款通过",
        "certify.unsupported": "不支持的操作：{0}",
        "certify.certified": "已认证",
        "certify.notCertified": "未认证",
        "certify.wrote": "已写入 {0}/report.json、report.html、badge.svg",
        "badge.clauses": "{0}/{1} 条款",

        // Diagnostics' fixed text.
        "diagnostic.error": "错误",

        // yibao --version.
        "version.suite": "测试套件 {0}：{1} 条向量，{2} 条条款，{3}",
        "version.suiteUnreadable": "测试套件 {0}：无法读取（{1} 个问题；请运行 yibao lint）",
    ]
}
