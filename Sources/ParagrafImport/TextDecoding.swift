import Foundation
import ParagrafText

/// Turns a file's bytes into text: UTF-8 when they are valid UTF-8, otherwise Windows-1252
/// (the superset of Latin-1 that older Swedish Windows systems wrote).
public enum TextDecoding {
    public enum Encoding: String, Sendable, Equatable {
        case utf8 = "UTF-8"
        case windows1252 = "Windows-1252"
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case binary(offset: Int)

        public var description: String {
            switch self {
            case .empty: return "filen är tom"
            case .binary(let offset): return "filen innehåller binära data (byte \(offset)) och är ingen text"
            }
        }
    }

    public static func decode(_ data: Data) -> Result<(text: String, encoding: Encoding), Failure> {
        // Read through one pointer: Data's own subscript checks access on every byte.
        data.withUnsafeBytes { raw -> Result<(text: String, encoding: Encoding), Failure> in
            var bytes = raw.bindMemory(to: UInt8.self)[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard !bytes.isEmpty else { return .failure(.empty) }
            // NUL and most C0 controls never occur in text; their presence means a binary file.
            if let index = bytes.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D }) {
                return .failure(.binary(offset: index))
            }
            let buffer = UnsafeBufferPointer(rebasing: bytes)
            if let text = String(validating: buffer, as: UTF8.self) {
                return .success((text, .utf8))
            }
            return .success((windows1252Text(buffer), .windows1252))
        }
    }

    /// Bytes known to be Windows-1252 as text.
    public static func windows1252Text(_ bytes: some Sequence<UInt8>) -> String {
        String(String.UnicodeScalarView(bytes.map { windows1252[Int($0)] }))
    }

    /// Windows-1252 to Unicode; the five undefined bytes map to their C1 code points as in Latin-1.
    static let windows1252: [Unicode.Scalar] = (0..<256).map { byte in
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
                              0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        let value = (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
        return Unicode.Scalar(value)!
    }
}
