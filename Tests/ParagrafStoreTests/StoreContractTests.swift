import Foundation
import ParagrafCore
@testable import ParagrafStore
import Testing

@Suite("Store contract: organisation and diary")
struct OrganisationContractTests {
    @Test(arguments: TestBackend.all)
    func municipalitiesCommitteesAndPersons(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let boras = try await store.save(Municipality(name: "Borås", code: "1490"))
            let bolle = try await store.save(Municipality(name: "Bollebygd"))
            #expect(try await store.municipalities().map(\.name) == ["Bollebygd", "Borås"])
            #expect(try await store.municipality(named: "Borås") == boras)
            #expect(try await store.municipality(boras.id!) == boras)

            let ks = try await store.save(Committee(municipalityID: boras.id!, name: "Kommunstyrelsen", kind: .styrelse, abbreviation: "KS"))
            let au = try await store.save(Committee(municipalityID: boras.id!, name: "Kommunstyrelsens arbetsutskott",
                                                    kind: .utskott, parentID: ks.id))
            #expect(try await store.committee(au.id!) == au)
            #expect(try await store.committees(in: boras.id!).count == 2)
            #expect(try await store.committees(in: bolle.id!).isEmpty)
            await #expect(throws: StoreError.self) {
                try await store.save(Committee(municipalityID: boras.id!, name: "Utskott utan nämnd", kind: .utskott))
            }

            let anna = try await store.save(Person(municipalityID: boras.id!, name: "Anna Ek", party: "fp"))
            _ = try await store.save(Person(municipalityID: bolle.id!, name: "Anna Ek", party: "FP"))
            #expect(try await store.person(named: "Anna Ek", party: "FP", in: boras.id!) == anna, "parties match in any case")
            #expect(try await store.person(named: "Anna Ek", party: "S", in: boras.id!) == nil)
            #expect(try await store.persons(in: boras.id!) == [anna], "never across municipalities")

            var renamed = anna
            renamed.party = "L"
            _ = try await store.save(renamed)
            #expect(try await store.persons(in: boras.id!).first?.party == "L")
            await #expect(throws: StoreError.notFound("persons med id 4242")) {
                try await store.save(Person(id: PersonID(4242), municipalityID: boras.id!, name: "Ingen"))
            }
        }
    }

    @Test("memberships: ledamöter first, ersättare in calling order, by term", arguments: TestBackend.all)
    func memberships(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let term = Term(from: day("2023-01-01"), to: day("2026-12-31"))
            let c = f.committee.id!
            _ = try await store.save(Membership(personID: f.persons[4].id!, committeeID: c, role: .ersattare, term: term, callingOrder: 2))
            _ = try await store.save(Membership(personID: f.persons[3].id!, committeeID: c, role: .ersattare, term: term, callingOrder: 1))
            _ = try await store.save(Membership(personID: f.persons[1].id!, committeeID: c, role: .ledamot, term: term))
            _ = try await store.save(Membership(personID: f.persons[0].id!, committeeID: c, role: .ordforande, term: term))
            _ = try await store.save(Membership(personID: f.persons[2].id!, committeeID: c, role: .ledamot,
                                                term: Term(from: day("2019-01-01"), to: day("2022-12-31"))))
            let now = try await store.memberships(of: c, on: day("2024-04-16"))
            #expect(now.map(\.personID) == [f.persons[0].id!, f.persons[1].id!, f.persons[3].id!, f.persons[4].id!])
            #expect(now.filter { $0.role.holdsSeat }.count == 2)
            #expect(try await store.memberships(of: c, on: nil).count == 5)
            await #expect(throws: StoreError.self) {
                try await store.save(Membership(personID: f.persons[2].id!, committeeID: c, role: .ersattare, term: term))
            }
        }
    }

    @Test("cases keep their diary number and classification; a number is never used twice", arguments: TestBackend.all)
    func cases(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let other = try await store.save(Committee(municipalityID: f.municipality.id!, name: "Kommunstyrelsen", kind: .styrelse))
            let dnr = DiaryNumber("ALN 2024-000291.2.4.1")!
            let saved = try await store.save(Case(committeeID: f.committee.id!, diaryNumber: dnr, title: "Budgetuppföljning efter mars 2024",
                                                  registered: day("2024-04-02"), handler: "Anna Gustafsson"))
            _ = try await store.save(Case(committeeID: f.committee.id!, diaryNumber: DiaryNumber("ALN 2024-00031 1.2.3.25")!, title: "Anmälningsärenden"))
            _ = try await store.save(Case(committeeID: other.id!, diaryNumber: DiaryNumber("ALN 2024-00029")!, title: "Yttrande"))
            #expect(try await store.matter(saved.id!) == saved)
            #expect(try await store.matter(saved.id!)?.classification?.code == "1.2.4.1")
            #expect(try await store.cases(diaryNumber: DiaryNumber("ALN 2024-00029")!).count == 2, "followed across committees")
            #expect(try await store.highestSerial(in: f.committee.id!, year: 2024) == 31)
            #expect(try await store.highestSerial(in: f.committee.id!, year: 2023) == nil)
            await #expect(throws: StoreError.self) {
                try await store.save(Case(committeeID: f.committee.id!, diaryNumber: DiaryNumber("ALN 2024-00029")!, title: "Dubblett"))
            }
            #expect(try await store.cases(in: f.committee.id!).count == 2)

            let file = StoredFile(fileName: "ts.pdf", mediaType: "application/pdf", sha256: String(repeating: "a", count: 64), byteCount: 1234)
            let doc = try await store.save(Document(caseID: saved.id, kind: .tjansteskrivelse, title: "Tjänsteskrivelse",
                                                    date: day("2024-04-02"), file: file))
            let secret = try await store.save(Document(caseID: saved.id, kind: .bilaga, title: "Utredning om enskild",
                                                       secrecy: .secret(provision: "OSL 26 kap. 1 §")))
            #expect(try await store.documents(for: saved.id!) == [doc, secret])
        }
    }
}

@Suite("Store contract: meetings and minutes")
struct MeetingContractTests {
    @Test(arguments: TestBackend.all)
    func meetingsAgendaAndNotice(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            var next = try await store.save(Meeting(committeeID: f.committee.id!, date: day("2024-05-21")))
            try next.advance(to: .notified)
            next = try await store.save(next)
            #expect(try await store.meeting(next.id!)?.state == .notified)
            _ = try await store.save(Meeting(committeeID: f.committee.id!, date: day("2025-01-14")))
            #expect(try await store.meetings(of: f.committee.id!, year: 2024).map(\.date) == [day("2024-04-16"), day("2024-05-21")] as [LocalDate?])
            #expect(try await store.meetings(of: f.committee.id!, year: nil).count == 3)
            #expect(try await store.meetings(from: day("2024-05-01"), through: day("2025-12-31")).count == 2)

            let items = [
                AgendaItem(meetingID: next.id!, position: 1, kind: .rollCallAndAdjusters, title: "Upprop och val av justerare"),
                AgendaItem(meetingID: next.id!, position: 2, title: "Budgetuppföljning", proposedDecision: "Nämnden godkänner."),
                AgendaItem(meetingID: next.id!, position: 3, title: "Ansökan om bistånd", isPublic: false),
            ]
            let saved = try await store.replaceAgenda(items, for: next.id!)
            #expect(try await store.agenda(for: next.id!) == saved)
            _ = try await store.replaceAgenda(Array(items.prefix(1)), for: next.id!)
            #expect(try await store.agenda(for: next.id!).count == 1, "the agenda is replaced whole")
            await #expect(throws: StoreError.self) { try await store.replaceAgenda(items + [items[0]], for: next.id!) }
            #expect(try await store.agenda(for: next.id!).count == 1, "a refused agenda changes nothing")
            await #expect(throws: StoreError.notFound("sammanträde 999")) {
                try await store.replaceAgenda([], for: MeetingID(999))
            }

            let notice = Notice(meetingID: next.id!, issued: day("2024-05-14"),
                                groupMeetings: [GroupMeeting(groups: "S, V, MP", time: LocalTime("16:00"), place: "Rum 3")],
                                signedBy: ["Mattias Danielsson"])
            try await store.save(notice)
            try await store.save(notice)
            #expect(try await store.notice(for: next.id!) == notice)
        }
    }

    static func fullMinutes(_ f: Fixture) -> Minutes {
        let m = f.meeting.id!
        let vote = Vote(kind: .main, question: "Den som vill bifalla ordförandens förslag röstar ja.",
                        yesMeans: "ordförandens förslag", noMeans: "Birgitta Bergmans (M) förslag",
                        ballots: [Ballot(voter: f.ref(0), choice: .yes), Ballot(voter: f.ref(1), choice: .yes),
                                  Ballot(voter: f.ref(2), choice: .no), Ballot(voter: f.ref(3), choice: .abstain)])
        return Minutes(
            meetingID: m, chair: f.ref(0), secretary: "Margareta Udén Hoff",
            attendance: [Attendance(person: f.ref(0), role: .ordforande), Attendance(person: f.ref(1), role: .viceOrdforande),
                         Attendance(person: f.ref(2), role: .ledamot, toParagraph: 34),
                         Attendance(person: f.ref(3), role: .tjanstgorandeErsattare, replacing: f.ref(4)),
                         Attendance(person: PersonRef(name: "Pierre Rasmussen", party: "C"), role: .ersattare)],
            officials: [OfficialAttendance(name: "Anna Gustafsson", title: "enhetschef", fromParagraph: 30, toParagraph: 33)],
            paragraphs: [
                Paragraph(meetingID: m, number: 30, title: "Upprop och val av justerare",
                          decision: [DecisionClause(text: "Marie Samuelsson (S) utses att justera dagens protokoll.")]),
                Paragraph(meetingID: m, number: 34, title: "Budgetuppföljning efter mars 2024",
                          diaryNumber: DiaryNumber("ALN 2024-00029 1.2.4.1"),
                          decision: [DecisionClause(number: 1, text: "Arbetslivsnämnden godkänner budgetuppföljningen."),
                                     DecisionClause(number: 2, text: "Beslutet skickas till Kommunstyrelsen.")],
                          description: "Kommunbidraget för 2024 uppgår till 180 mnkr.",
                          basis: ["Tjänsteskrivelse 2024-04-02", "Bilaga Budgetuppföljning Mars 2024"],
                          proposals: [Proposal(by: [f.ref(0)], text: "Bifall till förvaltningens förslag."),
                                      Proposal(by: [f.ref(2)], kind: .referBack, text: "Återremiss för komplettering."),
                                      Proposal(by: [f.ref(1), f.ref(3)], kind: .addition, text: "Tillägg.", withdrawn: true)],
                          procedure: DecisionProcedure(
                              text: "Ordföranden ställer först frågan om återremiss och finner att ärendet ska avgöras i dag.",
                              questions: [PropositionQuestion(stage: .formal, alternatives: ["avgöras i dag", "återremiss"], adopted: "avgöras i dag"),
                                          PropositionQuestion(stage: .main, alternatives: ["ordförandens förslag", "Birgitta Bergmans (M) förslag"],
                                                              adopted: "ordförandens förslag", vote: 0)]),
                          votes: [vote],
                          reservations: [Reservation(by: [f.ref(2)], reasons: "Till förmån för eget yrkande.")],
                          statements: [Statement(kind: .protokollsanteckning, by: [f.ref(3)], text: "Vi vill följa frågan."),
                                       Statement(kind: .ersattaryttrande, by: [PersonRef(name: "Pierre Rasmussen", party: "C")], text: "Instämmer.")],
                          disqualifications: [Disqualification(person: f.ref(1), reason: "jäv enligt 6 kap. 28 § KL")],
                          recipients: ["Kommunstyrelsen", "Ekonomiavdelningen"], immediatelyAdjusted: true),
                Paragraph(meetingID: m, number: 35, title: "Ansökan om bistånd", isPublic: false,
                          decision: [DecisionClause(text: "Ansökan avslås.")]),
            ],
            adjustment: Adjustment(adjusters: [f.ref(1)], place: "Digital justering", date: day("2024-04-19"),
                                   signatures: [Signature(signer: f.ref(0), role: .ordforande, signedOn: day("2024-04-19"), method: "Mobilt BankID")]),
            announcement: Announcement(posted: day("2024-04-19"), minutesKeptAt: "Arbetslivsförvaltningen"))
    }

    @Test("minutes come back exactly as stored", arguments: TestBackend.all)
    func minutesRoundTrip(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let saved = try await store.save(Self.fullMinutes(f))
            #expect(saved.paragraphs.allSatisfy { $0.id != nil })
            let loaded = try #require(try await store.minutes(for: f.meeting.id!))
            #expect(loaded == saved)
            #expect(try await store.paragraph(saved.paragraphs[1].id!) == saved.paragraphs[1])
            #expect(try await store.highestParagraphNumber(committee: f.committee.id!, year: 2024) == 35)
            #expect(try await store.highestParagraphNumber(committee: f.committee.id!, year: 2023) == nil)
            #expect(try await store.paragraphCount() == 3)
            #expect(loaded.announcement?.lastAppealDay == day("2024-05-10"))
            #expect(try await store.minutes(for: MeetingID(12345)) == nil)
        }
    }

    @Test("notices of adjustment are found by the day they were posted, with their committee and § numbers",
          arguments: TestBackend.all)
    func noticesOfAdjustment(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            _ = try await store.save(Self.fullMinutes(f))  // posted 2024-04-19, §§ 30–35
            // Minutes adjusted but not yet posted, and minutes of another municipality posted later.
            let later = try await store.save(Meeting(committeeID: f.committee.id!, date: day("2024-05-14"), state: .adjusted))
            _ = try await store.save(Minutes(meetingID: later.id!, adjustment: Adjustment(adjusters: [], date: day("2024-05-20"))))
            let other = try await Fixture.make(store, name: "Bollebygd", date: "2024-04-20")
            _ = try await store.save(Minutes(meetingID: other.meeting.id!,
                                             paragraphs: [Paragraph(meetingID: other.meeting.id!, number: 111, title: "Utredning")],
                                             announcement: Announcement(posted: day("2024-04-23"))))

            let notices = try await store.noticesOfAdjustment(postedFrom: day("2024-04-01"), through: day("2024-04-30"))
            #expect(notices.map(\.municipality) == ["Bollebygd", "Borås"], "the latest posted first")
            let borås = try #require(notices.last)
            #expect(borås.meetingID == f.meeting.id)
            #expect(borås.committee == "Arbetslivsnämnden")
            #expect(borås.meeting == .on(day("2024-04-16")))
            #expect(borås.adjusted == day("2024-04-19"))
            #expect(borås.paragraphs == 30...35)
            #expect(borås.announcement.minutesKeptAt == "Arbetslivsförvaltningen")
            #expect(notices.first?.paragraphs == 111...111)
            #expect(try await store.noticesOfAdjustment(postedFrom: day("2024-04-20"), through: day("2024-04-22")).isEmpty)
            #expect(try await store.noticesOfAdjustment(postedFrom: day("2024-04-19"), through: day("2024-04-19")).count == 1,
                    "both days of the range are included")
        }
    }

    @Test("a person's record: memberships, meetings attended, proposals made, reservations entered", arguments: TestBackend.all)
    func personActivity(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            _ = try await store.save(Self.fullMinutes(f))
            let birgitta = f.persons[2]  // present, proposes återremiss in § 34 and reserves herself
            _ = try await store.save(Membership(personID: birgitta.id!, committeeID: f.committee.id!, role: .ledamot,
                                                term: Term(from: day("2023-01-01"), to: day("2026-12-31"))))
            #expect(try await store.person(birgitta.id!) == birgitta)
            #expect(try await store.person(PersonID(98765)) == nil)
            #expect(try await store.memberships(ofPerson: birgitta.id!).map(\.committeeID) == [f.committee.id!])
            let activity = try await store.activity(of: birgitta.id!)
            #expect(activity.attended.map(\.meetingID) == [f.meeting.id!])
            #expect(activity.proposals.map(\.paragraphNumber) == [34])
            #expect(activity.proposals.first?.text == "Återremiss för komplettering.")
            #expect(activity.reservations.map(\.paragraphNumber) == [34])
            #expect(activity.reservations.first?.text == "Till förmån för eget yrkande.")
            let sofia = try await store.activity(of: f.persons[4].id!)
            #expect(sofia.proposals.isEmpty && sofia.reservations.isEmpty)
        }
    }

    @Test("stored minutes are replaced whole, leaving nothing of the old version", arguments: TestBackend.all)
    func minutesReplacedWhole(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            _ = try await store.save(Self.fullMinutes(f))
            var second = Self.fullMinutes(f)
            second.paragraphs = [Paragraph(meetingID: f.meeting.id!, number: 30, title: "Upprop",
                                           decision: [DecisionClause(text: "Justerare utses.")])]
            second.adjustment = nil
            second.announcement = nil
            let saved = try await store.save(second)
            #expect(try await store.minutes(for: f.meeting.id!) == saved)
            for table in ["proposals", "proposal_authors", "votes", "ballots", "reservations", "reservation_authors",
                          "statements", "statement_authors", "disqualifications", "recipients", "basis_items", "adjusters", "signatures"] {
                #expect(try await count(store, table) == 0, "\(table) emptied")
            }
            #expect(try await count(store, "decision_clauses") == 1)
        }
    }

    @Test("refused minutes leave the stored version untouched", arguments: TestBackend.all)
    func refusedMinutesChangeNothing(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let stored = try await store.save(Self.fullMinutes(f))
            // Another meeting of the same committee and year that reuses § 35: numbers run on through the year.
            let later = try await store.save(Meeting(committeeID: f.committee.id!, date: day("2024-05-21"), state: .held))
            var clash = Minutes(meetingID: later.id!)
            clash.paragraphs = [Paragraph(meetingID: later.id!, number: 36, title: "Ny"),
                                Paragraph(meetingID: later.id!, number: 35, title: "Krock")]
            await #expect(throws: StoreError.self) { try await store.save(clash) }
            #expect(try await store.minutes(for: later.id!) == nil, "nothing half-written")
            #expect(try await store.paragraphCount() == 3)

            // Replacing the first meeting's minutes with a broken version keeps the old one.
            var broken = Self.fullMinutes(f)
            broken.paragraphs.append(Paragraph(meetingID: f.meeting.id!, number: 30, title: "Dubblett"))
            await #expect(throws: StoreError.self) { try await store.save(broken) }
            var foreign = Self.fullMinutes(f)
            foreign.paragraphs.append(Paragraph(meetingID: later.id!, number: 40, title: "Fel möte"))
            await #expect(throws: StoreError.self) { try await store.save(foreign) }
            // A person id that does not exist fails inside the transaction, after earlier rows were written.
            var dangling = Self.fullMinutes(f)
            dangling.paragraphs[2].disqualifications = [Disqualification(person: PersonRef(personID: PersonID(9999), name: "Okänd"))]
            await #expect(throws: (any Error).self) { try await store.save(dangling) }
            #expect(try await store.minutes(for: f.meeting.id!) == stored)

            // A new year starts the numbering again.
            let nextYear = try await store.save(Meeting(committeeID: f.committee.id!, date: day("2025-01-14"), state: .held))
            var january = Minutes(meetingID: nextYear.id!)
            january.paragraphs = [Paragraph(meetingID: nextYear.id!, number: 1, title: "Upprop")]
            _ = try await store.save(january)
            #expect(try await store.highestParagraphNumber(committee: f.committee.id!, year: 2025) == 1)
        }
    }

    @Test("minutes for a meeting that does not exist are refused", arguments: TestBackend.all)
    func minutesNeedAMeeting(_ backend: TestBackend) async throws {
        _ = try await withStore(backend) { store in
            await #expect(throws: StoreError.notFound("sammanträde 77")) { try await store.save(Minutes(meetingID: MeetingID(77))) }
        }
    }
}

@Suite("Store contract: follow-up")
struct FollowUpContractTests {
    @Test(arguments: TestBackend.all)
    func assignmentsReferralsDelegatedDecisionsNotifications(_ backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let f = try await Fixture.make(store)
            let c = f.committee.id!
            var a = try await store.save(Assignment(committeeID: c, receiver: "Förvaltningen", text: "Återrapportera kvartal 2",
                                                    reportBackBy: day("2025-06-30")))
            _ = try await store.save(Assignment(committeeID: c, text: "Utan datum"))
            a.status = .closed
            a.closedByParagraph = 115
            _ = try await store.save(a)
            let assignments = try await store.assignments(of: c)
            #expect(assignments.count == 2)
            #expect(assignments.contains(a))

            let r = try await store.save(Referral(committeeID: c, direction: .incoming, counterparts: ["Kommunstyrelsen"],
                                                  title: "Remiss: Uppföljning av överenskommelsen",
                                                  diaryNumber: DiaryNumber("AMN 2024/00152-1.6.2"), deadline: day("2023-09-30"),
                                                  extensions: [day("2023-10-31")]))
            #expect(try await store.referrals(of: c) == [r])
            #expect(try await store.referrals(of: c).first?.deadlineInForce == day("2023-10-31"))

            // A delegated decision must rest on a point in force on its day.
            let decision = DelegatedDecision(committeeID: c, decidedBy: "Förvaltningschef", delegationPoint: "3.2",
                                             decided: day("2024-03-12"), title: "Tillsvidareanställning",
                                             diaryNumber: DiaryNumber("ALN 2024-00032"))
            await #expect(throws: StoreError.invalid("Ingen delegationsordning gällde 2024-03-12.")) {
                try await store.register(decision, actor: "test")
            }
            let points = [DelegationPoint(code: "3.2", matter: "Tillsvidareanställning", delegate: "Förvaltningschef"),
                          DelegationPoint(code: "4.1", matter: "Yttrande till domstol", delegate: "Ordförande", reportingRequired: true)]
            let v1 = try await store.adopt(DelegationOrder(committeeID: c, version: 0, adoptedBy: "2024-02-19 § 27", validFrom: day("2024-02-20"),
                                                           points: points), actor: "test")
            #expect(v1.version == 1)
            let v2 = try await store.adopt(DelegationOrder(committeeID: c, version: 0, adoptedBy: "2024-04-16 § 41", validFrom: day("2024-04-17"),
                                                           validTo: day("2026-12-31"), points: [points[1]]), actor: "test")
            #expect(v2.version == 2)
            await #expect(throws: StoreError.self, "a version must start after the one before") {
                try await store.adopt(DelegationOrder(committeeID: c, version: 0, adoptedBy: "x", validFrom: day("2024-04-01"), points: points),
                                      actor: "test")
            }
            let d = try await store.register(decision, actor: "test")
            var late = decision
            late.decided = day("2024-05-02")
            await #expect(throws: StoreError.invalid("Punkt 3.2 finns inte i delegationsordningen som gällde 2024-05-02 (version 2, 2024-04-16 § 41).")) {
                try await store.register(late, actor: "test")
            }
            #expect(try await store.delegatedDecisions(of: c) == [d])
            let n = try await store.register(Notification(committeeID: c, title: "Dom från förvaltningsrätten", sender: "Förvaltningsrätten",
                                                          received: day("2024-03-20")), actor: "test")
            #expect(try await store.notifications(of: c) == [n])

            // CSV: a file with any bad line leaves nothing behind; the same file twice is refused line by line.
            let csv = """
                Datum;Delegationspunkt;Beslutsfattare;Beslut;Diarienummer
                2024-04-20;4.1;Ordförande;Yttrande till förvaltningsrätten;ALN 2024-00040
                2024-04-22;3.2;Förvaltningschef;Tillsvidareanställning;
                """
            guard case .success(let entries) = ReportedMatterCSV.read(csv, kind: .delegatedDecisions) else {
                Issue.record("the CSV should read")
                return
            }
            let before = try await count(store, "reported_matters")
            await #expect(throws: StoreError.invalid("Rad 3: Punkt 3.2 finns inte i delegationsordningen som gällde 2024-04-22 (version 2, 2024-04-16 § 41).")) {
                try await store.importMatters(entries, kind: .delegatedDecisions, committee: c, file: "export.csv", actor: "test")
            }
            #expect(try await count(store, "reported_matters") == before)
            #expect(try await store.importMatters([entries[0]], kind: .delegatedDecisions, committee: c, file: "export.csv", actor: "test") == 1)
            await #expect(throws: StoreError.invalid("Rad 2: beslutet är redan importerat")) {
                try await store.importMatters([entries[0]], kind: .delegatedDecisions, committee: c, file: "export.csv", actor: "test")
            }

            // Gathered into the committee's next meeting, and marked reported there at the lock.
            let next = try await store.save(Meeting(committeeID: c, date: day("2024-05-21"), state: .notified))
            let gathered = try await store.mattersFor(meeting: next.id!)
            #expect(gathered.delegatedDecisions.map(\.title) == ["Tillsvidareanställning", "Yttrande till förvaltningsrätten"])
            #expect(gathered.notifications == [n])
            #expect(try await store.mattersFor(meeting: f.meeting.id!).delegatedDecisions.isEmpty, "a held meeting shows what was reported at it")

            // A status report with its period's comment; closing needs the closing paragraph.
            await #expect(throws: StoreError.self) {
                try await store.report(on: a.id!, status: .closed, closedBy: nil, comment: nil, actor: "test")
            }
            let reported = try await store.report(on: a.id!, status: .partlyDone, closedBy: nil,
                                                  comment: AssignmentComment(period: "tertial 2 2024", status: .partlyDone, text: "Halvvägs",
                                                                             writtenBy: "test", writtenOn: day("2024-08-31")), actor: "test")
            #expect(reported.status == .partlyDone && reported.closedByParagraph == nil)
            #expect(try await store.comments(on: a.id!).map(\.period) == ["tertial 2 2024"])
        }
    }
}
