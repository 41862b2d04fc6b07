#if canImport(Glibc)
    import Glibc
#endif

/// A new file of yibao's own, made exclusively (never an existing file or a planted symlink), readable by the owner
/// only and close-on-exec, so no implementation started later inherits it.
public enum TemporaryFile {
    /// Creates `<prefix><random>` and returns its descriptor and path, or the `errno` that stopped it.
    public static func create(prefix: String) -> Result<(fd: Int32, path: String), CreateError> {
        var code: Int32 = EEXIST
        for _ in 0..<100 {
            let path = prefix + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            var fd: Int32
            repeat { fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) } while fd < 0 && errno == EINTR
            if fd >= 0 { return .success((fd, path)) }
            code = errno
            if code != EEXIST { break }
        }
        return .failure(CreateError(code: code))
    }

    public struct CreateError: Error {
        public var code: Int32
    }
}
