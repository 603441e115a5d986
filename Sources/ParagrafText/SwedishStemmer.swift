/// The Snowball stemmer for Swedish (Martin Porter's algorithm): `nämnden`, `nämnder` and
/// `nämndens` all become `nämnd`. Works on lower-case words.
public enum SwedishStemmer {
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "ä", "å", "ö"]
    static let sEndings: Set<Character> = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "r", "t", "v", "y"]

    /// Step 1's suffixes, longest first so that the first match is the longest.
    static let mainSuffixes: [[Character]] = [
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden", "aren", "heten",
        "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes", "ens", "arens", "hetens",
        "erns", "at", "andet", "het", "ast",
    ].map(Array.init).sorted { $0.count > $1.count }
    static let doubles: [[Character]] = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"].map(Array.init)

    public static func stem(_ word: String) -> String {
        var w = Array(word)
        guard w.count > 2 else { return word }
        let r1 = regionOne(w)
        // Step 1: the longest of the main suffixes in R1 goes; a final s after a valid s-ending too.
        if let suffix = mainSuffixes.first(where: { w.count - $0.count >= r1 && w.ends(with: $0) }) {
            w.removeLast(suffix.count)
        } else if w.count - 1 >= r1, w.last == "s", w.count >= 2, sEndings.contains(w[w.count - 2]) {
            w.removeLast()
        }
        // Step 2: a double consonant at the end in R1 loses its last letter.
        if doubles.contains(where: { w.count - $0.count >= r1 && w.ends(with: $0) }) { w.removeLast() }
        // Step 3: other suffixes in R1.
        if w.count - 5 >= r1, w.ends(with: Array("fullt")) {
            w.removeLast()
        } else if w.count - 4 >= r1, w.ends(with: Array("löst")) {
            w.removeLast()
        } else if let suffix = [Array("lig"), Array("els"), Array("ig")].first(where: { w.count - $0.count >= r1 && w.ends(with: $0) }) {
            w.removeLast(suffix.count)
        }
        return String(w)
    }

    /// R1: after the first non-vowel that follows a vowel, but at least three letters in.
    static func regionOne(_ w: [Character]) -> Int {
        var i = 1
        while i < w.count {
            if !vowels.contains(w[i]) && vowels.contains(w[i - 1]) { return max(3, i + 1) }
            i += 1
        }
        return w.count
    }
}

extension Array where Element == Character {
    func ends(with suffix: [Character]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
