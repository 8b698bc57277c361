// libFuzzer target: the WARC reader. Built by scripts/fuzz.sh WARC.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzIngest(name: "x.warc", data, size)
    return 0
}
