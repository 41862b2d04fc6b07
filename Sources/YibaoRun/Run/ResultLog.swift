import Foundation
import YibaoRules
import YibaoSuite
import YibaoSystem

/// Every result of a run, by vector index, written by the runners as results come (in any order, from any thread)
/// and read back in vector order by the reports.
///
/// A streamed run keeps the results in an unlinked spool file, not in memory: what memory holds per vector is its
/// status and where its line is (13 bytes), so a run's memory stays flat however many vectors it has.
public final class ResultLog: @unchecked Sendable, Sequence {
    private let lock = NSLock()
    private var statuses: [UInt8]
    private var offsets: [Int]
    private var lengths: [Int32]
    /// A keyed hash of each spooled line (Swift's per-process random seed is the key): a line read back is used only
    /// if it is exactly the line written, so nothing another process wrote into the spool reaches a report.
    private var checks: [Int]
    private var memory: [VectorResult?]
    /// The spool's descriptor; -1 when the results are kept in memory.
    private let fd: Int32
    /// Lines not yet written to the spool, and the spool offset the first of them goes to.
    private var pending: [UInt8] = []
    private var pendingBase = 0
    private var counts = Array(repeating: 0, count: VectorResult.Status.allCases.count)
    /// The same counts for advisory vectors (a provisional reading), which fail nothing.
    private var advisoryCounts = Array(repeating: 0, count: VectorResult.Status.allCases.count)
    private var advisory: [Bool]
    private let progress: (@Sendable (Int, Int) -> Void)?
    public private(set) var done = 0
    /// Each vector's clause list and reference trace, as indices into tables of the distinct ones (vectors share
    /// them): what coverage needs, without reading any result back.
    private var clauseListIDs: [Int32]
    private var traceIDs: [Int32]
    private var clauseLists = Interned()
    private var traces = Interned()

    struct Interned {
        var values: [[String]] = []
        var ids: [[String]: Int32] = [:]
        mutating func id(_ value: [String]) -> Int32 {
            if let id = ids[value] { return id }
            values.append(value)
            ids[value] = Int32(values.count - 1)
            return Int32(values.count - 1)
        }
    }

    /// With a catalog, each vector that neither passes nor is unsupported gets its `FailureCard` as it is recorded.
    private let cardCatalog: Catalog?

    private static let unset: UInt8 = .max
    private static let statusCodes = Dictionary(uniqueKeysWithValues: VectorResult.Status.allCases.enumerated().map { ($1, UInt8($0)) })

    /// A log for `count` results, spooled to a temporary file (kept in memory when no file can be made, or when not
    /// `spooled`: a caller that reads every result back at once and holds a bounded number, as the fuzzer does a block
    /// of cases at a time, saves writing each result as a line and parsing it again).
    public init(
        count: Int, progress: (@Sendable (Int, Int) -> Void)? = nil, cards catalog: Catalog? = nil, spooled: Bool = true
    ) {
        cardCatalog = catalog
        statuses = Array(repeating: Self.unset, count: count)
        advisory = Array(repeating: false, count: count)
        offsets = Array(repeating: 0, count: count)
        lengths = Array(repeating: 0, count: count)
        checks = Array(repeating: 0, count: count)
        clauseListIDs = Array(repeating: -1, count: count)
        traceIDs = Array(repeating: -1, count: count)
        self.progress = progress
        // Close-on-exec: an implementation started during the run must not inherit the spool.
        var fd: Int32 = -1
        if spooled, case .success(let file) = TemporaryFile.create(prefix: NSTemporaryDirectory() + "/yibao-results-") {
            fd = file.fd
            System.unlink(file.path)
        }
        self.fd = fd
        memory = fd >= 0 ? [] : Array(repeating: nil, count: count)
    }

    /// A log of results already in memory, in order.
    public init(_ results: [VectorResult]) {
        cardCatalog = nil
        fd = -1
        progress = nil
        statuses = Array(repeating: Self.unset, count: results.count)
        advisory = Array(repeating: false, count: results.count)
        offsets = []
        lengths = []
        checks = []
        clauseListIDs = Array(repeating: -1, count: results.count)
        traceIDs = Array(repeating: -1, count: results.count)
        memory = Array(repeating: nil, count: results.count)
        for (i, r) in results.enumerated() { record(i, r) }
    }

    deinit {
        if fd >= 0 { _ = System.close(fd) }
    }

    public var count: Int { statuses.count }

    /// Records (or replaces) the result of vector `index`.
    public func record(_ index: Int, _ result: VectorResult) {
        // What the implementation wrote is kept within the caps, whatever it sent.
        var result = result.capped()
        // An advisory vector is forgiven only where its provisional readings could explain the difference (the fields
        // their other options change for this input, by the reference); anything else is a failure like any other.
        if let parameters = cardCatalog?.parameters, result.vector.advisory, result.status != .pass, result.status != .unsupported,
            case .success(let answer) = Reference.evaluate(
                operation: result.vector.operation, input: result.vector.input, parameters: parameters),
            !ReadingScope.explains(result, readings: result.vector.provisional, fields: answer.readingFields)
        {
            let fields = result.vector.provisional.flatMap { answer.readingFields[$0] ?? [] }
            let note = Messages.text(
                "runner.beyondReadings", language: .en, result.vector.provisional.joined(separator: ", "),
                fields.joined(separator: ", "))
            result.message = result.message.map { $0 + "; " + note } ?? note
            result.vector.provisional = []
        }
        if let cardCatalog, result.card == nil, result.status != .pass, result.status != .unsupported {
            result.card = FailureCard(vector: result.vector, catalog: cardCatalog)
        }
        let line = fd >= 0 ? result.spoolLine() : []
        let code = Self.statusCodes[result.status]!
        lock.lock()
        let old = statuses[index]
        if old == Self.unset {
            done += 1
        } else if advisory[index] {
            advisoryCounts[Int(old)] -= 1
        } else {
            counts[Int(old)] -= 1
        }
        advisory[index] = result.vector.advisory
        if advisory[index] { advisoryCounts[Int(code)] += 1 } else { counts[Int(code)] += 1 }
        statuses[index] = code
        clauseListIDs[index] = clauseLists.id(result.vector.clauses)
        traceIDs[index] = result.referenceTrace.map { traces.id($0) } ?? -1
        if fd >= 0 {
            offsets[index] = pendingBase + pending.count
            lengths[index] = Int32(line.count)
            checks[index] = Self.check(line[...])
            pending += line
            if pending.count >= 1 << 20 { flush() }
        } else {
            memory[index] = result
        }
        let (d, n) = (done, statuses.count)
        lock.unlock()
        progress?(d, n)
    }

    /// The status recorded for vector `index`, if any yet.
    public func status(_ index: Int) -> VectorResult.Status? {
        lock.lock()
        defer { lock.unlock() }
        let code = statuses[index]
        return code == Self.unset ? nil : VectorResult.Status.allCases[Int(code)]
    }

    /// The result recorded for vector `index`, if any.
    public func result(_ index: Int) -> VectorResult? {
        if fd < 0 {
            lock.lock()
            defer { lock.unlock() }
            return memory.indices.contains(index) ? memory[index] : nil
        }
        guard let line = line(index) else { return nil }
        return line.withUnsafeBufferPointer { VectorResult(spool: $0) }
    }

    /// The spool line of vector `index` without its newline (nil for a log kept in memory, or a vector never recorded).
    package func line(_ index: Int) -> [UInt8]? {
        lock.lock()
        guard fd >= 0, statuses[index] != Self.unset else {
            lock.unlock()
            return nil
        }
        let offset = offsets[index], length = Int(lengths[index]) - 1, check = checks[index]
        var line = [UInt8](repeating: 0, count: length + 1)
        if offset >= pendingBase {
            line.withUnsafeMutableBytes { raw in
                pending.withUnsafeBytes { source in
                    raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[(offset - pendingBase)..<(offset - pendingBase + length)]))
                }
            }
            lock.unlock()
            line.removeLast()
            return line
        }
        lock.unlock()
        let got = line.withUnsafeMutableBytes { System.read(fd, into: $0, at: offset) }
        guard got == length + 1 else { return nil }
        // Only the very bytes written (newline included) are used.
        guard Self.check(line[...]) == check else { return nil }
        line.removeLast()
        return line
    }

    /// The keyed hash of a spool line, newline included.
    private static func check(_ line: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        line.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// For each recorded vector, in order: its status, its clauses, the reference's trace of its answer, and whether it
    /// is advisory.
    package func forEachTally(_ body: (Int, VectorResult.Status, [String], [String]?, Bool) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        for index in statuses.indices where statuses[index] != Self.unset {
            let trace = traceIDs[index] >= 0 ? traces.values[Int(traceIDs[index])] : nil
            body(
                index, VectorResult.Status.allCases[Int(statuses[index])], clauseLists.values[Int(clauseListIDs[index])], trace,
                advisory[index])
        }
    }

    /// The counts by status, without reading any result back.
    public var summary: RunSummary {
        lock.lock()
        defer { lock.unlock() }
        var s = RunSummary([])
        for (status, n) in zip(VectorResult.Status.allCases, counts) { s.add(status, n) }
        for (status, n) in zip(VectorResult.Status.allCases, advisoryCounts) { s.add(status, n, advisory: true) }
        return s
    }

    /// Writes the lines still held in memory to the spool.
    func flushPending() {
        lock.lock()
        defer { lock.unlock() }
        if fd >= 0 { flush() }
    }

    /// Writes the pending lines to the spool (with the lock held).
    private func flush() {
        // The disk full or gone: the lines stay in memory rather than be lost.
        guard pending.withUnsafeBytes({ System.write(fd, $0, at: pendingBase) }) else { return }
        pendingBase += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// The recorded results in vector order (a vector never given a result is skipped).
    public struct Iterator: IteratorProtocol {
        let log: ResultLog
        var index = 0
        public mutating func next() -> VectorResult? {
            while index < log.count {
                defer { index += 1 }
                if let r = log.result(index) { return r }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(log: self) }

    public var underestimatedCount: Int { done }
}
