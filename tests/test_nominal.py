"""Definite descriptions ("the minister", "the company"): found in the parse, joined to a name."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from spacy.language import Language

from kg.lexicon import stands_for
from kg.mentions import find_mentions
from kg.nominal import nations
from kg.pipeline import build_graph
from kg.vocab import KG, NIF, RDF, RDFS

from .conftest import MakeDoc


def _nominals(make_doc: MakeDoc, text: str, heads: list[int], deps: list[str], pos: list[str],
              tags: list[str]) -> list[tuple[str, str, str]]:
    doc = make_doc(text, heads=heads, deps=deps, pos=pos, tags=tags)
    return [(m.text, m.role, m.dep) for m in find_mentions(doc, "d") if m.label == "NOM"]


def test_a_definite_description_is_a_mention_with_its_head_noun(make_doc: MakeDoc) -> None:
    assert _nominals(
        make_doc, "The defence minister said .", heads=[2, 2, 3, 3, 3],
        deps=["det", "compound", "nsubj", "ROOT", "punct"],
        pos=["DET", "NOUN", "NOUN", "VERB", "PUNCT"],
        tags=["DT", "NN", "NN", "VBD", "."],
    ) == [("The defence minister", "minister", "nsubj")]
    assert stands_for("NOM", "minister") == "PERSON" and stands_for("NOM", "firm") == "ORG"


@pytest.mark.parametrize(("text", "heads", "deps", "pos", "tags"), [
    # somebody new: "the president of Ukraine"
    ("the president of Ukraine spoke", [1, 4, 1, 2, 4],
     ["det", "nsubj", "prep", "pobj", "ROOT"], ["DET", "NOUN", "ADP", "PROPN", "VERB"],
     ["DT", "NN", "IN", "NNP", "VBD"]),
    # the complement of "to be"
    ("Akar is the minister", [1, 1, 3, 1], ["nsubj", "ROOT", "det", "attr"],
     ["PROPN", "AUX", "DET", "NOUN"], ["NNP", "VBZ", "DT", "NN"]),
    # in apposition to a name: the name is the mention
    ("Akar , the minister , spoke", [5, 0, 3, 0, 0, 5],
     ["nsubj", "punct", "det", "appos", "punct", "ROOT"],
     ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"], ["NNP", ",", "DT", "NN", ",", "VBD"]),
    # plural, indefinite
    ("the ministers met a minister", [1, 2, 2, 4, 2], ["det", "nsubj", "ROOT", "det", "dobj"],
     ["DET", "NOUN", "VERB", "DET", "NOUN"], ["DT", "NNS", "VBD", "DT", "NN"]),
    # another thing than the one named before
    ("the central bank spoke", [2, 2, 3, 3], ["det", "amod", "nsubj", "ROOT"],
     ["DET", "ADJ", "NOUN", "VERB"], ["DT", "JJ", "NN", "VBD"]),
    # a noun modifying another: "the charity single"
    ("the charity single sold", [2, 2, 3, 3], ["det", "amod", "nsubj", "ROOT"],
     ["DET", "NOUN", "NOUN", "VERB"], ["DT", "NN", "NN", "VBD"]),
    # a title in front of a name
    ("the minister Akar spoke", [2, 2, 3, 3], ["det", "compound", "nsubj", "ROOT"],
     ["DET", "NOUN", "PROPN", "VERB"], ["DT", "NN", "NNP", "VBD"]),
])
def test_descriptions_that_introduce_somebody_are_not_mentions(
        make_doc: MakeDoc, text: str, heads: list[int], deps: list[str], pos: list[str],
        tags: list[str]) -> None:
    assert _nominals(make_doc, text, heads, deps, pos, tags) == []


ARTICLE = """\
Defense Minister Hulusi Akar met Foreign Minister Dmytro Kuleba in Ankara on Friday.

The defence minister said Turkey would keep the Bosphorus open.

Shares in Tesco rose on Monday. The supermarket said its sales had grown by 5%.
"""


def test_descriptions_join_the_named_thing_in_the_graph(tmp_path: Path, nlp: Language) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    g, _, _ = build_graph([src], nlp=nlp)
    (akar,) = g.subjects(RDFS.label, Literal("Hulusi Akar"))
    (kuleba,) = g.subjects(RDFS.label, Literal("Dmytro Kuleba"))
    (tesco,) = g.subjects(RDFS.label, Literal("Tesco"))

    def mentions(entity: object) -> set[str]:
        return {str(g.value(m, NIF.anchorOf)) for m in g.objects(entity, KG.hasMention)}

    assert "The defence minister" in mentions(akar)
    assert "The defence minister" not in mentions(kuleba)  # a foreign minister: another post
    assert {"The supermarket", "its"} <= mentions(tesco)
    # "The defence minister said ..." is Akar's statement, "The supermarket said ..." Tesco's
    speaker = {str(g.value(s, KG.sentence)).split(" said")[0]: g.value(s, RDF.subject)
               for s in g.subjects(KG.rule, Literal("reported-speech"))}
    assert speaker["The defence minister"] == akar
    assert speaker["The supermarket"] == tesco
    # a description names nobody: never a label or an alias
    assert Literal("The defence minister") not in set(g.objects(akar, None))


def test_the_companys_boss_works_for_the_company_named_before(tmp_path: Path,
                                                               nlp: Language) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Shares in Tesco rose on Monday after a strong Christmas.\n\n"
                   "The company's chief executive, Terry Leahy, said sales had grown by 5%. "
                   "The firm's spokesman Kevin Kelly said the figures were good.\n",
                   encoding="utf-8")
    g, _, _ = build_graph([src], nlp=nlp)
    (tesco,) = g.subjects(RDFS.label, Literal("Tesco"))
    (leahy,) = g.subjects(RDFS.label, Literal("Terry Leahy"))
    (kelly,) = g.subjects(RDFS.label, Literal("Kevin Kelly"))
    assert (leahy, KG.worksFor, tesco) in g  # apposition: "the company's chief executive, X"
    assert (kelly, KG.worksFor, tesco) in g  # a title before the name: "the firm's spokesman X"


def test_its_boss_works_for_the_organisation_its_stands_for_and_never_for_a_country(
        tmp_path: Path, nlp: Language) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Shares in Tesco rose on Monday. Its chief executive, Terry Leahy, said sales "
                   "had grown.\n\nRussia said on Monday that its president Vladimir Putin would "
                   "visit Kyiv.\n", encoding="utf-8")
    g, _, _ = build_graph([src], nlp=nlp)
    (tesco,) = g.subjects(RDFS.label, Literal("Tesco"))
    (leahy,) = g.subjects(RDFS.label, Literal("Terry Leahy"))
    (putin,) = g.subjects(RDFS.label, Literal("Vladimir Putin"))
    assert (leahy, KG.worksFor, tesco) in g
    # "its" is Russia there: a country is not an employer, so no statement at all
    assert not list(g.objects(putin, KG.worksFor))
    assert not [s for s in g.subjects(RDF.subject, putin)
                if g.value(s, RDF.predicate) == KG.worksFor]


def test_a_resolved_pronoun_must_fit_the_property() -> None:
    from kg.engine import _well_typed
    from kg.types import Entity, Mention, Relation

    putin = Mention("d", 40, 54, "Vladimir Putin", "PERSON", "president", 1, "nsubj")
    its = Mention("d", 30, 33, "its", "PRON", "", 1, "poss")
    russia = Mention("d", 0, 6, "Russia", "GPE", "", 0, "nsubj")
    acme = Mention("d", 10, 14, "Acme", "ORG", "", 0, "pobj")
    works = Relation(putin, KG.worksFor, its, 20, 60, 0.9, "title-org")
    said = Relation(its, KG.said, None, 20, 60, 0.8, "reported-speech", "that ...")
    person = Entity(KG.Person, "Vladimir Putin", (putin,))
    country = [Entity(KG.Country, "Russia", (russia, its)), person]
    firm = [Entity(KG.Organization, "Acme", (acme, its)), person]
    assert _well_typed([works, said], country) == [said]  # a country may speak, not employ
    assert _well_typed([works, said], firm) == [works, said]
    assert _well_typed([works], []) == [works]  # unresolved: dropped later, when written


def test_a_relation_from_a_thing_to_itself_is_dropped() -> None:
    # "Blair defended his plans", "he called himself a libertarian": once resolved, one entity
    from kg.engine import _well_typed
    from kg.types import Entity, Mention, Relation

    blair = Mention("d", 0, 10, "Tony Blair", "PERSON", "", 0, "nsubj")
    his = Mention("d", 20, 23, "his", "PRON", "", 0, "poss")
    brown = Mention("d", 40, 45, "Brown", "PERSON", "", 1, "dobj")
    self_loop = Relation(blair, KG.supports, his, 0, 30, 0.5, "verb")
    other = Relation(blair, KG.supports, brown, 31, 50, 0.5, "verb")
    said = Relation(blair, KG.said, None, 0, 30, 0.8, "reported-speech", "that ...")
    people = [Entity(KG.Person, "Tony Blair", (blair, his)), Entity(KG.Person, "Brown", (brown,))]
    assert _well_typed([self_loop, other, said], people) == [other, said]


def test_a_nationality_or_an_age_stands_for_the_person_named_before(tmp_path: Path,
                                                                     nlp: Language) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Second seed Andre Agassi lost to Jurgen Melzer in San Jose.\n\n"
                   "Agassi was bamboozled by the Austrian's drop shots. \"He played well,\" said "
                   "the American.\n\nArjen Robben scored twice for Chelsea on Saturday. The "
                   "Dutchman said he was happy. The 21-year-old has five goals this season.\n",
                   encoding="utf-8")
    g, _, _ = build_graph([src], nlp=nlp)

    def mentions(name: str) -> set[str]:
        (entity,) = g.subjects(RDFS.label, Literal(name))
        return {str(g.value(m, NIF.anchorOf)) for m in g.objects(entity, KG.hasMention)}

    # never the subject of its own sentence: "Agassi was bamboozled by the Austrian"
    assert "the Austrian" in mentions("Jurgen Melzer") and "the American" in mentions("Andre Agassi")
    assert {"The Dutchman", "The 21-year-old"} <= mentions("Arjen Robben")
    # no organisation "Dutchman", no person "Austrian"
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert not labels & {"Dutchman", "Austrian", "American", "21-year-old"}
    speaker = {str(g.value(s, KG.sentence)).split(" said")[0]: g.value(s, RDF.subject)
               for s in g.subjects(KG.rule, Literal("reported-speech"))}
    (robben,) = g.subjects(RDFS.label, Literal("Arjen Robben"))
    assert speaker["The Dutchman"] == robben


def test_person_descriptions_are_nouns_of_their_own(make_doc: MakeDoc) -> None:
    from kg.nominal import person_descriptions

    def found(text: str, heads: list[int], deps: list[str], pos: list[str]) -> list[str]:
        doc = make_doc(text, heads=heads, deps=deps, pos=pos)
        return [doc[s:e].text for s, e, _ in person_descriptions(doc)]

    assert found("the Swede won .", [1, 2, 2, 2], ["det", "nsubj", "ROOT", "punct"],
                 ["DET", "PROPN", "VERB", "PUNCT"]) == ["the Swede"]
    assert found("the American won .", [1, 2, 2, 2], ["det", "nsubj", "ROOT", "punct"],
                 ["DET", "PROPN", "VERB", "PUNCT"]) == ["the American"]
    assert found("the 21 - year - old won .", [5, 3, 3, 5, 5, 6, 6, 6],
                 ["det", "nummod", "punct", "npadvmod", "punct", "nsubj", "ROOT", "punct"],
                 ["DET", "NUM", "PUNCT", "NOUN", "PUNCT", "ADJ", "VERB", "PUNCT"]) == [
        "the 21 - year - old"]
    # a nationality before a noun, a people, no "the": not a person
    assert found("the American market rose .", [2, 2, 3, 3, 3], ["det", "amod", "nsubj", "ROOT", "punct"],
                 ["DET", "ADJ", "NOUN", "VERB", "PUNCT"]) == []
    assert found("the Americans won .", [1, 2, 2, 2], ["det", "nsubj", "ROOT", "punct"],
                 ["DET", "PROPN", "VERB", "PUNCT"]) == []
    assert found("a Swede won .", [1, 2, 2, 2], ["det", "nsubj", "ROOT", "punct"],
                 ["DET", "PROPN", "VERB", "PUNCT"]) == []
    # an age before the nationality: "the 22-year-old Scot"
    assert found("the 22-year-old Scot won .", [2, 2, 3, 3, 3], ["det", "amod", "nsubj", "ROOT", "punct"],
                 ["DET", "ADJ", "PROPN", "VERB", "PUNCT"]) == ["the 22-year-old Scot"]
    assert found("a 22-year-old Scot won .", [2, 2, 3, 3, 3], ["det", "amod", "nsubj", "ROOT", "punct"],
                 ["DET", "ADJ", "PROPN", "VERB", "PUNCT"]) == []  # no "the": a new person


def test_the_nation_the_text_gives_a_person(make_doc: MakeDoc) -> None:
    # "Spain 's Rafael Nadal beat Andy Roddick of the USA and American Serena Williams ."
    doc = make_doc("Spain 's Rafael Nadal beat Andy Roddick of the USA and American Serena Williams .",
                   heads=[3, 0, 3, 4, 4, 6, 4, 6, 9, 7, 6, 13, 13, 6, 4],
                   deps=["poss", "case", "compound", "nsubj", "ROOT", "compound", "dobj", "prep", "det", "pobj",
                         "cc", "amod", "compound", "conj", "punct"],
                   pos=["PROPN", "PART", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "ADP", "DET", "PROPN",
                        "CCONJ", "ADJ", "PROPN", "PROPN", "PUNCT"],
                   ents=["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "B-GPE",
                         "O", "B-NORP", "B-PERSON", "I-PERSON", "O"])
    got = {m.text: country for m, country in nations(doc, find_mentions(doc, "d")).items()}
    assert got == {"Rafael Nadal": "Spain", "Andy Roddick": "United States", "Serena Williams": "United States"}


def test_the_american_is_the_player_of_the_usa_in_the_graph(tmp_path: Path, nlp: Language) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Spain's Rafael Nadal beat Andy Roddick of the USA in Seville.\n\n"
                   "Nadal broke Roddick in the first set. The American fought back to win the second.\n",
                   encoding="utf-8")
    g, _, _ = build_graph([src], nlp=nlp)
    (roddick,) = g.subjects(RDFS.label, Literal("Andy Roddick"))
    assert "The American" in {str(g.value(m, NIF.anchorOf)) for m in g.objects(roddick, KG.hasMention)}
