import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import ServiceLifecycle
import ParagrafCore
import ParagrafRender
import ParagrafSign
import ParagrafStore

/// The composition root: a store and a renderer wired into the HTTP routes.
public func buildApplication(store: any Store, configuration: AppConfiguration,
                             logger: Logger = Logger(label: "paragraf.web")) async throws -> some ApplicationProtocol {
    try await buildRouter(store: store, configuration: configuration, logger: logger).application
}

/// The router with every route, and the staff routes as declared (for the route-by-role test).
func buildRouter(store: any Store, configuration: AppConfiguration,
                 logger: Logger = Logger(label: "paragraf.web")) async throws -> (application: some ApplicationProtocol, staffRoutes: [StaffRoute]) {
    let renderer = try await PageRenderer.load()
    let router = Router(context: PortalContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: ErrorPageMiddleware(renderer: renderer, logger: logger))
    // Sessions are looked up only when a request carries the cookie: public pages cost nothing more.
    router.add(middleware: SessionMiddleware(storage: StoreSessionDriver(store: store), configuration: .init(
        sessionCookieParameters: .init(name: "paragraf_session", path: "/", secure: configuration.secureCookies, sameSite: .lax),
        keyPrefix: "", defaultSessionExpiration: .seconds(60 * 60))))
    router.add(middleware: SessionAuthenticator(context: PortalContext.self) { (session: StaffSession, _) -> StaffUser? in
        guard let id = session.account, let account = try await store.account(AccountID(id)), !account.disabled else { return nil }
        return StaffUser(account: account)
    })
    router.add(middleware: FormGuard(maxBodyBytes: configuration.uploadLimit + 256 * 1024, uploadLimit: configuration.uploadLimit))
    let staff = StaffRoutes(router: router)
    addSignInRoutes(to: router, staff: staff, store: store, renderer: renderer,
                    passwords: Passwords(cost: configuration.passwordCost), sessionLength: .seconds(8 * 60 * 60))
    addAccountRoutes(to: staff, store: store, renderer: renderer, admin: AccountAdmin(store: store, passwordCost: configuration.passwordCost))
    addDiaryRoutes(to: staff, store: store, renderer: renderer, uploadLimit: configuration.uploadLimit)
    addPlanningRoutes(to: staff, store: store, renderer: renderer, typst: TypstCompiler())
    addMinutesRoutes(to: staff, store: store, renderer: renderer)
    let x509 = configuration.signingDirectory.map { X509Signer(ca: LocalCA(directory: URL(fileURLWithPath: $0))) }
    let bankID = try configuration.bankID.map { settings in
        try BankIDClient(configuration: BankIDConfiguration(baseURL: settings.url, certificatePEM: settings.certificate, keyPEM: settings.key,
                                                            caPEM: settings.ca))
    }
    addAdjustmentRoutes(to: staff, store: store, renderer: renderer, typst: TypstCompiler(), signer: x509, bankID: bankID)
    addDispatchRoutes(to: staff, store: store, renderer: renderer, typst: TypstCompiler(), signer: x509)
    addFollowUpRoutes(to: staff, store: store, renderer: renderer, typst: TypstCompiler(), remindersConfigured: configuration.smtp != nil)
    addReportRoutes(to: staff, router: router, store: store, renderer: renderer, typst: TypstCompiler())
    router.get("/health") { _, _ in
        HealthResponse(status: "ok")
    }
    let cache = PageCache()
    /// A public page, rendered or kept: every route below that shows the record goes through here.
    @Sendable func cached(_ request: Request, _ make: () async throws -> String) async throws -> HTML {
        HTML(try await cache.page(request.uri.description, changes: store.changes, make))
    }
    router.get("/") { request, _ in
        try await cached(request) { try renderer.render(try await StartPageQuery(store: store).load(today: .today())) }
    }
    router.get("/anslagstavla") { request, _ in
        try await cached(request) { try renderer.render(try await NoticeBoardQuery(store: store).load(today: .today())) }
    }
    router.get("/anslagstavla/laglighetsprovning") { request, _ in
        try await cached(request) { try renderer.render(AppealPage(example: .today())) }
    }
    router.get("/uppdrag") { request, _ in
        try await cached(request) {
            let selected = FormParameters(query: request.uri.query).get("namnd").flatMap { Int64($0) }.map { CommitteeID($0) }
            return try renderer.render(AssignmentRegisterPage(assignments: try await store.assignmentRegister(committee: selected),
                                                              committees: try await store.committees(in: nil), selected: selected, today: .today()))
        }
    }
    router.get("/remisser") { request, _ in
        try await cached(request) {
            let selected = FormParameters(query: request.uri.query).get("namnd").flatMap { Int64($0) }.map { CommitteeID($0) }
            return try renderer.render(ReferralListPage(referrals: try await store.referralList(committee: selected),
                                                        committees: try await store.committees(in: nil), selected: selected, today: .today()))
        }
    }
    addOpenDataRoutes(to: router, store: store)
    addFeedRoutes(to: router, store: store)
    let search = SearchQueries(store: store)
    router.get("/sok") { request, _ -> Response in
        let parameters = FormParameters(query: request.uri.query)
        let query = parameters.get("q") ?? ""
        // A diary number typed as the query goes straight to its case.
        if let dnr = DiaryNumber(query.trimmingCharacters(in: .whitespaces)), dnr.year != nil,
           !(try await store.cases(diaryNumber: dnr.caseNumber).isEmpty) {
            return Response(status: .seeOther, headers: [.location: "/arenden?dnr=" +
                (dnr.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")])
        }
        let page = parameters.get("sida").flatMap { Int($0) } ?? 1
        let (filters, problems) = SearchQueries.filters(parameters.getAll)
        return HTML.response(try await cached(request) {
            try renderer.render(try await search.searchPage(query: query, filters: filters, problems: problems, page: page))
        }.body)
    }
    let committees = CommitteeQueries(store: store)
    router.get("/namnder") { request, _ in
        try await cached(request) { try renderer.render(try await committees.committeesPage()) }
    }
    router.get("/namnder/:committee") { request, context in
        try await cached(request) {
            guard let id = context.parameters.get("committee", as: Int64.self),
                  let page = try await committees.committeePage(CommitteeID(id), today: .today()) else { throw HTTPError(.notFound) }
            return try renderer.render(page)
        }
    }
    let persons = PersonQueries(store: store)
    router.get("/personer/:person") { request, context in
        try await cached(request) {
            guard let id = context.parameters.get("person", as: Int64.self),
                  let page = try await persons.personPage(PersonID(id)) else { throw HTTPError(.notFound) }
            return try renderer.render(page)
        }
    }
    let cases = CaseQueries(store: store)
    router.get("/arenden/:case") { request, context in
        try await cached(request) {
            guard let id = context.parameters.get("case", as: Int64.self),
                  let page = try await cases.casePage(CaseID(id)) else { throw HTTPError(.notFound) }
            return try renderer.render(page)
        }
    }
    // A diary number as people write it: one case goes straight to its page.
    router.get("/arenden") { request, _ -> Response in
        guard let text = FormParameters(query: request.uri.query).get("dnr"), let dnr = DiaryNumber(text) else {
            throw HTTPError(.notFound)
        }
        let rows = try await cases.cases(numbered: dnr)
        if rows.count == 1 { return Response(status: .seeOther, headers: [.location: rows[0].url]) }
        guard !rows.isEmpty else { throw HTTPError(.notFound) }
        return HTML.response(try renderer.render(CaseChoicePage(diaryNumber: dnr.description, rows: rows)))
    }
    let meetings = MeetingQueries(store: store)
    router.get("/sammantraden/:meeting") { request, context in
        try await cached(request) {
            guard let id = context.parameters.get("meeting", as: Int64.self),
                  let page = try await meetings.meetingPage(MeetingID(id)) else { throw HTTPError(.notFound) }
            return try renderer.render(page)
        }
    }
    router.get("/sammantraden/:meeting/paragrafer/:number") { request, context in
        try await cached(request) {
            guard let id = context.parameters.get("meeting", as: Int64.self), let number = context.parameters.get("number", as: Int.self),
                  let page = try await meetings.paragraphPage(MeetingID(id), number: number) else { throw HTTPError(.notFound) }
            return try renderer.render(page)
        }
    }
    router.get("/handlingar/:document") { _, context -> Response in
        guard let id = context.parameters.get("document", as: Int64.self),
              let answer = try await meetings.file(of: DocumentID(id)) else { throw HTTPError(.notFound) }
        guard case .file(_, let file, let content) = answer else {
            let page = ErrorPage(title: "Handlingen lämnas inte ut här",
                                 message: "Handlingen innehåller personnummer och kan därför inte visas på webben. Du kan begära ut den från kommunens registratur, som prövar vad som kan lämnas ut.")
            return HTML.response(try renderer.render(page), status: .forbidden)
        }
        // Text files are served byte for byte in the encoding they were read in (imports before
        // the charset was recorded were UTF-8); the name is kept for saving.
        let type = file.mediaType.hasPrefix("text/") && !file.mediaType.contains("charset=") ? "\(file.mediaType); charset=utf-8" : file.mediaType
        let disposition = "inline; filename*=UTF-8''" + (file.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "handling")
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: disposition],
                        body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }
    let application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Paragraf"),
        services: bankID.map { [BankIDConnections(client: $0)] } ?? [],
        logger: logger)
    return (application, staff.declared)
}

struct HealthResponse: ResponseEncodable {
    var status: String
}

/// An HTML page as a response.
public struct HTML: ResponseGenerator {
    public let body: String
    public init(_ body: String) { self.body = body }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Self.response(body)
    }

    static func response(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

/// Turns failures into a page in Swedish instead of a bare status code.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let renderer: PageRenderer
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as UserFacingError {
            return page(status: error.status, title: error.title, message: error.message)
        } catch let error as HTTPError where error.status == .notFound {
            return page(status: .notFound, title: "Sidan finns inte",
                        message: "Adressen \(request.uri.path) finns inte i Paragraf. Kontrollera adressen eller gå till startsidan.")
        } catch {
            logger.error("Fel vid \(request.method) \(request.uri.path): \(error)")
            return page(status: .internalServerError, title: "Något gick fel",
                        message: "Sidan kunde inte visas på grund av ett fel i Paragraf. Felet är loggat; försök igen om en stund.")
        }
    }

    private func page(status: HTTPResponse.Status, title: String, message: String) -> Response {
        let html = (try? renderer.render(ErrorPage(title: title, message: message))) ?? "<!DOCTYPE html><html lang=\"sv\"><title>\(title)</title><p>\(message)</p></html>"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Closes the BankID client's connections when the server stops.
struct BankIDConnections: Service {
    let client: BankIDClient
    func run() async throws {
        try? await gracefulShutdown()
        try await client.shutdown()
    }
}
