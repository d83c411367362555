from __future__ import annotations

from kg.mentions import find_mentions

from .conftest import MakeDoc


def _seed_like(make_doc: MakeDoc):  # type: ignore[no-untyped-def]
    return make_doc(
        "Defense Minister Hulusi Akar phoned Ukraine 's Oleksii Reznikov .",
        heads=[1, 3, 3, 4, 4, 8, 5, 8, 4, 4],
        deps=["compound", "compound", "compound", "nsubj", "ROOT", "poss", "case", "compound", "dobj", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PART", "PROPN", "PROPN", "PUNCT"],
        ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "B-PERSON", "O"],
        lemmas=["defense", "minister", "hulusi", "akar", "phone", "ukraine", "'s", "oleksii", "reznikov", "."],
    )


def test_title_becomes_role_not_name_and_not_an_organisation(make_doc: MakeDoc) -> None:
    doc = _seed_like(make_doc)
    ms = find_mentions(doc, "d")
    assert [(m.text, m.label, m.role) for m in ms] == [
        ("Hulusi Akar", "PERSON", "Defense Minister"),
        ("Ukraine", "GPE", ""),
        ("Oleksii Reznikov", "PERSON", ""),
    ]
    for m in ms:
        assert doc.text[m.start:m.end] == m.text


def test_pronouns_and_demonyms_are_mentions(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "He met his British counterpart .",
        heads=[1, 1, 4, 4, 1, 1], deps=["nsubj", "ROOT", "poss", "amod", "dobj", "punct"],
        pos=["PRON", "VERB", "PRON", "ADJ", "NOUN", "PUNCT"],
    )
    ms = find_mentions(doc, "d")
    assert [(m.text, m.label, m.dep) for m in ms] == [
        ("He", "PRON", "nsubj"), ("his", "PRON", "poss"), ("British", "NORP", "amod")]


def test_country_typed_from_gazetteer_and_leading_the_dropped(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "the United States rejects Georgia .",
        heads=[2, 2, 3, 3, 3, 3], deps=["det", "compound", "nsubj", "ROOT", "dobj", "punct"],
        pos=["DET", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
        ents=["B-GPE", "I-GPE", "I-GPE", "O", "B-PERSON", "O"],
    )
    assert [(m.text, m.label) for m in find_mentions(doc, "d")] == [
        ("United States", "GPE"), ("Georgia", "GPE")]


def test_vague_dates_are_not_mentions(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "It lasted years until February 2014 .",
        heads=[1, 1, 1, 1, 3, 4, 1], deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "nummod", "punct"],
        pos=["PRON", "VERB", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"],
        ents=["O", "O", "B-DATE", "O", "B-DATE", "I-DATE", "O"],
    )
    assert [(m.text, m.label) for m in find_mentions(doc, "d") if m.label == "DATE"] == [
        ("February 2014", "DATE")]
