// libFuzzer target: the CSV reader. Built by scripts/fuzz.sh CSV.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzIngest(name: "x.csv", data, size)
    return 0
}
