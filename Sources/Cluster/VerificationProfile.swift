import WiretraceCore

/// What verification needs of a pair's earlier document to rule the pair out without reading that
/// document's words back: its seeds (`PassageAligner.seeds`), its lede's content words, its token
/// count and total weight. Made once per document when it is stored (`Builder`), a fifth of its
/// words' bytes; most candidate pairs share a passage or two and fall far short of the
/// verification rules, which this shows (`Clusterer.mayAccept`).
public struct VerificationProfile: Sendable, Equatable {
    /// The document's tokens.
    public var tokenCount = 0
    /// Its total weight, as `PassageAligner.Text.totalWeight`.
    public var totalWeight = 0.0
    /// The hashes of its windows at every `seedStep`-th place (`PassageAligner.seeds`).
    public var seeds: [UInt64] = []
    /// Its lede's content words (`LedeAgreement.contentWords`).
    public var lede: [UInt64] = []

    public init() {}

    /// Makes documents' profiles for a cluster configuration.
    public struct Builder: Sendable {
        let aligner: PassageAligner
        let lede: LedeAgreement

        public init(configuration: ClusterConfiguration) {
            aligner = PassageAligner(
                minPassageWords: configuration.minPassageWords, quoteWeight: configuration.quoteWeight)
            lede = LedeAgreement(ledeWords: configuration.ledeWords)
        }

        /// The profile of a document with these tokens.
        public func profile(_ tokens: TokenBuffers) -> VerificationProfile {
            var p = VerificationProfile()
            p.tokenCount = tokens.count
            p.totalWeight = aligner.totalWeight(FlagBits.pack(tokens.quoted), tokens.count)
            p.seeds = aligner.seeds(tokens.hashes)
            p.lede = lede.contentWords(hashes: tokens.hashes, starts: tokens.starts, ends: tokens.ends)
            return p
        }

        /// The profile of a document with these tokens.
        public func profile(_ tokens: TokenizedText) -> VerificationProfile {
            tokens.withBuffers { profile($0) }
        }
    }

    /// The profile as bytes, for a store: token count, seed count and lede word count (UInt32),
    /// 4 bytes of padding, the total weight's bits, the seeds, the lede words (UInt64), in this
    /// machine's byte order (the store is read back by the process that wrote it).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.headerBytes + 8 * (seeds.count + lede.count))
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v) { out.append(contentsOf: $0) } }
        put(UInt32(tokenCount))
        put(UInt32(seeds.count))
        put(UInt32(lede.count))
        put(UInt32(0))
        put(totalWeight.bitPattern)
        seeds.withUnsafeBytes { out.append(contentsOf: $0) }
        lede.withUnsafeBytes { out.append(contentsOf: $0) }
        return out
    }

    static let headerBytes = 24

    /// Replaces this profile with the one `encoded()` made into `bytes`, reusing its arrays' storage.
    public mutating func decode(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count >= Self.headerBytes, "a profile's header")
        tokenCount = Int(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let seedCount = Int(bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let ledeCount = Int(bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        totalWeight = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        precondition(bytes.count == Self.headerBytes + 8 * (seedCount + ledeCount), "a profile's size")
        func fill(_ array: inout [UInt64], _ count: Int, from offset: Int) {
            array.removeAll(keepingCapacity: true)
            let words = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8 * count])
            if Int(bitPattern: words.baseAddress) % MemoryLayout<UInt64>.alignment == 0 {
                // One copy (a store's buffers are aligned): decoding is on verification's path.
                array.append(contentsOf: words.assumingMemoryBound(to: UInt64.self))
            } else {
                array.reserveCapacity(count)
                for k in 0..<count { array.append(words.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
            }
        }
        fill(&seeds, seedCount, from: Self.headerBytes)
        fill(&lede, ledeCount, from: Self.headerBytes + 8 * seedCount)
    }
}
