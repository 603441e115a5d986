import Crypto
import Foundation
import Hummingbird
import NIOPosix
import ParagrafCore
import ParagrafRender
import ParagrafSign
import ParagrafStore

/// Justering: the closed draft becomes a PDF/A that the chair and the adjusters sign; when the
/// last signature is in, the minutes are filed, locked, and the notice of adjustment is posted.
func addAdjustmentRoutes(to staff: StaffRoutes, store: any Store, renderer: PageRenderer, typst: TypstCompiler, signer: (any DocumentSigner)?,
                         bankID: BankIDClient? = nil) {
    let named = MeetingInPath(store: store)
    let keep = named.need { .keepMinutes($0) }
    let attend = named.need { .attend($0) }

    staff.post("/intern/sammantraden/:meeting/protokoll/justering", need: keep) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        guard let (draft, _) = try await store.minutesDraft(for: meeting.id!) else { throw HTTPError(.notFound) }
        guard draft.closed else { throw UserFacingError.badForm("Avsluta sammanträdet innan protokollet skickas för justering.") }
        guard draft.minutes.adjustment?.adjusters.isEmpty == false, draft.minutes.chair != nil else {
            throw UserFacingError.badForm("Välj justerare innan protokollet skickas för justering.")
        }
        if let missing = draft.minutes.paragraphs.first(where: { p in p.reservations.contains { $0.reasons == nil } }) {
            // Written reasons come before adjustment (KL 4 kap. 27 §); a reservation may stand without them.
            context.logger.info("§ \(missing.number) har en reservation utan skriftlig motivering")
        }
        let content = try JSONEncoding.sorted(draft)
        let contentHash = SHA256.hex(Array(content.utf8))
        var heldMeeting = meeting
        heldMeeting.endTime = draft.endTime.flatMap { LocalTime($0) }
        let municipality = try await store.municipality(committee.municipalityID)?.name ?? ""
        let document = MinutesDocument(municipality: municipality, committee: committee.name, meeting: heldMeeting, minutes: draft.minutes,
                                       contentHash: contentHash)
        let source = document.typst
        let timestamp = PlanningForm.timestamp(of: meeting.date)
        let pdf = try await NIOThreadPool.singleton.runIfActive { try typst.pdf(source, timestamp: timestamp) }
        do {
            try await store.prepareSigning(meeting: meeting.id!, pdf: pdf, pdfSHA256: SHA256.hex(pdf), content: content, contentSHA256: contentHash,
                                           actor: user.actor)
        } catch let error as StoreError {
            throw UserFacingError.badForm(error.description)
        }
        return seeOther(StaffLinks.adjustment(meeting.id!) + "?klart=skickat")
    }

    @Sendable func signingRole(_ user: StaffUser, _ draft: MinutesDraft, _ signed: SignedMinutes) -> SignatoryRole? {
        guard let person = user.account.person else { return nil }
        return signed.missing(draft).first { $0.person.personID == person }?.role
    }
    /// 0 for the whole minutes, else the § number of an immediately adjusted paragraph.
    @Sendable func part(_ context: PortalContext) -> Int { context.parameters.get("number", as: Int.self) ?? 0 }
    @Sendable func base(_ meeting: Meeting, _ part: Int) -> String {
        part == 0 ? StaffLinks.adjustment(meeting.id!) : StaffLinks.immediate(meeting.id!, part)
    }

    // Immediate adjustment of one paragraph at the meeting: its extract, signed at once.
    staff.post("/intern/sammantraden/:meeting/protokoll/:number/omedelbar", need: keep) { _, context, user in
        let (meeting, committee) = try await named.meeting(context)
        let number = part(context)
        guard let (draft, _) = try await store.minutesDraft(for: meeting.id!), let paragraph = draft.paragraph(number) else { throw HTTPError(.notFound) }
        guard paragraph.immediatelyAdjusted, !paragraph.decision.isEmpty else {
            throw UserFacingError.badForm("§ \(number) ska ha sitt beslut och vara markerad för omedelbar justering innan den skickas.")
        }
        guard draft.minutes.adjustment?.adjusters.isEmpty == false, draft.minutes.chair != nil else {
            throw UserFacingError.badForm("Välj justerare innan en paragraf justeras omedelbart.")
        }
        let content = try JSONEncoding.sorted(paragraph)
        let contentHash = SHA256.hex(Array(content.utf8))
        let municipality = try await store.municipality(committee.municipalityID)?.name ?? ""
        let source = MinutesDocument(municipality: municipality, committee: committee.name, meeting: meeting, minutes: draft.minutes,
                                     contentHash: contentHash, only: [number]).typst
        let timestamp = PlanningForm.timestamp(of: meeting.date)
        let pdf = try await NIOThreadPool.singleton.runIfActive { try typst.pdf(source, timestamp: timestamp) }
        do {
            try await store.prepareSigning(meeting: meeting.id!, part: number, pdf: pdf, pdfSHA256: SHA256.hex(pdf), content: content,
                                           contentSHA256: contentHash, actor: user.actor)
        } catch let error as StoreError {
            throw UserFacingError.badForm(error.description)
        }
        return seeOther(StaffLinks.immediate(meeting.id!, number) + "?klart=skickat")
    }

    @Sendable func signingPage(_ request: Request, _ context: PortalContext, _ user: StaffUser) async throws -> Response {
        let (meeting, committee) = try await named.meeting(context)
        let part = part(context)
        guard let signed = try await store.signedMinutes(for: meeting.id!, part: part), let (draft, _) = try await store.minutesDraft(for: meeting.id!) else {
            throw UserFacingError(status: .notFound, title: "Protokollet är inte skickat för justering",
                                  message: "Nämndsekreteraren skickar protokollet för justering när sammanträdet är avslutat.")
        }
        let done = FormParameters(query: request.uri.query).get("klart").flatMap { AdjustmentForm.doneMessages[$0] }
        var page = AdjustmentPage(bar: staffBar(user, context), committee: committee, meeting: meeting, signed: signed,
                                  required: SignedMinutes.required(draft), signingRole: signingRole(user, draft, signed), done: done)
        if bankID != nil { page.bankIDURL = base(meeting, part) + "/signera-bankid" }
        if part != 0 {
            page.title = "Omedelbar justering av § \(part) – \(committee.name) \(SwedishFormat.meetingDate(meeting))"
            page.pdfURL = base(meeting, part) + "/utdrag.pdf"
            page.signURL = base(meeting, part) + "/signera"
        }
        return HTML.response(try renderer.render(page))
    }
    @Sendable func signedPDF(_ context: PortalContext) async throws -> Response {
        let (meeting, _) = try await named.meeting(context)
        guard let signed = try await store.signedMinutes(for: meeting.id!, part: part(context)),
              let pdf = try await store.sourceFile(sha256: signed.pdfSHA256) else {
            throw HTTPError(.notFound)
        }
        return pdfResponse(Array(pdf), name: (part(context) == 0 ? "protokoll" : "utdrag-\(part(context))") + "-\(meeting.date?.iso ?? "").pdf")
    }
    /// What signing needs, whichever way: the prepared file, the draft, and the role this person signs in.
    @Sendable func signing(_ context: PortalContext, _ user: StaffUser) async throws
        -> (meeting: Meeting, part: Int, signed: SignedMinutes, draft: MinutesDraft, pdf: [UInt8], need: (role: SignatoryRole, person: PersonRef)) {
        let (meeting, _) = try await named.meeting(context)
        let part = part(context)
        guard let signed = try await store.signedMinutes(for: meeting.id!, part: part), let (draft, _) = try await store.minutesDraft(for: meeting.id!),
              let pdf = try await store.sourceFile(sha256: signed.pdfSHA256) else { throw HTTPError(.notFound) }
        guard signed.lockedAt == nil else { throw UserFacingError.badForm("Protokollet är redan justerat och låst.") }
        guard let person = user.account.person,
              let need = SignedMinutes.required(draft).first(where: { $0.person.personID == person }) else {
            throw UserFacingError.forbidden("Du är inte ordförande eller utsedd justerare för det här protokollet och kan inte signera det.")
        }
        if signed.signatures.contains(where: { $0.role == need.role && $0.person.name == need.person.name }) {
            throw UserFacingError(status: .conflict, title: "Redan signerat", message: "Du har redan signerat som \(need.role.rawValue).")
        }
        return (meeting, part, signed, draft, Array(pdf), need)
    }
    /// Keeps a signature; the last one locks (the whole minutes: files and posts them too).
    @Sendable func record(_ signature: DocumentSignature, meeting: Meeting, part: Int, draft: MinutesDraft,
                        need: (role: SignatoryRole, person: PersonRef), user: StaffUser) async throws -> Response {
        do {
            try await store.addSignature(.init(role: need.role, person: need.person, account: user.account.username, method: signature.method,
                                               signedAt: signature.signedAt, documentSHA256: signature.documentSHA256, data: signature.data),
                                         meeting: meeting.id!, part: part, actor: user.actor)
        } catch let error as StoreError {
            throw UserFacingError(status: .conflict, title: "Underskriften sparades inte", message: error.description)
        }
        guard let after = try await store.signedMinutes(for: meeting.id!, part: part), after.missing(draft).isEmpty else {
            return seeOther(base(meeting, part) + "?klart=signerat")
        }
        if part != 0 {
            try await store.lockImmediate(meeting: meeting.id!, paragraph: part, actor: user.actor)
            return seeOther(base(meeting, part) + "?klart=omedelbart")
        }
        // The last signature locks the minutes and posts the notice of adjustment the same day.
        let today = LocalDate.today()
        var minutes = draft.minutes
        minutes.adjustment?.signatures = after.signatures.map { Signature(signer: $0.person, role: $0.role, signedOn: day(of: $0.signedAt) ?? today,
                                                                         method: $0.method) }
        minutes.announcement = Announcement(posted: today, minutesKeptAt: "kommunens kansli")
        try await store.lock(minutes, assignments: draft.assignments, endTime: draft.endTime.flatMap { LocalTime($0) }, posted: today, actor: user.actor)
        return seeOther(base(meeting, part) + "?klart=justerat")
    }
    @Sendable func sign(_ context: PortalContext, _ user: StaffUser) async throws -> Response {
        let s = try await signing(context, user)
        guard let signer else {
            throw UserFacingError(status: .serviceUnavailable, title: "Underskrift är inte inställd",
                                  message: "Paragraf har ingen underskriftstjänst inställd (signing.ca-directory). Kontakta administratören.")
        }
        let signature: DocumentSignature
        do {
            signature = try await signer.sign(s.pdf, as: SignerIdentity(person: s.need.person, role: s.need.role, account: user.account.username),
                                              summary: (s.part == 0 ? "Protokoll " : "Protokollsutdrag § \(s.part) ") + (s.meeting.date?.iso ?? ""))
        } catch let error as SigningError {
            throw UserFacingError.badForm(error.description)
        }
        return try await record(signature, meeting: s.meeting, part: s.part, draft: s.draft, need: s.need, user: user)
    }

    // BankID: the order is started here, and each reload of the waiting page collects it.
    @Sendable func startBankID(_ request: Request, _ context: PortalContext, _ user: StaffUser) async throws -> Response {
        guard let bankID else { throw HTTPError(.notFound) }
        let s = try await signing(context, user)
        let hash = SHA256.hex(s.pdf)
        let order: BankIDClient.Order
        do {
            order = try await bankID.sign(endUserIp: endUserIp(request, context),
                                          visible: "\(s.part == 0 ? "Protokoll" : "Protokollsutdrag § \(s.part)") \(s.meeting.date?.iso ?? "")\n\nDokumentets kontrollsumma (SHA-256): \(hash)",
                                          nonVisible: Array(hash.utf8))
        } catch let error as SigningError {
            throw UserFacingError.badForm(error.description)
        }
        var session = context.sessions.session ?? .fresh(account: user.account.id)
        session.bankID = PendingBankID(orderRef: order.orderRef, autoStartToken: order.autoStartToken, meeting: s.meeting.id!.rawValue,
                                       part: s.part, documentSHA256: hash)
        _ = context.sessions.updateSession(session)
        return seeOther(base(s.meeting, s.part) + "/bankid")
    }
    @Sendable func collectBankID(_ context: PortalContext, _ user: StaffUser) async throws -> Response {
        guard let bankID else { throw HTTPError(.notFound) }
        let (meeting, _) = try await named.meeting(context)
        let part = part(context)
        guard var session = context.sessions.session, let pending = session.bankID, pending.meeting == meeting.id!.rawValue, pending.part == part else {
            return seeOther(base(meeting, part))
        }
        let collected: BankIDClient.Collected
        do {
            collected = try await bankID.collect(pending.orderRef)
        } catch let error as SigningError {
            session.bankID = nil
            _ = context.sessions.updateSession(session)
            throw UserFacingError.badForm(error.description)
        }
        switch collected.status {
        case "complete":
            session.bankID = nil
            _ = context.sessions.updateSession(session)
            guard let completion = collected.completionData else { throw UserFacingError.badForm("BankID svarade klart men utan underskrift.") }
            let s = try await signing(context, user)
            guard s.signed.pdfSHA256 == pending.documentSHA256 else { throw UserFacingError.badForm("Protokollet har ändrats under signeringen. Försök igen.") }
            let signature = DocumentSignature(signer: SignerIdentity(person: s.need.person, role: s.need.role, account: user.account.username),
                                              method: "BankID", signedAt: Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
                                              documentSHA256: pending.documentSHA256, data: Array(try JSONEncoder().encode(completion)))
            return try await record(signature, meeting: s.meeting, part: s.part, draft: s.draft, need: s.need, user: user)
        case "failed":
            session.bankID = nil
            _ = context.sessions.updateSession(session)
            throw UserFacingError.badForm(BankIDMessages.hint(collected.hintCode ?? "", failed: true))
        default:
            let page = BankIDWaitPage(bar: staffBar(user, context), message: BankIDMessages.hint(collected.hintCode ?? "", failed: false),
                                      autoStartToken: pending.autoStartToken, backURL: base(meeting, part))
            return HTML.response(try renderer.render(page))
        }
    }
    staff.get("/intern/sammantraden/:meeting/justering", need: attend) { request, context, user in try await signingPage(request, context, user) }
    staff.get("/intern/sammantraden/:meeting/justering/protokoll.pdf", need: attend) { _, context, _ in try await signedPDF(context) }
    staff.post("/intern/sammantraden/:meeting/justering/signera", need: attend) { _, context, user in try await sign(context, user) }
    staff.get("/intern/sammantraden/:meeting/omedelbar/:number", need: attend) { request, context, user in try await signingPage(request, context, user) }
    staff.get("/intern/sammantraden/:meeting/omedelbar/:number/utdrag.pdf", need: attend) { _, context, _ in try await signedPDF(context) }
    staff.post("/intern/sammantraden/:meeting/omedelbar/:number/signera", need: attend) { _, context, user in try await sign(context, user) }
    if bankID != nil {
        staff.post("/intern/sammantraden/:meeting/justering/signera-bankid", need: attend) { request, context, user in
            try await startBankID(request, context, user)
        }
        staff.get("/intern/sammantraden/:meeting/justering/bankid", need: attend) { _, context, user in try await collectBankID(context, user) }
        staff.post("/intern/sammantraden/:meeting/omedelbar/:number/signera-bankid", need: attend) { request, context, user in
            try await startBankID(request, context, user)
        }
        staff.get("/intern/sammantraden/:meeting/omedelbar/:number/bankid", need: attend) { _, context, user in try await collectBankID(context, user) }
    }
}

/// The address of the person's device, as BankID wants it: the proxy's X-Forwarded-For first, else the peer.
func endUserIp(_ request: Request, _ context: PortalContext) -> String {
    if let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").first {
        return forwarded.trimmingCharacters(in: .whitespaces)
    }
    return context.remoteAddress ?? "127.0.0.1"
}

/// The day of an ISO 8601 timestamp.
private func day(of timestamp: String) -> LocalDate? { LocalDate(iso: String(timestamp.prefix(10))) }

enum AdjustmentForm {
    static let doneMessages = [
        "skickat": "Protokollet är skickat för justering. Ordföranden och justerarna signerar här.",
        "signerat": "Din underskrift är sparad.",
        "justerat": "Protokollet är justerat och låst, och justeringen är tillkännagiven på anslagstavlan.",
        "omedelbart": "Paragrafen är omedelbart justerad: utdraget är signerat och beslutet gäller från i dag.",
    ]
}

/// JSON with sorted keys: the same value always gives the same text, and so the same hash.
enum JSONEncoding {
    static func sorted(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Expediering: a signed protokollsutdrag (PDF/A with utdragsbestyrkande) for each paragraph's
/// each recipient, and the list of what was sent to whom and when.
func addDispatchRoutes(to staff: StaffRoutes, store: any Store, renderer: PageRenderer, typst: TypstCompiler, signer: X509Signer?) {
    let named = MeetingInPath(store: store)
    @Sendable func locked(_ context: PortalContext) async throws -> (Meeting, Committee, Minutes) {
        let (meeting, committee) = try await named.meeting(context)
        guard let signed = try await store.signedMinutes(for: meeting.id!), signed.lockedAt != nil,
              let minutes = try await store.minutes(for: meeting.id!) else {
            throw UserFacingError(status: .notFound, title: "Protokollet är inte justerat", message: "Beslut expedieras när protokollet är justerat.")
        }
        return (meeting, committee, minutes)
    }
    let keep = named.need { .keepMinutes($0) }
    staff.get("/intern/sammantraden/:meeting/expediering", need: keep) { request, context, user in
        let (meeting, committee, minutes) = try await locked(context)
        let done = FormParameters(query: request.uri.query).get("klart") == "expedierat" ? "Besluten är expedierade." : nil
        return HTML.response(try renderer.render(DispatchPage(bar: staffBar(user, context), committee: committee, meeting: meeting, minutes: minutes,
                                                              dispatches: try await store.dispatches(for: meeting.id!), done: done)))
    }
    staff.post("/intern/sammantraden/:meeting/expediering", need: keep) { _, context, user in
        let (meeting, committee, minutes) = try await locked(context)
        guard let signer else {
            throw UserFacingError(status: .serviceUnavailable, title: "Underskrift är inte inställd",
                                  message: "Paragraf har ingen underskriftstjänst inställd (signing.ca-directory). Kontakta administratören.")
        }
        let sent = try await store.dispatches(for: meeting.id!)
        let municipality = try await store.municipality(committee.municipalityID)?.name ?? ""
        let today = LocalDate.today()
        for paragraph in minutes.paragraphs.sorted(by: { $0.number < $1.number }) {
            for recipient in paragraph.recipients where !sent.contains(where: { $0.paragraph == paragraph.number && $0.recipient == recipient }) {
                let document = MinutesDocument(municipality: municipality, committee: committee.name, meeting: meeting, minutes: minutes,
                                               only: [paragraph.number], certification: (user.account.name, today, recipient))
                let source = document.typst
                let timestamp = PlanningForm.timestamp(of: today)
                let pdf = try await NIOThreadPool.singleton.runIfActive { try typst.pdf(source, timestamp: timestamp) }
                let signature: DocumentSignature
                do {
                    signature = try await signer.sign(pdf, as: SignerIdentity(person: PersonRef(name: user.account.name), role: .sekreterare,
                                                                              account: user.account.username), summary: "Protokollsutdrag")
                } catch let error as SigningError {
                    throw UserFacingError.badForm(error.description)
                }
                try await store.dispatch(DispatchRecord(meetingID: meeting.id!, paragraph: paragraph.number, recipient: recipient,
                                                        extractSHA256: signature.documentSHA256, signature: signature.data, signedBy: user.account.name,
                                                        sentOn: today, sentBy: user.actor, channel: "digitalt"), extract: pdf)
            }
        }
        return seeOther(StaffLinks.dispatch(meeting.id!) + "?klart=expedierat")
    }
    staff.get("/intern/sammantraden/:meeting/expediering/:file", need: keep) { _, context, _ in
        let (meeting, _, _) = try await locked(context)
        let name = context.parameters.get("file") ?? ""
        let parts = name.split(separator: ".")
        guard parts.count == 2, let index = Int(parts[0]), index >= 1 else { throw HTTPError(.notFound) }
        let dispatches = try await store.dispatches(for: meeting.id!)
        guard index <= dispatches.count else { throw HTTPError(.notFound) }
        let record = dispatches[index - 1]
        if parts[1] == "p7s" {
            return Response(status: .ok, headers: [.contentType: "application/pkcs7-signature", .cacheControl: "private, no-store",
                                                   .contentDisposition: "attachment; filename=\"utdrag-\(record.paragraph)-\(index).p7s\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: record.signature)))
        }
        guard parts[1] == "pdf", let pdf = try await store.sourceFile(sha256: record.extractSHA256) else { throw HTTPError(.notFound) }
        return pdfResponse(Array(pdf), name: "utdrag-\(record.paragraph)-\(index).pdf")
    }
}
