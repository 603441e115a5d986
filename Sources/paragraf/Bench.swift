import ArgumentParser
import Foundation
import ParagrafWeb
import ParagrafCore
import ParagrafImport
import ParagrafStore

/// Benchmarks for the release build; figures go in the README with the command that made them.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mäter hastigheten (kör release-bygget).", subcommands: [BenchParse.self, BenchImport.self, BenchSearch.self])
}

/// Medians over passes, and the machine's noise beside them.
struct Timing {
    var seconds: [Double] = []
    var median: Double {
        let sorted = seconds.sorted()
        return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    var spread: String { String(format: "%.3f–%.3f s", seconds.min() ?? 0, seconds.max() ?? 0) }

    static func measure(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

func loadInputs(_ paths: [String]) throws -> [(name: String, data: Data)] {
    let (files, missing) = ImportRun.expand(paths)
    guard missing.isEmpty else { throw ValidationError("Finns inte: \(missing.joined(separator: ", "))") }
    guard !files.isEmpty else { throw ValidationError("Inga dokument att mäta på.") }
    return try files.map { ((($0 as NSString).lastPathComponent), try Data(contentsOf: URL(fileURLWithPath: $0))) }
}

struct BenchParse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Tolkar dokumenten upprepade till minst --megabytes MB på en kärna; skriver MB/s och dokument/s.")
    @Option(help: "Minsta mängd text per varv, i MB.") var megabytes = 50
    @Option(help: "Antal varv; medianen redovisas.") var passes = 3
    @Argument(help: "Dokument eller mappar, till exempel ../shared/seeds.") var paths: [String]

    func run() async throws {
        let inputs = try loadInputs(paths)
        let unit = inputs.reduce(0) { $0 + $1.data.count }
        let copies = max(1, (megabytes * 1_000_000 + unit - 1) / unit)
        let bytes = unit * copies
        let documents = inputs.count * copies
        print("Indata: \(inputs.count) dokument (\(unit) byte) × \(copies) = \(documents) dokument, \(String(format: "%.1f", Double(bytes) / 1e6)) MB per varv")

        // The reference: decoding the same bytes and splitting them into lines, which any reader must do.
        var reference = Timing()
        var parse = Timing()
        var sink = 0
        for _ in 0..<passes {
            reference.seconds.append(await Timing.measure {
                for _ in 0..<copies {
                    for input in inputs { sink &+= String(decoding: input.data, as: UTF8.self).split(separator: "\n").count }
                }
            })
            parse.seconds.append(await Timing.measure {
                for _ in 0..<copies {
                    for input in inputs {
                        if case .success(let doc) = DocumentReader.read(data: input.data, name: input.name) { sink &+= doc.items.count }
                    }
                }
            })
        }
        let mb = Double(bytes) / 1e6
        print(String(format: "Tolkning: median %.2f s (%@) = %.1f MB/s, %.0f dokument/s", parse.median, parse.spread,
                     mb / parse.median, Double(documents) / parse.median))
        print(String(format: "Referens (avkoda och dela i rader): median %.2f s = %.1f MB/s; tolkningen tar %.1f gånger så lång tid",
                     reference.median, mb / reference.median, parse.median / reference.median))
        if sink == 42 { print("") }  // Keeps the work from being optimised away.
    }
}

struct BenchImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Sparar de tolkade dokumenten upprepade (som nya kommuner) i en ny SQLite-fil; skriver paragrafer/s.")
    @Option(help: "Minsta antal paragrafer per varv.") var paragraphs = 20_000
    @Option(help: "Antal varv, var och ett i en ny databas; medianen redovisas.") var passes = 3
    @Argument(help: "Dokument eller mappar, till exempel ../shared/seeds.") var paths: [String]

    func run() async throws {
        let inputs = try loadInputs(paths)
        let records = inputs.compactMap { input -> MeetingRecord? in
            guard case .success(let doc) = DocumentReader.read(data: input.data, name: input.name),
                  case .success(let built) = RecordBuilder.build(doc, content: input.data) else { return nil }
            return built.record
        }
        let unit = records.reduce(0) { $0 + $1.minutes.paragraphs.count }
        guard unit > 0 else { throw ValidationError("Dokumenten innehåller inga paragrafer att spara.") }
        let copies = max(1, (paragraphs + unit - 1) / unit)
        print("Indata: \(records.count) dokument med \(unit) paragrafer × \(copies) kommuner = \(unit * copies) paragrafer per varv")

        // The search analyzer reads its word list once per process: done here, before the timing.
        _ = SQLStore.searchAnalyzer.termTexts("arbetsmarknadsnämnden")
        var filing = Timing()
        var reference = Timing()
        for pass in 0..<passes {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paragraf-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let store = try await SQLStore.open(.sqlite(path: dir.appendingPathComponent("bench.sqlite").path), migrate: true)
            do {
                // Each copy is another municipality, so that numbers and persons are new as in a real archive.
                var all: [MeetingRecord] = []
                for copy in 0..<copies {
                    for var record in records {
                        record.municipality = "Bänkby \(copy)"
                        record.source.file.sha256 += "-\(copy)"
                        all.append(record)
                    }
                }
                filing.seconds.append(try await Timing.measure {
                    // As `paragraf import` files them: in batches of `ImportRun.batchSize` documents per transaction.
                    var start = 0
                    while start < all.count {
                        let end = min(all.count, start + ImportRun.batchSize)
                        for case .failure(let error) in try await store.file(Array(all[start..<end])) { throw error }
                        start = end
                    }
                })
                let stored = try await store.paragraphCount()
                guard stored == unit * copies else { throw ValidationError("\(stored) paragrafer sparades, väntat \(unit * copies)") }
                // The reference: the same number of bare one-row inserts, in transactions of the same size.
                let titles = all.map { $0.minutes.paragraphs.map(\.title) }
                let batches = stride(from: 0, to: titles.count, by: ImportRun.batchSize).map {
                    Array(titles[$0..<min(titles.count, $0 + ImportRun.batchSize)].joined())
                }
                reference.seconds.append(try await Timing.measure { try await store.referenceInserts(batches) })
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            print("Varv \(pass + 1): \(String(format: "%.2f", filing.seconds.last!)) s")
        }
        let count = Double(unit * copies)
        print(String(format: "Import till SQLite: median %.2f s (%@) = %.0f paragrafer/s", filing.median, filing.spread, count / filing.median))
        print(String(format: "Referens (en INSERT per paragraf, samma transaktioner): median %.2f s = %.0f rader/s; importen tar %.1f gånger så lång tid",
                     reference.median, count / reference.median, filing.median / reference.median))
    }
}

struct BenchSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Söker med en fast lista av frågor i ett lager (till exempel `paragraf demo --scale 1400`); skriver median och 99:e percentil, och samma för den nakna FTS5-frågan.")
    @Option(help: "SQLite-filen att söka i.") var store: String
    @Option(help: "Antal varv över frågelistan.") var passes = 10
    @Option(help: "En fil med en fråga per rad, i stället för den inbyggda listan.") var queries: String?

    /// One to three words, some with the syntax: the demo's own vocabulary, common and rare.
    static let standardQueries = [
        "budget", "nämnden", "detaljplan", "ekonomiskt bistånd", "skolskjuts", "remiss bostadsförsörjning",
        "medborgarförslag parkbänkar", "internkontrollplan", "solceller", "taxor avgifter", "patientsäkerhetsberättelse",
        "arbetsmarknaden insatser", "upphandling", "\"ekonomiskt bistånd\"", "budget -internkontroll", "detaljplan OR upphandling",
        "Kvarnbacken", "avsägelse ersättare", "delegationsbeslut", "anmälningsärenden",
    ]

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    func run() async throws {
        let list = try queries.map { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").map(String.init) }
            ?? Self.standardQueries
        let opened = try await SQLStore.open(.sqlite(path: store), migrate: false)
        do {
            let paragraphs = try await opened.paragraphCount()
            print("Lager: \(paragraphs) paragrafer; \(list.count) frågor × \(passes) varv")
            _ = SQLStore.searchAnalyzer.termTexts("nämnd")
            for query in list { _ = try await opened.search(SearchQuery(text: query)); _ = try await opened.referenceSearch(query, bounded: true) }
            var ours: [String: [Double]] = [:], bare: [String: [Double]] = [:], ranked: [String: [Double]] = [:]
            var hits: [String: Int] = [:]
            for _ in 0..<passes {
                for query in list {
                    var total = 0
                    ours[query, default: []].append(try await Timing.measure {
                        total = try await opened.search(SearchQuery(text: query)).total
                    } * 1000)
                    hits[query] = total
                    bare[query, default: []].append(try await Timing.measure { _ = try await opened.referenceSearch(query, bounded: true) } * 1000)
                    ranked[query, default: []].append(try await Timing.measure {
                        _ = try await opened.referenceSearch(query, bounded: false)
                    } * 1000)
                }
            }
            for query in list {
                print(String(format: "  %-30@ %5d%@ träffar %7.2f ms   FTS5 ensam: %6.2f ms begränsad, %7.2f ms rangordnad", query as NSString,
                             hits[query] ?? 0, (hits[query] ?? 0) >= SQLStore.searchCandidates ? "+" : " ",
                             Self.percentile(ours[query] ?? [], 0.5), Self.percentile(bare[query] ?? [], 0.5),
                             Self.percentile(ranked[query] ?? [], 0.5)))
            }
            let all = ours.values.flatMap { $0 }, allBare = bare.values.flatMap { $0 }, allRanked = ranked.values.flatMap { $0 }
            print(String(format: "Sökning: median %.2f ms, 99:e percentil %.2f ms, högst %.2f ms (%d mätningar)",
                         Self.percentile(all, 0.5), Self.percentile(all, 0.99), all.max() ?? 0, all.count))
            print(String(format: "Referens 1, FTS5 ensam med samma gräns (de %d senaste träffarna): median %.2f ms, 99:e percentil %.2f ms; sökningen tar %.1f gånger så lång tid i median",
                         SQLStore.searchCandidates + 1, Self.percentile(allBare, 0.5), Self.percentile(allBare, 0.99),
                         Self.percentile(all, 0.5) / max(0.001, Self.percentile(allBare, 0.5))))
            print(String(format: "Referens 2, FTS5 ensam rangordnar alla träffar (ORDER BY rank LIMIT 20): median %.2f ms, 99:e percentil %.2f ms",
                         Self.percentile(allRanked, 0.5), Self.percentile(allRanked, 0.99)))
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
    }
}
