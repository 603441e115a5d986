import Foundation
import Testing
@testable import ParagrafImport

@Suite("Decoding files to text")
struct TextDecodingTests {
    @Test func readsUTF8WithAndWithoutBOM() throws {
        let text = "§ 30 Upprop och val av justerare – Arbetslivsnämnden"
        #expect(try TextDecoding.decode(Data(text.utf8)).get().text == text)
        #expect(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).get() == (text, .utf8))
    }

    @Test func readsWindows1252() throws {
        // "Sammanträdesdatum – § 5" in Windows-1252: ä = E4, en dash = 96, § = A7.
        let bytes: [UInt8] = Array("Sammantr".utf8) + [0xE4] + Array("desdatum ".utf8) + [0x96, 0x20, 0xA7] + Array(" 5".utf8)
        let decoded = try TextDecoding.decode(Data(bytes)).get()
        #expect(decoded.text == "Sammanträdesdatum – § 5")
        #expect(decoded.encoding == .windows1252)
    }

    @Test func refusesEmptyAndBinary() {
        #expect(throws: TextDecoding.Failure.empty) { try TextDecoding.decode(Data()).get() }
        #expect(throws: TextDecoding.Failure.empty) { try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF])).get() }
        #expect(throws: TextDecoding.Failure.binary(offset: 4)) { try TextDecoding.decode(Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])).get() }
    }
}
