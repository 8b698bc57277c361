// libFuzzer target: the JSON Lines and JSON array readers (the first byte picks which). Built by scripts/fuzz.sh JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    fuzzIngest(name: data[0] & 1 == 0 ? "x.jsonl" : "x.json", data + 1, size - 1)
    return 0
}
