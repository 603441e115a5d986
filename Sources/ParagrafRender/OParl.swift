import Foundation
import ParagrafCore

/// The read API's objects, shaped as OParl 1.1 asks (https://schema.oparl.org/1.1/), with what
/// Swedish minutes need and OParl lacks under the `paragraf:` prefix: proposals, the question
/// order, named votes (shaped like Popolo's VoteEvent and Vote), reservations, statements.
/// Mapping: a municipality is a Body, a committee an Organization, a case (ärende) a Paper, a
/// paragraph an AgendaItem of its meeting and a Consultation of its case, a document a File.
/// Builders take what may be published only: the callers filter by `Publication`, and every
/// text is masked here once more.
public enum OParl {
    public static let version = "https://schema.oparl.org/1.1/"
    static func type(_ name: String) -> String { version + name }
    static func text(_ value: String) -> String { Publication.redacted(value) }
    static func text(_ value: String?) -> String? { value.map(Publication.redacted) }

    /// The API's addresses, all absolute as OParl requires, under the server's own address.
    public struct Addresses: Sendable {
        public let site: String
        public var api: String { site + "/oparl/v1" }
        public init(site: String) { self.site = site.hasSuffix("/") ? String(site.dropLast()) : site }

        public var system: String { api + "/system" }
        public var bodies: String { api + "/bodies" }
        public func body(_ id: MunicipalityID) -> String { "\(api)/bodies/\(id.rawValue)" }
        public func list(_ body: MunicipalityID, _ name: String) -> String { "\(api)/bodies/\(body.rawValue)/\(name)" }
        public func organization(_ id: CommitteeID) -> String { "\(api)/organizations/\(id.rawValue)" }
        public func person(_ id: PersonID) -> String { "\(api)/people/\(id.rawValue)" }
        public func membership(_ id: MembershipID) -> String { "\(api)/memberships/\(id.rawValue)" }
        public func meeting(_ id: MeetingID) -> String { "\(api)/meetings/\(id.rawValue)" }
        public func agendaItem(_ id: ParagraphID) -> String { "\(api)/agendaitems/\(id.rawValue)" }
        /// A point on the agenda of a meeting whose minutes are not yet kept here.
        public func plannedItem(_ meeting: MeetingID, _ position: Int) -> String { "\(api)/meetings/\(meeting.rawValue)/agendaitems/\(position)" }
        public func consultation(_ id: ParagraphID) -> String { "\(api)/consultations/\(id.rawValue)" }
        public func paper(_ id: CaseID) -> String { "\(api)/papers/\(id.rawValue)" }
        public func file(_ id: DocumentID) -> String { "\(api)/files/\(id.rawValue)" }
    }

    public struct System: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("System")
        public var oparlVersion = OParl.version
        public var body: String
        public var name: String
        public var website: String
        public var product = "https://github.com/paragraf/paragraf"
        public var created: String?
        public var modified: String?
        public var web: String

        public init(_ a: Addresses, stamps: Stamps?) {
            id = a.system
            body = a.bodies
            name = "Paragraf"
            website = a.site + "/"
            web = a.site + "/"
            created = stamps?.created
            modified = stamps?.modified
        }
    }

    public struct LegislativeTerm: Encodable, Sendable {}

    public struct Body: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("Body")
        public var system: String
        public var name: String
        public var shortName: String
        public var classification = "Kommun"
        public var organization, person, meeting, paper, membership, agendaItem, consultation, file: String
        public var legislativeTerm: [LegislativeTerm] = []
        public var legislativeTermList: String
        public var locationList: String
        /// Paragraf's follow-up lists: assignments and remisser, public where their paragraph is.
        public var assignmentList: String
        public var referralList: String
        public var created: String
        public var modified: String
        public var web: String

        enum CodingKeys: String, CodingKey {
            case id, type, system, name, shortName, classification, organization, person, meeting, paper, membership, agendaItem,
                 consultation, file, legislativeTerm, legislativeTermList, locationList, created, modified, web
            case assignmentList = "paragraf:assignmentList"
            case referralList = "paragraf:referralList"
        }

        public init(_ m: Municipality, stamps: Stamps, _ a: Addresses) {
            let id = m.id ?? MunicipalityID(0)
            self.id = a.body(id)
            system = a.system
            name = "\(m.name)s kommun"
            shortName = m.name
            organization = a.list(id, "organizations")
            person = a.list(id, "people")
            meeting = a.list(id, "meetings")
            paper = a.list(id, "papers")
            membership = a.list(id, "memberships")
            agendaItem = a.list(id, "agendaitems")
            consultation = a.list(id, "consultations")
            file = a.list(id, "files")
            legislativeTermList = a.list(id, "legislativeterms")
            locationList = a.list(id, "locations")
            assignmentList = a.list(id, "assignments")
            referralList = a.list(id, "referrals")
            created = stamps.created
            modified = stamps.modified
            web = a.site + "/namnder"
        }
    }

    public struct Organization: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("Organization")
        public var body: String
        public var name: String
        public var shortName: String?
        public var organizationType = "Gremium"
        public var classification: String
        public var membership: [String]
        public var meeting: String
        public var created: String
        public var modified: String
        public var web: String

        public init(_ c: Committee, memberships: [MembershipID], stamps: Stamps, _ a: Addresses) {
            let id = c.id ?? CommitteeID(0)
            self.id = a.organization(id)
            body = a.body(c.municipalityID)
            name = c.name
            shortName = c.abbreviation
            classification = c.kind.swedishName
            membership = memberships.map(a.membership)
            meeting = a.list(c.municipalityID, "meetings") + "?organization=\(id.rawValue)"
            created = stamps.created
            modified = stamps.modified
            web = a.site + Links.committee(id)
        }
    }

    public struct Membership: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("Membership")
        public var person: String
        public var organization: String
        public var role: String
        public var votingRight: Bool
        public var startDate: String
        public var endDate: String?
        public var callingOrder: Int?
        public var created: String
        public var modified: String

        enum CodingKeys: String, CodingKey {
            case id, type, person, organization, role, votingRight, startDate, endDate, created, modified
            case callingOrder = "paragraf:callingOrder"
        }

        public init(_ m: ParagrafCore.Membership, stamps: Stamps, _ a: Addresses) {
            id = a.membership(m.id ?? MembershipID(0))
            person = a.person(m.personID)
            organization = a.organization(m.committeeID)
            role = m.role.rawValue
            votingRight = m.role.holdsSeat
            startDate = m.term.from.iso
            endDate = m.term.to?.iso
            callingOrder = m.callingOrder
            created = stamps.created
            modified = stamps.modified
        }
    }

    public struct Person: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("Person")
        public var body: String
        public var name: String
        public var party: String?
        public var membership: [Membership]
        public var created: String
        public var modified: String
        public var web: String

        enum CodingKeys: String, CodingKey {
            case id, type, body, name, membership, created, modified, web
            case party = "paragraf:party"
        }

        public init(_ p: ParagrafCore.Person, memberships: [Membership], stamps: Stamps, _ a: Addresses) {
            let id = p.id ?? PersonID(0)
            self.id = a.person(id)
            body = a.body(p.municipalityID)
            name = p.name
            party = p.party
            membership = memberships
            created = stamps.created
            modified = stamps.modified
            web = a.site + Links.person(id)
        }
    }

    public struct File: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("File")
        public var name: String
        public var fileName: String?
        public var mimeType: String?
        public var date: String?
        public var size: Int?
        public var sha256Checksum: String?
        public var accessUrl: String
        public var downloadUrl: String?
        public var meeting: [String]
        public var paper: [String]
        public var created: String
        public var modified: String

        enum CodingKeys: String, CodingKey {
            case id, type, name, fileName, mimeType, date, size, accessUrl, downloadUrl, meeting, paper, created, modified
            case sha256Checksum = "paragraf:sha256Checksum"
        }

        public init(_ d: Document, stamps: Stamps, _ a: Addresses) {
            let id = d.id ?? DocumentID(0)
            self.id = a.file(id)
            name = OParl.text(d.title)
            fileName = d.file?.fileName
            mimeType = d.file?.mediaType
            date = d.date?.iso
            size = d.file?.byteCount
            sha256Checksum = d.file?.sha256
            accessUrl = a.site + Links.document(d)
            downloadUrl = d.file == nil ? nil : a.site + Links.document(d)
            meeting = d.meetingID.map { [a.meeting($0)] } ?? []
            paper = d.caseID.map { [a.paper($0)] } ?? []
            created = stamps.created
            modified = stamps.modified
        }
    }

    /// A roll-call vote, as Popolo's VoteEvent: the question, the counts and each member's ballot.
    public struct VoteEvent: Encodable, Sendable {
        public struct Count: Encodable, Sendable { public var option: String; public var value: Int }
        public struct Ballot: Encodable, Sendable { public var voter: String; public var voterId: String?; public var option: String }
        public var motion: String?
        public var kind: String
        public var yesMeans: String
        public var noMeans: String
        public var counts: [Count]
        public var votes: [Ballot]
        public var lotWinner: String?
    }

    public struct Authored: Encodable, Sendable {
        public var kind: String
        public var by: [String]
        public var text: String
        public var withdrawn: Bool?
    }

    public struct AgendaItem: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("AgendaItem")
        public var meeting: String
        public var number: String
        public var order: Int
        public var name: String?
        public var `public`: Bool
        public var consultation: String?
        public var resolutionText: String?
        public var paragraphDescription: String?
        public var basis: [String]?
        public var proposals: [Authored]?
        public var questionOrder: [String]?
        public var decisionProcedure: String?
        public var votes: [VoteEvent]?
        public var reservations: [Authored]?
        public var statements: [Authored]?
        public var recipients: [String]?
        public var immediatelyAdjusted: Bool?
        public var proposedDecision: String?
        public var created: String
        public var modified: String
        public var web: String?

        enum CodingKeys: String, CodingKey {
            case id, type, meeting, number, order, name, `public`, consultation, resolutionText, created, modified, web
            case paragraphDescription = "paragraf:description"
            case basis = "paragraf:basis"
            case proposals = "paragraf:proposals"
            case questionOrder = "paragraf:questionOrder"
            case decisionProcedure = "paragraf:decisionProcedure"
            case votes = "paragraf:votes"
            case reservations = "paragraf:reservations"
            case statements = "paragraf:statements"
            case recipients = "paragraf:recipients"
            case immediatelyAdjusted = "paragraf:immediatelyAdjusted"
            case proposedDecision = "paragraf:proposedDecision"
        }

        /// A point on the agenda (föredragningslista) of a meeting not yet held or not yet minuted,
        /// with the proposed decision; a closed point says only that it is there.
        public init(planned item: ParagrafCore.AgendaItem, stamps: Stamps, _ a: Addresses) {
            id = a.plannedItem(item.meetingID, item.position)
            meeting = a.meeting(item.meetingID)
            number = String(item.position)
            order = item.position
            `public` = Publication.mayPublish(item)
            created = stamps.created
            modified = stamps.modified
            guard `public` else { return }
            name = OParl.text(item.title)
            proposedDecision = OParl.text(item.proposedDecision)
            web = a.site + Links.meeting(item.meetingID)
        }

        /// A closed paragraph says only that it exists, as the public minutes do.
        public init(_ p: Paragraph, order: Int, stamps: Stamps, _ a: Addresses) {
            let id = p.id ?? ParagraphID(0)
            self.id = a.agendaItem(id)
            meeting = a.meeting(p.meetingID)
            number = "§ \(p.number)"
            self.order = order
            `public` = Publication.mayPublish(p)
            created = stamps.created
            modified = stamps.modified
            guard `public` else { return }
            func names(_ refs: [PersonRef]) -> [String] { refs.map { OParl.text($0.description) } }
            name = OParl.text(p.title)
            consultation = p.caseID.map { _ in a.consultation(id) }
            resolutionText = OParl.text(p.decisionText)
            paragraphDescription = OParl.text(p.description)
            basis = p.basis.map(OParl.text)
            proposals = p.proposals.map { Authored(kind: $0.kind.rawValue, by: names($0.by), text: OParl.text($0.text), withdrawn: $0.withdrawn) }
            questionOrder = p.procedure?.questions.map { "\($0.stage.rawValue): \($0.alternatives.joined(separator: " mot "))" }
            decisionProcedure = OParl.text(p.procedure?.text)
            votes = p.votes.map { v in
                let counts = BallotChoice.allCases.map { choice in VoteEvent.Count(option: choice.rawValue,
                                                                                   value: v.ballots.filter { $0.choice == choice }.count) }
                return VoteEvent(motion: OParl.text(v.question), kind: v.kind.rawValue, yesMeans: OParl.text(v.yesMeans),
                                 noMeans: OParl.text(v.noMeans), counts: counts,
                                 votes: v.ballots.map { VoteEvent.Ballot(voter: OParl.text($0.voter.description),
                                                                         voterId: $0.voter.personID.map(a.person),
                                                                         option: $0.choice.rawValue) },
                                 lotWinner: v.lotWinner?.rawValue)
            }
            reservations = p.reservations.map { Authored(kind: "reservation", by: names($0.by), text: OParl.text($0.reasons ?? "")) }
            statements = p.statements.map { Authored(kind: $0.kind.rawValue, by: names($0.by), text: OParl.text($0.text)) }
            recipients = p.recipients.map(OParl.text)
            immediatelyAdjusted = p.immediatelyAdjusted
            web = a.site + Links.paragraph(meeting: p.meetingID, number: p.number)
        }
    }

    public struct Meeting: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("Meeting")
        public var name: String
        public var meetingState: String
        public var cancelled: Bool
        public var start: String?
        public var end: String?
        public var place: String?
        public var organization: [String]
        public var resultsProtocol: File?
        public var invitation: File?
        public var auxiliaryFile: [File]
        public var agendaItem: [AgendaItem]
        public var created: String
        public var modified: String
        public var web: String
        /// Justering: the adjusters and each signature given.
        public var adjustment: Adjustment?
        /// The notice of adjustment on the official notice board, with the appeal period it opens.
        public var noticeOfAdjustment: NoticeOfAdjustment?

        public struct Adjustment: Encodable, Sendable {
            public struct Signed: Encodable, Sendable {
                public var name: String
                public var role: String
                public var date: String
                public var method: String?
            }
            public var adjusters: [String]
            public var signatures: [Signed]
        }

        public struct NoticeOfAdjustment: Encodable, Sendable {
            public var posted: String
            public var lastAppealDay: String
            public var takeDown: String
            public var minutesKeptAt: String?
        }

        enum CodingKeys: String, CodingKey {
            case id, type, name, meetingState, cancelled, start, end, organization, resultsProtocol, invitation, auxiliaryFile, agendaItem
            case created, modified, web
            case place = "paragraf:place"
            case adjustment = "paragraf:adjustment"
            case noticeOfAdjustment = "paragraf:noticeOfAdjustment"
        }

        public init(_ m: ParagrafCore.Meeting, committee: String, agenda: [AgendaItem], files: [File], kinds: [String: DocumentKind],
                    stamps: Stamps, _ a: Addresses, minutes: Minutes? = nil) {
            adjustment = minutes?.adjustment.map { adj in
                Adjustment(adjusters: adj.adjusters.map { OParl.text($0.description) },
                           signatures: adj.signatures.map { .init(name: OParl.text($0.signer.name), role: $0.role.rawValue, date: $0.signedOn.iso,
                                                                  method: $0.method) })
            }
            noticeOfAdjustment = minutes?.announcement.map {
                NoticeOfAdjustment(posted: $0.posted.iso, lastAppealDay: $0.lastAppealDay.iso, takeDown: $0.takeDown.iso,
                                   minutesKeptAt: $0.minutesKeptAt.map(OParl.text))
            }
            let id = m.id ?? MeetingID(0)
            self.id = a.meeting(id)
            name = "\(committee), sammanträde \(SwedishFormat.meetingDate(m.dating, long: false))"
            meetingState = m.state.rawValue
            cancelled = m.state == .cancelled
            start = m.date.map { date in m.startTime.map { OParl.dateTime(date, $0) } ?? date.iso }
            end = m.date.flatMap { date in m.endTime.map { OParl.dateTime(date, $0) } }
            place = m.place
            organization = [a.organization(m.committeeID)]
            resultsProtocol = files.first { kinds[$0.id] == .protokoll }
            invitation = files.first { kinds[$0.id] == .kallelse }
            auxiliaryFile = files.filter { kinds[$0.id] != .protokoll && kinds[$0.id] != .kallelse }
            agendaItem = agenda
            created = stamps.created
            modified = stamps.modified
            web = a.site + Links.meeting(id)
        }
    }

    public struct Consultation: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("Consultation")
        public var paper: String
        public var agendaItem: String
        public var meeting: String
        public var organization: [String]
        public var authoritative = true
        public var role = "Beslut"
        public var created: String
        public var modified: String

        public init(_ p: Paragraph, caseID: CaseID, committee: CommitteeID, stamps: Stamps, _ a: Addresses) {
            let id = p.id ?? ParagraphID(0)
            self.id = a.consultation(id)
            paper = a.paper(caseID)
            agendaItem = a.agendaItem(id)
            meeting = a.meeting(p.meetingID)
            organization = [a.organization(committee)]
            created = stamps.created
            modified = stamps.modified
        }
    }

    public struct Paper: Encodable, Sendable {
        public var id: String
        public var type = OParl.type("Paper")
        public var body: String
        public var name: String
        public var reference: String
        public var date: String?
        public var paperType = "Ärende"
        public var classification: String?
        public var consultation: [Consultation]
        public var auxiliaryFile: [File]
        public var created: String
        public var modified: String
        public var web: String

        enum CodingKeys: String, CodingKey {
            case id, type, body, name, reference, date, paperType, consultation, auxiliaryFile, created, modified, web
            case classification = "paragraf:classification"
        }

        public init(_ c: Case, body: MunicipalityID, consultations: [Consultation], files: [File], stamps: Stamps, _ a: Addresses) {
            let id = c.id ?? CaseID(0)
            self.id = a.paper(id)
            self.body = a.body(body)
            name = OParl.text(c.title)
            reference = c.diaryNumber.description
            date = c.registered?.iso
            classification = c.diaryNumber.classification?.code
            consultation = consultations
            auxiliaryFile = files
            created = stamps.created
            modified = stamps.modified
            web = a.site + Links.matter(id)
        }
    }

    /// One page of a list: the objects, where the page stands, and the links onward.
    public struct List<Item: Encodable & Sendable>: Encodable, Sendable {
        public struct Pagination: Encodable, Sendable {
            public var totalElements: Int
            public var elementsPerPage: Int
            public var currentPage: Int
            public var totalPages: Int
        }
        public struct PageLinks: Encodable, Sendable {
            public var first: String
            public var prev: String?
            public var next: String?
            public var last: String
        }
        public var data: [Item]
        public var pagination: Pagination
        public var links: PageLinks

        /// `all` in their order; `url(page)` gives the address of a page with the same filters.
        public init(all: [Item], page: Int, perPage: Int, url: (Int) -> String) {
            let pages = max(1, (all.count + perPage - 1) / perPage)
            let current = min(max(1, page), pages)
            data = Array(all.dropFirst((current - 1) * perPage).prefix(perPage))
            pagination = Pagination(totalElements: all.count, elementsPerPage: perPage, currentPage: current, totalPages: pages)
            links = PageLinks(first: url(1), prev: current > 1 ? url(current - 1) : nil, next: current < pages ? url(current + 1) : nil,
                              last: url(pages))
        }
    }

    /// OParl's answer for an error, in Swedish.
    public struct Failure: Encodable, Sendable {
        public var type = OParl.type("Error")
        public var message: String
        public init(message: String) { self.message = message }
    }

    /// Swedish local time with that day's offset (CET or CEST), as RFC 3339 asks.
    public static func dateTime(_ date: LocalDate, _ time: LocalTime) -> String {
        let hours = LocalDate.swedishTimeZone.secondsFromGMT(for: date.instant(at: time)) / 3600
        return "\(date.iso)T\(time.description):00+" + (hours < 10 ? "0\(hours)" : "\(hours)") + ":00"
    }

    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension OParl {
    /// An uppdrag, Paragraf's extension object (OParl has none): who gave it in which agenda item
    /// (paragraph), to whom, by when, and where it stands.
    public struct Assignment: Encodable, Sendable {
        public var id: String
        public var type = "https://paragraf.se/oparl/1.0/Assignment"
        public var organization: String
        public var agendaItem: String?
        public var meeting: String?
        public var text: String
        public var receiver: String?
        public var giver: String?
        public var givenBy: String?
        public var reportBackBy: String?
        public var status: String
        public var closedByParagraph: Int?
        public var outsideBudget: Bool
        public var created: String
        public var modified: String
        public var web: String

        public init(_ r: RegisteredAssignment, paragraphID: ParagraphID?, stamps: Stamps, _ a: Addresses) {
            let x = r.assignment
            id = a.api + "/assignments/\(x.id?.rawValue ?? 0)"
            organization = a.organization(x.committeeID)
            agendaItem = paragraphID.map(a.agendaItem)
            meeting = r.meetingID.map(a.meeting)
            text = OParl.text(x.text)
            receiver = OParl.text(x.receiver)
            giver = OParl.text(x.giver)
            givenBy = OParl.text(x.givenBy)
            reportBackBy = x.reportBackBy?.iso
            status = x.status.rawValue
            closedByParagraph = x.closedByParagraph
            outsideBudget = x.outsideBudget
            created = stamps.created
            modified = stamps.modified
            web = a.site + "/uppdrag?namnd=\(x.committeeID.rawValue)"
        }
    }

    /// A remiss, Paragraf's extension object: from whom, the deadline and its extensions, and the
    /// agenda item (paragraph) that answered it.
    public struct Referral: Encodable, Sendable {
        public var id: String
        public var type = "https://paragraf.se/oparl/1.0/Referral"
        public var organization: String
        public var direction: String
        public var counterparts: [String]
        public var name: String
        public var reference: String?
        public var deadline: String?
        public var extendedTo: [String]
        public var deadlineInForce: String?
        public var answeredBy: String?
        public var meeting: String?
        public var created: String
        public var modified: String
        public var web: String

        public init(_ l: ListedReferral, stamps: Stamps, _ a: Addresses) {
            let r = l.referral
            id = a.api + "/referrals/\(r.id?.rawValue ?? 0)"
            organization = a.organization(r.committeeID)
            direction = r.direction.rawValue
            counterparts = r.counterparts.map { OParl.text($0) }
            name = OParl.text(r.title)
            reference = OParl.text(r.theirReference)
            deadline = r.deadline?.iso
            extendedTo = r.extensions.map(\.iso)
            deadlineInForce = r.deadlineInForce?.iso
            answeredBy = r.answeredByParagraph.map(a.agendaItem)
            meeting = r.meetingID.map(a.meeting)
            created = stamps.created
            modified = stamps.modified
            web = a.site + "/remisser?namnd=\(r.committeeID.rawValue)"
        }
    }
}
