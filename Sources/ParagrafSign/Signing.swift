import Foundation
import ParagrafCore

/// Who signs: the person in the minutes, in which role, and the account that acted.
public struct SignerIdentity: Hashable, Sendable, Codable {
    public var person: PersonRef
    public var role: SignatoryRole
    public var account: String

    public init(person: PersonRef, role: SignatoryRole, account: String) {
        self.person = person
        self.role = role
        self.account = account
    }
}

/// A signature given over the exact bytes of a document.
public struct DocumentSignature: Hashable, Sendable, Codable {
    public var signer: SignerIdentity
    /// How it was made, as the minutes print it: `X.509`, `BankID`.
    public var method: String
    /// ISO 8601 UTC.
    public var signedAt: String
    /// The SHA-256 (hex) of the bytes signed.
    public var documentSHA256: String
    /// The signature itself: a detached CMS SignedData (DER) for X.509; BankID's completion data (JSON) for BankID.
    public var data: [UInt8]

    public init(signer: SignerIdentity, method: String, signedAt: String, documentSHA256: String, data: [UInt8]) {
        self.signer = signer
        self.method = method
        self.signedAt = signedAt
        self.documentSHA256 = documentSHA256
        self.data = data
    }
}

/// Signs documents for a person. The local X.509 signer uses keys from the municipality's own
/// CA; the BankID adapter asks the person's BankID app through BankID's relying-party API.
public protocol DocumentSigner: Sendable {
    var method: String { get }
    /// Signs `bytes` (the exact file) as `signer`; `summary` is what the person is shown.
    func sign(_ bytes: [UInt8], as signer: SignerIdentity, summary: String) async throws -> DocumentSignature
}

public struct SigningError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
