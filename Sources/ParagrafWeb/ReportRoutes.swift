import Foundation
import Hummingbird
import NIOPosix
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Periodic reports: staff upload their tables as CSV (`/intern/namnder/:committee/rapporter`), and
/// the report is shown as HTML and PDF/A; the public sees it once the paragraph approving it is public.
func addReportRoutes(to staff: StaffRoutes, router: Router<PortalContext>, store: any Store, renderer: PageRenderer, typst: TypstCompiler) {
    let inPath = CommitteeInPath(store: store)
    let committeeNeed = inPath.need { .writeMemo($0) }
    @Sendable func committee(_ context: PortalContext) async throws -> Committee { try await inPath.committee(context) }
    @Sendable func listPage(_ user: StaffUser, _ context: PortalContext, _ committee: Committee, form: [String: String] = [:],
                            problems: [String] = []) async throws -> String {
        let meetings = try await store.meetings(of: committee.id!, year: nil)
        return try renderer.render(ReportListPage(bar: staffBar(user, context), committee: committee,
                                                  reports: try await store.periodicReports(committee: committee.id!, meeting: nil),
                                                  meetings: meetings, form: form, problems: problems))
    }
    staff.get("/intern/namnder/:committee/rapporter", need: committeeNeed) { _, context, user in
        HTML.response(try await listPage(user, context, try await committee(context)))
    }
    staff.post("/intern/namnder/:committee/rapporter", need: committeeNeed) { _, context, user in
        let committee = try await committee(context)
        let form = context.form ?? SubmittedForm()
        let values = ["title": form.text("title") ?? "", "period": form.text("period") ?? "", "meeting": form.text("meeting") ?? "",
                      "paragraph": form.text("paragraph") ?? ""]
        var problems: [String] = []
        if values["title"]!.isEmpty { problems.append("Ange rapportens rubrik.") }
        if values["period"]!.isEmpty { problems.append("Ange perioden rapporten gäller (t.ex. tertial 2 2023).") }
        var meetingID: MeetingID?
        if let text = form.text("meeting") {
            guard let id = Int64(text), let meeting = try await store.meeting(MeetingID(id)), meeting.committeeID == committee.id else {
                throw HTTPError(.badRequest)
            }
            meetingID = meeting.id
        }
        var paragraph: Int?
        if let text = form.text("paragraph") {
            if let n = Int(text.replacingOccurrences(of: "§", with: "").trimmingCharacters(in: .whitespaces)), n > 0, meetingID != nil {
                paragraph = n
            } else {
                problems.append("Paragrafen ”\(text)” ska vara ett nummer, och sammanträdet ska vara valt.")
            }
        }
        let files = form.files("tables")
        if files.isEmpty { problems.append("Välj minst en tabell som CSV-fil (semikolon mellan kolumnerna).") }
        var tables: [ReportTable] = []
        for file in files {
            let title = file.fileName.replacingOccurrences(of: ".csv", with: "", options: [.caseInsensitive, .anchored, .backwards])
            guard let text = String(bytes: file.bytes, encoding: .utf8) else {
                problems.append("\(file.fileName): filen är inte UTF-8-text; spara den som CSV (UTF-8).")
                continue
            }
            switch ReportTableCSV.read(text, title: title) {
            case .success(let table): tables.append(table)
            case .failure(let found): problems += found.list.map { $0.located(in: file.fileName) }
            }
        }
        guard problems.isEmpty else {
            return HTML.response(try await listPage(user, context, committee, form: values, problems: problems), status: .unprocessableContent)
        }
        let saved = try await store.save(PeriodicReport(committeeID: committee.id!, title: values["title"]!, period: values["period"]!,
                                                        tables: tables, meetingID: meetingID, paragraphNumber: paragraph),
                                         actor: user.account.username)
        return seeOther(StaffLinks.report(saved.id!))
    }

    // The quarterly report of decisions not carried out: the case system's list in, counts kept.
    staff.post("/intern/namnder/:committee/rapporter/ej-verkstallda", need: committeeNeed) { _, context, user in
        let committee = try await committee(context)
        let form = context.form ?? SubmittedForm()
        var problems: [String] = []
        let dateText = form.text("reportDate") ?? ""
        let reportDate = LocalDate(iso: dateText)
        if reportDate == nil { problems.append("Ange dagen rapporten gäller (kvartalets sista dag) som ÅÅÅÅ-MM-DD.") }
        var meetingID: MeetingID?
        if let text = form.text("meeting"), let id = Int64(text), let meeting = try await store.meeting(MeetingID(id)), meeting.committeeID == committee.id {
            meetingID = meeting.id
        }
        let paragraph = form.text("paragraph").flatMap { Int($0.replacingOccurrences(of: "§", with: "").trimmingCharacters(in: .whitespaces)) }
        var entries: [UnexecutedDecisions.Entry] = []
        if let file = form.file("decisions") {
            switch UnexecutedDecisions.read(String(decoding: file.bytes, as: UTF8.self)) {
            case .success(let read): entries = read
            case .failure(let found): problems += found.list.map { $0.located(in: file.fileName) }
            }
        } else {
            problems.append("Välj filen med besluten (CSV).")
        }
        guard problems.isEmpty, let reportDate else {
            return HTML.response(try await listPage(user, context, committee, problems: problems), status: .unprocessableContent)
        }
        let quarter = (reportDate.month - 1) / 3 + 1
        let saved = try await store.save(PeriodicReport(
            committeeID: committee.id!, title: "Rapportering av ej verkställda beslut per \(SwedishFormat.date(reportDate))",
            period: "kvartal \(quarter) \(reportDate.year)", tables: [UnexecutedDecisions.table(entries, reportDate: reportDate)],
            meetingID: meetingID, paragraphNumber: meetingID == nil ? nil : paragraph), actor: user.account.username)
        return seeOther(StaffLinks.report(saved.id!))
    }

    @Sendable func report(_ context: PortalContext) async throws -> PeriodicReport {
        guard let found = try await store.periodicReport(PeriodicReportID(try context.id("report"))) else { throw HTTPError(.notFound) }
        return found
    }
    /// The report as a public page shows it: only when the paragraph approving it may be published.
    @Sendable func publicReport(_ context: PortalContext) async throws -> PeriodicReport {
        let found = try await report(context)
        guard let meeting = found.meetingID, let number = found.paragraphNumber,
              let paragraph = try await store.paragraph(meeting: meeting, number: number), Publication.mayPublish(paragraph) else {
            throw HTTPError(.notFound)
        }
        return found
    }
    @Sendable func document(_ report: PeriodicReport, pdfURL: String) async throws -> PeriodicReportDocument {
        let name = try await store.committee(report.committeeID)?.name ?? ""
        let paragraphURL = zip2(report.meetingID, report.paragraphNumber).map { Links.paragraph(meeting: $0.0, number: $0.1) }
        return PeriodicReportDocument(report: report, committee: name, paragraphURL: paragraphURL, pdfURL: pdfURL)
    }
    @Sendable func pdf(_ document: PeriodicReportDocument, id: PeriodicReportID) async throws -> Response {
        let (source, files) = document.typst
        let bytes = try await NIOThreadPool.singleton.runIfActive { try typst.pdf(source, files: files) }
        return pdfResponse(bytes, name: "rapport-\(id.rawValue).pdf")
    }
    let reportNeed: StaffRoutes.Need = { _, context in
        guard let found = try await store.periodicReport(PeriodicReportID(try context.id("report"))) else { throw HTTPError(.notFound) }
        return .writeMemo(found.committeeID)
    }
    staff.get("/intern/rapporter/:report", need: reportNeed) { _, context, _ in
        let found = try await report(context)
        return HTML.response(try renderer.render(try await document(found, pdfURL: StaffLinks.report(found.id!) + "/pdf")))
    }
    staff.get("/intern/rapporter/:report/pdf", need: reportNeed) { _, context, _ in
        let found = try await report(context)
        return try await pdf(try await document(found, pdfURL: ""), id: found.id!)
    }
    router.get("/rapporter/:report") { _, context in
        let found = try await publicReport(context)
        return HTML.response(try renderer.render(try await document(found, pdfURL: Links.report(found.id!) + "/pdf")))
    }
    router.get("/rapporter/:report/pdf") { _, context in
        let found = try await publicReport(context)
        return try await pdf(try await document(found, pdfURL: ""), id: found.id!)
    }
}
