import Dispatch
import Testing

@testable import WiretraceCore

/// Scratch buffers are lent stack-wise from each thread's block: nested buffers must not overlap,
/// and each thread must have its own.
@Suite struct ScratchMemoryTests {
    /// Fills nested buffers with `seed`-dependent values and checks that each keeps its values
    /// while the inner ones are used; returns the addresses lent, outermost first.
    static func nest(_ sizes: [Int], seed: UInt64) -> [UInt] {
        guard let size = sizes.first else { return [] }
        return ScratchMemory.withBuffer(of: UInt64.self, capacity: size) { buffer in
            #expect(buffer.count == size)
            let address = UInt(bitPattern: buffer.baseAddress)
            #expect(address % 16 == 0)
            for i in buffer.indices { buffer[i] = seed &+ UInt64(i) }
            let inner = nest(Array(sizes.dropFirst()), seed: seed &* 31 &+ 7)
            #expect(buffer.indices.allSatisfy { buffer[$0] == seed &+ UInt64($0) })
            return [address] + inner
        }
    }

    @Test("nested buffers are distinct, aligned and keep their contents")
    func nested() {
        for sizes in [[1, 2, 3], [1000, 10, 5000, 1], [0, 7, 0], [200_000, 3]] {
            let addresses = Self.nest(sizes, seed: 5)
            for (i, a) in addresses.enumerated() {
                for (j, b) in addresses.enumerated() where i < j && sizes[i] > 0 && sizes[j] > 0 {
                    // Disjoint ranges: [a, a + 8·size) and [b, b + 8·size).
                    #expect(a + UInt(8 * sizes[i]) <= b || b + UInt(8 * sizes[j]) <= a, "\(sizes)")
                }
            }
        }
    }

    @Test("the block is reused from one call to the next; a request above the bound comes from the heap")
    func reuseAndLargeRequests() {
        // The first call may grow the block (its inner buffer may not fit yet); then it holds both.
        _ = Self.nest([3000, 400], seed: 1)
        let second = Self.nest([3000, 400], seed: 2)
        let third = Self.nest([3000, 400], seed: 3)
        #expect(second == third)
        let large = ScratchMemory.maxBlockBytes / 8 + 1
        let inLarge = Self.nest([large, 10], seed: 4)
        #expect(inLarge.count == 2)
    }

    @Test("threads have blocks of their own")
    func threads() {
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for round in 0..<50 {
                _ = Self.nest([100 + t, 50 * round, 7], seed: UInt64(t * 1000 + round))
            }
        }
    }
}
