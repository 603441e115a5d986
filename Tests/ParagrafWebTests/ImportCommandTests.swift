import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafStore
@testable import ParagrafWeb
import Testing

/// The shared seeds, beside the project as CI has them.
let seedsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/seeds").standardized

func seedFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path).filter { $0.hasSuffix(".txt") }.sorted()
        .map { seedsDirectory.appendingPathComponent($0).path }
}

@Suite("paragraf import")
struct ImportCommandTests {
    @Test("the seeds are imported, once: importing them again changes nothing")
    func seedsOnce() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("p.sqlite").path
        let first = try CLI.run(["import", "--store", store] + (try seedFiles()))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("5 dokument, 5 sammanträden, 31 paragrafer"), "\(first.stdout)")
        #expect(first.stdout.contains("0 misslyckade"))
        // A folder is searched for documents; the same files again are recognised.
        let again = try CLI.run(["import", "--store", store, seedsDirectory.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 paragrafer"))
        #expect(again.stdout.contains("5 oförändrade"))
        #expect(again.stdout.contains("seed-000.txt: protokoll, Arbetslivsnämnden i Borås den 2024-04-16: oförändrad"))
    }

    @Test("bad input beside good: each bad file is named, the good ones are imported, nothing stored is lost")
    func badInputBesideGood() async throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("p.sqlite").path
        #expect(try CLI.run(["import", "--store", store] + (try seedFiles())).status == 0)

        let bad = dir.appendingPathComponent("dåliga")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data().write(to: bad.appendingPathComponent("tom.txt"))
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: bad.appendingPathComponent("binär.txt"))
        try "Hej!\n\nVälkommen på julbord den 12 december.\n".write(to: bad.appendingPathComponent("brev.txt"), atomically: true, encoding: .utf8)
        // The seed's minutes, § numbers and all, claimed for another date: a conflict with what is stored.
        let seed = try String(contentsOf: seedsDirectory.appendingPathComponent("seed-000.txt"), encoding: .utf8)
        try seed.replacingOccurrences(of: "2024-04-16", with: "2024-05-14")
            .write(to: bad.appendingPathComponent("krock.txt"), atomically: true, encoding: .utf8)
        let big = FileManager.default.createFile(atPath: bad.appendingPathComponent("jätte.txt").path, contents: nil)
        #expect(big)
        let handle = try FileHandle(forWritingTo: bad.appendingPathComponent("jätte.txt"))
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()

        let result = try CLI.run(["import", "--store", store, bad.path, dir.appendingPathComponent("saknas").path])
        #expect(result.status == 1)
        for name in ["tom.txt", "binär.txt", "brev.txt", "krock.txt", "jätte.txt", "saknas"] {
            #expect(result.stderr.contains(name), "the failure names \(name): \(result.stderr)")
        }
        #expect(result.stdout.contains("6 misslyckade"), "\(result.stdout)")

        let opened = try await SQLStore.open(.sqlite(path: store), migrate: false, logger: quiet)
        let paragraphs = try await opened.paragraphCount()
        let borås = try #require(try await opened.municipality(named: "Borås"))
        let committee = try #require(try await opened.committees(in: borås.id!).first { $0.name == "Arbetslivsnämnden" })
        let meetings = try await opened.meetings(of: committee.id!, year: 2024)
        await opened.close()
        #expect(paragraphs == 31, "nothing stored was lost or added")
        #expect(meetings.map(\.date) == [LocalDate(iso: "2024-04-16")], "the conflicting document left no meeting behind")
    }

    @Test("imported seeds are shown: the meeting with its paragraphs, a paragraph, the kept source file")
    func servedAfterImport() async throws {
        try await withTemporaryStore { store, dir in
            let summary = await ImportRun(store: store).run(try seedFiles())
            #expect(summary.failures == 0 && summary.documents == 5)
            let app = try await buildApplication(store: store, configuration: AppConfiguration(store: .sqlite(path: "x")), logger: quiet)
            let borås = try #require(try await store.municipality(named: "Borås"))
            let committee = try #require(try await store.committees(in: borås.id!).first)
            let meeting = try #require(try await store.meetings(of: committee.id!, year: 2024).first)
            let source = try #require(try await store.documents(forMeeting: meeting.id!).first { $0.kind == .protokoll })
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    let html = String(buffer: response.body)
                    for name in ["Borås", "Västerås", "Bollebygd", "Stockholm", "Arbetslivsnämnden", "Arbetsmarknadsnämnden", "Socialnämnden"] {
                        #expect(html.contains(name))
                    }
                    #expect(html.contains("href=\"/sammantraden/\(meeting.id!.rawValue)\""))
                    #expect(html.contains("datum okänt (2015)"), "an undated meeting says so")
                }
                try await client.execute(uri: "/sammantraden/\(meeting.id!.rawValue)", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains("Budgetuppföljning efter mars 2024"))
                    #expect(html.contains("ALN 2024-00029 1.2.4.1"))
                    #expect(html.contains("Mattias Danielsson (C)"))
                    #expect(html.contains("/sammantraden/\(meeting.id!.rawValue)/paragrafer/34"))
                    #expect(html.contains("/handlingar/\(source.id!.rawValue)"))
                }
                try await client.execute(uri: "/sammantraden/\(meeting.id!.rawValue)/paragrafer/34", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains("§ 34 Budgetuppföljning efter mars 2024"))
                    #expect(html.contains("godkänner budgetuppföljningen"))
                    #expect(html.contains("rel=\"prev\"") && html.contains("/paragrafer/33"))
                    #expect(html.contains("rel=\"next\"") && html.contains("/paragrafer/35"))
                }
                try await client.execute(uri: "/sammantraden/\(meeting.id!.rawValue)/paragrafer/99", method: .get) { response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/handlingar/\(source.id!.rawValue)", method: .get) { response in
                    #expect(response.status == .ok)
                    let original = try Data(contentsOf: seedsDirectory.appendingPathComponent("seed-000.txt"))
                    #expect(Data(buffer: response.body) == original, "the source is served byte for byte")
                    #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                }
            }
            _ = dir
        }
    }
}
