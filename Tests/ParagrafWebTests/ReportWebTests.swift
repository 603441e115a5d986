import Foundation
import Hummingbird
import HummingbirdTesting
import ParagrafCore
import ParagrafRender
import ParagrafStore
import ParagrafTestSupport
@testable import ParagrafWeb
import Testing

@Suite("Periodic reports: tables as CSV, shown as HTML with charts and as PDF/A")
struct ReportWebTests {
    /// A multipart body with several files in the field `tables`.
    static func upload(_ client: some TestClientProtocol, _ session: TestSession, _ path: String, _ fields: [(String, String)],
                       files: [(name: String, text: String)]) async throws -> (HTTPResponse.Status, String, String) {
        let boundary = "----paragrafRapport"
        var body = ""
        for (name, value) in fields + [("csrf", session.csrf ?? "")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"tables\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n\(file.text)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers = session.headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            (response.status, String(buffer: response.body), response.headers[.location] ?? "")
        }
    }

    @Test("seed-001's tertial tables through the CSV form: the sums as in the document (1 210 tkr after August), its own mismatch reported, public once its paragraph is")
    func seed001() async throws {
        let (summary, activities) = try SeedTables.csv()
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let meeting = try await store.save(Meeting(committeeID: world.aln.id!, date: day("2023-09-19"), state: .held))
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let form = "/intern/namnder/\(world.aln.id!.rawValue)/rapporter"
                // A number in the wrong format is refused with its file and line, and nothing is kept.
                let bad = try await Self.upload(client, sara, form, [("title", "Tertialrapport"), ("period", "tertial 2 2023")],
                                                files: [("Ekonomiskt sammandrag.csv", summary.replacingOccurrences(of: "1 210", with: "1,210.00"))])
                #expect(bad.0 == .unprocessableContent)
                #expect(bad.1.contains("Ekonomiskt sammandrag.csv, rad 13: kolumnen ”Utfall jan- aug 2023”"))
                #expect(try await store.periodicReports(committee: nil, meeting: nil).isEmpty)

                let (status, _, location) = try await Self.upload(
                    client, sara, form,
                    [("title", "Budgetuppföljning efter augusti 2023, tertial 2"), ("period", "tertial 2 2023"),
                     ("meeting", String(meeting.id!.rawValue)), ("paragraph", "5")],
                    files: [("Ekonomiskt sammandrag.csv", summary), ("Verksamheternas nettokostnader.csv", activities)])
                #expect(status == .seeOther)
                let report = try #require(try await store.periodicReports(committee: world.aln.id!, meeting: nil).first)
                #expect(location == "/intern/rapporter/\(report.id!.rawValue)")
                #expect(report.tables.map(\.title) == ["Ekonomiskt sammandrag", "Verksamheternas nettokostnader"])
                #expect(report.tables[0].value("Resultat jämfört med kommunbidrag", column: "Utfall jan-aug 2023") == 1210)

                try await client.execute(uri: location, method: .get, headers: sara.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(html.contains("<th scope=\"row\"><strong>Resultat jämfört med kommunbidrag</strong></th><td>1 314</td><td>0</td><td>0</td><td>1 210</td><td>1 210</td><td>0</td>"))
                    #expect(html.contains("Kontroll av summor"))
                    #expect(html.contains("”Nettokostnader” i Ekonomiskt sammandrag är -168 763 tkr, men ”Nettokostnad” i Verksamheternas nettokostnader är -168 774 tkr"))
                    #expect(html.contains("<svg") && html.contains("role=\"img\"") && html.contains("Central administration"))
                    #expect(html.contains("url(#diagram-2-hatch)"), "series told apart by pattern, not colour")
                }
                // Not public before the paragraph is.
                try await client.execute(uri: "/rapporter/\(report.id!.rawValue)", method: .get) { #expect($0.status == .notFound) }
                _ = try await store.save(Minutes(meetingID: meeting.id!, paragraphs: [
                    Paragraph(meetingID: meeting.id!, number: 5, title: "Budgetuppföljning efter augusti 2023, tertial 2",
                              decision: [DecisionClause(text: "Arbetslivsnämnden godkänner budgetuppföljningen.")]),
                ]))
                try await client.execute(uri: "/sammantraden/\(meeting.id!.rawValue)/paragrafer/5", method: .get) { response in
                    #expect(String(buffer: response.body).contains("href=\"/rapporter/\(report.id!.rawValue)\""))
                }
                try await client.execute(uri: "/rapporter/\(report.id!.rawValue)", method: .get) { response in
                    #expect(response.status == .ok && String(buffer: response.body).contains("1 210"))
                }
                let pdf = try await client.execute(uri: "/rapporter/\(report.id!.rawValue)/pdf", method: .get) { response in
                    #expect(response.headers[.contentType] == "application/pdf")
                    return Array(buffer: response.body)
                }
                let text = try TestPDF.text(pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                // pdftotext moves bold row labels out of reading order; the amounts of a row stay together.
                #expect(text.contains("Resultat jämfört med kommunbidrag") && text.contains("1 314 0 0 1 210 1 210 0"), "the result row")
                #expect(text.contains("Nettokostnad -167 952 -253 950 -169 984 -168 774 1 210 0"), "the activities' total")
                #expect(text.contains("Kontroll av summor"))
            }
        }
    }

    @Test("the quarterly report of decisions not carried out: those waiting more than three months on the day, counted by service; a bad date names its line")
    func unexecuted() async throws {
        try await withTemporaryStore { store, _ in
            let world = try await StaffWorld.make(store)
            let app = try await buildApplication(store: store, configuration: staffTestConfiguration, logger: quiet)
            try await app.test(.router) { client in
                let sara = try await TestSession.signIn(client, "sekr.aln")
                let form = "/intern/namnder/\(world.aln.id!.rawValue)/rapporter/ej-verkstallda"
                func send(_ csv: String) async throws -> (HTTPResponse.Status, String, String) {
                    var headers = sara.headers
                    headers[.contentType] = "multipart/form-data; boundary=XyZ"
                    let body = "--XyZ\r\nContent-Disposition: form-data; name=\"reportDate\"\r\n\r\n2024-09-30\r\n"
                        + "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(sara.csrf ?? "")\r\n"
                        + "--XyZ\r\nContent-Disposition: form-data; name=\"decisions\"; filename=\"beslut.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--XyZ--\r\n"
                    return try await client.execute(uri: form, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                        (response.status, String(buffer: response.body), response.headers[.location] ?? "")
                    }
                }
                let bad = try await send("Beslutsdatum;Insats\n2024-05-02;Arbetsrehabilitering\n2 maj;Arbetsrehabilitering\n")
                #expect(bad.0 == .unprocessableContent && bad.1.contains("beslut.csv, rad 3: beslutsdatumet ”2 maj” ska skrivas ÅÅÅÅ-MM-DD"))
                let csv = """
                    Beslutsdatum;Insats;Kön;Verkställt;Avbrott
                    2024-05-02;Arbetsrehabilitering;K;;
                    2024-06-30;Arbetsrehabilitering;M;;
                    2024-07-01;Arbetsrehabilitering;M;;
                    2024-04-10;Arbetsrehabilitering;K;2024-09-01;
                    2024-03-15;Kontaktperson;M;2024-10-15;
                    2023-12-01;Kontaktperson;K;2024-01-10;2024-05-20
                    """
                let (status, _, location) = try await send(csv)
                #expect(status == .seeOther)
                let report = try #require(try await store.periodicReports(committee: world.aln.id!, meeting: nil).first)
                let table = try #require(report.tables.first)
                // On 30 September, 2 May has waited more than three months; 30 June exactly three (not late yet), 1 July less;
                // 10 April was carried out before the day; 15 March was still waiting on it; the one interrupted in May has been for more than three months.
                #expect(table.value("Arbetsrehabilitering", column: "Antal") == 1)
                #expect(table.value("Kontaktperson", column: "Antal") == 2)
                #expect(table.value("Summa", column: "Antal") == 3 && table.value("Summa", column: "Kvinnor") == 2)
                #expect(table.value("Kontaktperson", column: "Längsta väntan (dagar)") == 199)
                #expect(report.title == "Rapportering av ej verkställda beslut per 30 september 2024" && report.period == "kvartal 3 2024")
                try await client.execute(uri: location, method: .get, headers: sara.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Ej verkställda beslut per 2024-09-30 (antal)") && !html.contains("Belopp i tkr"))
                }
            }
        }
    }
}
