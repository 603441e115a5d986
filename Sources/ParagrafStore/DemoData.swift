import ParagrafCore

/// SplitMix64: a small, fast generator whose sequence depends on the seed alone, so the
/// same seed gives the same demo municipality on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}

public struct DemoSummary: Sendable, Equatable {
    public var municipalities = 0
    public var committees = 0
    public var persons = 0
    public var meetings = 0
    public var paragraphs = 0
    public var votes = 0
    public var reservations = 0
    public var assignments = 0
}

/// A realistic demo: municipalities with their committees, members, ersättare and officials,
/// and a year of meetings with agendas and minutes in Swedish committee language.
///
/// `scale` counts municipality-years: scale 1 is one municipality for one year (about 750
/// paragraphs); larger scales add municipalities, then earlier years of the same ones.
public struct DemoGenerator: Sendable {
    public var seed: UInt64
    public var scale: Int
    public var year: Int
    /// Meetings before this day are held and have minutes; later ones are planned.
    public var today: LocalDate

    public init(seed: UInt64 = 1, scale: Int = 1, year: Int, today: LocalDate) {
        self.seed = seed
        self.scale = max(1, scale)
        self.year = year
        self.today = today
    }

    public func run(into store: some Store, progress: (@Sendable (DemoSummary) -> Void)? = nil) async throws -> DemoSummary {
        var summary = DemoSummary()
        var built: [String: BuiltMunicipality] = [:]
        for unit in 0..<scale {
            let name = Self.municipalityNames[unit % Self.municipalityNames.count]
            let year = self.year - unit / Self.municipalityNames.count
            var rng = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(unit))
            if built[name] == nil {
                built[name] = try await buildMunicipality(name, rng: &rng, store: store, summary: &summary)
            }
            try await buildYear(built[name]!, year: year, rng: &rng, store: store, summary: &summary)
            progress?(summary)
        }
        return summary
    }

    // MARK: - Organisation

    struct BuiltCommittee: Sendable {
        var committee: Committee
        var members: [PersonRef]
        var substitutes: [PersonRef]
        var officials: [Official]
        var profile: Profile
    }

    struct BuiltMunicipality: Sendable {
        var municipality: Municipality
        var committees: [BuiltCommittee]
    }

    enum Profile: Sendable { case council, board, workingCommittee, social, school, labour, building }

    static let committeePlan: [(name: String, kind: CommitteeKind, abbreviation: String, seats: Int, substitutes: Int, profile: Profile)] = [
        ("Kommunfullmäktige", .fullmaktige, "KF", 31, 8, .council),
        ("Kommunstyrelsen", .styrelse, "KS", 13, 7, .board),
        ("Kommunstyrelsens arbetsutskott", .utskott, "KSAU", 5, 3, .workingCommittee),
        ("Socialnämnden", .namnd, "SN", 9, 5, .social),
        ("Barn- och utbildningsnämnden", .namnd, "BUN", 11, 6, .school),
        ("Arbetsmarknadsnämnden", .namnd, "AMN", 9, 5, .labour),
        ("Bygg- och miljönämnden", .namnd, "BMN", 7, 4, .building),
    ]

    private func buildMunicipality(_ name: String, rng: inout SeededGenerator, store: some Store,
                                   summary: inout DemoSummary) async throws -> BuiltMunicipality {
        let municipality = try await store.save(Municipality(name: name))
        summary.municipalities += 1
        let termStart = LocalDate(year: year - (year - 2023) % 4, month: 1, day: 1)!
        let term = Term(from: termStart, to: LocalDate(year: termStart.year + 3, month: 12, day: 31)!)
        var committees: [BuiltCommittee] = []
        var parentID: CommitteeID? = nil
        var usedNames = Set<String>()
        for plan in Self.committeePlan {
            let committee = try await store.save(Committee(
                municipalityID: municipality.id!, name: plan.name, kind: plan.kind, abbreviation: plan.abbreviation,
                parentID: plan.kind == .utskott ? parentID : nil))
            if plan.kind == .styrelse { parentID = committee.id }
            summary.committees += 1
            var members: [PersonRef] = []
            var substitutes: [PersonRef] = []
            for seat in 0..<(plan.seats + plan.substitutes) {
                var personName = ""
                repeat { personName = "\(rng.pick(Self.firstNames)) \(rng.pick(Self.surnames))" } while !usedNames.insert(personName).inserted
                let party = Self.party(seat: seat % max(1, seat < plan.seats ? plan.seats : plan.substitutes),
                                       of: seat < plan.seats ? plan.seats : plan.substitutes)
                let person = try await store.save(Person(municipalityID: municipality.id!, name: personName, party: party))
                summary.persons += 1
                let ref = PersonRef(personID: person.id, name: personName, party: party)
                let isMember = seat < plan.seats
                let role: MembershipRole = !isMember ? .ersattare
                    : seat == 0 ? .ordforande : seat == 1 ? .forsteViceOrdforande : seat == 2 ? .andreViceOrdforande : .ledamot
                _ = try await store.save(Membership(personID: person.id!, committeeID: committee.id!, role: role, term: term,
                                                    callingOrder: isMember ? nil : seat - plan.seats + 1))
                if isMember { members.append(ref) } else { substitutes.append(ref) }
            }
            var officials: [Official] = []
            for title in Self.officialTitles(plan.profile) {
                var officialName = ""
                repeat { officialName = "\(rng.pick(Self.firstNames)) \(rng.pick(Self.surnames))" } while !usedNames.insert(officialName).inserted
                officials.append(try await store.save(Official(municipalityID: municipality.id!, name: officialName, title: title)))
            }
            committees.append(BuiltCommittee(committee: committee, members: members, substitutes: substitutes,
                                             officials: officials, profile: plan.profile))
        }
        return BuiltMunicipality(municipality: municipality, committees: committees)
    }

    /// Seats shared roughly as Swedish councils are: the chair's coalition first.
    static func party(seat: Int, of seats: Int) -> String {
        let order = ["M", "S", "SD", "KD", "S", "M", "V", "L", "C", "S", "SD", "MP", "M", "S", "SD", "KD", "V", "C", "L", "S",
                     "M", "SD", "S", "MP", "M", "V", "S", "KD", "SD", "L", "C"]
        return order[seat % order.count]
    }

    static func officialTitles(_ profile: Profile) -> [String] {
        switch profile {
        case .council: return ["kommunsekreterare"]
        case .board, .workingCommittee: return ["kommundirektör", "ekonomichef", "kommunsekreterare"]
        case .social: return ["socialchef", "verksamhetschef IFO", "nämndsekreterare"]
        case .school: return ["skolchef", "controller", "nämndsekreterare"]
        case .labour: return ["förvaltningschef", "enhetschef", "nämndsekreterare"]
        case .building: return ["samhällsbyggnadschef", "bygglovschef", "nämndsekreterare"]
        }
    }

    // MARK: - A year of meetings

    private func buildYear(_ built: BuiltMunicipality, year: Int, rng: inout SeededGenerator, store: some Store,
                           summary: inout DemoSummary) async throws {
        for c in built.committees {
            let months: [Int] = switch c.profile {
            case .council: [2, 3, 4, 6, 9, 10, 11, 12]
            case .workingCommittee: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
            default: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
            }
            let weekday = c.profile == .council ? Weekday.monday : rng.pick([Weekday.tuesday, .wednesday, .thursday])
            var number = try await store.highestParagraphNumber(committee: c.committee.id!, year: year) ?? 0
            for month in months {
                let date = Self.nth(weekday, week: c.profile == .workingCommittee ? 1 : 3, month: month, year: year)
                let held = date < today
                let start = LocalTime(hour: c.profile == .council ? 18 : rng.pick([8, 9, 13, 17]), minute: 0)!
                var meeting = Meeting(committeeID: c.committee.id!, date: date, startTime: start,
                                      endTime: held ? LocalTime(hour: start.hour + rng.int(1...3), minute: rng.int(0...59)) : nil,
                                      place: Self.place(c.profile, built.municipality.name),
                                      state: held ? (date.days(until: today) > 10 ? .announced : .held)
                                                  : (today.days(until: date) <= 14 ? .notified : .planned),
                                      isOpenToPublic: c.profile == .council)
                meeting = try await store.save(meeting)
                summary.meetings += 1
                let items = matters(for: c, month: month, year: year, rng: &rng)
                var agenda: [AgendaItem] = []
                for (i, item) in items.enumerated() {
                    agenda.append(AgendaItem(meetingID: meeting.id!, position: i + 1, kind: item.kind, title: item.title,
                                             isPublic: item.isPublic, proposedDecision: item.decision.first))
                }
                _ = try await store.replaceAgenda(agenda, for: meeting.id!)
                guard held else { continue }
                let minutes = makeMinutes(meeting: meeting, date: date, committee: c, items: items, firstNumber: number + 1, rng: &rng)
                let saved = try await store.save(minutes)
                number += items.count
                summary.paragraphs += saved.paragraphs.count
                summary.votes += saved.paragraphs.reduce(0) { $0 + $1.votes.count }
                summary.reservations += saved.paragraphs.reduce(0) { $0 + $1.reservations.count }
                for (paragraph, item) in zip(saved.paragraphs, items) where item.assignment != nil {
                    _ = try await store.save(Assignment(
                        committeeID: c.committee.id!, paragraphID: paragraph.id, receiver: item.assignmentReceiver,
                        text: item.assignment!, reportBackBy: date.adding(days: 30 * rng.int(3...9)),
                        status: rng.pick([.notStarted, .ongoing, .ongoing, .partlyDone, .done])))
                    summary.assignments += 1
                }
            }
        }
    }

    static func nth(_ weekday: Weekday, week: Int, month: Int, year: Int) -> LocalDate {
        let first = LocalDate(year: year, month: month, day: 1)!
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        var date = first.adding(days: offset + 7 * (week - 1))
        while !SwedishCalendar.isDeadlineDay(date) { date = date.adding(days: 1) }
        return date
    }

    static func place(_ profile: Profile, _ municipality: String) -> String {
        switch profile {
        case .council: return "Sessionssalen, stadshuset i \(municipality)"
        case .board, .workingCommittee: return "Kommunstyrelsens sammanträdesrum, stadshuset"
        default: return "Sammanträdesrum Tingsalen, kommunhuset"
        }
    }

    struct Item: Sendable {
        var kind: AgendaItemKind
        var title: String
        var dnr: DiaryNumber?
        var isPublic = true
        var description: String?
        var decision: [String]
        var basis: [String] = []
        var recipients: [String] = []
        var contested = false
        var assignment: String?
        var assignmentReceiver: String?
    }

    private func matters(for c: BuiltCommittee, month: Int, year: Int, rng: inout SeededGenerator) -> [Item] {
        let name = c.committee.name
        let genitive = name.hasSuffix("s") ? name : name + "s"
        let abbreviation = c.committee.abbreviation ?? "DNR"
        var serial = month * 10
        func dnr() -> DiaryNumber {
            serial += rng.int(1...4)
            let classification = Classification("\(rng.int(1...3)).\(rng.int(1...7)).\(rng.int(1...4))")
            return DiaryNumber.inSeries(abbreviation, year: year, serial: serial, classification: classification)
        }
        var items = [
            Item(kind: .rollCallAndAdjusters, title: "Upprop och val av justerare",
                 decision: ["\(c.members[1]) utses att tillsammans med ordföranden justera dagens protokoll."]),
            Item(kind: .approveAgenda, title: "Godkännande av föredragningslistan", decision: ["Föredragningslistan godkänns."]),
        ]
        let monthName = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                         "november", "december"][max(0, month - 2)]
        var pool = Self.matterTemplates(c.profile)
        for _ in 0..<rng.int(4...9) where !pool.isEmpty {
            let template = pool.remove(at: Int(rng.next() % UInt64(pool.count)))
            func fill(_ text: String) -> String {
                text.replacingOccurrences(of: "{nämnd}", with: name).replacingOccurrences(of: "{månad}", with: monthName)
                    .replacingOccurrences(of: "{år}", with: "\(year)")
            }
            let title = fill(template.title)
            let decisionText = fill(template.decision)
            var item = Item(kind: .matter, title: title, dnr: dnr(), isPublic: !template.closed,
                            description: template.description.replacingOccurrences(of: "{nämnd}", with: genitive),
                            decision: [decisionText] + (template.second.map { [$0] } ?? []),
                            basis: ["Tjänsteskrivelse \(LocalDate(year: year, month: month, day: 2)!.iso)"] + template.basis.map(fill),
                            recipients: template.recipients)
            item.contested = !template.closed && rng.chance(0.12)
            if let assignment = template.assignment, rng.chance(0.5) {
                item.assignment = assignment
                item.assignmentReceiver = "Förvaltningen"
            }
            items.append(item)
        }
        items.append(Item(kind: .delegatedDecisions, title: "Redovisning av delegationsbeslut", dnr: dnr(),
                          decision: ["Redovisningen av delegationsbeslut läggs till handlingarna."]))
        items.append(Item(kind: .notifications, title: "Anmälningsärenden", dnr: dnr(),
                          decision: ["Anmälningsärendena läggs till handlingarna."]))
        return items
    }

    private func makeMinutes(meeting: Meeting, date: LocalDate, committee c: BuiltCommittee, items: [Item], firstNumber: Int,
                             rng: inout SeededGenerator) -> Minutes {
        var attendance: [Attendance] = []
        var serving: [PersonRef] = []
        var substitutes = c.substitutes
        for (i, member) in c.members.enumerated() {
            if i > 0, rng.chance(0.1) {
                // Absent: the first ersättare of the same party, else the first in calling order.
                let index = substitutes.firstIndex { $0.party == member.party } ?? substitutes.indices.first
                if let index {
                    let sub = substitutes.remove(at: index)
                    attendance.append(Attendance(person: sub, role: .tjanstgorandeErsattare, replacing: member))
                    serving.append(sub)
                }
                continue
            }
            attendance.append(Attendance(person: member, role: i == 0 ? .ordforande : i <= 2 ? .viceOrdforande : .ledamot))
            serving.append(member)
        }
        for sub in substitutes where rng.chance(0.3) {
            attendance.append(Attendance(person: sub, role: .ersattare))
        }
        let chair = c.members[0]
        let adjuster = serving.count > 1 ? serving[1] : chair
        var paragraphs: [Paragraph] = []
        for (i, item) in items.enumerated() {
            var p = Paragraph(meetingID: meeting.id!, number: firstNumber + i, title: item.title, diaryNumber: item.dnr,
                              isPublic: item.isPublic, decision: item.decision.enumerated().map { j, text in
                                  DecisionClause(number: item.decision.count > 1 ? j + 1 : nil, text: text)
                              },
                              description: item.description, basis: item.basis, recipients: item.recipients)
            if item.contested {
                let ruling = serving.filter { ["M", "KD", "L", "C", "SD"].contains($0.party ?? "") }
                let opposition = serving.filter { !ruling.contains($0) }
                let opponent = opposition.first ?? serving.last!
                p.proposals = [
                    Proposal(by: [chair], text: "Bifall till förvaltningens förslag till beslut."),
                    Proposal(by: [opponent], text: "Avslag på förvaltningens förslag till beslut."),
                ]
                let won = ruling.count >= opposition.count
                p.procedure = DecisionProcedure(
                    text: "Ordföranden ställer proposition på förslagen och finner att nämnden bifaller förvaltningens förslag. "
                        + "Votering begärs och genomförs. Den som bifaller förvaltningens förslag röstar ja, den som bifaller "
                        + "\(opponent.name)s förslag röstar nej.",
                    questions: [PropositionQuestion(stage: .main, alternatives: ["förvaltningens förslag", "\(opponent)s avslagsyrkande"],
                                                    adopted: won ? "förvaltningens förslag" : "\(opponent)s avslagsyrkande", vote: 0)])
                p.votes = [Vote(kind: .main, yesMeans: "förvaltningens förslag", noMeans: "\(opponent)s avslagsyrkande",
                                ballots: ruling.map { Ballot(voter: $0, choice: .yes) } + opposition.map { Ballot(voter: $0, choice: .no) })]
                if ruling.count > opposition.count {
                    p.reservations = [Reservation(by: opposition.filter { $0.party == opponent.party },
                                                  reasons: "Reservation till förmån för eget yrkande.")]
                }
            }
            paragraphs.append(p)
        }
        let adjusted = Deadlines.latestAdjustment(meeting: date).adding(days: -rng.int(7...11))
        let posted = adjusted < today ? adjusted : nil
        return Minutes(
            meetingID: meeting.id!, chair: chair, secretary: c.officials.last?.name, attendance: attendance,
            officials: c.officials.map { OfficialAttendance(name: $0.name, title: $0.title) }, paragraphs: paragraphs,
            adjustment: Adjustment(adjusters: [adjuster], place: "Digital justering", date: posted,
                                   signatures: posted.map { date in
                                       [Signature(signer: chair, role: .ordforande, signedOn: date, method: "Mobilt BankID"),
                                        Signature(signer: adjuster, role: .justerare, signedOn: date, method: "Mobilt BankID")]
                                   } ?? []),
            announcement: posted.map { Announcement(posted: $0, minutesKeptAt: "Kommunkansliet, stadshuset") })
    }

    // MARK: - Words

    static let municipalityNames = [
        "Älvstad", "Sjöbacka", "Norrhamra", "Björkvik", "Ljungsby", "Ekeryd", "Tallåsen", "Granhammar", "Östermark",
        "Västerfors", "Lindesby", "Hagaby", "Bergsjö", "Mossby", "Kvarnholm", "Rönnäs", "Storvik", "Dalby", "Forshaga",
        "Åkersberg",
    ]
    static let firstNames = ["Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per", "Lena",
                             "Mikael", "Emma", "Fredrik", "Ingrid", "Ahmed", "Fatima", "Nils", "Elin", "Olof", "Kerstin",
                             "Mats", "Sofia", "Björn", "Linnea", "Hassan", "Marie", "Göran", "Helena", "Jonas", "Åsa", "Osman"]
    static let surnames = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
                           "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Berg", "Ek",
                           "Holm", "Sandberg", "Öberg", "Åström", "Hallberg", "Lund", "Nyström", "Mohammed", "Yilmaz", "Björk"]

    struct Template: Sendable {
        var title: String
        var description: String
        var decision: String
        var second: String? = nil
        var basis: [String] = []
        var recipients: [String] = []
        var closed = false
        var assignment: String? = nil
    }

    static func matterTemplates(_ profile: Profile) -> [Template] {
        var common = [
            Template(title: "Budgetuppföljning efter {månad} {år}",
                     description: "Förvaltningen redovisar {nämnd} ekonomiska utfall och helårsprognos. Prognosen visar ett underskott mot budget som främst beror på ökade kostnader för köpta platser.",
                     decision: "{nämnd} godkänner budgetuppföljningen efter {månad} {år} med helårsprognos.",
                     second: "Förvaltningen får i uppdrag att ta fram åtgärder för en budget i balans.",
                     basis: ["Bilaga Budgetuppföljning {månad} {år}"], recipients: ["Kommunstyrelsen", "Ekonomiavdelningen"],
                     assignment: "Ta fram åtgärder för en budget i balans och återrapportera till nämnden."),
            Template(title: "Internkontrollplan {år}",
                     description: "Enligt kommunens reglemente för intern kontroll ska nämnden varje år anta en plan för uppföljning av den interna kontrollen.",
                     decision: "{nämnd} antar internkontrollplan för {år}.", recipients: ["Kommunstyrelsen", "Revisionen"]),
            Template(title: "Yttrande över remiss om riktlinjer för bostadsförsörjning",
                     description: "Kommunstyrelsen har skickat förslag till riktlinjer för bostadsförsörjning på remiss till nämnderna.",
                     decision: "{nämnd} antar förvaltningens yttrande som sitt eget och överlämnar det till kommunstyrelsen.",
                     recipients: ["Kommunstyrelsen"]),
            Template(title: "Svar på medborgarförslag om fler parkbänkar",
                     description: "Ett medborgarförslag har lämnats in om fler sittplatser längs promenadstråken.",
                     decision: "{nämnd} besvarar medborgarförslaget med förvaltningens tjänsteskrivelse.",
                     recipients: ["Förslagsställaren", "Kommunfullmäktige"]),
            Template(title: "Information från förvaltningen",
                     description: "Förvaltningschefen informerar om aktuella frågor inom verksamheten.",
                     decision: "Informationen noteras till protokollet."),
            Template(title: "Rapport om ej verkställda beslut, kvartal {år}",
                     description: "Nämnden ska kvartalsvis rapportera gynnande beslut som inte verkställts inom tre månader.",
                     decision: "{nämnd} godkänner rapporten och överlämnar den till kommunfullmäktige och revisionen.",
                     recipients: ["Kommunfullmäktige", "Revisionen", "Inspektionen för vård och omsorg"]),
        ]
        switch profile {
        case .council:
            common += [
                Template(title: "Motion om solceller på kommunens fastigheter",
                         description: "En motion har väckts om att installera solceller på kommunens egna fastigheter.",
                         decision: "Kommunfullmäktige bifaller motionen.", recipients: ["Kommunstyrelsen"]),
                Template(title: "Val av ersättare i Socialnämnden efter avsägelse",
                         description: "En ersättare har avsagt sig sitt uppdrag.", decision: "Kommunfullmäktige beviljar avsägelsen och väljer ny ersättare för återstoden av mandatperioden.",
                         recipients: ["Socialnämnden", "Löneenheten"]),
                Template(title: "Taxor och avgifter för {år}", description: "Förslag till reviderade taxor inom plan- och byggområdet.",
                         decision: "Kommunfullmäktige fastställer taxorna att gälla från och med den 1 januari.", recipients: ["Bygg- och miljönämnden"]),
            ]
        case .board, .workingCommittee:
            common += [
                Template(title: "Detaljplan för bostäder vid Kvarnbacken – antagande",
                         description: "Planförslaget har varit utställt för granskning och inkomna synpunkter har bemötts i ett granskningsutlåtande.",
                         decision: "Kommunstyrelsen föreslår kommunfullmäktige att anta detaljplanen.", recipients: ["Kommunfullmäktige"]),
                Template(title: "Upphandling av skolskjuts", description: "Nuvarande avtal löper ut och en ny upphandling behöver genomföras.",
                         decision: "Kommunstyrelsen ger förvaltningen i uppdrag att genomföra upphandlingen.",
                         recipients: ["Upphandlingsenheten"], assignment: "Genomför upphandlingen och redovisa tilldelningsbeslutet."),
            ]
        case .social:
            common += [
                Template(title: "Ansökan om ekonomiskt bistånd – överklagat beslut", description: "Ärendet avser myndighetsutövning mot enskild.",
                         decision: "Socialnämnden avslår begäran om omprövning.", closed: true),
                Template(title: "Patientsäkerhetsberättelse {år}",
                         description: "Vårdgivaren ska varje år upprätta en patientsäkerhetsberättelse.",
                         decision: "Socialnämnden godkänner patientsäkerhetsberättelsen.", recipients: ["Medicinskt ansvarig sjuksköterska"]),
            ]
        case .school:
            common += [
                Template(title: "Skolskjutsreglemente", description: "Förslag till revidering av reglementet för skolskjuts.",
                         decision: "Barn- och utbildningsnämnden antar reviderat skolskjutsreglemente.", recipients: ["Skolskjutssamordnaren"]),
                Template(title: "Mottagande i grundsärskolan", description: "Ärendet avser myndighetsutövning mot enskild.",
                         decision: "Eleven tas emot i grundsärskolan.", closed: true),
            ]
        case .labour:
            common += [
                Template(title: "Utredning av arbetsmarknadsenhetens verksamhet",
                         description: "Nämnden har gett förvaltningen i uppdrag att utreda arbetsmarknadsenhetens organisation.",
                         decision: "Arbetsmarknadsnämnden noterar informationen och lämnar utredningen vidare till kommunstyrelsen.",
                         recipients: ["Kommunstyrelsen"], assignment: "Återrapportera utredningens genomförande till nämnden."),
                Template(title: "Insatser för personer långt från arbetsmarknaden",
                         description: "Förvaltningen redovisar resultat av arbetsmarknadsinsatserna.",
                         decision: "Arbetsmarknadsnämnden godkänner redovisningen."),
            ]
        case .building:
            common += [
                Template(title: "Bygglov för nybyggnad av flerbostadshus", description: "Ansökan avser nybyggnad av flerbostadshus i fyra våningar.",
                         decision: "Bygg- och miljönämnden beviljar bygglov.", recipients: ["Sökanden", "Lantmäteriet"]),
                Template(title: "Föreläggande om åtgärder enligt miljöbalken", description: "Ärendet avser myndighetsutövning mot enskild.",
                         decision: "Nämnden förelägger fastighetsägaren att vidta åtgärder.", closed: true),
            ]
        }
        return common
    }
}
