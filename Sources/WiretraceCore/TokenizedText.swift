/// A document's word tokens after normalization, each with its place in the original text.
///
/// Produced by the normalize stage; shingled by sketch; aligned by cluster verification; used
/// by the reports to highlight passages. Offsets count Unicode scalars of the original text,
/// so they index the text the same way Python's `str` does.
public struct TokenizedText: Sendable, Hashable {
    /// A stable 64-bit hash of each normalized token.
    public var hashes: [UInt64]
    /// Where each token starts in the original text (Unicode scalar offset).
    public var starts: [UInt32]
    /// Where each token ends (exclusive) in the original text.
    public var ends: [UInt32]
    /// Whether each token stands inside quotation marks.
    public var quoted: [Bool]

    public init(hashes: [UInt64] = [], starts: [UInt32] = [], ends: [UInt32] = [], quoted: [Bool] = []) {
        precondition(hashes.count == starts.count && starts.count == ends.count && ends.count == quoted.count)
        self.hashes = hashes
        self.starts = starts
        self.ends = ends
        self.quoted = quoted
    }

    /// The number of tokens.
    public var count: Int { hashes.count }

    /// Reserves room for `n` tokens.
    public mutating func reserve(_ n: Int) {
        hashes.reserveCapacity(n)
        starts.reserveCapacity(n)
        ends.reserveCapacity(n)
        quoted.reserveCapacity(n)
    }

    /// Appends one token.
    @inlinable
    public mutating func append(hash: UInt64, start: UInt32, end: UInt32, quoted isQuoted: Bool) {
        hashes.append(hash)
        starts.append(start)
        ends.append(end)
        quoted.append(isQuoted)
    }
}

extension TokenizedText {
    /// Where a tokenizer writes tokens: straight into uninitialized storage.
    ///
    /// Appending to four growable arrays costs four uniqueness and capacity checks per token,
    /// a measurable share of normalization; writing through pointers into storage sized for
    /// the most tokens the text can hold costs one bounds check.
    public struct Sink: ~Copyable {
        @usableFromInline let hashes: UnsafeMutablePointer<UInt64>
        @usableFromInline let starts: UnsafeMutablePointer<UInt32>
        @usableFromInline let ends: UnsafeMutablePointer<UInt32>
        @usableFromInline let quoted: UnsafeMutablePointer<Bool>
        /// The most tokens this sink accepts.
        public let capacity: Int
        /// Tokens written so far.
        public var count: Int { written }
        @usableFromInline var written = 0

        @usableFromInline
        init(
            hashes: UnsafeMutablePointer<UInt64>, starts: UnsafeMutablePointer<UInt32>,
            ends: UnsafeMutablePointer<UInt32>, quoted: UnsafeMutablePointer<Bool>, capacity: Int
        ) {
            self.hashes = hashes
            self.starts = starts
            self.ends = ends
            self.quoted = quoted
            self.capacity = capacity
        }

        /// Appends one token.
        @inlinable
        public mutating func append(hash: UInt64, start: UInt32, end: UInt32, quoted isQuoted: Bool) {
            precondition(written < capacity, "more tokens than the sink was sized for")
            hashes[written] = hash
            starts[written] = start
            ends[written] = end
            quoted[written] = isQuoted
            written += 1
        }

        /// Appends one token whose hash is not known yet: `setHash(_:at:)` gives it, at the
        /// returned index, before the tokens are read.
        @inlinable
        public mutating func appendUnhashed(start: UInt32, end: UInt32, quoted isQuoted: Bool) -> Int {
            precondition(written < capacity, "more tokens than the sink was sized for")
            starts[written] = start
            ends[written] = end
            quoted[written] = isQuoted
            written += 1
            return written - 1
        }

        /// Sets the hash of the token at `index`, one appended without it.
        @inlinable
        public mutating func setHash(_ hash: UInt64, at index: Int) {
            precondition(index < written, "no token at this index")
            hashes[index] = hash
        }
    }

    /// A copy of lent tokens, in arrays of their own.
    public init(_ tokens: TokenBuffers) {
        self.init(
            hashes: Array(tokens.hashes), starts: Array(tokens.starts), ends: Array(tokens.ends),
            quoted: Array(tokens.quoted))
    }
}

/// One document's tokens in storage lent for the length of a call: the four sequences of a
/// `TokenizedText`, not copied.
public struct TokenBuffers {
    public let hashes: UnsafeBufferPointer<UInt64>
    public let starts: UnsafeBufferPointer<UInt32>
    public let ends: UnsafeBufferPointer<UInt32>
    public let quoted: UnsafeBufferPointer<Bool>

    /// The number of tokens.
    public var count: Int { hashes.count }
}

extension TokenizedText {
    /// Lets `write` put at most `capacity` tokens into temporary storage (`ScratchMemory`) and
    /// returns what `read` makes of them.
    ///
    /// The pipeline sketches and spills each document's tokens at once: four heap arrays per
    /// document, sized for the most tokens the text can hold, were a large share of the
    /// allocator's work. Scratch memory is not touched beyond the tokens written, so it can be
    /// sized for that bound — a text of n UTF-8 bytes holds at most `(n + 1) / 2` tokens (a token
    /// takes at least one byte and two tokens are separated by at least one); `write` must not
    /// write more. Tokens kept beyond the call are copied out (`init(_:)`).
    /// - Complexity: O(1) to allocate (O(capacity) when the storage comes from the heap), plus
    ///   `write` and `read`.
    public static func withTemporaryStorage<R>(
        capacity: Int, write: (inout Sink) -> Void, read: (TokenBuffers) -> R
    ) -> R {
        ScratchMemory.withBuffer(of: UInt64.self, capacity: capacity) { hashes in
            ScratchMemory.withBuffer(of: UInt32.self, capacity: capacity) { starts in
                ScratchMemory.withBuffer(of: UInt32.self, capacity: capacity) { ends in
                    ScratchMemory.withBuffer(of: Bool.self, capacity: capacity) { quoted in
                        var n = 0
                        if let h = hashes.baseAddress, let s = starts.baseAddress, let e = ends.baseAddress,
                            let q = quoted.baseAddress
                        {
                            var sink = Sink(hashes: h, starts: s, ends: e, quoted: q, capacity: hashes.count)
                            write(&sink)
                            n = sink.count
                        }
                        return read(
                            TokenBuffers(
                                hashes: UnsafeBufferPointer(rebasing: hashes[..<n]),
                                starts: UnsafeBufferPointer(rebasing: starts[..<n]),
                                ends: UnsafeBufferPointer(rebasing: ends[..<n]),
                                quoted: UnsafeBufferPointer(rebasing: quoted[..<n])))
                    }
                }
            }
        }
    }

    /// Lends the tokens' storage to `body`.
    public func withBuffers<R>(_ body: (TokenBuffers) -> R) -> R {
        hashes.withUnsafeBufferPointer { h in
            starts.withUnsafeBufferPointer { s in
                ends.withUnsafeBufferPointer { e in
                    quoted.withUnsafeBufferPointer { q in
                        body(TokenBuffers(hashes: h, starts: s, ends: e, quoted: q))
                    }
                }
            }
        }
    }
}

/// A document together with its normalized tokens: what flows from normalize to sketch.
public struct NormalizedDocument: Sendable {
    public var document: Document
    public var tokens: TokenizedText

    public init(document: Document, tokens: TokenizedText) {
        self.document = document
        self.tokens = tokens
    }
}
