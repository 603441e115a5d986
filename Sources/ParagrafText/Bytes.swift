#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searching and case folding on a string's UTF-8 bytes. Foundation's `range(of:)` and
/// `lowercased()` go through UTF-16 or Unicode tables for every call; documents are read line
/// by line, so these byte-level forms are what the importer's rules use.
extension String {
    /// The string in lower case. Swedish text (ASCII and Latin-1 letters such as Å, Ä, Ö, É)
    /// is folded byte by byte; any other letter falls back to the standard library.
    public var lowerSv: String {
        var bytes = self
        return bytes.withUTF8 { source -> String in
            var index = 0
            // Already lower case and ASCII-or-Latin-1: the common line; returned as it is.
            var needsWork = false
            while index < source.count {
                let byte = source[index]
                if byte >= 0x41 && byte <= 0x5A { needsWork = true; break }
                if byte >= 0x80 {
                    if byte == 0xC3, index + 1 < source.count, source[index + 1] >= 0x80, source[index + 1] <= 0x9E { needsWork = true; break }
                    if !Self.isCaselessLead(source, index) { return self.lowercased() }
                    index += Self.sequenceLength(byte)
                    continue
                }
                index += 1
            }
            if !needsWork { return self }
            var fallback = false
            let folded = String(unsafeUninitializedCapacity: source.count) { out in
                guard Self.fold(source, into: out) else { fallback = true; return 0 }
                return source.count
            }
            return fallback ? self.lowercased() : folded
        }
    }

    /// Writes `source` in lower case into `out`, byte for byte; false at a letter it cannot fold.
    static func fold(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte < 0x80 {
                out[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                index += 1
            } else if byte == 0xC3, index + 1 < source.count {
                let next = source[index + 1]
                out[index] = byte
                // U+00C0–U+00DE are capitals whose small letter is 0x20 above, except × (U+00D7).
                out[index + 1] = next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next
                index += 2
            } else {
                guard isCaselessLead(source, index) else { return false }
                let length = sequenceLength(byte)
                for k in 0..<length where index + k < source.count { out[index + k] = source[index + k] }
                index += length
            }
        }
        return true
    }

    static func sequenceLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// Multi-byte sequences known to have no case: Latin-1 lower case and signs (C3 9F–BF, C2),
    /// general punctuation and currency (E2 80–82).
    static func isCaselessLead(_ source: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = source[index]
        if byte == 0xC2 { return true }
        if byte == 0xC3 { return index + 1 < source.count && (source[index + 1] > 0x9E || source[index + 1] == 0x97) }
        if byte == 0xE2, index + 1 < source.count { return source[index + 1] >= 0x80 && source[index + 1] <= 0x82 }
        return false
    }

    /// The pieces between occurrences of `separator` (empty pieces kept), found byte for byte.
    public func splitBytes(on separator: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = 0
        var from = 0
        let utf8 = self.utf8
        while let at = byteOffset(of: separator, from: from) {
            pieces.append(self[utf8.index(startIndex, offsetBy: start)..<utf8.index(startIndex, offsetBy: at)])
            start = at + separator.utf8.count
            from = start
        }
        pieces.append(self[utf8.index(startIndex, offsetBy: start)...])
        return pieces
    }

    /// Whether the string holds this byte anywhere (memchr, vectorised in libc).
    public func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { b in b.baseAddress.map { memchr($0, Int32(byte), b.count) != nil } ?? false }
    }

    /// Whether the string holds `needle`, compared byte for byte.
    public func containsBytes(_ needle: String) -> Bool {
        byteOffset(of: needle) != nil
    }

    /// The range of the first occurrence of `needle`, compared byte for byte.
    public func byteRange(of needle: String, from start: Int = 0) -> Range<String.Index>? {
        guard let offset = byteOffset(of: needle, from: start) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// The byte offset of the first occurrence of `needle` at or after `start`.
    public func byteOffset(of needle: String, from start: Int = 0) -> Int? {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in Self.search(n, in: h, from: start) }
        }
    }

    static func search(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        guard start >= 0, needle.count <= haystack.count - start, let base = haystack.baseAddress,
              let needleBase = needle.baseAddress else { return nil }
        let first = Int32(needle[0])
        var i = start
        let last = haystack.count - needle.count
        // memchr finds candidates for the first byte (vectorised in libc); memcmp checks the rest.
        while i <= last {
            guard let found = memchr(base + i, first, last - i + 1) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if needle.count == 1 || memcmp(base + at + 1, needleBase + 1, needle.count - 1) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    /// The string with the first `count` bytes dropped; `count` must end on a character.
    public func droppingBytes(_ count: Int) -> Substring {
        self[utf8.index(startIndex, offsetBy: min(count, utf8.count))...]
    }
}

extension StringProtocol {
    /// Whether the string starts with `prefix`, byte for byte (no Unicode comparison).
    public func hasBytePrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// Whether the string ends with `suffix`, byte for byte.
    public func hasByteSuffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
}

extension Substring {
    /// Without spaces at either end (lines are normalised: no tabs or other whitespace).
    public var trimmingSpaces: Substring {
        var t = self
        while t.utf8.first == 0x20 { t = t.dropFirst() }
        while t.utf8.last == 0x20 { t = t.dropLast() }
        return t
    }
}
