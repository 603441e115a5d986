/// A search as the public asks it: the text typed and which page of hits.
public struct SearchQuery: Hashable, Sendable {
    public var text: String
    public var limit: Int
    public var offset: Int

    public init(text: String, limit: Int = 20, offset: Int = 0) {
        self.text = text
        self.limit = limit
        self.offset = offset
    }
}

/// One decision that matched, with where it was taken.
public struct SearchHit: Hashable, Sendable {
    public var paragraphID: ParagraphID
    public var meetingID: MeetingID
    public var number: Int
    public var title: String
    public var body: String
    public var committee: String
    public var municipality: String
    public var meeting: MeetingDating

    public init(paragraphID: ParagraphID, meetingID: MeetingID, number: Int, title: String, body: String, committee: String,
                municipality: String, meeting: MeetingDating) {
        self.paragraphID = paragraphID
        self.meetingID = meetingID
        self.number = number
        self.title = title
        self.body = body
        self.committee = committee
        self.municipality = municipality
        self.meeting = meeting
    }
}

public struct SearchResults: Hashable, Sendable {
    public var hits: [SearchHit]
    /// All that matched, beyond this page too.
    public var total: Int

    public init(hits: [SearchHit], total: Int) {
        self.hits = hits
        self.total = total
    }
}
