import Synchronization
import Cluster
import Normalize
import Sketch
import WiretraceCore

/// Deterministic synthetic articles: words drawn from a seeded generator, so that two stories
/// with different seeds share no passage while a story and its copies share what the test says.
enum SyntheticText {
    /// `count` pseudo-random words from a vocabulary of `vocabulary` words.
    static func words(seed: UInt64, count: Int, vocabulary: Int = 4000) -> [String] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out.append("w\((state >> 33) % UInt64(vocabulary))")
        }
        return out
    }

    /// Joins words into sentences of 12 words.
    static func text(_ words: [String]) -> String {
        var s = ""
        for (i, w) in words.enumerated() {
            s += w
            s += (i % 12 == 11) ? ". " : " "
        }
        return s
    }

    /// A story of `count` words.
    static func story(_ seed: UInt64, _ count: Int = 240) -> String { text(words(seed: seed, count: count)) }
}

/// Runs the real normalize → sketch → cluster chain on texts held in memory.
struct ClusterHarness {
    let texts: [String]
    var dates: [String?] = []
    /// Whether the clusterer screens pairs with verification profiles (`Clusterer.profiles`).
    var screened = false
    /// Counts the documents' words read back (`Clusterer.words`).
    let reads = Counter()

    /// A count shared by the clusterer's threads.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func add() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    init(_ texts: [String], dates: [String?] = []) {
        self.texts = texts
        self.dates = dates
    }

    /// Clusters the texts.
    /// - Parameters:
    ///   - configuration: The cluster stage's settings.
    ///   - threads: Threads verifying pairs.
    ///   - stored: Read the documents back from a `SpillStore` as the pipeline does — words and the
    ///     fact flags stored beside them, no text — instead of from the tokens and texts in memory.
    /// - Returns: The clusters.
    /// - Throws: What the store or the cluster stage throws.
    func run(
        _ configuration: ClusterConfiguration = ClusterConfiguration(), threads: Int = 1, stored: Bool = false
    ) throws -> Clustering {
        let normalizer = Normalizer(configuration: try NormalizeConfiguration())
        let sketchConfiguration = SketchConfiguration()
        let sketcher = Sketcher(configuration: sketchConfiguration)
        let tokens = texts.map { normalizer.tokenize($0) }
        let inputs = tokens.enumerated().map { i, t in
            SketchedDocument(ordinal: i, date: i < dates.count ? dates[i] : nil, sketch: sketcher.process(t))
        }
        let texts = self.texts
        let k = sketchConfiguration.shingleSize
        let shingler: @Sendable ([UInt64]) -> [UInt64] = { hashes in
            var out: [UInt64] = []
            Shingler.shingles(hashes, k: k, into: &out)
            return out
        }
        let builder = VerificationProfile.Builder(configuration: configuration)
        let profiles = screened ? tokens.map { builder.profile($0).encoded() } : []
        let profileReader: (@Sendable (Int, inout [UInt8]) throws -> Void)? =
            screened ? { @Sendable ordinal, bytes in bytes = profiles[ordinal] } : nil
        let reads = self.reads
        guard stored else {
            return try Clusterer(
                configuration: configuration, shingleSize: k, tokens: { tokens[$0] },
                words: { ordinal, hashes, quoted, facts in
                    reads.add()
                    let t = tokens[ordinal]
                    hashes = t.hashes
                    quoted = FlagBits.pack(t.quoted)
                    facts = t.withBuffers { NumberConflicts.factBits(texts[ordinal], $0) }
                }, shingler: shingler, profiles: profileReader, threads: threads
            ).run(inputs)
        }
        let store = try SpillStore()
        let refs = try zip(texts, tokens).map { text, t in
            try store.append(
                record: t.withBuffers {
                    SpillStore.record(text: text, tokens: $0, facts: NumberConflicts.factBits(text, $0))
                })
        }
        return try Clusterer(
            configuration: configuration, shingleSize: k, tokens: { try store.tokens(refs[$0]) },
            tokensInto: { try store.tokens(refs[$0], into: &$1) },
            words: {
                reads.add()
                try store.words(refs[$0], into: &$1, &$2, &$3)
            }, shingler: shingler, profiles: profileReader, threads: threads
        ).run(inputs)
    }
}

extension Clustering {
    /// Whether two documents ended in one cluster.
    func together(_ a: Int, _ b: Int) -> Bool { clusterIndex[a] == clusterIndex[b] }

    /// A counter's value, 0 when absent.
    func counter(_ name: String) -> Int { counters.first { $0.0 == name }?.1 ?? 0 }
}
