import Dispatch
import Synchronization

/// `body(state, 0) ..< body(state, count - 1)` on up to `states.count` threads, each thread with
/// its own `State` (a cache, scratch arrays); results come back in index order, so the outcome
/// does not depend on the number of threads as long as `body`'s result does not depend on the state.
/// With one state (or one item) everything runs on the calling thread.
/// - Complexity: O(count) calls of `body`.
func parallelMap<T, State>(
    count: Int, states: inout [State], _ body: @Sendable (inout State, Int) throws -> T
) throws -> [T] {
    precondition(!states.isEmpty)
    if states.count == 1 || count <= 1 {
        var out: [T] = []
        out.reserveCapacity(count)
        for i in 0..<count { out.append(try body(&states[0], i)) }
        return out
    }
    var results = [T?](repeating: nil, count: count)
    let next = Atomic<Int>(0)
    let failure = Mutex<(any Error)?>(nil)
    let workers = min(states.count, count)
    results.withUnsafeMutableBufferPointer { out in
        states.withUnsafeMutableBufferPointer { st in
            nonisolated(unsafe) let out = out
            nonisolated(unsafe) let st = st
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                // The thread's state is moved to its stack while it works, and back after: states
                // side by side in one array share cache lines, and each thread's writes to its own
                // (a cache's ring position, a scratch profile's counts) took the line from the other.
                guard let first = st.baseAddress else { return }
                let slot = first + w
                var state = slot.move()
                defer { slot.initialize(to: state) }
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    if i >= count { return }
                    do {
                        out[i] = try body(&state, i)
                    } catch {
                        failure.withLock { if $0 == nil { $0 = error } }
                        return
                    }
                }
            }
        }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    let values = results.compactMap { $0 }
    precondition(values.count == count, "every item has a result")
    return values
}
