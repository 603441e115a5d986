/// The Snowball stemmer for Swedish (Martin Porter's algorithm): `nämnden`, `nämnder` and
/// `nämndens` all become `nämnd`. Works on lower-case words, scalar by scalar.
public enum SwedishStemmer {
    typealias Scalars = [Unicode.Scalar]

    static func isVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "e", "i", "o", "u", "y", "ä", "å", "ö": return true
        default: return false
        }
    }

    static func isSEnding(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "r", "t", "v", "y": return true
        default: return false
        }
    }

    /// Step 1's suffixes, longest first so that the first match is the longest.
    static let mainSuffixes: [Scalars] = [
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden", "aren", "heten",
        "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes", "ens", "arens", "hetens",
        "erns", "at", "andet", "het", "ast",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    static let doubles: [Scalars] = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"].map { Array($0.unicodeScalars) }
    static let otherSuffixes: [Scalars] = ["lig", "els", "ig"].map { Array($0.unicodeScalars) }
    static let fullt = Array("fullt".unicodeScalars), löst = Array("löst".unicodeScalars)

    public static func stem(_ word: String) -> String {
        var w = Array(word.unicodeScalars)
        guard w.count > 2 else { return word }
        stem(&w)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: w)
        return String(out)
    }

    static func stem(_ w: inout Scalars) {
        let r1 = regionOne(w)
        // Step 1: the longest of the main suffixes in R1 goes; a final s after a valid s-ending too.
        if let suffix = mainSuffixes.first(where: { w.count - $0.count >= r1 && w.ends(with: $0) }) {
            w.removeLast(suffix.count)
        } else if w.count - 1 >= r1, w.count >= 2, w[w.count - 1] == "s", isSEnding(w[w.count - 2]) {
            w.removeLast()
        }
        // Step 2: a double consonant at the end in R1 loses its last letter.
        if doubles.contains(where: { w.count - $0.count >= r1 && w.ends(with: $0) }) { w.removeLast() }
        // Step 3: other suffixes in R1.
        if w.count - 5 >= r1, w.ends(with: fullt) {
            w.removeLast()
        } else if w.count - 4 >= r1, w.ends(with: löst) {
            w.removeLast()
        } else if let suffix = otherSuffixes.first(where: { w.count - $0.count >= r1 && w.ends(with: $0) }) {
            w.removeLast(suffix.count)
        }
    }

    /// R1: after the first non-vowel that follows a vowel, but at least three letters in.
    static func regionOne(_ w: Scalars) -> Int {
        var i = 1
        while i < w.count {
            if !isVowel(w[i]) && isVowel(w[i - 1]) { return max(3, i + 1) }
            i += 1
        }
        return w.count
    }
}

extension Array where Element: Equatable {
    func ends(with suffix: [Element]) -> Bool {
        guard count >= suffix.count else { return false }
        var i = count - suffix.count, j = 0
        while j < suffix.count {
            if self[i] != suffix[j] { return false }
            i += 1
            j += 1
        }
        return true
    }
}
