import Foundation
import Hummingbird
import HummingbirdTLS
import NIOSSL
import Logging
import NIOCore
import Synchronization

/// A local stand-in for BankID's relying-party API v6 (sign, collect, cancel), following the
/// published contract: JSON in and out, `orderRef` and start tokens from sign, collect answering
/// pending with hint codes until the scripted user completes or cancels, errors as
/// `{errorCode, details}` with HTTP 400. It signs nothing for real: the completion's signature
/// is an XML document holding what the user was shown and the non-visible data, base64 as in
/// BankID's own `bankIdSignedData`. Used by the tests; it ships in no product.
public final class BankIDStandIn: Sendable {
    public enum Outcome: Sendable { case complete, userCancel, never }

    public init() {}

    struct Order: Sendable {
        var visible: String
        var nonVisible: String
        var collects = 0
        var outcome: Outcome
    }

    private let state = Mutex<(orders: [String: Order], next: [Outcome], cancelled: [String], requests: [String])>(([:], [], [], []))

    /// How the next orders go, in turn; `complete` when none is scripted.
    public func script(_ outcomes: [Outcome]) { state.withLock { $0.next = outcomes } }
    public var cancelled: [String] { state.withLock { $0.cancelled } }
    public var requests: [String] { state.withLock { $0.requests } }

    struct Failure: ResponseEncodable { var errorCode: String; var details: String }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        // auth and sign start an order alike; sign must say what the person signs.
        for method in ["auth", "sign"] {
            router.post("/rp/v6.0/\(method)") { request, context -> Response in
                guard let body = try await self.json(request, context) else {
                    return try self.fail(.unsupportedMediaType, "unsupportedMediaType", "Content-Type ska vara application/json", request, context)
                }
                self.state.withLock { $0.requests.append(method) }
                guard let ip = body["endUserIp"], !ip.isEmpty else {
                    return try self.fail(.badRequest, "invalidParameters", "endUserIp saknas", request, context)
                }
                let visible = body["userVisibleData"].flatMap { Data(base64Encoded: $0) }
                if method == "sign" || body["userVisibleData"] != nil {
                    guard let visible, !visible.isEmpty, visible.count <= 40_000 else {
                        return try self.fail(.badRequest, "invalidParameters", "userVisibleData ska vara base64", request, context)
                    }
                }
                let nonVisible = body["userNonVisibleData"].flatMap { Data(base64Encoded: $0) } ?? Data()
                let ref = UUID().uuidString.lowercased()
                self.state.withLock { state in
                    let outcome = state.next.isEmpty ? Outcome.complete : state.next.removeFirst()
                    state.orders[ref] = Order(visible: String(decoding: visible ?? Data(), as: UTF8.self),
                                              nonVisible: String(decoding: nonVisible, as: UTF8.self), outcome: outcome)
                }
                return try self.answer(["orderRef": ref, "autoStartToken": UUID().uuidString.lowercased(), "qrStartToken": UUID().uuidString.lowercased(),
                                        "qrStartSecret": UUID().uuidString.lowercased()], request, context)
            }
        }
        router.post("/rp/v6.0/collect") { request, context -> Response in
            guard let body = try await self.json(request, context), let ref = body["orderRef"] else {
                return try self.fail(.badRequest, "invalidParameters", "orderRef saknas", request, context)
            }
            self.state.withLock { $0.requests.append("collect") }
            let order: Order? = self.state.withLock { state in
                state.orders[ref]?.collects += 1
                return state.orders[ref]
            }
            guard let order else { return try self.fail(.badRequest, "invalidParameters", "No such order", request, context) }
            switch (order.outcome, order.collects) {
            case (.never, _), (_, 1): return try self.answer(["orderRef": ref, "status": "pending", "hintCode": "outstandingTransaction"], request, context)
            case (_, 2): return try self.answer(["orderRef": ref, "status": "pending", "hintCode": "userSign"], request, context)
            case (.userCancel, _):
                self.state.withLock { _ = $0.orders.removeValue(forKey: ref) }
                return try self.answer(["orderRef": ref, "status": "failed", "hintCode": "userCancel"], request, context)
            case (.complete, _):
                self.state.withLock { _ = $0.orders.removeValue(forKey: ref) }
                let xml = "<Signature><bankIdSignedData><usrVisibleData charset=\"UTF-8\" visible=\"wysiwys\">\(Data(order.visible.utf8).base64EncodedString())</usrVisibleData>"
                    + "<usrNonVisibleData>\(Data(order.nonVisible.utf8).base64EncodedString())</usrNonVisibleData></bankIdSignedData></Signature>"
                let completion = Completion(user: .init(personalNumber: "190000000000", name: "Test Testsson", givenName: "Test", surname: "Testsson"),
                                            device: .init(ipAddress: "127.0.0.1", uhi: "uhi"), bankIdIssueDate: "2026-01-01",
                                            signature: Data(xml.utf8).base64EncodedString(), ocspResponse: Data("ocsp".utf8).base64EncodedString())
                return try self.encode(Complete(orderRef: ref, status: "complete", completionData: completion), request, context)
            }
        }
        router.post("/rp/v6.0/cancel") { request, context -> Response in
            guard let body = try await self.json(request, context), let ref = body["orderRef"] else {
                return try self.fail(.badRequest, "invalidParameters", "orderRef saknas", request, context)
            }
            let known = self.state.withLock { state -> Bool in
                state.requests.append("cancel")
                guard state.orders.removeValue(forKey: ref) != nil else { return false }
                state.cancelled.append(ref)
                return true
            }
            guard known else { return try self.fail(.badRequest, "invalidParameters", "No such order", request, context) }
            return try self.answer([:], request, context)
        }
        return router
    }

    struct Completion: Encodable {
        struct User: Encodable { var personalNumber, name, givenName, surname: String }
        struct Device: Encodable { var ipAddress: String; var uhi: String }
        var user: User
        var device: Device
        var bankIdIssueDate: String
        var signature: String
        var ocspResponse: String
    }

    struct Complete: Encodable {
        var orderRef: String
        var status: String
        var completionData: Completion
    }

    private func json(_ request: Request, _ context: BasicRequestContext) async throws -> [String: String]? {
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else { return nil }
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        return try? JSONDecoder().decode([String: String].self, from: Data(buffer: buffer))
    }

    private func answer(_ value: [String: String], _ request: Request, _ context: BasicRequestContext) throws -> Response {
        try encode(value, request, context)
    }

    private func encode(_ value: some Encodable, _ request: Request, _ context: BasicRequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }

    private func fail(_ status: HTTPResponse.Status, _ code: String, _ details: String, _ request: Request, _ context: BasicRequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(["errorCode": code, "details": details]))))
    }

    static let quiet: Logger = {
        var logger = Logger(label: "bankid.standin")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs the stand-in on a free port of 127.0.0.1 while `body` runs; with `tls`, over HTTPS
    /// that asks for the relying party's client certificate, as BankID does.
    public func run<R: Sendable>(tls: TLSConfiguration? = nil, _ body: @Sendable (String) async throws -> R) async throws -> R {
        let port = Mutex<Int?>(nil)
        let configuration = ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))
        let running: @Sendable (any Channel) async -> Void = { channel in port.withLock { $0 = channel.localAddress?.port } }
        let app = if let tls {
            Application(router: router(), server: try .tls(.http1(), tlsConfiguration: tls), configuration: configuration,
                        onServerRunning: running, logger: Self.quiet)
        } else {
            Application(router: router(), configuration: configuration, onServerRunning: running, logger: Self.quiet)
        }
        return try await withThrowingTaskGroup(of: R?.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []); return nil }
            var bound: Int?
            for _ in 0..<200 {
                bound = port.withLock { $0 }
                if bound != nil { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            guard let bound else { throw CancellationError() }
            let result = try await body("\(tls == nil ? "http" : "https")://127.0.0.1:\(bound)/rp/v6.0")
            group.cancelAll()
            return result
        }
    }
}
