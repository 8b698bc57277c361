// libFuzzer target: the Tar reader. Built by scripts/fuzz.sh Tar.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTar(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzIngest(name: "x.tar", data, size)
    return 0
}
