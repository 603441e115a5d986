import Foundation
import Hummingbird
import ParagrafCore
import ParagrafRender
import ParagrafStore

/// Feeds to subscribe to: a committee's meetings as iCalendar, its latest decisions as Atom, and
/// the official notice board as Atom. Only what may be published; texts masked.
func addFeedRoutes(to router: Router<PortalContext>, store: any Store) {
    let inPath = CommitteeInPath(store: store)
    @Sendable func committee(_ context: PortalContext) async throws -> Committee { try await inPath.committee(context) }

    router.get("/namnder/:committee/sammantraden.ics") { request, context -> Response in
        let c = try await committee(context)
        let meetings = try await store.meetings(of: c.id!, year: nil)
        let stamps = try await store.stamps(.meeting, ids: meetings.compactMap { $0.id?.rawValue })
        let events = meetings.compactMap { m in
            m.id.flatMap { stamps[$0.rawValue] }.map { MeetingCalendar.Event(meeting: m, committee: c.name, modified: $0.modified) }
        }
        let calendar = MeetingCalendar(name: "\(c.name) – sammanträden", site: siteAddress(of: request), events: events)
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: calendar.render())))
    }

    router.get("/namnder/:committee/beslut.atom") { request, context -> Response in
        let c = try await committee(context)
        let base = siteAddress(of: request)
        // The latest 50 public decisions, newest meeting first.
        var paragraphs: [Paragraph] = []
        let newestFirst = try await store.meetings(of: c.id!, year: nil).sorted { ($0.year, $0.date?.iso ?? "") > ($1.year, $1.date?.iso ?? "") }
        for m in newestFirst {
            guard paragraphs.count < 50, let id = m.id else { continue }
            paragraphs += (try await store.minutes(for: id)?.paragraphs ?? []).filter(Publication.mayPublish).reversed()
        }
        paragraphs = Array(paragraphs.prefix(50))
        let stamps = try await store.stamps(.paragraph, ids: paragraphs.compactMap { $0.id?.rawValue })
        let entries = paragraphs.compactMap { p -> AtomFeed.Entry? in
            guard let id = p.id, let stamp = stamps[id.rawValue] else { return nil }
            let url = base + Links.paragraph(meeting: p.meetingID, number: p.number)
            return AtomFeed.Entry(id: url, title: "§ \(p.number) \(p.title)", updated: stamp.modified, link: url, summary: p.decisionText)
        }
        let feed = AtomFeed(id: base + "/namnder/\(c.id!.rawValue)/beslut.atom", title: "\(c.name) – beslut",
                            link: base + Links.committee(c.id!), updated: entries.map(\.updated).max() ?? Timestamp.now(), entries: entries)
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: feed.render())))
    }

    router.get("/anslagstavla.atom") { request, _ -> Response in
        let base = siteAddress(of: request)
        let notices = try await NoticeBoardQuery(store: store).noticesUp(on: .today())
        let entries = notices.map { n in
            let what = "Protokoll från \(n.committee), \(n.municipality), \(SwedishFormat.meetingDate(n.meeting, long: true))"
            var summary = "Anslaget \(n.posted.iso), tas ned \(n.takeDown.iso). Sista dag att överklaga genom laglighetsprövning: \(n.lastAppealDay.iso)."
            if let adjusted = n.adjusted { summary = "Justerat \(adjusted.iso). " + summary }
            if let kept = n.announcement.minutesKeptAt { summary += " Protokollet förvaras: \(kept)." }
            return AtomFeed.Entry(id: base + Links.meeting(n.meetingID) + "#anslag-\(n.posted.iso)", title: what,
                                  updated: "\(n.posted.iso)T00:00:00Z", link: base + Links.meeting(n.meetingID), summary: summary)
        }
        let feed = AtomFeed(id: base + "/anslagstavla.atom", title: "Anslagstavlan – justerade protokoll", link: base + Links.noticeBoard,
                            updated: entries.map(\.updated).max() ?? Timestamp.now(), entries: entries)
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: feed.render())))
    }
}
