import ParagrafCore
import Testing

@Suite("What may be published")
struct PublicationTests {
    @Test("personal identity numbers in every written form are found", arguments: [
        "19800101-1234", "800101-1234", "800101+1234", "198001011234", "8001011234", "800101 1234",
        "800161-1234",  // samordningsnummer: the day plus 60
        "20051231-0007",
    ])
    func found(_ number: String) {
        let text = "Sökanden, \(number), ansöker."
        #expect(Publication.holdsPersonalIdentityNumber(text), "\(number)")
        #expect(Publication.redacted(text) == "Sökanden, \(Publication.mask), ansöker.")
    }

    @Test("dates, diary numbers, organisation numbers, amounts and phone numbers are left alone", arguments: [
        "2024-04-16", "ALN 2024-00029 1.2.4.1", "Dnr 2023-00085", "212000-1355", "12 000 kronor", "033-35 54 28",
        "20240416", "198013011234", "800132-1234", "1234567890123", "KS 2023/470", "§§ 30-43", "0701-234567",
        "9001011234567", "x19800101-12345",
    ])
    func notFound(_ text: String) {
        #expect(!Publication.holdsPersonalIdentityNumber(text), "\(text)")
        #expect(Publication.redacted(text) == text)
    }

    @Test("several numbers and text around them: each masked, the rest unchanged")
    func several() {
        let text = "Anna (800101-1234) och Östen (19700202-2222) samt 750303 3333."
        #expect(Publication.redacted(text) == "Anna ([personnummer]) och Östen ([personnummer]) samt [personnummer].")
    }

    @Test("closed paragraphs and agenda items, secret documents and cases are not published")
    func objects() {
        let meeting = MeetingID(1)
        #expect(Publication.mayPublish(Paragraph(meetingID: meeting, number: 1, title: "Bygglov")))
        #expect(!Publication.mayPublish(Paragraph(meetingID: meeting, number: 2, title: "Bistånd", isPublic: false)))
        #expect(!Publication.mayPublish(AgendaItem(meetingID: meeting, position: 1, title: "Bistånd", isPublic: false)))
        #expect(Publication.mayPublish(Document(kind: .bilaga, title: "Karta")))
        #expect(!Publication.mayPublish(Document(kind: .utredning, title: "Utredning", secrecy: .secret(provision: "26 kap. 1 § OSL"))))
        #expect(!Publication.mayPublish(Case(committeeID: CommitteeID(1), diaryNumber: DiaryNumber("SN 2024/1")!, title: "x",
                                             secrecy: .secret(provision: "26 kap. 1 § OSL"))))
    }
}
