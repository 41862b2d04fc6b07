// The conformance layers under one name: the suite (catalog, vectors, digest), runs (runners, protocol, results)
// and reports. Each layer is its own target, so the compiler keeps the flow one way: suite → run → reports.
@_exported import YibaoReports
@_exported import YibaoRun
@_exported import YibaoSuite
