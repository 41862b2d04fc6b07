import Foundation

/// Where a command finds the suite when `--vectors` is not given: `vectors/` in the working directory, else the suite
/// installed beside the binary (`<prefix>/share/yibao/vectors` for `<prefix>/bin/yibao`, as the release archive lays
/// it out), else `vectors` (and the command reports that it is missing).
public enum SuiteLocation {
    /// The folder name looked for in the working directory.
    public static let local = "vectors"

    /// The suite folder to read: `explicit` when given, else the first of the working directory's `vectors/` and the
    /// bundled suite that holds a catalog.
    public static func resolve(_ explicit: String?, executable: String? = executablePath()) -> String {
        if let explicit { return trimmed(explicit) }
        if isSuite(local) { return local }
        if let executable, let bundled = bundled(executable: executable), isSuite(bundled) { return bundled }
        return local
    }

    /// `<prefix>/share/yibao/vectors` for the binary `<prefix>/bin/yibao`, symbolic links resolved (a link in
    /// /usr/local/bin to an unpacked archive finds the archive's suite).
    public static func bundled(executable: String) -> String? {
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let prefix = binary.deletingLastPathComponent().deletingLastPathComponent()
        return prefix.appendingPathComponent("share/yibao/vectors").path
    }

    /// This process's binary: /proc/self/exe on Linux, else the path it was started by.
    public static func executablePath() -> String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }

    private static func isSuite(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path + "/catalog", isDirectory: &directory) && directory.boolValue
    }

    private static func trimmed(_ path: String) -> String {
        var root = path
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        return root
    }
}
