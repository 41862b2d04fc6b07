import Foundation

/// The suite installed beside the binary: `<prefix>/share/yibao/vectors` for `<prefix>/bin/yibao`, as the release
/// archive lays it out. Commands use it when no suite is named and none is found from the working directory.
public enum SuiteLocation {
    /// The installed suite, when there is one (a folder with a catalog/).
    public static func installed(executable: String? = executablePath()) -> String? {
        guard let executable else { return nil }
        let suite = bundled(executable: executable)
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: suite + "/catalog", isDirectory: &directory), directory.boolValue else { return nil }
        return suite
    }

    /// `<prefix>/share/yibao/vectors` for the binary `<prefix>/bin/yibao`, symbolic links resolved (a link in
    /// /usr/local/bin to an unpacked archive finds the archive's suite).
    public static func bundled(executable: String) -> String {
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let prefix = binary.deletingLastPathComponent().deletingLastPathComponent()
        return prefix.appendingPathComponent("share/yibao/vectors").path
    }

    /// This process's binary: /proc/self/exe on Linux, else the path it was started by.
    public static func executablePath() -> String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }
}
