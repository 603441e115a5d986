"""One whole committee cycle in a real browser (Debian's chromium, driven by Playwright), as the
people who do it would click through it:

the secretary registers two cases and the handläggare writes their tjänsteskrivelser; the
secretary plans a meeting, builds the agenda and sends the notice; a member reports absence and
the ersättare of the same party is called; at the meeting a three-proposal item is decided by
kontrapropositionsvotering and a roll-call vote, with a reservation; the chair and the adjuster
sign; the notice of adjustment is posted; the decisions are dispatched as signed extracts; and the decision, the vote and the notice are then
found on the public pages and in the API. Every staff page is checked with axe.

Usage: cycle_test.py BASE_URL (a server on the store scripts/browser-cycle-setup made).
"""
import datetime
import json
import re
import sys
import tempfile
import urllib.request

import typst
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

BASE = sys.argv[1].rstrip("/")
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "ett långt lösenord för test"
failures = []
checked = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FEL:", message)
    return condition


def accessible(page, axe, what):
    result = axe.run(page)
    checked.append(what)
    for violation in result.response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            nodes = "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:3])
            check(False, f"{what}: {violation['id']} ({violation['impact']}): {violation['help']} [{nodes}]")


def signed_in(browser, username):
    context = browser.new_context()
    page = context.new_page()
    page.goto(BASE + "/logga-in")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("domcontentloaded")
    check(page.url.endswith("/intern"), f"{username} kom inte in: {page.url}")
    return page


def submit(page, form_selector, what):
    """Submits a form and checks that no problem box came back."""
    page.locator(form_selector).locator("button[type=submit]").first.click()
    page.wait_for_load_state("domcontentloaded")
    problem = page.locator(".problem")
    if problem.count() > 0:
        check(False, f"{what}: {problem.first.inner_text()}")
        return False
    heading = page.locator("h1").first.inner_text() if page.locator("h1").count() else ""
    if heading in ("Formuläret kunde inte tas emot", "Behörighet saknas", "Formuläret har gått ut", "Något gick fel"):
        check(False, f"{what}: {heading}: {page.locator('main p').first.inner_text()}")
        return False
    return True


def pdf_file(text):
    with tempfile.NamedTemporaryFile(suffix=".typ", delete=False, mode="w", encoding="utf-8") as handle:
        handle.write(f'#set page(paper: "a5")\n#set text(lang: "sv")\n{text}\n')
        source = handle.name
    path = source.replace(".typ", ".pdf")
    with open(path, "wb") as out:
        out.write(typst.compile(source))
    return path


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    axe = Axe()

    # 1. The diary: the secretary registers two cases.
    sara = signed_in(browser, "sara")
    accessible(sara, axe, "intern startsida")
    sara.locator("a", has_text="Diarium").first.click()
    sara.wait_for_load_state("domcontentloaded")
    diary_url = sara.url
    accessible(sara, axe, "diariet")
    cases = {}
    for title, code in [("Budget 2027 för arbetslivsnämnden", "1.2.4"), ("Taxor för vuxenutbildning 2027", "2.4.1")]:
        sara.goto(diary_url)
        sara.fill("#title", title)
        sara.fill("#klass", code)
        sara.fill("#handler", "Hanna Handläggare")
        submit(sara, f"form[action$='/diarium']", f"registrera {title}")
        check("/intern/arenden/" in sara.url, f"registreringen ledde inte till ärendet: {sara.url}")
        cases[title] = sara.url.split("?")[0]
        number = sara.locator("h1").inner_text()
        check(re.match(r"ALN \d{4}-\d{5}", number) is not None, f"diarienumret saknas i rubriken: {number}")
    accessible(sara, axe, "ett ärende (registrator)")
    # A bilaga as PDF.
    sara.goto(cases["Budget 2027 för arbetslivsnämnden"])
    sara.fill("#doc-title", "Budgetbilaga")
    sara.set_input_files("#doc-file", pdf_file("Budgetbilagan med siffror för 2027."))
    submit(sara, "form[action$='/handlingar']", "bifoga PDF")
    check(sara.locator("a", has_text="Budgetbilaga").count() == 1, "bilagan syns inte bland handlingarna")

    # 2. The handläggare writes the tjänsteskrivelser.
    hanna = signed_in(browser, "hanna")
    for title, clauses in [("Budget 2027 för arbetslivsnämnden", "godkänna förslaget till budget 2027"),
                           ("Taxor för vuxenutbildning 2027", "fastställa taxorna för 2027")]:
        hanna.goto(cases[title])
        hanna.fill("#summary", f"Förvaltningen föreslår beslut om {title.lower()}.")
        hanna.fill("#clauses", clauses)
        hanna.fill("#basis", "Tjänsteskrivelse")
        hanna.fill("#recipients", "Kommunstyrelsen")
        submit(hanna, "form[action$='/tjansteskrivelse']", f"tjänsteskrivelse {title}")
    accessible(hanna, axe, "ett ärende (handläggare)")
    # The secretary marks them ready for decision.
    for title in cases:
        sara.goto(cases[title])
        sara.select_option("#status", "klart för beslut")
        submit(sara, "form[action$='/arenden/" + cases[title].rsplit("/", 1)[1] + "']", f"status {title}")

    # 3. Planning and the notice.
    sara.goto(BASE + "/intern")
    sara.locator("a", has_text="Sammanträden").first.click()
    sara.wait_for_load_state("domcontentloaded")
    accessible(sara, axe, "sammanträdesplanen")
    meeting_day = datetime.date.today() + datetime.timedelta(days=14)
    sara.fill("#date", meeting_day.isoformat())
    sara.fill("#time", "17:00")
    sara.fill("#place", "Stadshuset, sal 1")
    sara.check("#open")
    submit(sara, "form[action$='/sammantraden']", "planera sammanträdet")
    meeting_url = sara.url.split("?")[0]
    submit(sara, "form[action$='/dagordning/klara']", "föredragningslistan")
    check(sara.locator("td", has_text="Budget 2027 för arbetslivsnämnden").count() == 1, "ärendet står inte på föredragningslistan")
    sara.fill("#signed", "Anna Ek, ordförande")
    sara.fill("#groups", f"S och V; {(meeting_day - datetime.timedelta(days=2)).isoformat()}; 17:00")
    submit(sara, "form[action$='/kallelse']", "skicka kallelsen")
    accessible(sara, axe, "sammanträdet (planering)")

    # Follow-up: the committee's page and the overview of what is due.
    sara.goto(BASE + "/intern")
    sara.locator("a", has_text="Uppföljning").first.click()
    sara.wait_for_load_state("domcontentloaded")
    check("Delegationsordning" in sara.content(), "uppföljningssidan saknar delegationsordningen")
    accessible(sara, axe, "uppföljningen")
    sara.goto(BASE + "/intern/bevakning")
    accessible(sara, axe, "bevakningen")

    # 4. David (S) reports absence from his notice; Johan (S), first in calling order for S, is called.
    david = signed_in(browser, "david")
    david.locator("a", has_text="Kallelse").first.click()
    david.wait_for_load_state("domcontentloaded")
    check("Föredragningslista" in david.content(), "kallelsen visar ingen föredragningslista")
    accessible(david, axe, "kallelsen (ledamot)")
    submit(david, "form[action$='/forhinder']", "anmäl förhinder")
    check("Du har anmält förhinder" in david.content(), "förhindret syns inte för ledamoten")
    pdf = david.request.get(david.url.split("?")[0] + ".pdf")
    check(pdf.ok and pdf.body()[:5] == b"%PDF-", "kallelsen som PDF/A kom inte")
    sara.goto(meeting_url)
    check("Johan Karlsson (S) tjänstgör för David Eriksson (S)" in sara.content(), "den kallade ersättaren syns inte")

    # 5. At the meeting.
    submit(sara, "form[action$='/oppna']", "öppna sammanträdet")
    minutes_url = sara.url.split("?")[0]
    accessible(sara, axe, "protokollet (närvaro)")
    check("Johan Karlsson" in sara.content(), "ersättaren står inte i närvaron")
    budget = sara.locator("a", has_text="Budget 2027 för arbetslivsnämnden").first.get_attribute("href")
    sara.goto(BASE + budget)
    accessible(sara, axe, "en paragraf (protokoll)")
    for person, text in [("Anna Ek (S)", "bifall till förvaltningens förslag"), ("Bo Berg (M)", "avslag"),
                         ("Hassan Iqbal (V)", "att budgeten för bistånd höjs med 2 miljoner kronor")]:
        sara.select_option("#p-by", label=person)
        sara.select_option("#p-kind", "huvudyrkande")
        sara.fill("#p-text", text)
        submit(sara, "form[action$='/yrkande']", f"yrkande av {person}")
    sara.select_option("#main", "bifall till förvaltningens förslag")
    submit(sara, "form[action$='/huvudforslag']", "huvudförslaget")

    voters = sara.locator("form[action$='/votering'] tbody th").all_inner_texts()
    check(len(voters) == 9, f"nio ska rösta, inte {len(voters)}: {voters}")

    def roll_call(choices, what):
        form = sara.locator("form[action$='/votering']").first
        for row in form.locator("tbody tr").all():
            name = row.locator("th").inner_text()
            choice = choices.get(name.split(" (")[0], "ja")
            row.locator(f"input[value='{choice}']").check()
        submit(sara, "form[action$='/votering']", what)

    # Kontrapropositionsvotering: avslag against the V proposal; avslag wins 5–4.
    counter = {n: "ja" for n in ["Bo Berg", "Eva Fors", "Greta Holm", "Ida Jonsson", "Fredrik Gran"]}
    counter.update({n: "nej" for n in ["Anna Ek", "Cecilia Dahl", "Johan Karlsson", "Hassan Iqbal"]})
    roll_call(counter, "kontrapropositionsvoteringen")
    check("Kontrapropositionsvotering begärs och verkställs" in sara.content(), "kontrapropositionsvoteringen syns inte i beslutsgången")
    # Main vote: bifall against avslag; bifall wins 5–4.
    main = {n: "ja" for n in ["Anna Ek", "Cecilia Dahl", "Johan Karlsson", "Hassan Iqbal", "Fredrik Gran"]}
    main.update({n: "nej" for n in ["Bo Berg", "Eva Fors", "Greta Holm", "Ida Jonsson"]})
    roll_call(main, "huvudvoteringen")
    check("Omröstningsresultat: 5 ja, 4 nej." in sara.content(), "huvudvoteringens resultat syns inte")
    sara.fill("#decision", "Arbetslivsnämnden godkänner förslaget till budget 2027.")
    submit(sara, "form[action$='/beslut']", "beslutet")
    sara.select_option("#r-by", label="Bo Berg (M)")
    sara.fill("#r-reasons", "Budgeten tar inte hänsyn till kostnadsläget.")
    submit(sara, "form[action$='/reservation']", "reservationen")
    sara.goto(minutes_url)
    hrefs = [link.get_attribute("href") for link in sara.locator("table a[href*='/protokoll/']").all()]
    check(len(hrefs) == 7, f"sju paragrafer väntades, inte {len(hrefs)}")
    for href in hrefs:
        if href == budget:
            continue
        page_url = BASE + href
        sara.goto(page_url)
        if sara.locator("#decision").input_value().strip() == "":
            sara.fill("#decision", "Noteras.")
            submit(sara, "form[action$='/beslut']", f"beslut på {href}")
    sara.goto(minutes_url)
    sara.select_option("#adjusters", label="Bo Berg (M)")
    sara.fill("#adj-place", "Stadshuset")
    sara.fill("#adj-date", (meeting_day + datetime.timedelta(days=3)).isoformat())
    submit(sara, "form[action$='/justerare']", "justerare")
    sara.fill("#end", "18:05")
    submit(sara, "form[action$='/avsluta']", "avsluta sammanträdet")
    submit(sara, "form[action$='/justering']", "skicka för justering")
    accessible(sara, axe, "justeringen")

    # 6. Adjustment: the chair and the adjuster sign.
    for username in ["anna", "bo"]:
        signer = signed_in(browser, username)
        signer.goto(sara.url.split("?")[0])
        check(signer.locator("button", has_text="Signera protokollet").count() == 1, f"{username} kan inte signera")
        submit(signer, "form[action$='/signera']", f"{username} signerar")
    sara.reload()
    check("Protokollet är justerat och låst" in sara.content(), "protokollet blev inte låst")

    # Expediering: a signed extract to each recipient, and the list of what was sent.
    sara.locator("a", has_text="Expediering").first.click()
    sara.wait_for_load_state("domcontentloaded")
    accessible(sara, axe, "expedieringen")
    submit(sara, "form[action$='/expediering']", "expediera")
    check("Allt är expedierat." in sara.content() and "Kommunstyrelsen" in sara.content(), "expedieringslistan visar inte vad som skickats")
    extract = sara.request.get(BASE + sara.locator("a", has_text="PDF/A").first.get_attribute("href"))
    check(extract.ok and extract.body()[:5] == b"%PDF-", "protokollsutdraget kom inte som PDF")

    # 7. The public record: the decision, the vote and the notice.
    public = browser.new_context().new_page()
    public.goto(BASE + "/anslagstavla")
    check("Arbetslivsnämnden" in public.content(), "anslaget syns inte på anslagstavlan")
    public.goto(BASE + "/sok?q=budget+2027")
    hit = public.locator("main a[href*='/paragrafer/']").first
    check(hit.count() == 1, "beslutet hittas inte i sökningen")
    if hit.count():
        hit.click()
        public.wait_for_load_state("domcontentloaded")
        text = public.content()
        check("Arbetslivsnämnden godkänner förslaget till budget 2027." in text, "beslutet syns inte på paragrafsidan")
        check("Bo Berg" in text and "reserv" in text.lower(), "reservationen syns inte")
        check("Johan Karlsson" in text, "hur var och en röstade syns inte")
        accessible(public, axe, "den justerade paragrafen")
    with urllib.request.urlopen(BASE + "/oparl/v1/bodies") as response:
        bodies = json.load(response)
    found = json.dumps(bodies, ensure_ascii=False)
    check("Testkommunen" in found, "kommunen saknas i API:t")
    meetings_url = None
    for body in bodies.get("data", []):
        meetings_url = body.get("meeting")
    if check(meetings_url is not None, "API:t länkar inga sammanträden"):
        with urllib.request.urlopen(meetings_url) as response:
            listing = json.load(response)
        items = [item for meeting in listing.get("data", []) for item in meeting.get("agendaItem", [])
                 if "budget 2027" in (item.get("resolutionText") or "").lower()]
        notices = [meeting.get("paragraf:noticeOfAdjustment") for meeting in listing.get("data", []) if meeting.get("paragraf:noticeOfAdjustment")]
        check(len(notices) == 1 and notices[0]["posted"] == datetime.date.today().isoformat(), f"anslaget saknas i API:t: {notices}")
        if notices:
            check(notices[0]["lastAppealDay"] > notices[0]["posted"], f"överklagandetiden i API:t: {notices[0]}")
        if check(len(items) == 1, "beslutet saknas i API:t"):
            votes = items[0].get("paragraf:votes", [])
            check([v.get("kind") for v in votes] == ["kontrapropositionsvotering", "huvudvotering"], f"omröstningarna i API:t: {votes}")
            ballots = {b["voter"]: b["option"] for b in votes[1]["votes"]} if len(votes) == 2 else {}
            check(ballots.get("Johan Karlsson (S)") == "ja" and ballots.get("Bo Berg (M)") == "nej", f"rösterna i API:t: {ballots}")
            check(any("Bo Berg (M)" in r.get("by", []) for r in items[0].get("paragraf:reservations", [])), "reservationen saknas i API:t")

    browser.close()

print(f"Sidor kontrollerade med axe: {len(checked)} ({', '.join(checked)})")
if failures:
    print(f"{len(failures)} fel.")
    sys.exit(1)
print("Hela cykeln gick igenom i webbläsaren.")
