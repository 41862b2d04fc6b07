internal import YibaoSystem

/// Refuses what yibao must not read as a YAML file: a FIFO, a device, a socket or a directory (never opened, so
/// nothing blocks or has side effects), a symlink unless `followSymlinks`, a file over `maxBytes`. Returns the size.
@discardableResult
public func checkReadableFile(_ path: String, maxBytes: Int, followSymlinks: Bool) throws(YAMLError) -> Int {
    let info: System.FileStatus
    switch System.status(path, followSymlinks: followSymlinks) {
    case .success(let status): info = status
    case .failure(let failure): throw fileError(path, "cannot open file: \(failure)")
    }
    try checkKind(path, info, maxBytes: maxBytes)
    return info.size
}

private func checkKind(_ path: String, _ info: System.FileStatus, maxBytes: Int) throws(YAMLError) {
    let kind: String
    switch info.kind {
    case .regular:
        guard info.size <= maxBytes else {
            throw fileError(path, "the file is \(info.size) bytes, over the \(maxBytes >> 20) MiB limit for a YAML file")
        }
        return
    case .symlink: kind = "a symbolic link"
    case .directory: kind = "a directory"
    case .fifo: kind = "a FIFO"
    case .characterDevice, .blockDevice: kind = "a device"
    case .socket, .other: kind = "not a regular file"
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
    func failure(_ what: String, _ error: System.Failure) -> YAMLError {
        fileError(path, "\(what): \(error)")
    }
    try checkReadableFile(path, maxBytes: maxBytes, followSymlinks: followSymlinks)
    // O_NONBLOCK and O_NOFOLLOW: a file swapped for a FIFO or a symlink after the check still never blocks or is
    // followed; fstat checks the file actually opened.
    let fd: Int32
    switch System.open(path, followSymlinks ? [.readOnly, .nonBlocking] : [.readOnly, .nonBlocking, .noFollow]) {
    case .success(let opened): fd = opened
    case .failure(let error): throw failure("cannot open file", error)
    }
    defer { _ = System.close(fd) }

    let info: System.FileStatus
    switch System.status(fd) {
    case .success(let status): info = status
    case .failure(let error): throw failure("cannot stat file", error)
    }
    try checkKind(path, info, maxBytes: maxBytes)

    // Read straight into the array's storage (no zero-filling first). The size is a hint only:
    // pipes and /proc files report 0, and a file may grow, so read on until end of file.
    var readError: Int32 = 0
    /// One read: the count, 0 at the end of the file, or -1 with `readError` set.
    func readSome(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        switch System.read(fd, into: buffer) {
        case .data(let n): return n
        case .end: return 0
        case .wouldBlock: readError = System.wouldBlock
        case .failed(let code): readError = code
        }
        return -1
    }
    let expected = max(info.size, 0) + 1
    var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
        count = 0
        while count < buffer.count {
            let got = readSome(UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...])))
            if got <= 0 { return }
            count += got
        }
    }
    if readError != 0 { throw failure("cannot read file", System.Failure(code: readError)) }
    if bytes.count == expected {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = chunk.withUnsafeMutableBytes { readSome($0) }
            if got == 0 { break }
            if got < 0 { throw failure("cannot read file", System.Failure(code: readError)) }
            bytes.append(contentsOf: chunk[..<got])
            if bytes.count > maxBytes {
                throw fileError(path, "the file grew over the \(maxBytes >> 20) MiB limit for a YAML file while it was read")
            }
        }
    }
    return bytes
}
