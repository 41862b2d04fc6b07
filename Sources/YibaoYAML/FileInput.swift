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

    // The size is a hint only (pipes and /proc files report 0): grow if the file is longer.
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var filled = 0
    while true {
        if filled == bytes.count {
            bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 65536)))
        }
        let got = bytes.withUnsafeMutableBytes { buffer in
            read(fd, buffer.baseAddress! + filled, buffer.count - filled)
        }
        if got < 0 {
            if errno == EINTR { continue }
            throw failure("cannot read file", errno)
        }
        if got == 0 { break }
        filled += got
    }
    bytes.removeSubrange(filled...)
    return bytes
}
