import DequeModule
import Foundation
import YibaoRules
import YibaoSuite
import YibaoSystem

extension ExternalRunner {
    /// One supervised implementation process and the vectors it works through.
    final class Worker: @unchecked Sendable {
        struct StartFailure: Error {
            /// "did not answer the hello within 10 s", "exited before its hello: exited with status 2", …
            var reason: String
        }

        enum Event {
            case line(ArraySlice<UInt8>)
            case tooLong(prefix: [UInt8], length: Int)
            case endOfOutput
            case deadline
        }

        struct InFlight {
            var index: Int
            var vector: Vector
            var sentAt: Date
            /// Where standard error stood (bytes ever read) when the vector was sent.
            var stderrAt: Int
            /// The most other vectors in flight at any moment while this one was.
            /// Which send this was (the worker's count of sends): what `othersInFlight(since:)` takes.
            var serial: Int
            var id: String { vector.id }
        }

        let options: Options
        private var process: ChildProcess?
        private var outBuffer: [UInt8] = []
        private var outStart = 0
        /// The implementation's standard output, cut into capped lines.
        private var framer: LineFramer
        private var stderrTail = Deque<UInt8>()
        private var stderrChunk = [UInt8](repeating: 0, count: 1 << 16)
        /// Bytes of standard error dropped from the front of `stderrTail` (so `stderrDropped + stderrTail.count` is
        /// every byte read so far).
        private var stderrDropped = 0
        private var stderrAtStart = 0

        /// Vectors that were in flight when the process was lost, sent again first after the restart.
        private var requeued = Deque<(index: Int, vector: Vector)>()
        private var feedDone = false
        /// The vectors sent and not yet answered, oldest first.
        private var inFlight = Deque<InFlight>()
        private var sends = 0
        /// (send, vectors in flight as it went out), for `othersInFlight(since:)`.
        private var peaks = Deque<(serial: Int, count: Int)>()
        private var inFlightByID: [String: Int] = [:]  // id → vector index
        /// Every vector this process was given, id → index (for answers that come late or twice).
        private var assigned: [String: Int] = [:]
        private var lastAnswerAt = Date()
        private var answersThisStart = 0
        private var consecutiveDeadStarts = 0
        private var starts = 0
        private var lastStartFailure: String?

        init(options: Options) {
            self.options = options
            framer = LineFramer(maxLength: options.maxLineBytes)
        }

        // MARK: Starting and stopping

        /// Starts the process and exchanges hellos.
        func start() throws(StartFailure) -> Hello {
            starts += 1
            resetBuffers()
            stderrAtStart = stderrDropped + stderrTail.count
            let child: ChildProcess
            do { child = try ChildProcess(arguments: options.command) } catch {
                throw StartFailure(reason: Messages.text("runner.couldNotStart", language: .en, "\(error)"))
            }
            process = child
            let hello: Value = .object([
                Member("type", .string("hello")), Member("protocol", .string(Version.protocolName)),
                Member(
                    "suite",
                    .object([
                        Member("name", .string(options.suiteName)), Member("version", .string(options.suiteVersion)),
                        Member("digest", .string(options.suiteDigest)),
                    ])),
            ])
            send(hello)
            let deadline = Date().addingTimeInterval(options.helloTimeout)
            lastAnswerAt = Date()
            answersThisStart = 0
            while true {
                switch waitEvent(until: deadline) {
                case .deadline:
                    drainStderr()
                    kill()
                    throw StartFailure(
                        reason: withStderrSinceStart(Messages.text("runner.noHello", language: .en, formatSeconds(options.helloTimeout))))
                case .endOfOutput:
                    let status = finishProcess()
                    throw StartFailure(reason: withStderrSinceStart(Messages.text("runner.endedBeforeHello", language: .en, status)))
                case .tooLong(_, let length):
                    kill()
                    throw StartFailure(reason: Messages.text("runner.helloTooLong", language: .en, length))
                case .line(let bytes):
                    if isBlank(bytes) { continue }
                    let text = String(decoding: bytes.prefix(1024), as: UTF8.self)
                    guard let message = parse(bytes), case .object = message, message["type"] == .string("hello") else {
                        kill()
                        throw StartFailure(reason: Messages.text("runner.notHello", language: .en, text))
                    }
                    guard message["protocol"] == .string(Version.protocolName) else {
                        kill()
                        let other = message["protocol"].map(JSON.serialize) ?? Messages.text("runner.noProtocol", language: .en)
                        throw StartFailure(reason: Messages.text("runner.otherProtocol", language: .en, other, Version.protocolName))
                    }
                    let impl = message["implementation"]
                    func field(_ name: String) -> String {
                        if case .string(let s)? = impl?[name] { return s }
                        return "unknown"
                    }
                    guard case .array(let ops)? = message["operations"] else {
                        kill()
                        throw StartFailure(reason: Messages.text("runner.noOperations", language: .en))
                    }
                    var operations: [String] = []
                    for case .string(let op) in ops { operations.append(op) }
                    let advertised = Set(operations)
                    let known = Operations.all.map(\.name).filter(advertised.contains)
                    return Hello(
                        implementation: Implementation(
                            name: field("name"), version: field("version"), vendor: field("vendor"),
                            operations: known
                        ).capped(),
                        operations: operations)
                }
            }
        }

        /// Starts the process before the run begins (beside the first process's hello); a failure counts as a dead start.
        /// The first start, before the run is decided: a failure is remembered as a restart would remember it.
        func startFirst() -> Result<Hello, StartFailure> {
            do throws(StartFailure) {
                return .success(try start())
            } catch {
                consecutiveDeadStarts += 1
                lastStartFailure = error.reason
                return .failure(error)
            }
        }

        /// Says goodbye and lets the process end (killing it if it lingers).
        func shutdown() {
            guard let child = process else { return }
            send(.object([Member("type", .string("goodbye"))]))
            let deadline = Date().addingTimeInterval(0.5)
            while outStart < outBuffer.count, Date() < deadline, child.stdin >= 0 {
                if !flushSome() { break }
                System.sleep(seconds: 0.001)
            }
            child.closeStdin()
            child.finish(within: 2)
            process = nil
        }

        private func kill() {
            process?.kill()
            process?.closeStdin()
            process?.closeStdout()
            process?.closeStderr()
            process = nil
        }

        /// After the end of output: waits briefly for the exit and describes it.
        private func finishProcess() -> String {
            guard let child = process else { return Messages.text("runner.ended", language: .en) }
            let deadline = Date().addingTimeInterval(1)
            while child.poll() == nil && Date() < deadline { System.sleep(seconds: 0.002) }
            let description: String
            if let status = child.poll() {
                description = ChildProcess.describe(status: status)
            } else {
                description = Messages.text("runner.closedOutput", language: .en)
            }
            // Keep what it wrote to stderr on the way out.
            drainStderr()
            kill()
            return description
        }

        private func resetBuffers() {
            outBuffer.removeAll(keepingCapacity: true)
            outStart = 0
            framer = LineFramer(maxLength: options.maxLineBytes)
        }

        // MARK: The run

        func run(_ shared: Shared) {
            let results = shared.results
            while true {
                if requeued.isEmpty && inFlight.isEmpty && feedDone { break }
                if process == nil {
                    if consecutiveDeadStarts >= options.maxDeadStarts {
                        giveUp(shared)
                        return
                    }
                    // Back off before a restart: 50 ms, 100 ms, 200 ms … at most 2 s.
                    if starts > 0 {
                        let delay = min(2.0, 0.05 * pow(2, Double(min(consecutiveDeadStarts, 6))))
                        System.sleep(seconds: delay)
                    }
                    do throws(StartFailure) {
                        _ = try start()
                    } catch {
                        consecutiveDeadStarts += 1
                        lastStartFailure = error.reason
                        continue
                    }
                }
                // Keep the window full.
                let now = Date()
                while inFlight.count < shared.window(options.window), let (index, v) = takeNext(shared) {
                    appendLine(
                        .object([
                            Member("type", .string("evaluate")), Member("id", .string(v.id)),
                            Member("operation", .string(v.operation)), Member("input", v.input),
                        ]))
                    notePeak(before: sends)
                    inFlight.append(
                        InFlight(index: index, vector: v, sentAt: now, stderrAt: stderrDropped + stderrTail.count, serial: sends))
                    sends += 1
                    inFlightByID[v.id] = index
                    assigned[v.id] = index
                }
                if inFlight.isEmpty { continue }
                let deadline = oldestDeadline()
                switch waitEvent(until: deadline) {
                case .line(let bytes): handle(bytes, results: results)
                case .tooLong(let prefix, let length):
                    blameOldest(
                        results: results, status: .error,
                        message: Messages.text("runner.lineTooLong", language: .en, length, options.maxLineBytes >> 20),
                        line: prefix)
                case .endOfOutput:
                    let how = finishProcess()
                    endOfStart()
                    blameOldest(
                        results: results, status: .crash,
                        message: Messages.text("runner.crashed", language: .en, how), line: nil)
                    requeueInFlight()
                case .deadline:
                    kill()
                    endOfStart()
                    blameOldest(
                        results: results, status: .timeout,
                        message: Messages.text("runner.timeout", language: .en, formatSeconds(options.timeout)),
                        line: nil)
                    requeueInFlight()
                }
            }
            _ = shared.stop()
        }

        /// Records how many vectors are in flight as send `serial` goes out. The peaks kept are those since the oldest
        /// vector in flight, their counts falling from the front (a later send with as many or more in flight hides an
        /// earlier one): O(1) a send, where updating every vector in flight cost a copy of each on every send.
        private func notePeak(before serial: Int) {
            let count = inFlight.count
            if let oldest = inFlight.first {
                while let first = peaks.first, first.serial < oldest.serial { peaks.removeFirst() }
            } else {
                peaks.removeAll(keepingCapacity: true)
            }
            while let last = peaks.last, last.count <= count { peaks.removeLast() }
            peaks.append((serial, count))
        }

        /// The most other vectors that were in flight at any send from `serial` on (the vector of that send being in
        /// flight all along): 0 means what it wrote on stderr was its own.
        private func othersInFlight(since serial: Int) -> Int {
            peaks.first { $0.serial >= serial }?.count ?? 0
        }

        /// The next vector to send: one to send again, else the feed's next.
        private func takeNext(_ shared: Shared) -> (index: Int, vector: Vector)? {
            if let first = requeued.popFirst() { return first }
            if feedDone { return nil }
            guard let next = shared.next() else {
                feedDone = true
                return nil
            }
            return next
        }

        /// The oldest unanswered vector may be worked on from when it was sent or the previous answer came, whichever is later.
        private func oldestDeadline() -> Date? {
            guard let oldest = inFlight.first else { return nil }
            return max(oldest.sentAt, lastAnswerAt).addingTimeInterval(options.timeout)
        }

        private func endOfStart() {
            if answersThisStart == 0 { consecutiveDeadStarts += 1 } else { consecutiveDeadStarts = 0 }
            process = nil
        }

        /// Puts the vectors still in flight back at the front of the queue, in their order.
        private func requeueInFlight() {
            for entry in inFlight { inFlightByID[entry.id] = nil }
            requeued.prepend(contentsOf: inFlight.map { ($0.index, $0.vector) })
            inFlight.removeAll(keepingCapacity: true)
        }

        /// Gives up on the process: its vectors are not run, and, if no other worker is left, neither is the rest.
        private func giveUp(_ shared: Shared) {
            let reason =
                lastStartFailure.map { Messages.text("runner.givenUpLast", language: .en, consecutiveDeadStarts, $0) }
                ?? Messages.text("runner.givenUp", language: .en, consecutiveDeadStarts)
            func notRun(_ index: Int, _ vector: Vector) {
                var r = VectorResult(vector: vector, status: .notRun, message: reason)
                r.stderr = lastStderrLines()
                shared.results.record(index, r)
            }
            for entry in inFlight { notRun(entry.index, entry.vector) }
            for entry in requeued { notRun(entry.index, entry.vector) }
            inFlight.removeAll()
            requeued.removeAll()
            if shared.stop() {
                while let (index, vector) = shared.next() { notRun(index, vector) }
            }
        }

        private func handle(_ bytes: ArraySlice<UInt8>, results: ResultLog) {
            if isBlank(bytes) { return }
            guard let message = parse(bytes) else {
                blameOldest(
                    results: results, status: .error, message: Messages.text("runner.notJSON", language: .en),
                    line: Array(bytes.prefix(4096)))
                return
            }
            guard case .object = message else {
                blameOldest(
                    results: results, status: .error, message: Messages.text("runner.notObject", language: .en),
                    line: Array(bytes.prefix(4096)))
                return
            }
            let type = message["type"]
            guard type == .string("result") || type == .string("error") else {
                blameOldest(
                    results: results, status: .error,
                    message: Messages.text(
                        "runner.unknownType", language: .en, type.map(JSON.serialize) ?? Messages.text("runner.noType", language: .en)),
                    line: Array(bytes.prefix(4096)))
                return
            }
            guard case .string(let id)? = message["id"] else {
                blameOldest(
                    results: results, status: .error, message: Messages.text("runner.noID", language: .en),
                    line: Array(bytes.prefix(4096)))
                return
            }
            guard let index = inFlightByID[id] else {
                if let index = assigned[id], let earlier = results.status(index) {
                    // Answered already. A late answer after a timeout or a protocol error is ignored; a second answer to a
                    // vector judged on its first is itself a violation.
                    if earlier == .pass || earlier == .fail, var r = results.result(index) {
                        r.status = .error
                        r.message = Messages.text("runner.twice", language: .en)
                        r.stderr = lastStderrLines()
                        results.record(index, r)
                    }
                    return
                }
                blameOldest(
                    results: results, status: .error,
                    message: Messages.text("runner.notAsked", language: .en, id), line: Array(bytes.prefix(4096)))
                return
            }
            answersThisStart += 1
            lastAnswerAt = Date()
            guard let entry = removeInFlight(id: id) else { return }
            let outcome = outcome(of: message, type: type)
            var result = VectorResult.judge(entry.vector, outcome)
            result.seconds = lastAnswerAt.timeIntervalSince(entry.sentAt)
            if result.status != .pass { result.stderr = stderr(of: entry) }
            results.record(index, result)
        }

        private func outcome(of message: Value, type: Value?) -> Outcome {
            var trace: [String]?
            if case .array(let items)? = message["trace"] {
                trace = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            }
            if type == .string("result") {
                return .result(output: message["output"] ?? .null, trace: trace)
            }
            var code = "internal"
            if case .string(let c)? = message["code"] { code = c }
            var text = ""
            if case .string(let m)? = message["message"] { text = m }
            return .error(code: code, message: text, trace: trace)
        }

        /// Takes the vector `id` out of the in-flight list and returns its entry.
        @discardableResult
        private func removeInFlight(id: String) -> InFlight? {
            inFlightByID[id] = nil
            // Answers come in order as a rule: the oldest first, a search only for one that came out of order.
            if inFlight.first?.id == id { return inFlight.popFirst() }
            return inFlight.firstIndex(where: { $0.id == id }).map { inFlight.remove(at: $0) }
        }

        /// Marks the oldest unanswered vector (the one the implementation was working on).
        private func blameOldest(results: ResultLog, status: VectorResult.Status, message: String, line: [UInt8]?) {
            guard let entry = inFlight.first else { return }
            removeInFlight(id: entry.id)
            lastAnswerAt = Date()
            var text = message
            if let line {
                let shown = String(decoding: line.prefix(1024), as: UTF8.self)
                text = Messages.text("runner.withLine", language: .en, message, shown + (line.count > 1024 ? "…" : ""))
            }
            var r = VectorResult(vector: entry.vector, status: status, message: text)
            r.stderr = stderr(of: entry)
            results.record(entry.index, r)
        }

        // MARK: I/O

        private func send(_ message: Value) {
            appendLine(message)
            _ = flushSome()
        }

        private func appendLine(_ message: Value) {
            JSON.write(message, into: &outBuffer)
            outBuffer.append(0x0A)
        }

        /// Writes what it can without blocking; false when standard input is gone.
        private func flushSome() -> Bool {
            guard let child = process, child.stdin >= 0 else { return false }
            while outStart < outBuffer.count {
                let written = outBuffer.withUnsafeBytes { raw in
                    System.write(child.stdin, UnsafeRawBufferPointer(rebasing: raw[outStart...]))
                }
                switch written {
                case .wrote(let n) where n > 0:
                    outStart += n
                    continue
                case .wouldBlock:
                    return true
                default:
                    // EPIPE: it stopped reading; what it does next (exit, answer) tells the rest.
                    child.closeStdin()
                    outBuffer.removeAll(keepingCapacity: true)
                    outStart = 0
                    return false
                }
            }
            outBuffer.removeAll(keepingCapacity: true)
            outStart = 0
            return true
        }

        private func drainStderr() {
            guard let child = process, child.stderr >= 0 else { return }
            while true {
                switch stderrChunk.withUnsafeMutableBytes({ System.read(child.stderr, into: $0) }) {
                case .data(let n):
                    stderrTail.append(contentsOf: stderrChunk[0..<n])
                    if stderrTail.count > 2 * options.stderrTailBytes {
                        let drop = stderrTail.count - options.stderrTailBytes
                        stderrTail.removeFirst(drop)  // a ring: the drop costs what it removes
                        stderrDropped += drop
                    }
                case .end:
                    child.closeStderr()
                    return
                case .wouldBlock, .failed:
                    return
                }
            }
        }

        /// What the process wrote to standard error while `entry` was in flight (read up to now first), at most the
        /// last `VectorResult.StderrLines.maxLines` lines and `maxBytes` bytes, and how many other vectors were in
        /// flight meanwhile (0: the lines are this vector's alone).
        private func stderr(of entry: InFlight) -> VectorResult.StderrLines? {
            drainStderr()
            let end = stderrDropped + stderrTail.count
            let from = max(entry.stderrAt, stderrDropped)
            guard from < end else { return nil }
            let written = Array(stderrTail[(from - stderrDropped)...])
            return VectorResult.StderrLines(
                written, others: max(othersInFlight(since: entry.serial), inFlight.count),
                lostBytes: from - entry.stderrAt)
        }

        /// A start failure's `reason` with what the process wrote to standard error since it was started ("Cannot find
        /// module …", a stack trace): at most the last 10 lines.
        private func withStderrSinceStart(_ reason: String) -> String {
            let from = max(stderrAtStart, stderrDropped)
            guard from < stderrDropped + stderrTail.count else { return reason }
            let lines = VectorResult.StderrLines(Array(stderrTail[(from - stderrDropped)...]), others: nil, lostBytes: 0)
                .text.split(separator: "\n", omittingEmptySubsequences: true).suffix(10)
            return Messages.text("runner.withStderr", language: .en, reason, lines.map { "  | " + $0 }.joined(separator: "\n"))
        }

        /// The last lines of standard error, whoever wrote them (for vectors never sent: not run).
        private func lastStderrLines() -> VectorResult.StderrLines? {
            drainStderr()
            guard !stderrTail.isEmpty else { return nil }
            return VectorResult.StderrLines(Array(stderrTail), others: nil, lostBytes: 0)
        }

        /// The next thing on the implementation's standard output, servicing stdin and stderr meanwhile.
        private func waitEvent(until deadline: Date?) -> Event {
            while true {
                switch framer.next() {
                case .line(let bytes)?: return .line(bytes)
                case .tooLong(let prefix, let length)?: return .tooLong(prefix: prefix, length: length)
                case nil: if framer.atEnd { return .endOfOutput }
                }
                guard let child = process, child.stdout >= 0 else { return .endOfOutput }
                var timeoutMS: Int32 = -1
                if let deadline {
                    let remaining = deadline.timeIntervalSinceNow
                    if remaining <= 0 { return .deadline }
                    timeoutMS = Int32(min(remaining * 1000 + 1, 60_000))
                }
                var entries = [System.PollEntry(fd: child.stdout, .read)]
                if child.stderr >= 0 { entries.append(System.PollEntry(fd: child.stderr, .read)) }
                if outStart < outBuffer.count && child.stdin >= 0 { entries.append(System.PollEntry(fd: child.stdin, .write)) }
                guard let ready = System.poll(&entries, milliseconds: timeoutMS) else { return .endOfOutput }
                if ready == 0 { continue }  // the deadline check above decides
                for entry in entries.dropFirst() where entry.ready {
                    if entry.fd == child.stderr { drainStderr() }
                    if entry.fd == child.stdin { _ = flushSome() }
                }
                if entries[0].ready { _ = framer.read(from: child.stdout) }
            }
        }

        private func parse(_ bytes: ArraySlice<UInt8>) -> Value? {
            bytes.withUnsafeBufferPointer { buffer in try? JSON.parse(buffer) }
        }

        private func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
            bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        }

        private func formatSeconds(_ s: Double) -> String {
            s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
        }
    }
}
