/// When a stored record was made and last changed (ISO 8601 UTC, as the store keeps them): open
/// data lists are synchronised by these.
public struct Stamps: Hashable, Sendable {
    public var created: String
    public var modified: String

    public init(created: String, modified: String) {
        self.created = created
        self.modified = modified
    }
}

/// The kinds of stored records that carry stamps.
public enum StampedRecord: String, Sendable, CaseIterable {
    case municipality = "municipalities"
    case committee = "committees"
    case person = "persons"
    case membership = "memberships"
    case meeting = "meetings"
    case paragraph = "paragraphs"
    case matter = "cases"
    case document = "documents"
    case assignment = "assignments"
    case referral = "referrals"
}
