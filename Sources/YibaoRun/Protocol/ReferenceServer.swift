import YibaoRules
import YibaoSuite
import YibaoSystem

/// The reference over the protocol of contract §5: JSON lines on a pair of file descriptors.
public enum ReferenceServer {
    /// Serves until `goodbye` or end of input; answers every line, never stops on a bad one. Returns the exit code (0).
    /// The rules use the notices' numbers and dates in `parameters`.
    public static func serve(parameters: Parameters, input: Int32 = 0, output: Int32 = 1) -> Int32 {
        // A runner that closes our output must not kill us with SIGPIPE: the failed write ends the loop (exit 0).
        System.ignoreBrokenPipes()
        var framer = LineFramer()
        var writer = LineWriter(fd: output)
        while true {
            guard let frame = framer.next() else {
                if framer.atEnd { break }
                // Answers go out before waiting for more requests (and together when requests came in together).
                guard writer.flush() else { return 0 }
                if framer.read(from: input) == .wouldBlock {
                    // A non-blocking standard input (shared with whoever started us): wait until it has something.
                    var entries = [System.PollEntry(fd: input, .read)]
                    _ = System.poll(&entries, milliseconds: -1)
                }
                continue
            }
            let bytes: ArraySlice<UInt8>
            switch frame {
            case .tooLong(_, let length):
                guard
                    writer.append(
                        errorLine(id: .null, code: "invalid-input", message: "line of \(length) bytes is longer than the 16 MiB limit"))
                else { return 0 }
                continue
            case .line(let b): bytes = b
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let answer = respond(to: bytes, parameters: parameters) else {
                _ = writer.flush()
                return 0  // goodbye
            }
            guard writer.append(answer) else { return 0 }
        }
        _ = writer.flush()
        return 0
    }

    /// The answer line for one request line; nil for `goodbye`.
    static func respond(to bytes: ArraySlice<UInt8>, parameters: Parameters) -> String? {
        let message: Value
        do {
            message = try bytes.withUnsafeBufferPointer { buffer in
                Result<Value, JSON.ParseError> { () throws(JSON.ParseError) in try JSON.parse(buffer) }
            }.get()
        } catch {
            return errorLine(id: .null, code: "invalid-input", message: "not JSON: \(error)")
        }
        guard case .object = message else { return errorLine(id: .null, code: "invalid-input", message: "a message must be a JSON object") }
        let id = message["id"] ?? .null
        switch message["type"] {
        case .string("hello")?:
            if let p = message["protocol"], p != .string(Version.protocolName) {
                return errorLine(
                    id: id, code: "invalid-input", message: "unsupported protocol \(JSON.serialize(p)); this is \(Version.protocolName)")
            }
            return hello()
        case .string("goodbye")?:
            return nil
        case .string("evaluate")?:
            guard case .string = id else { return errorLine(id: id, code: "invalid-input", message: "evaluate needs a string id") }
            guard case .string(let operation)? = message["operation"] else {
                return errorLine(id: id, code: "invalid-input", message: "evaluate needs an operation")
            }
            let input = message["input"] ?? .object([])
            switch Reference.evaluate(operation: operation, input: input, parameters: parameters) {
            case .success(let answer):
                return JSON.serialize(
                    .object([
                        Member("type", .string("result")), Member("id", id), Member("output", answer.output),
                        Member("trace", .array(answer.trace.map(Value.string))),
                    ]))
            case .failure(let error):
                var members = [
                    Member("type", .string("error")), Member("id", id), Member("code", .string(error.code.rawValue)),
                    Member("message", .string(error.message)),
                ]
                if !error.trace.isEmpty { members.append(Member("trace", .array(error.trace.map(Value.string)))) }
                return JSON.serialize(.object(members))
            }
        default:
            return errorLine(
                id: id, code: "invalid-input", message: "unknown message type \(message["type"].map(JSON.serialize) ?? "(none)")")
        }
    }

    static func hello() -> String {
        JSON.serialize(
            .object([
                Member("type", .string("hello")), Member("protocol", .string(Version.protocolName)),
                Member(
                    "implementation",
                    .object([
                        Member("name", .string(ReferenceRunner.implementation.name)),
                        Member("version", .string(ReferenceRunner.implementation.version)),
                        Member("vendor", .string(ReferenceRunner.implementation.vendor)),
                    ])),
                Member("operations", .array(Operations.all.map { .string($0.name) })),
            ]))
    }

    static func errorLine(id: Value, code: String, message: String) -> String {
        JSON.serialize(
            .object([
                Member("type", .string("error")), Member("id", id), Member("code", .string(code)), Member("message", .string(message)),
            ]))
    }
}
