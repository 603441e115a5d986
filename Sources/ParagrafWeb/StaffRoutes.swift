import Foundation
import Hummingbird
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// A route for signed-in staff, as declared: the route-by-role test walks this list.
struct StaffRoute: Sendable {
    var method: HTTPRequest.Method
    var path: String
}

/// Registers staff routes so that none can be added without saying what it needs: the handler runs
/// only for a signed-in account whose roles allow the permission the route asks for.
final class StaffRoutes {
    typealias Need = @Sendable (Request, PortalContext) async throws -> Permission
    typealias Handler = @Sendable (Request, PortalContext, StaffUser) async throws -> Response

    let router: Router<PortalContext>
    private(set) var declared: [StaffRoute] = []

    init(router: Router<PortalContext>) { self.router = router }

    func get(_ path: String, need: @escaping Need, _ handler: @escaping Handler) {
        add(.get, path, need: need, handler)
    }

    func post(_ path: String, need: @escaping Need, _ handler: @escaping Handler) {
        add(.post, path, need: need, handler)
    }

    private func add(_ method: HTTPRequest.Method, _ path: String, need: @escaping Need, _ handler: @escaping Handler) {
        declared.append(StaffRoute(method: method, path: path))
        router.on(RouterPath(path), method: method) { request, context -> Response in
            guard let user = context.identity else {
                // Not signed in: to the sign-in page, and back here afterwards for a page.
                let back = request.method == .get ? "?till=" + (request.uri.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") : ""
                return Response(status: .seeOther, headers: [.location: "/logga-in" + back])
            }
            guard user.access.allows(try await need(request, context)) else { throw UserFacingError.forbidden() }
            return try await handler(request, context, user)
        }
    }
}

extension PortalContext {
    /// A path parameter as an id, or not found.
    func id(_ name: String) throws -> Int64 {
        guard let id = parameters.get(name, as: Int64.self) else { throw HTTPError(.notFound) }
        return id
    }
}

/// A redirect after a successful form (Post/Redirect/Get), so that reloading does not post again.
func seeOther(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}

/// The committee a route's path names (`:committee`), for the routes that work in one.
struct CommitteeInPath: Sendable {
    let store: any Store

    /// The committee, or not found.
    func committee(_ context: PortalContext) async throws -> Committee {
        guard let found = try await store.committee(CommitteeID(try context.id("committee"))) else { throw HTTPError(.notFound) }
        return found
    }

    /// What a route needs: `permission` in the committee its path names.
    func need(_ permission: @escaping @Sendable (CommitteeID) -> Permission) -> StaffRoutes.Need {
        { _, context in permission(CommitteeID(try context.id("committee"))) }
    }
}

/// The meeting a staff route's path names (`:meeting`), for the many routes that work on one.
struct MeetingInPath: Sendable {
    let store: any Store

    /// The meeting and its committee, or not found.
    func meeting(_ context: PortalContext) async throws -> (Meeting, Committee) {
        guard let found = try await store.meeting(MeetingID(try context.id("meeting"))),
              let committee = try await store.committee(found.committeeID) else { throw HTTPError(.notFound) }
        return (found, committee)
    }

    /// What a route needs: `permission` in the committee of the meeting its path names.
    func need(_ permission: @escaping @Sendable (CommitteeID) -> Permission) -> StaffRoutes.Need {
        { _, context in
            guard let found = try await store.meeting(MeetingID(try context.id("meeting"))) else { throw HTTPError(.notFound) }
            return permission(found.committeeID)
        }
    }
}
