import Foundation

/// What a person typed into the search box, read into what the index can answer: clauses that
/// must all hold. The syntax is the one people know from web search: words (all must be there),
/// `"an exact phrase"`, `-word` or `-"a phrase"` to leave out, and `OR` between two words for
/// either one. `OR` binds the words on each side of it; beside a phrase or an excluded word it is
/// read as a word of its own would not be, and dropped.
public struct SearchExpression: Hashable, Sendable {
    public struct Atom: Hashable, Sendable {
        /// Index terms that must all be present (a word's stem and its compound parts).
        public var terms: [String]
        /// For an exact phrase: the phrase as `SearchExpression.fold` gives it, to be found as written.
        public var phrase: String?
    }

    public struct Clause: Hashable, Sendable {
        /// Any one of these will do.
        public var alternatives: [Atom]
        /// The clause must not hold.
        public var negated: Bool
    }

    public var clauses: [Clause]

    /// Something must be asked for: a search of exclusions only would list everything else.
    public var hasRequiredTerms: Bool { clauses.contains { !$0.negated } }

    /// The terms asked for (not those left out), for marking what a hit matched.
    public var wantedTerms: Set<String> {
        Set(clauses.filter { !$0.negated }.flatMap { $0.alternatives.flatMap(\.terms) })
    }

    /// Phrases asked for, folded.
    public var wantedPhrases: [String] {
        clauses.filter { !$0.negated }.flatMap { $0.alternatives.compactMap(\.phrase) }
    }

    /// The form a phrase is compared in, on both sides: one line (NFC, whitespace collapsed), lower case.
    public static func fold(_ text: String) -> String {
        TextNormalizer.line(text).lowercased()
    }

    private enum Item {
        case atom(Atom, negated: Bool)
        case or
    }

    public static func parse(_ text: String, analyzer: SwedishAnalyzer) -> SearchExpression {
        var items: [Item] = []
        var run: [String] = []
        // Plain words are analysed together, so that a diary number typed with its space
        // (`ALN 2024-00029`) stays one term.
        func flushRun() {
            guard !run.isEmpty else { return }
            var byPosition: [(Int, [String])] = []
            for term in analyzer.terms(run.joined(separator: " ")) {
                if let last = byPosition.last, last.0 == term.position {
                    if !last.1.contains(term.text) { byPosition[byPosition.count - 1].1.append(term.text) }
                } else {
                    byPosition.append((term.position, [term.text]))
                }
            }
            items += byPosition.map { .atom(Atom(terms: $0.1, phrase: nil), negated: false) }
            run.removeAll()
        }
        func phraseAtom(_ phrase: String) -> Atom? {
            let terms = analyzer.termTexts(phrase)
            let folded = fold(phrase)
            return terms.isEmpty || folded.isEmpty ? nil : Atom(terms: terms, phrase: folded)
        }

        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let negated = c == "-" && i + 1 < chars.count && !chars[i + 1].isWhitespace
            let start = negated ? i + 1 : i
            if start < chars.count, chars[start] == "\"" || chars[start] == "”" || chars[start] == "“" {
                flushRun()
                var end = start + 1
                while end < chars.count, !(chars[end] == "\"" || chars[end] == "”" || chars[end] == "“") { end += 1 }
                if let atom = phraseAtom(String(chars[(start + 1)..<min(end, chars.count)])) {
                    items.append(.atom(atom, negated: negated))
                }
                i = end + 1
                continue
            }
            var end = start
            while end < chars.count, !chars[end].isWhitespace { end += 1 }
            let word = String(chars[start..<end])
            i = end
            if !negated, word == "OR" {
                flushRun()
                items.append(.or)
            } else if negated {
                flushRun()
                let terms = analyzer.termTexts(word)
                if !terms.isEmpty { items.append(.atom(Atom(terms: terms, phrase: nil), negated: true)) }
            } else {
                run.append(word)
            }
        }
        flushRun()

        var clauses: [Clause] = []
        var joinNext = false
        for item in items {
            switch item {
            case .or:
                // Only between two words that are asked for.
                joinNext = clauses.last.map { !$0.negated && $0.alternatives.allSatisfy { $0.phrase == nil } } ?? false
            case let .atom(atom, negated):
                if joinNext, !negated, atom.phrase == nil {
                    clauses[clauses.count - 1].alternatives.append(atom)
                } else {
                    clauses.append(Clause(alternatives: [atom], negated: negated))
                }
                joinNext = false
            }
        }
        return SearchExpression(clauses: clauses)
    }
}
