/// A stage that handles one item at a time and keeps nothing between items.
///
/// Ingest, normalize and sketch stream documents; attribute and report stream clusters.
/// A streaming stage is a pure function of its input and configuration, so the runner may
/// call it from several tasks at once.
public protocol StreamingStage: Sendable {
    associatedtype Input: Sendable
    associatedtype Output: Sendable
    /// The stage's name as written in `pipeline.json`.
    static var name: String { get }
    /// Processes one item.
    func process(_ input: Input) throws -> Output
}

/// A stage that must see every item before it can emit anything: clustering.
///
/// It is the pipeline's single barrier. What it keeps per document bounds the run's memory.
public protocol BarrierStage: Sendable {
    associatedtype Input: Sendable
    associatedtype Output: Sendable
    /// The stage's name as written in `pipeline.json`.
    static var name: String { get }
    /// Consumes all items at once and returns the stage's result.
    func run(_ inputs: [Input]) throws -> Output
}
