import YibaoSystem

/// A new file of yibao's own, made exclusively (never an existing file or a planted symlink), readable by the owner
/// only and close-on-exec, so no implementation started later inherits it.
public enum TemporaryFile {
    /// Creates `<prefix><random>` and returns its descriptor and path, or the `errno` that stopped it.
    public static func create(prefix: String) -> Result<(fd: Int32, path: String), CreateError> {
        var failure = CreateError(code: 0)
        for _ in 0..<100 {
            let path = prefix + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            switch System.open(path, [.readWrite, .create, .exclusive, .noFollow], mode: 0o600) {
            case .success(let fd): return .success((fd, path))
            case .failure(let error):
                failure.code = error.code
                if !error.alreadyExists { return .failure(failure) }
            }
        }
        return .failure(failure)
    }

    public struct CreateError: Error {
        public var code: Int32
    }
}
