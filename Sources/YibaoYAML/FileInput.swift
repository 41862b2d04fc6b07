#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads a whole file in one go with POSIX calls (no Foundation), so the parser gets a single
/// contiguous buffer for `yaml_parser_set_input_string`.
func readWholeFile(_ path: String) throws(YAMLError) -> [UInt8] {
    func failure(_ what: String, _ code: Int32) -> YAMLError {
        YAMLError(kind: .io, mark: Mark(file: path, line: 0, column: 0),
                  message: "\(what): \(String(cString: strerror(code)))")
    }
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw failure("cannot open file", errno) }
    defer { _ = close(fd) }

    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure("cannot stat file", errno) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw failure("cannot read file", EISDIR) }

    // Read straight into the array's storage (no zero-filling first). The size is a hint only:
    // pipes and /proc files report 0, and a file may grow, so read on until end of file.
    var readError: Int32 = 0
    let expected = max(Int(info.st_size), 0) + 1
    var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
        count = 0
        while count < buffer.count {
            let got = read(fd, buffer.baseAddress! + count, buffer.count - count)
            if got > 0 {
                count += got
            } else if got == 0 {
                return
            } else if errno != EINTR {
                readError = errno
                return
            }
        }
    }
    if readError != 0 { throw failure("cannot read file", readError) }
    if bytes.count == expected {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got > 0 {
                bytes.append(contentsOf: chunk[..<got])
            } else if got == 0 {
                break
            } else if errno != EINTR {
                throw failure("cannot read file", errno)
            }
        }
    }
    return bytes
}
