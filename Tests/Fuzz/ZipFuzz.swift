// libFuzzer target: the Zip reader. Built by scripts/fuzz.sh Zip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZip(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzIngest(name: "x.zip", data, size)
    return 0
}
