/// Which members of JSON objects to build, for reading a few fields out of a large record.
///
/// A filter lists member keys; each is wanted whole (its value built as it is) or only as a path
/// prefix (its value, when an object, filtered in turn by a nested filter). `JSONParser.parse(_:keeping:scratch:)`
/// builds only the listed members of a filtered object, in their written order, duplicates included;
/// the others are checked as strictly as by a full parse and dropped. Values other than objects are
/// built whole wherever they are.
public struct JSONKeyFilter: Sendable, Hashable {
    /// One wanted member key.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The key's UTF-8 bytes, compared with the raw bytes of unescaped keys.
        var utf8: [UInt8]
        /// Whether the value is wanted as it is; otherwise only `nested` members of it are.
        public var whole: Bool
        /// The members wanted inside the value, when it is an object and not wanted whole.
        public var nested: JSONKeyFilter
    }

    /// The wanted keys, each once.
    public private(set) var members: [Member] = []

    /// A filter that keeps no member.
    public init() {}

    /// A filter that keeps the values at each path in `paths` (a path lists the keys from the
    /// outer object inwards).
    public init(paths: [[String]]) {
        for path in paths { insert(path: path[...]) }
    }

    /// Adds the value at `path` (keys from the outer object inwards); an empty path adds nothing.
    public mutating func insert<S: Collection<String>>(path: S) where S.SubSequence == S {
        guard let key = path.first else { return }
        let rest = path.dropFirst()
        let i: Int
        if let found = members.firstIndex(where: { $0.key == key }) {
            i = found
        } else {
            members.append(Member(key: key, utf8: Array(key.utf8), whole: false, nested: JSONKeyFilter()))
            i = members.count - 1
        }
        if rest.isEmpty {
            members[i].whole = true
        } else {
            members[i].nested.insert(path: rest)
        }
    }

    /// The member whose key is the UTF-8 `key`, or nil.
    /// - Complexity: O(number of members) comparisons, each ending at the first differing byte.
    func member(matching key: UnsafeBufferPointer<UInt8>) -> Member? {
        for m in members where m.utf8.count == key.count {
            if m.utf8.withUnsafeBufferPointer({ $0.elementsEqual(key) }) { return m }
        }
        return nil
    }
}
