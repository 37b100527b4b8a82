"""Writes the preset deflate dictionaries of link format 2 (kiosk/core/linkdict/<lang>.txt).

Run once when a link format is born; the files are then frozen for that format's lifetime
(a test pins their hashes): a link made with one dictionary can only be read with the very
same bytes. A dictionary is the words plans are made of: the deck's own vocabulary (card
titles, method names, challenges, the plan screen's prefilled phrases) and everyday words of
plans written by hand below. Deflate finds strings nearer the end more cheaply, so the most
common words come last.

    python tools/make_link_dictionaries.py
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kiosk" / "core" / "linkdict"
LIMIT = 6000  # bytes; longer reaches cost more bits per match than they save

COMMON = {
    "sv": """
    januari februari mars april maj juni juli augusti september oktober november december
    måndag tisdag onsdag torsdag fredag efter lunch förmiddag eftermiddag varannan vecka
    före jul efter nyår i vår i höst till sommaren nästa månad senast
    arbetsplatsträff ledningsgrupp styrgrupp förvaltning kommunen regionen myndigheten enheten avdelningen
    handläggare handläggning invånare medborgare brukare kunder patienter elever föräldrar sökande
    kundtjänst reception e-tjänst webben blankett ansökan ärenden beslut rutin rutiner checklista
    verksamhetsutvecklare kommunikatör jurist juridik ekonomi IT-stöd chef chefen medarbetare kollegor
    tjänstedesign klarspråk intervjuer intervjua observation prototyp pilot enkät workshop möte
    kartlägg kartlägga samla in idéer förslag behov problem lösning resultat lärdomar erfarenheter
    bjuda in bjuder in boka in följa upp uppföljning utvärdera utvärdering mäta mätning återkoppling
    ansvarar samordnar leder dokumenterar skriver sammanställer presenterar håller i tar fram
    tillsammans med varje dag varje vecka en gång i månaden under en vecka under två veckor
    Vi testar Vi ska Vi bjuder in Vi provar Vi gör Vi tar fram Vi intervjuar Vi kartlägger
    Hur kan vi minska korta förenkla förbättra öka göra det lättare för
    Vecka Vecka 1 Vecka 2 Vecka 3 Vecka 4 Vecka 5 Vecka 10 Vecka 12 Vecka 20 Vecka 40 Vecka 45 Vecka 48 Vecka 50
    och med för att som till från på av om inte alla hela vår våra vårt våra en ett det den de vi ni
    någon några från kundtjänst och en kollega från
    """,
    "en": """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday after lunch morning afternoon every other week
    before Christmas after New Year in spring in autumn by summer next month at the latest
    staff meeting management team steering group department council municipality region agency unit
    case officer caseworker residents citizens users customers patients pupils parents applicants
    customer service reception e-service website form application cases decision routine checklist
    business developer communications officer lawyer legal finance IT support manager colleagues
    service design plain language interviews interview observation prototype pilot survey workshop meeting
    map out collect ideas suggestions needs problem solution results lessons learned experience
    invite book follow up follow-up evaluate evaluation measure measurement feedback
    is responsible coordinates leads documents writes summarises presents runs prepares
    together with every day every week once a month for one week for two weeks
    We test We will We invite We try We make We prepare We interview We map
    How might we reduce shorten simplify improve increase make it easier for
    Week Week 1 Week 2 Week 3 Week 4 Week 5 Week 10 Week 12 Week 20 Week 40 Week 45 Week 48 Week 50
    and with for to that as from on of about not all the whole our we you a an the it they
    someone some from customer service and a colleague from
    """,
    "nb": """
    januar februar mars april mai juni juli august september oktober november desember
    mandag tirsdag onsdag torsdag fredag etter lunsj formiddag ettermiddag annenhver uke
    før jul etter nyttår i vår i høst til sommeren neste måned senest
    personalmøte ledergruppe styringsgruppe etaten kommunen fylket direktoratet enheten avdelingen
    saksbehandler saksbehandling innbyggere brukere kunder pasienter elever foreldre søkere
    kundesenter resepsjon digital tjeneste nettsiden skjema søknad saker vedtak rutine rutiner sjekkliste
    rådgiver kommunikasjonsrådgiver jurist juss økonomi IT-støtte leder lederen medarbeidere kolleger
    tjenestedesign klarspråk intervjuer intervjue observasjon prototyp pilot spørreundersøkelse workshop møte
    kartlegge samle inn ideer forslag behov problem løsning resultater læring erfaringer
    invitere inviterer booke følge opp oppfølging evaluere evaluering måle måling tilbakemelding
    har ansvar koordinerer leder dokumenterer skriver sammenstiller presenterer holder i lager
    sammen med hver dag hver uke en gang i måneden i en uke i to uker
    Vi tester Vi skal Vi inviterer Vi prøver Vi lager Vi intervjuer Vi kartlegger
    Hvordan kan vi redusere korte ned forenkle forbedre øke gjøre det lettere for
    Uke Uke 1 Uke 2 Uke 3 Uke 4 Uke 5 Uke 10 Uke 12 Uke 20 Uke 40 Uke 45 Uke 48 Uke 50
    og med for å som til fra på av om ikke alle hele vår våre vårt en et det den de vi dere
    noen fra kundesenteret og en kollega fra
    """,
    "da": """
    januar februar marts april maj juni juli august september oktober november december
    mandag tirsdag onsdag torsdag fredag efter frokost formiddag eftermiddag hver anden uge
    før jul efter nytår i foråret i efteråret til sommer næste måned senest
    personalemøde ledergruppe styregruppe forvaltningen kommunen regionen styrelsen enheden afdelingen
    sagsbehandler sagsbehandling borgere brugere kunder patienter elever forældre ansøgere
    borgerservice reception selvbetjening hjemmesiden blanket ansøgning sager afgørelse rutine rutiner tjekliste
    konsulent kommunikationsmedarbejder jurist jura økonomi IT-support leder lederen medarbejdere kolleger
    servicedesign klart sprog interviews interviewe observation prototype pilot spørgeskema workshop møde
    kortlægge indsamle idéer forslag behov problem løsning resultater læring erfaringer
    invitere inviterer booke følge op opfølgning evaluere evaluering måle måling feedback
    har ansvaret koordinerer leder dokumenterer skriver samler præsenterer står for laver
    sammen med hver dag hver uge en gang om måneden i en uge i to uger
    Vi tester Vi vil Vi inviterer Vi prøver Vi laver Vi interviewer Vi kortlægger
    Hvordan kan vi mindske forkorte forenkle forbedre øge gøre det lettere for
    Uge Uge 1 Uge 2 Uge 3 Uge 4 Uge 5 Uge 10 Uge 12 Uge 20 Uge 40 Uge 45 Uge 48 Uge 50
    og med for at som til fra på af om ikke alle hele vores vi I en et det den de
    nogen fra borgerservice og en kollega fra
    """,
}


def deck_vocabulary(language: str) -> list[str]:
    words: list[str] = []
    for path in sorted((ROOT / "decks").glob(f"*.{language}.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        for card in doc.get("cards", []):
            words += [card.get("method", ""), card.get("title", "")]
        for challenge in doc.get("challenges", []):
            words += [challenge.get("title", "")]
    return [w for w in words if w]


def locale_phrases(language: str) -> list[str]:
    doc = tomllib.loads((ROOT / "kiosk" / "locales" / f"{language}.toml").read_text(encoding="utf-8"))
    mini = doc.get("mini", {})
    phrases = [mini.get(k, "") for k in ("what_1", "what_2", "what_3", "when_7", "when_14", "when_30")]
    phrases.append(doc.get("plan", {}).get("prefill_what", ""))
    return [p.replace("{card}", "").replace("{cards}", "").strip() for p in phrases if p]


def challenge_ids() -> list[str]:
    doc = tomllib.loads((ROOT / "decks" / "utmaningar.sv.toml").read_text(encoding="utf-8"))
    return [c["id"] for c in doc.get("challenges", [])]


def build(language: str) -> str:
    parts = challenge_ids() + deck_vocabulary(language) + locale_phrases(language)
    parts += [" ".join(line.split()) for line in COMMON[language].strip().splitlines()]
    text = "\n".join(dict.fromkeys(parts)) + "\n"
    raw = text.encode("utf-8")
    if len(raw) > LIMIT:  # keep the end, where the common words are
        raw = raw[-LIMIT:]
        text = raw.decode("utf-8", errors="ignore")
        text = text[text.index("\n") + 1 :]
    return text


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for language in COMMON:
        text = build(language)
        (OUT / f"{language}.txt").write_text(text, encoding="utf-8")
        print(f"{language}: {len(text.encode('utf-8'))} bytes")


if __name__ == "__main__":
    main()
