"""End-to-end test of the public portal in a real browser (Debian's chromium, driven by Playwright).

Walks start page -> committee -> meeting -> paragraph -> case, runs searches through the form,
visits the notice board and an error page, and checks every page with axe: no serious or critical
accessibility violation. Usage: portal_test.py BASE_URL (a server with the seeds imported).
"""
import sys
import urllib.parse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

BASE = sys.argv[1].rstrip("/")
CHROMIUM = "/usr/bin/chromium"
failures = []
checked = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FEL:", message)


def accessible(page, axe, what):
    """axe over the page as it stands: serious and critical violations are failures."""
    result = axe.run(page)
    checked.append(what)
    for violation in result.response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            nodes = "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:3])
            check(False, f"{what}: {violation['id']} ({violation['impact']}): {violation['help']} [{nodes}]")


def follow(page, selector, what):
    link = page.locator(selector).first
    check(link.count() > 0, f"{what}: ingen länk {selector} på {page.url}")
    if link.count() == 0:
        return False
    link.click()
    page.wait_for_load_state("domcontentloaded")
    return True


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    page = browser.new_page()
    axe = Axe()

    # Start page: language, skip link that works, what is on the board.
    response = page.goto(BASE + "/")
    check(response.status == 200, f"startsidan svarade {response.status}")
    check(page.locator("html").get_attribute("lang") == "sv", "startsidan saknar lang=sv")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement && document.activeElement.getAttribute('href')")
    check(focused == "#innehall", f"första tabbstoppet är inte hopplänken till innehållet ({focused})")
    accessible(page, axe, "startsidan")

    # Start -> committee -> meeting -> paragraph -> case.
    if follow(page, "header a[href='/namnder']", "Nämnder"):
        check("Nämnder" in page.title(), f"sidan Nämnder har titeln {page.title()}")
        accessible(page, axe, "nämnderna")
    if follow(page, "main a[href^='/namnder/']", "en nämnd"):
        check(page.locator("h1").count() == 1, "nämndsidan har inte en h1")
        accessible(page, axe, "en nämnd")
    if follow(page, "main a[href^='/sammantraden/']", "ett sammanträde"):
        check("/sammantraden/" in page.url, f"inte på ett sammanträde: {page.url}")
        accessible(page, axe, "ett sammanträde")
    if follow(page, "main a[href*='/paragrafer/']", "en paragraf"):
        check(page.locator("h1").inner_text().startswith("§"), f"paragrafens rubrik: {page.locator('h1').inner_text()}")
        accessible(page, axe, "en paragraf")
    if follow(page, "main a[href^='/arenden/']", "ärendets gång"):
        check(page.locator("h1").count() == 1, "ärendesidan har inte en h1")
        accessible(page, axe, "ett ärende")

    # Search through the form, as a person would.
    page.goto(BASE + "/")
    follow(page, "header a[href^='/sok']", "Sök")
    page.fill("#q", "nämnd")
    page.locator("form[role=search] button[type=submit]").first.click()
    page.wait_for_load_state("domcontentloaded")
    text = page.locator("main").inner_text()
    check("Arbetslivsnämnden" in text and "Arbetsmarknadsnämnden" in text,
          "sökningen på nämnd hittar inte både Arbetslivsnämndens och Arbetsmarknadsnämndens beslut")
    check(page.locator("main mark").count() > 0, "träffarna har inga markerade ord")
    accessible(page, axe, "sökresultat")
    # Narrowing by a facet keeps the query and says what it is narrowed to.
    if follow(page, "nav.facets a[href*='typ=beslut']", "avgränsa till beslut"):
        check("Avgränsat till:" in page.locator("main").inner_text(), "avgränsningen syns inte")
        check(page.input_value("#q") == "nämnd", "sökordet försvann vid avgränsningen")
        accessible(page, axe, "avgränsad sökning")
    # An exact phrase; then a diary number goes to its case.
    page.fill("#q", '"ekonomiskt bistånd"')
    page.locator("form[role=search] button[type=submit]").first.click()
    page.wait_for_load_state("domcontentloaded")
    check(page.locator("main ol.results li").count() > 0, "frassökningen gav inga träffar")
    page.goto(BASE + "/sok?q=" + urllib.parse.quote("ALN 2024-00029"))
    check("/arenden" in page.url, f"ett diarienummer ledde inte till ärendet: {page.url}")

    # The official notice board, kept apart and easy to find, and its page on appeals.
    page.goto(BASE + "/")
    if follow(page, "header a[href='/anslagstavla']", "Anslagstavla"):
        check("Anslagstavla" in page.locator("h1").inner_text(), "anslagstavlans rubrik saknas")
        accessible(page, axe, "anslagstavlan")
    page.goto(BASE + "/anslagstavla/laglighetsprovning")
    accessible(page, axe, "laglighetsprövning")

    # The register of assignments, reached from the header, filtered through its form.
    page.goto(BASE + "/")
    if follow(page, "header a[href='/uppdrag']", "Uppdrag"):
        check("kvartal" in page.content().lower() or "30 juni 2025" in page.content(), "seed-002:s uppdrag saknas i registret")
        accessible(page, axe, "uppdragsregistret")
        page.select_option("#namnd", label="Arbetsmarknadsnämnden")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state("domcontentloaded")
        check("§ 122" in page.content(), "filtret på nämnd visar inte Arbetsmarknadsnämndens uppdrag")

    # The remisser, reached from the header: seed-002's deadline moved to 31 October, answered in § 117.
    page.goto(BASE + "/")
    if follow(page, "header a[href='/remisser']", "Remisser"):
        check("31 oktober 2024" in page.content() and "Besvarad § 117" in page.content(), "seed-002:s remiss saknas i remisslistan")
        accessible(page, axe, "remisserna")
        page.locator("a", has_text="Besvarad § 117").first.click()
        page.wait_for_load_state("domcontentloaded")
        check("Svarstiden förlängd till" in page.content(), "paragrafen visar inte remissens förlängda svarstid")

    # An address that does not exist says so in Swedish.
    response = page.goto(BASE + "/sammantraden/999999")
    check(response.status == 404, f"en saknad sida svarade {response.status}")
    check("finns inte" in page.locator("main").inner_text().lower() or "hittades inte" in page.locator("main").inner_text().lower(),
          "felsidan säger inte vad som hänt")
    accessible(page, axe, "felsidan")
    browser.close()

print(f"Webbläsartest: {len(checked)} sidor granskade med axe: {', '.join(checked)}")
if failures:
    print(f"{len(failures)} fel.")
    sys.exit(1)
print("Inga fel.")
