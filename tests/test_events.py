"""Events, attribution, modality and time normalisation."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.events import attribute, find_events
from kg.mentions import find_mentions
from kg.relate import relate
from kg.timex import Timex, normalize
from kg.vocab import EVT, KG

from .conftest import SEED, MakeDoc

FRIDAY = dt.date(2022, 2, 25)


@pytest.mark.parametrize(("text", "expected"), [
    ("Thursday", [Timex("2022-02-24", "date")]),
    ("on Thursday", [Timex("2022-02-24", "date")]),
    ("yesterday", [Timex("2022-02-24", "date")]),
    ("February 2014", [Timex("2014-02", "gYearMonth")]),
    ("2014 and 2015", [Timex("2014", "gYear"), Timex("2015", "gYear")]),
    ("last year", [Timex("2021", "gYear")]),
    ("earlier this week", [Timex(begin=dt.date(2022, 2, 21), end=FRIDAY)]),
    ("late last year", [Timex(begin=dt.date(2021, 9, 1), end=dt.date(2021, 12, 31))]),
    ("early 2005", [Timex(begin=dt.date(2005, 1, 1), end=dt.date(2005, 4, 30))]),
    ("years", []),
    ("Friday", [Timex("2022-02-25", "date")]),
    ("December", [Timex("2021-12", "gYearMonth")]),
    ("2 February", [Timex("2022-02-02", "date")]),
    ("last year's", [Timex("2021", "gYear")]),
    ("two days ago", [Timex("2022-02-23", "date")]),
    ("31 February", []),
    # a date without its year, the year counted from the article's; a month counted to or from it
    ("July last year", [Timex("2021-07", "gYearMonth")]),
    ("12 April this year", [Timex("2022-04-12", "date")]),
    ("January of next year", [Timex("2023-01", "gYearMonth")]),
    ("Feb. 3, last year", [Timex("2021-02-03", "date")]),
    ("last September", [Timex("2021-09", "gYearMonth")]),
    ("last February", [Timex("2021-02", "gYearMonth")]),  # the article's own month: a year back
    ("last January", [Timex("2022-01", "gYearMonth")]),
    ("next May", [Timex("2022-05", "gYearMonth")]),
    ("next January", [Timex("2023-01", "gYearMonth")]),
    # a part of a day is that day; a run of days an interval; a list of dates each of them
    ("Tuesday morning", [Timex("2022-02-22", "date")]),
    ("late Monday night", [Timex("2022-02-21", "date")]),
    ("that November day", []),  # any November: "that November day in 1963"
    ("February 1-3", [Timex(begin=dt.date(2022, 2, 1), end=dt.date(2022, 2, 3))]),
    ("6 to 9 January", [Timex(begin=dt.date(2022, 1, 6), end=dt.date(2022, 1, 9))]),
    ("February 3-1", []),
    ("Monday and Tuesday", [Timex("2022-02-21", "date"), Timex("2022-02-22", "date")]),
    ("5 and 6 February", [Timex("2022-02-05", "date"), Timex("2022-02-06", "date")]),
    ("March 5 and 6, 1990", [Timex("1990-03-05", "date"), Timex("1990-03-06", "date")]),
    ("June 30 and July 1-2, 1990", [Timex("1990-06-30", "date"), Timex("1990-07-01", "date"),
                                    Timex("1990-07-02", "date")]),
    ("Jan. 5, 1990", [Timex("1990-01-05", "date")]),  # one date, no list
    ("Britain and France", []),
])
def test_times_normalised_against_the_article_date(text: str, expected: list[Timex]) -> None:
    assert normalize(text, FRIDAY) == expected


def test_relative_time_without_article_date_is_unknown() -> None:
    assert normalize("Thursday", None) == []
    assert normalize("March 2020", None) == [Timex("2020-03", "gYearMonth")]


def _pipeline(doc):  # type: ignore[no-untyped-def]
    mentions = find_mentions(doc, "d")
    relations = attribute(doc, relate(doc, mentions), mentions)
    return relations, find_events(doc, "d", mentions, relations)


def test_phone_call_event_with_time(make_doc: MakeDoc) -> None:
    doc = make_doc("Akar phoned Reznikov on Thursday .", heads=[1, 1, 1, 1, 3, 1],
                   deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
                   ents=["B-PERSON", "O", "B-PERSON", "O", "B-DATE", "O"],
                   lemmas=["akar", "phone", "reznikov", "on", "thursday", "."])
    _, (event,) = _pipeline(doc)
    assert event.kind == EVT.PhoneCall and event.trigger.text == "phoned"
    assert [m.text for m in event.agents] == ["Akar"]
    assert [m.text for m in event.participants] == ["Reznikov"]
    assert [m.text for m in event.times] == ["Thursday"]
    assert event.attributed_to is None and event.modality == "" and not event.negated


def test_reported_hedged_claim_is_attributed_not_flattened(make_doc: MakeDoc) -> None:
    doc = make_doc("Erdoğan said Turkey will continue to support Ukraine .",
                   heads=[1, 1, 4, 4, 1, 6, 4, 6, 1],
                   deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "aux", "xcomp", "dobj", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "AUX", "VERB", "PART", "VERB", "PROPN", "PUNCT"],
                   ents=["B-PERSON", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O"],
                   lemmas=["erdoğan", "say", "turkey", "will", "continue", "to", "support", "ukraine", "."])
    relations, _ = _pipeline(doc)
    (support,) = [r for r in relations if r.predicate == KG.supports]
    assert (support.subject.text, support.object.text if support.object else None) == ("Turkey", "Ukraine")
    assert support.attributed_to is not None and support.attributed_to.text == "Erdoğan"
    assert support.modality == "will continue to"
    (said,) = [r for r in relations if r.predicate == KG.said]
    assert said.attributed_to is None  # Erdoğan's own words are not a claim about him


def test_event_noun_with_possessive_agent_and_place(make_doc: MakeDoc) -> None:
    doc = make_doc("Russia 's military operation in Ukraine began .", heads=[3, 0, 3, 6, 3, 4, 6, 6],
                   deps=["poss", "case", "amod", "nsubj", "prep", "pobj", "ROOT", "punct"],
                   pos=["PROPN", "PART", "ADJ", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
                   ents=["B-GPE", "O", "O", "O", "O", "B-GPE", "O", "O"],
                   lemmas=["russia", "'s", "military", "operation", "in", "ukraine", "begin", "."])
    _, (event,) = _pipeline(doc)
    assert event.kind == EVT.MilitaryOperation and event.rule == "event-noun"
    assert [m.text for m in event.agents] == ["Russia"] and [m.text for m in event.places] == ["Ukraine"]


def test_event_verb_with_passive_head_agent(make_doc: MakeDoc) -> None:
    # "This was followed by Russia annexing the Crimea region ."
    doc = make_doc("This was followed by Russia annexing the Crimea region .",
                   heads=[2, 2, 2, 2, 3, 2, 8, 8, 5, 2],
                   deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "advcl", "det", "compound",
                         "dobj", "punct"],
                   pos=["PRON", "AUX", "VERB", "ADP", "PROPN", "VERB", "DET", "PROPN", "NOUN", "PUNCT"],
                   ents=["O", "O", "O", "O", "B-GPE", "O", "O", "B-ORG", "O", "O"],
                   lemmas=["this", "be", "follow", "by", "russia", "annex", "the", "crimea", "region", "."])
    _, events = _pipeline(doc)
    (annex,) = [e for e in events if e.kind == EVT.Annexation]
    assert [m.text for m in annex.agents] == ["Russia"] and [m.text for m in annex.participants] == ["Crimea"]
    assert annex.rule in ("relation", "event-verb") and annex.trigger.text == "annexing"


def test_claim_rejected_by_someone_is_disputed(make_doc: MakeDoc) -> None:
    # "Kyiv said Russia will invade Ukraine , claims rejected by Moscow ."
    doc = make_doc("Kyiv said Russia will invade Ukraine , claims rejected by Moscow .",
                   heads=[1, 8, 4, 4, 1, 4, 8, 8, 8, 8, 9, 8],
                   deps=["nsubj", "ccomp", "nsubj", "aux", "ccomp", "dobj", "punct", "nsubj", "ROOT",
                         "agent", "pobj", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "AUX", "VERB", "PROPN", "PUNCT", "NOUN", "VERB", "ADP",
                        "PROPN", "PUNCT"],
                   ents=["B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O"],
                   lemmas=["kyiv", "say", "russia", "will", "invade", "ukraine", ",", "claim", "reject",
                           "by", "moscow", "."])
    relations, events = _pipeline(doc)
    (invade,) = [r for r in relations if r.predicate == KG.invaded]
    assert invade.attributed_to is not None and invade.attributed_to.text == "Kyiv"
    assert invade.disputed_by is not None and invade.disputed_by.text == "Moscow"
    assert invade.modality == "will"
    (event,) = [e for e in events if e.kind == EVT.Invasion]
    assert event.disputed_by is not None and event.disputed_by.text == "Moscow"


def test_operation_without_military_is_not_an_event(make_doc: MakeDoc) -> None:
    doc = make_doc("The operation succeeded .", heads=[1, 2, 2, 2], deps=["det", "nsubj", "ROOT", "punct"],
                   pos=["DET", "NOUN", "VERB", "PUNCT"], lemmas=["the", "operation", "succeed", "."])
    assert _pipeline(doc)[1] == []


PREFIXES = """PREFIX kg: <https://newskg.example/ontology#> PREFIX evt: <https://newskg.example/event-type/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> """


@pytest.mark.model
def test_seed_events_dates_and_attribution(seed_graph_path: Path) -> None:
    st = ox.Store()
    st.load(path=str(seed_graph_path), format=ox.RdfFormat.TURTLE)

    def ask(q: str) -> bool:
        return bool(st.query(PREFIXES + q))

    for other in ("Oleksii Reznikov", "Ben Wallace"):
        assert ask(f"""ASK {{ ?e a kg:Event ; kg:eventType evt:PhoneCall ; kg:agent ?a ; kg:participant ?o ;
                        kg:report/kg:sentence ?s . ?a rdfs:label "Hulusi Akar" . ?o rdfs:label "{other}" }}""")
    assert ask("""ASK { ?e kg:eventType evt:Protest ; kg:hasTime/kg:dateValue "2014-02"^^xsd:gYearMonth }""")
    assert ask("""ASK { ?e kg:eventType evt:Flight ; kg:agent/rdfs:label "Viktor Yanukovych" }""")
    assert ask("""ASK { ?e kg:eventType evt:MilitaryOperation ; kg:agent/rdfs:label "Russia" }""")
    assert ask("""ASK { ?e kg:eventType evt:MilitaryOperation ;
                        kg:hasTime/kg:dateValue "2022-02-24"^^xsd:date }""")  # "... on Thursday"
    assert ask("""ASK { ?e kg:eventType evt:Annexation ; kg:agent/rdfs:label "Russia" ;
                        kg:participant/rdfs:label "Crimea" }""")
    assert ask("""ASK { ?e kg:eventType evt:Recognition ; kg:agent/rdfs:label "Moscow" ;
                        kg:participant/rdfs:label "Luhansk" ; kg:hasTime/rdfs:label "earlier this week" }""")
    assert ask("""ASK { ?e kg:eventType evt:Agreement ; kg:hasTime/kg:dateValue "2014"^^xsd:gYear ;
                        kg:hasTime/kg:dateValue "2015"^^xsd:gYear ; kg:hasPlace/rdfs:label "Moscow" }""")
    assert ask("""ASK { ?d rdfs:label "Thursday" ; kg:dateValue "2022-02-24"^^xsd:date }""")
    assert ask("""ASK { ?d rdfs:label "late last year" ; kg:timeBegin "2021-09-01"^^xsd:date ;
                        kg:timeEnd "2021-12-31"^^xsd:date }""")
    assert ask("""ASK { ?d rdfs:label "earlier this week" ; kg:timeBegin "2022-02-21"^^xsd:date }""")
    assert ask("""ASK { ?st a kg:Statement ; rdf:predicate kg:said ; rdf:subject/rdfs:label "Hulusi Akar" ;
                        kg:modality "ready to" }""")  # "Akar said Turkey is ready to provide ..."
    assert ask("""ASK { ?e kg:eventType evt:Invasion ; kg:report ?r . ?r kg:modality "prepare to" ;
                        kg:disputedBy/rdfs:label "Moscow" }""")  # "..., claims rejected by Moscow"
    assert ask("""ASK { ?st a kg:Statement ; kg:attributedTo/rdfs:label "Recep Tayyip Erdoğan" ;
                        kg:modality "will continue to" }""")


@pytest.mark.model
def test_same_event_in_two_articles_is_one_node(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.pipeline import build

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    shutil.copy(SEED, src / "b.txt")
    build([src], tmp_path / "out", nlp=nlp, html=False, use_cache=False)
    st = ox.Store()
    st.load(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    rows = list(st.query(PREFIXES + """SELECT ?e ?n (COUNT(DISTINCT ?src) AS ?sources) WHERE {
        ?e kg:eventType evt:PhoneCall ; kg:mentionCount ?n ; kg:report/kg:source ?src } GROUP BY ?e ?n"""))
    assert len(rows) == 2
    for r in rows:
        assert int(r["n"].value) == 2 and int(r["sources"].value) == 2
