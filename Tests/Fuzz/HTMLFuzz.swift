// libFuzzer target: HTML text extraction and date normalization. Built by scripts/fuzz.sh HTML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let page = HTMLExtractor.extract(text)
    _ = DateNormalizer.normalize(String(text.prefix(60)))
    fuzzIngest(name: "x.html", data, size)
    return 0
}
