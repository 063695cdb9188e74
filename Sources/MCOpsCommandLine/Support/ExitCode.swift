/// The exit statuses the tool uses.
public enum ExitCode {
    /// Everything asked for succeeded.
    public static let success: Int32 = 0
    /// The input was refused, malformed, or an operation failed.
    public static let failure: Int32 = 1
    /// The command line itself was wrong.
    public static let usage: Int32 = 2
}
