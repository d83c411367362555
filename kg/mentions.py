"""Stage 3: find the mentions in a parsed article.

Named entities come from spaCy's NER, then corrected: person names grow over
first names the model left out ("Oleksii Reznikov"), titles in front of a
name become the mention's ``role`` instead of part of it ("Defense Minister
Hulusi Akar"), country names and demonyms are typed from the gazetteer, and a
leading "the" is dropped.  Types are corrected from the gazetteer and the
context: a bare surname of a person named in the article is that person, a city
in a dateline or after "in" is a place, "Amherst, Mass." is a city and a state,
a news agency is an organisation.  Vague dates ("today", "two years ago") are
not mentions.  Personal pronouns and definite descriptions ("the minister",
``kg.nominal``) are mentions too, for coreference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from . import _lineups, _missed, _tokens, _wire, gazetteer, nominal, retype, sports, styles
from ._cues import (
    a_country_alone,
    a_county,
    a_place_by_name,
    a_town,
    before_a_boss,
    capitalised_to_start,
    is_place,
    known_place,
    listed_places,
    names_a_feature,
    names_a_home,
    names_a_place,
    names_an_event,
    runs,
    titled_acronyms,
)
from ._kinds import kind_named, kinds_said, left_out, played_in, unlabelled_kinds
from ._people import (
    addressed,
    capitals_named,
    followed_by_who,
    given_a_job,
    grow_person,
    is_person,
    is_title_word,
    listed_people,
    party_names,
    says_he,
    surnames_of,
    title_before,
    victim,
)
from ._unlabelled import first_named, unlabelled_people
from ._wire import MEDIA, district, place_prefix, state_after
from ._written import entity_end, listed_dates, written_spans
from .lexicon import (
    BUILDING_WORDS,
    COMMON_ACRONYMS,
    EVENT_WORDS,
    HONORIFICS,
    INSTITUTION_ENDS,
    JOB_NOUNS,
    PRODUCT_NOUNS,
    STATE_GROUPS,
    TITLE_HEADS,
)
from .timex import CALENDAR, VAGUE_DATE, YEAR_TOKEN, clock_times, normalize
from .types import Mention

__all__ = ["HONORIFICS", "TITLE_HEADS", "find_mentions"]

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its"}
#: Jobs a name may start with, capitalised at the head of a sentence: "Producer Kevin Wallace".
_JOBS = (JOB_NOUNS - {"member", "partner", "worker", "employee", "official"}) | {
    "composer", "comedian", "presenter", "rapper", "guitarist", "drummer", "model", "supermodel"}
#: What else a name may start with where the model took it in, with a first and a last name after
#: it: a player's position ("Lock Ben Kay"), a calling ("Agent Brian Hassell"), a party
#: ("Conservative Graham Brady") or the end of a nation's noun ("New Zealander Graham Henry").
_DESCRIPTORS = {"lock", "wing", "prop", "hooker", "flanker", "centre", "winger", "fly-half", "scrum-half",
                "full-back", "agent", "magistrate", "conductor", "guardsman", "constable", "coroner",
                "conservative", "tory", "liberal", "democrat", "republican", "unionist", "nationalist",
                "zealander", "yorker"}
def _modifies(tok: Token) -> bool:
    """Whether a word qualifies a noun ("English soccer", "European and English clubs"), as a
    people's name does and a language's name ("in English") does not."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in ("amod", "compound", "nmod")


def _written_as_name(text: str) -> bool:
    """A name has a capital letter: "the senate", "methanol" or "3 1 1" tagged as one are not."""
    return any(c.isupper() for c in text)


_RETYPED = ("ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART")
_NOT_EVENTS = ("GPE", "LOC", "FAC", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART")  # "the Grand Slam"
#: An "organisation" named so is a contest ("the European Indoor Championships", "the Academy
#: Awards"); not "Rockstar Games", "the Rose Bowl" (a stadium)
_ORG_EVENT_ENDS = EVENT_WORDS - {"games", "bowl"}


def _corrected(doc: Doc) -> list[tuple[int, int, str]]:
    """spaCy's entities, retyped, split and completed from the gazetteer and context."""
    dates, clocks = written_spans(doc)
    clock = {i for s, e in clocks for i in range(s, e)}
    inside = {i for s, e in dates for i in range(s, e)}
    ents = retype.trimmed(doc, [  # "English soccer": the people, not the language
        (e.start, end, "NORP" if e.label_ == "LANGUAGE" else e.label_) for e in doc.ents
        if not (e.label_ == "DATE" and inside.intersection(range(e.start, e.end)))
        and not clock.issuperset(range(e.start, e.end)) and (end := entity_end(e, clock, inside)) > e.start and (
            (e.label_ in LABELS and (e.label_ == "DATE" or _written_as_name(e.text)))
            or (e.label_ == "LANGUAGE" and _modifies(e.root) and gazetteer.demonym(e.text)))])
    ents = listed_dates(doc, _missed.headline_countries(doc, ents))
    common = capitalised_to_start(doc, ents)
    ents = _missed.institutions(doc, [x for x in ents if x[0] not in common] + [(s, e, "DATE") for s, e in dates + clocks])
    ents = listed_people(doc, styles.styled(doc, styles.joined_places(doc, styles.quoted_titles(doc, styles.titled_works(
        doc, styles.parties(doc, ents))))))
    surnames = surnames_of(doc, [(s, e, "PERSON") for s, e, lab in ents if lab == "PERSON" or (  # and
        e - s >= 2 and lab in _RETYPED and kind_named(doc, s, e) == "PERSON")])  # "finalist MaliVai Washington"
    given = {doc[s].text for s, e, lab in ents if lab == "PERSON" and e - s >= 2}  # first names
    honoured = addressed(doc)  # "Ms Fiorina": whoever is called so is a person
    holders = {_tokens.text(doc, s, e) for s, e, lab in ents  # a "person" right before a title
               if lab == "PERSON" and e < len(doc) and doc[e].is_lower and doc[e].lower_ in TITLE_HEADS
               and not given_a_job(doc, s, e)}  # not "named Rick Wagoner chief executive"
    # big towns the model took for people, unless the article says one is a person ("Boise, 45,")
    towns = {t for s, e, lab in ents if lab == "PERSON" and a_place_by_name(t := _tokens.text(doc, s, e))}
    towns -= honoured | {_tokens.text(doc, s, e) for s, e, lab in ents
                         if _tokens.text(doc, s, e) in towns and is_person(doc, s, e)}
    out: list[tuple[int, int, str]] = []
    # names a common noun says the kind of ("oil firm Yukos", "Verizon is the bigger company"), and that kind
    kinds: dict[str, str] = {text: kind for text, kind in kinds_said(doc).items()
                             if not (gazetteer.country(text) if kind == "ORG" else known_place(text))}
    for s, e, lab in ents:
        text = _tokens.text(doc, s, e)
        if lab == "PERSON" and doc[s].is_upper and doc[s].lower_ in JOB_NOUNS | TITLE_HEADS and all(
                t.lower_ in ("'s", "’s") for t in doc[s + 1 : e]):
            continue  # "EDITOR 'S NOTE :": a job in capitals is no one's name
        if lab in ("ORG", "GPE", "PERSON") and e - s >= 2:  # "Moscow ITAR-TASS": a dateline
            k = place_prefix(doc, s, e)
            rest = _tokens.text(doc, s + k, e) if k else ""
            # not "SAN FRANCISCO", nor "the Orange E200" (a phone)
            if not known_place(text.title() if text.isupper() else text) and not (
                    s > 0 and doc[s - 1].lower_ == "the") and (
                    (k == 1 and (gazetteer.news_agency(rest) or (rest.isupper() and len(rest) > 2))) or (
                    k and e - s - k >= 2 and MEDIA.search(rest))):  # "Paris Radio France International"
                out += [(s, s + k, "GPE"), (s + k, e, "ORG")]
                continue
        if gazetteer.news_agency(text) or STATE_GROUPS.fullmatch(text):  # "the G7"
            lab = "ORG"
        elif lab == "NORP" and e < len(doc) and doc[e].lower_ in PRODUCT_NOUNS and not gazetteer.demonym(text):
            lab = kinds[text] = "PRODUCT"  # "the Windows operating system", "Windows PCs": no people
        elif lab in _RETYPED and (kind := kind_named(doc, s, e)) and kind != lab and not (
                gazetteer.country(text) if kind == "ORG" else kind != "GPE" and known_place(text)):
            lab = kinds[text] = kind  # "captain Fabien Pelous", "the film Vera Drake", "club side Narbonne";
            # "Lancaster, a farming town" (a place the gazetteer knows is the more so a place)
            first = left_out(doc, s, e)  # the words of the name the model left out: "serial Desperate [Housewives]"
            s = s if out and out[-1][1] > first else first
        elif lab == "PERSON" and (doc[e - 1].tag_ == "NNPS" and (
                (s > 0 and doc[s - 1].lower_ == "the") or (e - s == 1 and text not in surnames)) or (
                e - s == 1 and s > 0 and doc[s - 1].lower_ == "the" and not _modifies(doc[s])
                and not names_an_event(doc, s, e))):
            # "the Lib Dems", "a Beatles fan": people's names are not plural ("Africans": a people);
            # nor do they take "the" ("the Premiership is"; but "the Blair government")
            lab = kinds[text] = "NORP" if gazetteer.demonym(text) or gazetteer.demonym(text[:-1]) else "ORG"
        elif lab == "PERSON" and text not in surnames and text not in given and (names_a_home(doc, s, e) or (
                e - s == 1 and a_county(text)) or (text in towns and not says_he(doc[s:e].root))):
            lab = "GPE"  # "Glasgow's SECC", "the Manchester music scene"; "Derbyshire kept up the hunt";
            # "smoke hung over Boise"
        elif lab == "PERSON" and (text in holders or (e - s >= 2 and doc[e - 1].lower_ in INSTITUTION_ENDS)):
            lab = "ORG"  # "Lib Dem leader Charles Kennedy": whose title, here and in the whole article;
            # "Oberlin College": no person's name ends so
        elif (lab == "PERSON" and e - s == 1 and doc[s].lower_ in BUILDING_WORDS
              and not gazetteer.common_surname(text)):
            # "the Ambassador Hotel" where the model took "Ambassador" for a title and "Hotel" for a name
            if s > 0 and doc[s - 1].is_title and doc[s - 1].pos_ == "PROPN" and not (out and out[-1][1] >= s):
                s -= 1
            lab = "FAC"
        elif (lab == "PERSON" and e - s == 1 and runs(doc[s])) or (
                lab in ("GPE", "LOC", "FAC") and (runs(doc[s:e].root) or before_a_boss(doc, e))
                and not known_place(text)):
            lab = kinds[text] = "ORG"  # "the former boss of Yukos": what a boss is the boss of is a firm
            # throughout; so is "chief executive of Panlogic" (a place the gazetteer knows stays)
        elif lab not in ("PERSON", "DATE") and (victim(doc, s, e) or followed_by_who(doc, s, e) or (
                not known_place(text) and is_person(doc, s, e))):
            lab = kinds[text] = "PERSON"  # "the assassin of Lincoln"; "Officer Tippit"; "Smith, 45,":
            # here and in the whole article ("Lebed said he hoped ... a meeting with Lebed")
        elif lab != "PERSON" and ((  # "said Davenport" of Lindsay Davenport
                e - s == 1 and text in surnames and not (known_place(text) and retype.place_context(doc, s, e)))
                or not known_place(text) and (says_he(doc[s:e].root) or (  # "Lebed said he hoped"
                    e - s <= 3 and doc[e - 1].text in honoured and all(t.is_title for t in doc[s:e])))):
            lab = "PERSON"
        elif (lab in _NOT_EVENTS or (lab == "ORG" and (e - s == 1 or doc[e - 1].lower_ in _ORG_EVENT_ENDS))) \
                and names_an_event(doc, s, e) \
                and text not in given:
            lab = kinds[text] = "EVENT"  # "the Grand Slam", "an Oscar": no places, no people (but "Oscar Wilde")
        elif lab in ("GPE", "LOC") and e - s == 2 and not known_place(text) and any(
                c.dep_ == "poss" and gazetteer.country(c.text) for c in doc[s:e].root.children) and all(
                t.is_title and t.is_alpha for t in doc[s:e]) and not retype.place_like(doc[s].text):
            lab = "PERSON"  # "France's Hind Dehiba": a name no gazetteer knows that a country "has"
        elif lab in ("GPE", "LOC", "FAC", "PERSON") and played_in(doc, s, e) and not known_place(text):
            lab = kinds[text] = "WORK_OF_ART"  # "her role in Closer" (not "his role in Labour")
        elif lab in ("ORG", "PERSON", "NORP", "FAC", "PRODUCT", "WORK_OF_ART") and (
                (is_place(doc, s, e) and not victim(doc, s, e)) or a_town(doc, s, e) or listed_places(doc, s, e)):
            lab = "GPE"  # but "fired at Kennedy" is no town of Colombia
        elif lab in ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART") and names_a_feature(doc, s, e):
            lab = "LOC"  # "the Ocala National Forest", "the San Gabriel River Channel"
        out.append((s, e, lab))
    # the kind holds for the name throughout the article: "the oil firm Yukos ... Yukos said"
    # (but "in Lincoln" is the town where the article's Lincoln is a person)
    out = [(s, e, kind if lab in _RETYPED and (kind := kinds.get(_tokens.text(doc, s, e), lab)) != lab and not (
        kind == "PERSON" and retype.place_context(doc, s, e)) else lab) for s, e, lab in out]
    out = _wire.outlets(doc, out)
    taken = {i for s, e, _ in out for i in range(s, e)}
    out += unlabelled_kinds(doc, kinds, taken)  # "the airlines are Aloha, America West, ..."
    out += unlabelled_people(doc, taken, surnames) + [  # not a name a noun says is a film: "the film Vera Drake"
        x for x in first_named(doc, taken) if kinds.get(_tokens.text(doc, x[0], x[1]), "PERSON") == "PERSON"]
    out += _wire.wire_names(doc, out, taken) + titled_acronyms(doc, out, taken)
    out = sorted(out + _missed.acronyms(doc, out, taken) + _missed.units(doc, taken))
    # "Amherst , Mass .": the state (or country) after a place and a comma is a place too
    fixed: list[tuple[int, int, str]] = []
    for n, (s, e, lab) in enumerate(out):
        prev = fixed[-1] if fixed else None
        if prev and prev[1] + 1 == s and doc[prev[1]].text == "," and prev[2] in ("GPE", "LOC"):
            end = state_after(doc, s)
            if end >= e:
                fixed.append((s, end, "GPE"))
                continue
        fixed.append((s, e, lab))
        if lab in ("GPE", "LOC") and e + 1 < len(doc) and doc[e].text == "," and e + 1 not in taken:
            end = state_after(doc, e + 1)
            nxt = out[n + 1][0] if n + 1 < len(out) else len(doc)
            if end > e + 1 and end <= nxt:
                fixed.append((e + 1, end, "GPE"))
    fixed = _lineups.line_ups(doc, _lineups.athletes(doc, district(doc, fixed)))
    return capitals_named(doc, retype.consistent(doc, _missed.unlabelled(doc, sports.teams(doc, fixed))))


#: Eras written after a year, which the gazetteer knows as places ("B.C.": British Columbia).
_ERAS = {"B.C.", "BC", "A.D.", "AD", "B.C", "BCE", "CE"}


def _label(span: Span, label: str) -> str:
    text = span.text
    if label in ("GPE", "LOC", "ORG", "PERSON", "NORP") and gazetteer.country(text):
        return "GPE"
    if label in ("NORP", "GPE", "ORG") and gazetteer.demonym_country(text):
        return "NORP"
    if label in ("PERSON", "ORG", "GPE") and len(span) == 1 and gazetteer.demonym(text) \
            and not gazetteer.demonym_country(text):
        return "NORP"  # a people no country is named for: "Croats" (a country's is a surname too: "Welsh")
    if label in ("ORG", "PERSON") and len(span) <= 3 and not text.isupper() and names_a_place(span.root):
        return "GPE"  # "the Sierra Nevada foothills"; not "other EU states"
    if label == "ORG" and len(span) == 1 and gazetteer.capital_country(text):
        return "GPE"  # "the Minsk agreements": a capital named as such is the city
    return label


def _named_with_s(doc: Doc, i: int) -> bool:
    """Whether the possessive at ``i`` ends a firm's name rather than owning what follows: no
    noun follows it ("representing Church 's , said", "Sainsbury's said"; not "Church 's notice",
    nor a title in quotes: "NBC 's ` ` L.A. Law '' ")."""
    if i >= len(doc) or doc[i].tag_ != "POS" or doc[i].lower_ not in ("'s", "’s"):
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.text in (",", ".", ";", ":", ")", "!", "?") or (  # not "NBC 's ` ` L.A. Law"
        after.is_lower and (after.pos_ in ("ADP", "AUX", "CCONJ", "SCONJ", "PART")
                            or after.tag_ in ("VBD", "VBZ", "VBP")))  # not a participle: "the LSE 's managed bid"


def _mention(doc: Doc, doc_id: str, start: int, end: int, label: str, role: str,
             sent_of: Sequence[int]) -> Mention | None:
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    if start >= end:
        return None
    if label == "ORG" and _named_with_s(doc, end):
        end += 1  # "representing Church 's ,": the firm is called so, as "Sainsbury's" is
    span = doc[start:end]
    return Mention(doc_id, span.start_char, span.end_char, span.text, label, role,
                   sent_of[span.root.i], span.root.dep_)


def find_mentions(doc: Doc, doc_id: str, anchor: dt.date | None = None) -> list[Mention]:
    """All mentions in ``doc``, in text order; ``doc`` is not changed.

    A date counted from the day of writing ("last week", "late last year") is a
    mention only when ``anchor``, the article's date, pins it down.
    """
    sent_of = _tokens.sentence_ids(doc)
    described = nominal.person_descriptions(doc)  # "the Dutchman": no organisation "Dutchman"
    taken: set[int] = {i for s, e, _ in described for i in range(s, e)}
    out: list[Mention] = [Mention(doc_id, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), _tokens.text(doc, s, e),
                                  "NOM", role, sent_of[e - 1], doc[e - 1].dep_) for s, e, role in described]
    ents = _corrected(doc)
    # a country's name that is the surname of someone named in full stays a person: "Neil Jordan ... Jordan said"
    surnames = surnames_of(doc, ents)
    # person names first, so the titles they claim are not read as organisations
    for ent_start, ent_end, ent_label in sorted(ents, key=lambda e: (e[2] != "PERSON", e[0])):
        ent = doc[ent_start:ent_end]
        start, end, role = ent_start, ent_end, ""
        label = ent_label if ent_label == "PERSON" and ent.text in surnames else _label(ent, ent_label)
        if label == "PERSON":
            start = grow_person(doc, start, end)
            title_start, role = title_before(doc, start)
            taken.update(range(title_start, start))
            # a title spaCy put inside the name: "President Recep Tayyip Erdoğan"
            inner_start, inner_role = start, ""
            while inner_start < end - 1 and (is_title_word(doc[inner_start]) or (  # "Producer Kevin Wallace"
                    inner_start == start and doc[start].is_title and doc[start].lower_ in _JOBS) or (
                    inner_start == start and end - start >= 3 and doc[start].is_title
                    and doc[start].lower_ in _DESCRIPTORS)) and not (
                    doc[inner_start].lower_ in styles.STYLES and doc[inner_start + 1].lower_ == "of"):
                inner_start += 1
            if inner_start > start:
                _, inner_role = title_before(doc, inner_start)
                start, role = inner_start, inner_role or role or doc[start:inner_start].text
        elif label == "DATE" and VAGUE_DATE.search(ent.text):
            if not normalize(ent.text, anchor):
                continue
        elif label == "DATE" and not CALENDAR.search(ent.text) and not clock_times(ent.text):
            continue
        elif label == "GPE" and ent.text in _ERAS and ent_start > 0 and doc[ent_start - 1].like_num:
            continue  # "44 B.C.": the era of a year, not British Columbia
        elif label != "DATE" and (ent.text in COMMON_ACRONYMS or (
                ent.text.endswith("s") and ent.text[:-1] in COMMON_ACRONYMS)):
            continue  # "better AI", "VoIP calls", "PDAs": things, not names
        if label == "DATE":
            while (end + 1 < len(doc) and doc[end].lower_ in ("and", "or", "to", "-", "–")
                   and YEAR_TOKEN.fullmatch(doc[end + 1].text) and YEAR_TOKEN.fullmatch(doc[end - 1].text)):
                end += 2  # "the 2014 and 2015 Minsk agreements": the model tags only "2014"
        if any(i in taken for i in range(start, end)):
            continue
        if label != "PERSON" and all(is_title_word(t) for t in doc[start:end]) and (
                any(t.lower_ in TITLE_HEADS for t in doc[start:end])
                or (start > 0 and (doc[start - 1].lower_ == "of" or is_title_word(doc[start - 1])))):
            continue  # "Defence Minister", "Secretary of State": titles; "Labour", "European Union": not
        m = _mention(doc, doc_id, start, end, label, role, sent_of)
        if m is not None:
            taken.update(range(start, end))
            out.append(m)
    for i in sorted({*_tokens.select(doc, _tokens.LOWER, PRONOUNS, pos=("PRON",)),
                     *_tokens.unnamed(doc, "ADJ", "PROPN")}):
        if i in taken:
            continue
        tok = doc[i]
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            out.append(Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, "PRON", "",
                               sent_of[tok.i], tok.dep_))
        elif (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper()
              and (names_a_place(tok) or a_country_alone(doc, i))):
            # untagged: "Donetsk" in "Donetsk and Luhansk regions", "Soviet Armenia"
            out.append(Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, "GPE", "",
                               sent_of[tok.i], tok.dep_))
        elif tok.pos_ in ("ADJ", "PROPN") and not tok.ent_type_ and gazetteer.demonym(tok.text):
            if tok.text[:1].isupper():  # "Ukrainian", "European" that the NER missed
                out.append(Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, "NORP", "",
                                   sent_of[tok.i], tok.dep_))
    out = party_names(out, surnames)
    out += nominal.find_nominals(doc, doc_id, taken, sent_of)
    return sorted(_same_place(doc, doc_id, out, taken, sent_of), key=lambda m: (m.start, m.end))


def _same_place(doc: Doc, doc_id: str, mentions: list[Mention], taken: set[int],
                sent_of: Sequence[int]) -> list[Mention]:
    """A one-word name shown to be a place by its context ("the Luhansk region") is a
    place wherever else the article names it, tagged as a person or not tagged at all."""
    places = {m.text for m in mentions if m.label == "GPE" and " " not in m.text
              and (span := _tokens.span(doc, m.start, m.end)) is not None and names_a_place(span.root)}
    if not places:
        return mentions
    out = [replace(m, label="GPE", role="") if m.label == "PERSON" and m.text in places else m
           for m in mentions]
    starts = {m.start for m in out}
    for i in _tokens.select(doc, _tokens.ORTH, places, pos=("PROPN",)):
        tok = doc[i]
        if (tok.text in places and tok.i not in taken and tok.idx not in starts
                and tok.pos_ == "PROPN" and not tok.ent_type_):
            out.append(Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, "GPE", "",
                               sent_of[tok.i], tok.dep_))
    return out
