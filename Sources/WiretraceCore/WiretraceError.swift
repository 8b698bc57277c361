/// An error a user can act on: a stable code, a message, and where it happened.
///
/// Every stage throws this type, so the CLI can print one clear line and pick the exit status.
public struct WiretraceError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; stable across versions.
    public enum Code: String, Sendable {
        /// `pipeline.json` or a command-line option is wrong; nothing was run.
        case config
        /// An input could not be read at all (missing path, permission).
        case input
        /// An output could not be written.
        case output
        /// A failure inside a stage.
        case internalFailure = "internal"
    }

    public var code: Code
    public var message: String
    /// The file, line, archive entry or config key path the error is about.
    public var location: String?
    /// The underlying error, if any, in words.
    public var cause: String?

    public init(_ code: Code, _ message: String, location: String? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    public var description: String {
        var s = location.map { "\($0): \(message)" } ?? message
        if let cause { s += " (\(cause))" }
        return s
    }
}
