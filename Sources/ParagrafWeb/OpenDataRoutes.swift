import Foundation
import HTTPTypes
import Hummingbird
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// The OParl 1.1 read API under /oparl/v1, and its description at /openapi.yaml.
func addOpenDataRoutes(to router: Router<PortalContext>, store: any Store) {
    @Sendable func queries(_ request: Request) -> OpenDataQueries {
        OpenDataQueries(store: store, a: OParl.Addresses(site: siteAddress(of: request)))
    }
    @Sendable func object(_ value: (some Encodable)?, _ what: String) throws -> Response {
        guard let value else { return try JSONAnswer.response(OParl.Failure(message: "\(what) finns inte."), status: .notFound) }
        return try JSONAnswer.response(value)
    }

    router.get("/openapi.yaml") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .accessControlAllowOrigin: "*"],
                 body: .init(byteBuffer: ByteBuffer(string: try OpenAPIDocument.text())))
    }
    router.get("/oparl/v1") { request, _ in
        Response(status: .seeOther, headers: [.location: queries(request).a.system])
    }
    router.get("/oparl/v1/system") { request, _ in try JSONAnswer.response(try await queries(request).system()) }
    router.get("/oparl/v1/bodies") { request, _ in
        let q = queries(request)
        return try await list(request, q.a.bodies) { _ in try await q.bodies() }
    }
    router.get("/oparl/v1/bodies/:body") { request, context in
        guard let id = context.parameters.get("body", as: Int64.self) else { return try object(OParl.Body?.none, "Körperskapen") }
        return try object(try await queries(request).body(MunicipalityID(id)), "Kommunen \(id)")
    }
    router.get("/oparl/v1/bodies/:body/:list") { request, context -> Response in
        let q = queries(request)
        guard let raw = context.parameters.get("body", as: Int64.self), let name = context.parameters.get("list"),
              try await store.municipality(MunicipalityID(raw)) != nil else {
            return try object(OParl.Body?.none, "Kommunen")
        }
        let body = MunicipalityID(raw)
        let url = q.a.list(body, name)
        switch name {
        case "organizations": return try await list(request, url) { _ in try await q.organizations(body) }
        case "people": return try await list(request, url) { _ in try await q.people(body) }
        case "memberships": return try await list(request, url) { _ in try await q.memberships(body) }
        case "meetings":
            let organization = FormParameters(query: request.uri.query).get("organization").flatMap { Int64($0) }.map { CommitteeID($0) }
            return try await list(request, url) { window in try await q.meetings(body, organization: organization, window: window) }
        case "agendaitems": return try await list(request, url) { window in try await q.agendaItems(body, window: window) }
        case "consultations": return try await list(request, url) { window in try await q.consultations(body, window: window) }
        case "papers": return try await list(request, url) { window in try await q.papers(body, window: window) }
        case "files": return try await list(request, url) { window in try await q.files(body, window: window) }
        case "assignments": return try await list(request, url) { window in try await q.assignments(body, window: window) }
        case "referrals": return try await list(request, url) { window in try await q.referrals(body, window: window) }
        case "legislativeterms", "locations":
            return try await list(request, url) { _ in [(OParl.LegislativeTerm, Stamps)]() }
        default: return try object(OParl.Body?.none, "Listan \(name)")
        }
    }
    router.get("/oparl/v1/meetings/:id/agendaitems/:position") { request, context -> Response in
        guard let meeting = context.parameters.get("id", as: Int64.self), let position = context.parameters.get("position", as: Int.self) else {
            return try object(OParl.AgendaItem?.none, "Punkten")
        }
        return try object(try await queries(request).plannedItem(MeetingID(meeting), position: position), "Punkten \(position)")
    }
    // One route a kind: a static segment (meetings/…/agendaitems) would shadow a `:kind` wildcard.
    for kind in ["organizations", "people", "memberships", "meetings", "agendaitems", "consultations", "papers", "files"] {
        router.get("/oparl/v1/\(kind)/:id") { request, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self) else { return try object(OParl.Body?.none, "Objektet") }
            let q = queries(request)
            switch kind {
            case "organizations": return try object(try await q.organization(CommitteeID(id)), "Organisationen \(id)")
            case "people": return try object(try await q.person(PersonID(id)), "Personen \(id)")
            case "memberships":
                for m in try await store.municipalities() {
                    if let found = try await q.memberships(m.id ?? MunicipalityID(0)).first(where: { $0.0.id == q.a.membership(MembershipID(id)) }) {
                        return try object(found.0, "")
                    }
                }
                return try object(OParl.Membership?.none, "Uppdraget \(id)")
            case "meetings": return try object(try await q.meeting(MeetingID(id)), "Sammanträdet \(id)")
            case "agendaitems": return try object(try await q.agendaItem(ParagraphID(id)), "Paragrafen \(id)")
            case "consultations": return try object(try await q.consultation(ParagraphID(id)), "Behandlingen \(id)")
            case "papers": return try object(try await q.paper(CaseID(id)), "Ärendet \(id)")
            default: return try object(try await q.file(DocumentID(id)), "Handlingen \(id)")
            }
        }
    }
}

/// One page of an OParl list: `limit` objects a page (100 unless asked; at most 1000), `page`,
/// and the created/modified window; in the order they were created.
private func list<Item: Encodable & Sendable>(_ request: Request, _ url: String,
                                              _ load: (OpenDataQueries.Window) async throws -> [(Item, Stamps)]) async throws -> Response {
    let parameters = FormParameters(query: request.uri.query)
    let window: OpenDataQueries.Window
    do {
        window = try OpenDataQueries.Window.read(parameters.get)
    } catch .badParameter(let message) {
        return try JSONAnswer.response(OParl.Failure(message: message), status: .badRequest)
    }
    let limit = min(1000, max(1, parameters.get("limit").flatMap { Int($0) } ?? 100))
    let page = parameters.get("page").flatMap { Int($0) } ?? 1
    let all = try await load(window).filter { window.admits($0.1) }.sorted { $0.1.created < $1.1.created }.map(\.0)
    var kept: [(String, String)] = []
    for name in ["created_since", "created_until", "modified_since", "modified_until", "organization"] {
        if let value = parameters.get(name) { kept.append((name, value)) }
    }
    let query = kept.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&" }.joined()
    return try JSONAnswer.response(OParl.List(all: all, page: page, perPage: limit) { "\(url)?\(query)limit=\(limit)&page=\($0)" })
}

private let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

/// The site's address as the client used it (behind a proxy that says so, https), so that every
/// absolute link the API and the feeds give leads back here.
func siteAddress(of request: Request) -> String {
    let scheme = request.headers[forwardedProto] == "https" ? "https" : "http"
    return "\(scheme)://\(request.head.authority ?? "127.0.0.1")"
}

/// JSON answers that any site may read (OParl asks for CORS).
enum JSONAnswer {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"],
                 body: .init(byteBuffer: ByteBuffer(string: try OParl.json(value))))
    }
}
