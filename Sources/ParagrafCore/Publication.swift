/// What may reach the public. Every public surface — pages, search, feeds, the API, file
/// downloads — asks here, so that the rule is written once: closed paragraphs
/// (myndighetsutövning, sekretess), secret documents and cases, and personal identity numbers
/// are never published (OSL, GDPR).
public enum Publication {
    public static func mayPublish(_ paragraph: Paragraph) -> Bool { paragraph.isPublic }
    public static func mayPublish(_ item: AgendaItem) -> Bool { item.isPublic }
    public static func mayPublish(_ document: Document) -> Bool { !document.secrecy.isSecret }
    public static func mayPublish(_ matter: Case) -> Bool { !matter.secrecy.isSecret }

    /// What stands in place of a personal identity number.
    public static let mask = "[personnummer]"

    /// The text with every personal identity number (personnummer, samordningsnummer) masked.
    public static func redacted(_ text: String) -> String {
        let found = PersonalIdentityNumbers.byteRanges(in: text)
        guard !found.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for range in found.reversed() { bytes.replaceSubrange(range, with: Array(mask.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the text holds a personal identity number.
    public static func holdsPersonalIdentityNumber(_ text: String) -> Bool {
        !PersonalIdentityNumbers.byteRanges(in: text).isEmpty
    }
}

/// Swedish personal identity numbers as people write them: `YYMMDD-NNNN`, `YYMMDD+NNNN` (over
/// a hundred years old), `YYYYMMDD-NNNN`, the same without separator or with a space, and
/// samordningsnummer (the day plus 60). A candidate is a run of exactly these digits, not part
/// of a longer number, whose date part is a possible date. The check digit is not required:
/// a mistyped number is still a person's number and is masked too.
public enum PersonalIdentityNumbers {
    /// The byte ranges of the numbers in the text's UTF-8, in order.
    public static func byteRanges(in text: String) -> [Range<Int>] {
        let b = Array(text.utf8)
        var found: [Range<Int>] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        func digits(from k: Int) -> Int {
            var n = 0
            while isDigit(k + n) { n += 1 }
            return n
        }
        while i < b.count {
            guard isDigit(i), !isDigit(i - 1) else { i += 1; continue }
            let run = digits(from: i)
            var end: Int? = nil
            if run == 10 || run == 12 {
                end = i + run
            } else if run == 6 || run == 8, i + run < b.count,
                      b[i + run] == UInt8(ascii: "-") || b[i + run] == UInt8(ascii: "+") || b[i + run] == 0x20,
                      digits(from: i + run + 1) == 4 {
                end = i + run + 5
            }
            if let end, isDate(b, at: i, century: run == 12 || run == 8) {
                found.append(i..<end)
                i = end
            } else {
                i += run
            }
        }
        return found
    }

    /// Whether the digits at `start` begin with a date: `YYMMDD`, or `YYYYMMDD` from 1800 on.
    static func isDate(_ b: [UInt8], at start: Int, century: Bool) -> Bool {
        func number(_ k: Int) -> Int { Int(b[k] - 0x30) * 10 + Int(b[k + 1] - 0x30) }
        var k = start
        if century {
            guard (18...20).contains(number(k)) else { return false }
            k += 2
        }
        let month = number(k + 2), day = number(k + 4)
        // Samordningsnummer add 60 to the day.
        return (1...12).contains(month) && ((1...31).contains(day) || (61...91).contains(day))
    }
}
