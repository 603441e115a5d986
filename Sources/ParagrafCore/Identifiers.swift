/// A typed row identifier: a `MeetingID` cannot be passed where a `PersonID` is expected.
public struct EntityID<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { String(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum Tags {
    public enum Municipality {}
    public enum Committee {}
    public enum Person {}
    public enum Membership {}
    public enum Official {}
    public enum Case {}
    public enum Document {}
    public enum Meeting {}
    public enum AgendaItem {}
    public enum Paragraph {}
    public enum Assignment {}
    public enum Referral {}
    public enum DelegatedDecision {}
    public enum Notification {}
    public enum Account {}
    public enum DelegationOrder {}
    public enum PeriodicReport {}
}

public typealias MunicipalityID = EntityID<Tags.Municipality>
public typealias CommitteeID = EntityID<Tags.Committee>
public typealias PersonID = EntityID<Tags.Person>
public typealias MembershipID = EntityID<Tags.Membership>
public typealias OfficialID = EntityID<Tags.Official>
public typealias CaseID = EntityID<Tags.Case>
public typealias DocumentID = EntityID<Tags.Document>
public typealias MeetingID = EntityID<Tags.Meeting>
public typealias AgendaItemID = EntityID<Tags.AgendaItem>
public typealias ParagraphID = EntityID<Tags.Paragraph>
public typealias AssignmentID = EntityID<Tags.Assignment>
public typealias ReferralID = EntityID<Tags.Referral>
public typealias DelegatedDecisionID = EntityID<Tags.DelegatedDecision>
public typealias NotificationID = EntityID<Tags.Notification>
public typealias AccountID = EntityID<Tags.Account>
public typealias DelegationOrderID = EntityID<Tags.DelegationOrder>
public typealias PeriodicReportID = EntityID<Tags.PeriodicReport>
