/// HTML character references: named (the common ones in news pages) and numeric.
enum HTMLEntities {
    /// Named references without the `&` and `;`.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "shy": "", "zwnj": "", "zwj": "", "lrm": "", "rlm": "",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "minus": "\u{2212}", "hellip": "\u{2026}", "bull": "\u{2022}",
        "middot": "\u{00B7}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "lsaquo": "\u{2039}",
        "rsaquo": "\u{203A}", "prime": "\u{2032}", "Prime": "\u{2033}", "dagger": "\u{2020}", "Dagger": "\u{2021}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{00A3}",
        "yen": "\u{00A5}", "cent": "\u{00A2}", "curren": "\u{00A4}", "sect": "\u{00A7}", "para": "\u{00B6}",
        "deg": "\u{00B0}", "plusmn": "\u{00B1}", "times": "\u{00D7}", "divide": "\u{00F7}", "frac12": "\u{00BD}",
        "frac14": "\u{00BC}", "frac34": "\u{00BE}", "sup1": "\u{00B9}", "sup2": "\u{00B2}", "sup3": "\u{00B3}",
        "micro": "\u{00B5}", "permil": "\u{2030}", "iexcl": "\u{00A1}", "iquest": "\u{00BF}", "ordf": "\u{00AA}",
        "ordm": "\u{00BA}", "not": "\u{00AC}", "macr": "\u{00AF}", "acute": "\u{00B4}", "cedil": "\u{00B8}",
        "uml": "\u{00A8}", "brvbar": "\u{00A6}", "larr": "\u{2190}", "rarr": "\u{2192}", "uarr": "\u{2191}",
        "darr": "\u{2193}", "hearts": "\u{2665}", "check": "\u{2713}",
        "Agrave": "\u{00C0}", "Aacute": "\u{00C1}", "Acirc": "\u{00C2}", "Atilde": "\u{00C3}", "Auml": "\u{00C4}",
        "Aring": "\u{00C5}", "AElig": "\u{00C6}", "Ccedil": "\u{00C7}", "Egrave": "\u{00C8}", "Eacute": "\u{00C9}",
        "Ecirc": "\u{00CA}", "Euml": "\u{00CB}", "Igrave": "\u{00CC}", "Iacute": "\u{00CD}", "Icirc": "\u{00CE}",
        "Iuml": "\u{00CF}", "ETH": "\u{00D0}", "Ntilde": "\u{00D1}", "Ograve": "\u{00D2}", "Oacute": "\u{00D3}",
        "Ocirc": "\u{00D4}", "Otilde": "\u{00D5}", "Ouml": "\u{00D6}", "Oslash": "\u{00D8}", "Ugrave": "\u{00D9}",
        "Uacute": "\u{00DA}", "Ucirc": "\u{00DB}", "Uuml": "\u{00DC}", "Yacute": "\u{00DD}", "THORN": "\u{00DE}",
        "szlig": "\u{00DF}", "agrave": "\u{00E0}", "aacute": "\u{00E1}", "acirc": "\u{00E2}", "atilde": "\u{00E3}",
        "auml": "\u{00E4}", "aring": "\u{00E5}", "aelig": "\u{00E6}", "ccedil": "\u{00E7}", "egrave": "\u{00E8}",
        "eacute": "\u{00E9}", "ecirc": "\u{00EA}", "euml": "\u{00EB}", "igrave": "\u{00EC}", "iacute": "\u{00ED}",
        "icirc": "\u{00EE}", "iuml": "\u{00EF}", "eth": "\u{00F0}", "ntilde": "\u{00F1}", "ograve": "\u{00F2}",
        "oacute": "\u{00F3}", "ocirc": "\u{00F4}", "otilde": "\u{00F5}", "ouml": "\u{00F6}", "oslash": "\u{00F8}",
        "ugrave": "\u{00F9}", "uacute": "\u{00FA}", "ucirc": "\u{00FB}", "uuml": "\u{00FC}", "yacute": "\u{00FD}",
        "thorn": "\u{00FE}", "yuml": "\u{00FF}", "Scaron": "\u{0160}", "scaron": "\u{0161}", "Zcaron": "\u{017D}",
        "zcaron": "\u{017E}", "OElig": "\u{0152}", "oelig": "\u{0153}", "Yuml": "\u{0178}", "fnof": "\u{0192}",
        "circ": "\u{02C6}", "tilde": "\u{02DC}", "alpha": "\u{03B1}", "beta": "\u{03B2}", "gamma": "\u{03B3}",
        "delta": "\u{03B4}", "pi": "\u{03C0}", "mu": "\u{03BC}", "sigma": "\u{03C3}", "omega": "\u{03C9}",
    ]

    /// Decodes the reference starting at `bytes[start]` (which is `&`).
    /// - Returns: the UTF-8 of the character(s) and the index after the reference, or nil when it is not one.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> ([UInt8], Int)? {
        var i = start + 1
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "x") {
                hex = true
                i += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while i < bytes.count, digits < 8 {
                let c = bytes[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x61...0x66 where hex: d = UInt32(c - 0x61 + 10)
                case 0x41...0x46 where hex: d = UInt32(c - 0x41 + 10)
                default: d = 99
                }
                if d == 99 { break }
                value = value * (hex ? 16 : 10) + d
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < bytes.count, bytes[i] == UInt8(ascii: ";") { i += 1 }
            // 0x80...0x9F mean their Windows-1252 characters, as browsers apply them.
            if value >= 0x80 && value < 0xA0 { value = TextDecoding.windows1252Scalar(UInt8(value)).value }
            if value == 0xA0 { value = 0x20 }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            let s = value == 0 ? "\u{FFFD}" : String(Character(scalar))
            return (Array(s.utf8), i)
        }
        var j = i
        while j < bytes.count, j - i < 32,
            (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A || (bytes[j] >= 0x30 && bytes[j] <= 0x39)
        {
            j += 1
        }
        guard j > i, j < bytes.count, bytes[j] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
        guard let value = named[name] else { return nil }
        return (Array(value.utf8), j + 1)
    }

    /// `text` with every reference decoded (for attribute values and titles).
    static func decodeAll(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let array = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(array.count)
        array.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                if buf[i] == UInt8(ascii: "&"), let (decoded, next) = decode(buf, at: i) {
                    out += decoded
                    i = next
                } else {
                    out.append(buf[i])
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
