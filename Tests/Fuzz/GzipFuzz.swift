// libFuzzer target: the gzip stream (and what it wraps: the first byte picks .jsonl.gz or .tar.gz). Built by scripts/fuzz.sh Gzip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    var stream = GzipStream(
        MemoryByteStream(Array(UnsafeBufferPointer(start: data + 1, count: size - 1))), maxOutputBytes: 8 << 20)
    _ = try? readAll(&stream, limit: 8 << 20)
    fuzzIngest(name: data[0] & 1 == 0 ? "x.jsonl.gz" : "x.tar.gz", data + 1, size - 1)
    return 0
}
