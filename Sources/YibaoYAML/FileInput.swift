#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Refuses what yibao must not read as a YAML file: a FIFO, a device, a socket or a directory (never opened, so
/// nothing blocks or has side effects), a symlink unless `followSymlinks`, a file over `maxBytes`. Returns the size.
@discardableResult
public func checkReadableFile(_ path: String, maxBytes: Int, followSymlinks: Bool) throws(YAMLError) -> Int {
    var info = stat()
    guard (followSymlinks ? stat(path, &info) : lstat(path, &info)) == 0 else {
        throw fileError(path, "cannot open file: \(String(cString: strerror(errno)))")
    }
    try checkKind(path, info, maxBytes: maxBytes)
    return Int(info.st_size)
}

private func checkKind(_ path: String, _ info: stat, maxBytes: Int) throws(YAMLError) {
    let kind: String
    switch info.st_mode & S_IFMT {
    case S_IFREG:
        guard Int(info.st_size) <= maxBytes else {
            throw fileError(path, "the file is \(info.st_size) bytes, over the \(maxBytes >> 20) MiB limit for a YAML file")
        }
        return
    case S_IFLNK: kind = "a symbolic link"
    case S_IFDIR: kind = "a directory"
    case S_IFIFO: kind = "a FIFO"
    case S_IFCHR, S_IFBLK: kind = "a device"
    default: kind = "not a regular file"
    }
    throw fileError(path, "\(kind), not read: suite files must be regular files inside the suite folder")
}

private func fileError(_ path: String, _ message: String) -> YAMLError {
    YAMLError(kind: .io, mark: Mark(file: path, line: 0, column: 0), message: message)
}

/// Reads a whole file in one go with POSIX calls (no Foundation), so the parser gets a single
/// contiguous buffer for `yaml_parser_set_input_string`. Only a regular file is opened (see `checkReadableFile`),
/// and no more than `maxBytes` are read of it.
func readWholeFile(_ path: String, maxBytes: Int, followSymlinks: Bool) throws(YAMLError) -> [UInt8] {
    func failure(_ what: String, _ code: Int32) -> YAMLError {
        fileError(path, "\(what): \(String(cString: strerror(code)))")
    }
    try checkReadableFile(path, maxBytes: maxBytes, followSymlinks: followSymlinks)
    // O_NONBLOCK and O_NOFOLLOW: a file swapped for a FIFO or a symlink after the check still never blocks or is
    // followed; fstat checks the file actually opened.
    var fd: Int32
    repeat {
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followSymlinks ? 0 : O_NOFOLLOW))
    } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw failure("cannot open file", errno) }
    defer { _ = close(fd) }

    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure("cannot stat file", errno) }
    try checkKind(path, info, maxBytes: maxBytes)

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
                if bytes.count > maxBytes {
                    throw fileError(path, "the file grew over the \(maxBytes >> 20) MiB limit for a YAML file while it was read")
                }
            } else if got == 0 {
                break
            } else if errno != EINTR {
                throw failure("cannot read file", errno)
            }
        }
    }
    return bytes
}
