/// One change to a case, a meeting or minutes, as the audit log keeps it: who, when, what, and
/// the record before and after (as JSON). The log is append-only: the store refuses to change
/// or delete an entry.
public struct AuditEntry: Hashable, Sendable {
    public var id: Int64?
    /// ISO 8601 UTC with milliseconds, as the store stamps it.
    public var at: String
    public var actor: String
    /// What was done, in Swedish (`registrerade`, `ändrade`, `justerade`, …).
    public var action: String
    /// What kind of record (`ärende`, `sammanträde`, `protokoll`) and which.
    public var subjectKind: String
    public var subjectID: Int64?
    public var before: String?
    public var after: String?

    public init(id: Int64? = nil, at: String, actor: String, action: String, subjectKind: String, subjectID: Int64?,
                before: String? = nil, after: String? = nil) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.before = before
        self.after = after
    }
}
