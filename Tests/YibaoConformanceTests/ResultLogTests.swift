import Dispatch
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// The run's spool: results recorded in any order, from any thread, read back in vector order exactly as recorded.
@Suite struct ResultLogTests {
    static func expectSame(_ a: VectorResult, _ b: VectorResult) {
        #expect(a.vector.id == b.vector.id)
        #expect(a.vector.title == b.vector.title)
        #expect(a.vector.operation == b.vector.operation)
        #expect(a.vector.clauses == b.vector.clauses)
        #expect(a.vector.mark == b.vector.mark)
        #expect(a.vector.expected == b.vector.expected)
        #expect(a.status == b.status)
        #expect(a.outcome == b.outcome)
        #expect(a.diffs == b.diffs)
        #expect(a.message == b.message)
        #expect(a.stderr == b.stderr)
        #expect(a.seconds == b.seconds)
    }

    @Test func spooledResultsReadBackAsRecorded() {
        let results = Array(ReportFixture.report.results)
        let log = ResultLog(count: results.count)
        // Backwards, on several threads: the order of recording does not matter.
        let indices = Array(results.indices.reversed())
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            for i in stride(from: k, to: indices.count, by: 4) { log.record(indices[i], results[indices[i]]) }
        }
        let back = Array(log)
        #expect(back.count == results.count)
        for (a, b) in zip(back, results) { Self.expectSame(a, b) }
        #expect(log.summary == RunReport.Summary(results))
        // Every status of the fixture, with and without an answer, a diff without an actual value.
        #expect(Set(back.map(\.status)) == Set(VectorResult.Status.allCases))
        #expect(back.contains { $0.diffs.contains { $0.actual == nil } })
    }

    @Test func aSecondRecordReplacesTheFirstAndTheCounts() throws {
        let results = Array(ReportFixture.report.results)
        let log = ResultLog(count: 2)
        let pass = try #require(results.first { $0.status == .pass })
        log.record(0, pass)
        log.record(1, pass)
        var twice = pass
        twice.status = .error
        twice.message = "the implementation answered this vector twice"
        log.record(1, twice)
        #expect(log.summary.passed == 1 && log.summary.errored == 1 && log.done == 2)
        #expect(log.status(1) == .error)
        #expect(log.result(1)?.message == twice.message)
    }

    @Test func theStreamedJSONReportIsTheWholeReport() {
        let report = ReportFixture.report
        let spooled = ResultLog(count: report.results.count)
        for (i, r) in report.results.enumerated() { spooled.record(i, r) }
        var streamed = report
        streamed.results = spooled
        var text = ""
        JSONReport.write(streamed, into: &text)
        #expect(text == JSON.serialize(JSONReport.run(report)) + "\n")
        // And with expected-failure reasons, which are added to the copied objects.
        var reasons = report
        reasons.expectedFailureReasons = [report.results.first { $0.status == .fail }!.vector.id: "known: see issue 7"]
        var withReasons = reasons
        withReasons.results = spooled
        text = ""
        JSONReport.write(withReasons, into: &text)
        #expect(text == JSON.serialize(JSONReport.run(reasons)) + "\n")
        #expect(text.contains("known: see issue 7"))
    }
}

/// A streamed run's suite: checked like `Suite.load`, the same digest, the same vectors in the same order.
@Suite struct StreamedSuiteTests {
    @Test func theFeedGivesTheLoadedVectorsInOrderWithTheSameDigest() {
        let (loaded, problems) = Suite.load(root: TestSupport.vectors)
        let (streamed, streamProblems) = StreamedSuite.open(root: TestSupport.vectors)
        #expect(problems.isEmpty && streamProblems.isEmpty)
        #expect(streamed.digest == loaded.digest)
        #expect(streamed.count == loaded.vectors.count && streamed.selected == loaded.vectors.count)
        #expect(streamed.ids == Set(loaded.vectors.map(\.id)))
        let feed = streamed.makeFeed()
        var ids: [String] = []
        var indices: [Int] = []
        while let (index, vector) = feed.next() {
            ids.append(vector.id)
            indices.append(index)
        }
        #expect(ids == loaded.vectors.map(\.id))
        #expect(indices == Array(0..<loaded.vectors.count))
    }

    @Test(arguments: ["LU-2021-54/3", "employee.transfer", "JI-2022-8"])
    func aFilterSelectsWhatSuiteMatchingSelects(_ pattern: String) {
        let (loaded, _) = Suite.load(root: TestSupport.vectors)
        let (streamed, _) = StreamedSuite.open(root: TestSupport.vectors, filter: pattern)
        let want = loaded.vectors(matching: pattern).map(\.id)
        #expect(!want.isEmpty && streamed.selected == want.count)
        let feed = streamed.makeFeed()
        var got: [String] = []
        while let (_, vector) = feed.next() { got.append(vector.id) }
        #expect(got == want)
    }
}
