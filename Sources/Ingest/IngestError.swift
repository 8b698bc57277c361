/// A failure to read an input, phrased for `rejected.jsonl`.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in words a user can act on.
    public var reason: String

    /// An error with `reason`.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
