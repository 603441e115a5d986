import Foundation
import Hummingbird
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// The diary as registrators and handläggare keep it: registering cases, their facts and
/// documents, and the tjänsteskrivelse.
func addDiaryRoutes(to staff: StaffRoutes, store: any Store, renderer: PageRenderer, uploadLimit: Int) {
    let inPath = CommitteeInPath(store: store)
    @Sendable func committee(_ context: PortalContext) async throws -> Committee { try await inPath.committee(context) }
    @Sendable func matter(_ context: PortalContext) async throws -> Case {
        guard let found = try await store.matter(CaseID(try context.id("case"))) else { throw HTTPError(.notFound) }
        return found
    }
    @Sendable func diaryPage(_ user: StaffUser, _ context: PortalContext, _ committee: Committee,
                             form: DiaryPage.Form = .init(), problems: [String] = []) async throws -> String {
        // Newest first: the order a diary is read in.
        let cases = try await store.cases(in: committee.id!).sorted { a, b in
            (a.id?.rawValue ?? 0) > (b.id?.rawValue ?? 0)
        }
        return try renderer.render(DiaryPage(bar: staffBar(user, context), committee: committee, cases: cases,
                                             canRegister: user.access.allows(.keepDiary(committee.id!)), form: form, problems: problems))
    }
    @Sendable func casePage(_ user: StaffUser, _ context: PortalContext, _ matter: Case, problems: [String] = [],
                            done: String? = nil) async throws -> String {
        guard let committee = try await store.committee(matter.committeeID) else { throw HTTPError(.notFound) }
        let page = StaffCasePage(bar: staffBar(user, context), committee: committee, matter: matter,
                                 documents: try await store.documents(for: matter.id!), memo: try await store.memo(for: matter.id!),
                                 memoAuthor: user.account.name, today: .today(),
                                 canEdit: user.access.allows(.keepDiary(committee.id!)),
                                 canWriteMemo: user.access.allows(.writeMemo(committee.id!)), uploadLimit: uploadLimit,
                                 problems: problems, done: done)
        return try renderer.render(page)
    }

    staff.get("/intern/namnder/:committee/diarium", need: inPath.need { .readDiary($0) }) { _, context, user in
        HTML.response(try await diaryPage(user, context, try await committee(context)))
    }
    staff.post("/intern/namnder/:committee/diarium", need: inPath.need { .keepDiary($0) }) { _, context, user in
        let committee = try await committee(context)
        let form = context.form ?? SubmittedForm()
        let values = DiaryPage.Form(title: form.text("title") ?? "", classification: form.text("klass") ?? "", handler: form.text("handler") ?? "",
                                    secret: form.get("secret") != nil, provision: form.text("provision") ?? "")
        let (facts, problems) = CaseForm.read(form)
        guard problems.isEmpty, let facts else {
            return HTML.response(try await diaryPage(user, context, committee, form: values, problems: problems), status: .unprocessableContent)
        }
        let today = LocalDate.today()
        let draft = Case(committeeID: committee.id!, diaryNumber: DiaryNumber(series: nil, year: nil, serial: "", classification: facts.classification),
                         title: facts.title, registered: today, handler: facts.handler, secrecy: facts.secrecy)
        do {
            let registered = try await store.register(draft, year: today.year, actor: user.actor)
            return seeOther(StaffLinks.matter(registered.id!) + "?klart=registrerat")
        } catch let error as StoreError {
            return HTML.response(try await diaryPage(user, context, committee, form: values, problems: [error.description]), status: .unprocessableContent)
        }
    }
    @Sendable func caseCommittee(_ context: PortalContext) async throws -> CommitteeID { try await matter(context).committeeID }
    staff.get("/intern/arenden/:case", need: { _, context in .readDiary(try await caseCommittee(context)) }) { request, context, user in
        let done = FormParameters(query: request.uri.query).get("klart").flatMap { CaseForm.doneMessages[$0] }
        return HTML.response(try await casePage(user, context, try await matter(context), done: done))
    }
    staff.post("/intern/arenden/:case", need: { _, context in .keepDiary(try await caseCommittee(context)) }) { _, context, user in
        let before = try await matter(context)
        let form = context.form ?? SubmittedForm()
        var (facts, problems) = CaseForm.read(form)
        let status = form.get("status").flatMap(CaseStatus.init(rawValue:))
        if status == nil { problems.append("Välj en status ur listan.") }
        guard problems.isEmpty, let facts, let status else {
            return HTML.response(try await casePage(user, context, before, problems: problems), status: .unprocessableContent)
        }
        var changed = before
        changed.title = facts.title
        changed.diaryNumber.classification = facts.classification
        changed.handler = facts.handler
        changed.secrecy = facts.secrecy
        changed.status = status
        do {
            _ = try await store.update(changed, actor: user.actor)
        } catch let error as StoreError {
            return HTML.response(try await casePage(user, context, before, problems: [error.description]), status: .unprocessableContent)
        }
        return seeOther(StaffLinks.matter(before.id!) + "?klart=sparat")
    }
    staff.post("/intern/arenden/:case/handlingar", need: { _, context in .keepDiary(try await caseCommittee(context)) }) { _, context, user in
        let matter = try await matter(context)
        let form = context.form ?? SubmittedForm()
        var problems: [String] = []
        let title = form.text("title")
        if title == nil { problems.append("Skriv en rubrik för handlingen.") }
        let kind = form.get("kind").flatMap(DocumentKind.init(rawValue:))
        if kind == nil { problems.append("Välj handlingens slag ur listan.") }
        let secrecy = CaseForm.secrecy(form, problems: &problems)
        let file = form.file("file")
        if let problem = UploadRule.problem(with: file, limit: uploadLimit) { problems.append(problem) }
        guard problems.isEmpty, let title, let kind, let file else {
            return HTML.response(try await casePage(user, context, matter, problems: problems), status: .unprocessableContent)
        }
        let document = Document(caseID: matter.id, kind: kind, title: title, date: .today(), secrecy: secrecy,
                                file: StoredFile(fileName: file.fileName.isEmpty ? "handling.pdf" : file.fileName,
                                                 mediaType: "application/pdf", sha256: "", byteCount: file.bytes.count))
        _ = try await store.attach(document, content: file.bytes, actor: user.actor)
        return seeOther(StaffLinks.matter(matter.id!) + "?klart=bifogat")
    }
    staff.post("/intern/arenden/:case/tjansteskrivelse", need: { _, context in .writeMemo(try await caseCommittee(context)) }) { _, context, user in
        let matter = try await matter(context)
        let form = context.form ?? SubmittedForm()
        let memo = Memo(caseID: matter.id!, author: user.account.name, date: .today(), summary: form.text("summary") ?? "",
                        proposedClauses: Memo.lines(form.get("clauses") ?? ""), basis: Memo.lines(form.get("basis") ?? ""),
                        recipients: Memo.lines(form.get("recipients") ?? ""))
        guard memo.problems.isEmpty else {
            return HTML.response(try await casePage(user, context, matter, problems: memo.problems), status: .unprocessableContent)
        }
        _ = try await store.save(memo, actor: user.actor)
        if matter.status == .registered {
            var preparing = matter
            preparing.status = .inPreparation
            _ = try await store.update(preparing, actor: user.actor)
        }
        return seeOther(StaffLinks.matter(matter.id!) + "?klart=tjansteskrivelse")
    }
    staff.get("/intern/handlingar/:document", need: { _, context in
        guard let document = try await store.document(DocumentID(try context.id("document"))), let caseID = document.caseID,
              let matter = try await store.matter(caseID) else { throw HTTPError(.notFound) }
        return .readDiary(matter.committeeID)
    }) { _, context, _ in
        guard let document = try await store.document(DocumentID(try context.id("document"))), let file = document.file,
              let content = try await store.sourceFile(sha256: file.sha256) else { throw HTTPError(.notFound) }
        let disposition = "inline; filename*=UTF-8''" + (file.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "handling")
        // Staff copies may be secret: never kept by a shared cache.
        return Response(status: .ok, headers: [.contentType: file.mediaType, .contentDisposition: disposition, .cacheControl: "private, no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }
}

/// The facts of a case as its forms send them.
enum CaseForm {
    struct Facts {
        var title: String
        var classification: Classification?
        var handler: String?
        var secrecy: Secrecy
    }

    static let doneMessages = [
        "registrerat": "Ärendet är registrerat.",
        "sparat": "Uppgifterna är sparade.",
        "bifogat": "Handlingen är bifogad.",
        "tjansteskrivelse": "Tjänsteskrivelsen är sparad.",
    ]

    static func read(_ form: SubmittedForm) -> (Facts?, [String]) {
        var problems: [String] = []
        let title = form.text("title")
        if title == nil { problems.append("Skriv ärendemeningen.") }
        var classification: Classification?
        if let code = form.text("klass") {
            classification = Classification(code)
            if classification == nil {
                problems.append("Klassificeringen ”\(code)” är ingen KLASSA-kod: skriv siffergrupper med punkt emellan, t.ex. 2.4.1.1.")
            }
        }
        let secrecy = secrecy(form, problems: &problems)
        guard problems.isEmpty, let title else { return (nil, problems) }
        return (Facts(title: title, classification: classification, handler: form.text("handler"), secrecy: secrecy), [])
    }

    static func secrecy(_ form: SubmittedForm, problems: inout [String]) -> Secrecy {
        guard form.get("secret") != nil else { return .open }
        guard let provision = form.text("provision") else {
            problems.append("Ange vilken bestämmelse i offentlighets- och sekretesslagen sekretessen grundar sig på.")
            return .open
        }
        return .secret(provision: provision)
    }
}

/// What an uploaded handling must be: a PDF, within the configured size.
enum UploadRule {
    static func problem(with file: SubmittedForm.File?, limit: Int) -> String? {
        guard let file, !file.bytes.isEmpty else { return "Välj en PDF-fil att bifoga." }
        if file.bytes.count > limit {
            return "Filen ”\(file.fileName)” är \(SwedishFormat.limit(file.bytes.count)); högst \(SwedishFormat.limit(limit)) tas emot."
        }
        // A PDF begins with %PDF- (within its first kilobyte, by the specification's leniency).
        let head = file.bytes.prefix(1024)
        let magic = Array("%PDF-".utf8)
        let isPDF = head.count >= magic.count && (0...(head.count - magic.count)).contains { i in
            Array(head[head.startIndex + i..<head.startIndex + i + magic.count]) == magic
        }
        guard isPDF else { return "Filen ”\(file.fileName)” är ingen PDF. Spara handlingen som PDF och försök igen." }
        return nil
    }
}
