/// The one version of the tool and the protocol it speaks: the CLI's `--version`, hellos and reports all read it.
public enum Version {
    /// The tool's version, reported in hellos and reports.
    public static let tool = "0.1.0"
    public static let protocolName = "yibao-conformance/1"
}
