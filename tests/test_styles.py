"""People named by a style and a place ("the Duke of Edinburgh"), on hand-built parses."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.mentions import find_mentions
from kg.styles import joined_places, parties, quoted_titles, styled, titled_works

from .conftest import MakeDoc


def _mentions(make_doc: MakeDoc, words: str, ents: list[str]) -> list[tuple[str, str, str]]:
    n = len(words.split(" "))
    doc = make_doc(words, heads=[n - 2] * n, deps=["dep"] * (n - 2) + ["ROOT", "punct"],
                   pos=["PROPN"] * (n - 2) + ["VERB", "PUNCT"], ents=ents)
    return [(m.text, m.label, m.role) for m in find_mentions(doc, "d")]


def test_a_style_and_its_place_are_one_person(make_doc: MakeDoc) -> None:
    # the model saw a place ("Wales"), or the whole style as a place ("Duchess of York")
    assert _mentions(make_doc, "the Prince of Wales spoke .", ["O", "O", "O", "B-GPE", "O", "O"]) == [
        ("Prince of Wales", "PERSON", "")]
    assert _mentions(make_doc, "Duchess of York spoke .", ["B-GPE", "I-GPE", "I-GPE", "O", "O"]) == [
        ("Duchess of York", "PERSON", "")]
    assert _mentions(make_doc, "the Archbishop of Canterbury spoke .", ["O"] * 6) == [
        ("Archbishop of Canterbury", "PERSON", "")]


def test_what_is_not_a_style(make_doc: MakeDoc) -> None:
    # a style before a name is the name's title
    found = _mentions(make_doc, "Archbishop of Canterbury Rowan Williams spoke .",
                      ["O", "O", "B-GPE", "B-PERSON", "I-PERSON", "O", "O"])
    assert ("Rowan Williams", "PERSON") in [(t, lab) for t, lab, _ in found]
    assert "Archbishop of Canterbury" not in [t for t, _, _ in found]
    # a longer name, a place nobody knows, a lower-case title
    doc_ents = ["O", "O", "B-GPE", "O", "O", "O"]
    assert "Duke of Edinburgh" not in [t for t, _, _ in _mentions(
        make_doc, "Duke of Edinburgh Award grew .", doc_ents)]
    assert _mentions(make_doc, "Prince of Persia sold .", ["O", "O", "B-GPE", "O", "O"]) == [
        ("Persia", "GPE", "")]
    assert styled(make_doc("the prince of Wales", heads=[0, 0, 1, 2], deps=["dep"] * 4,
                           pos=["DET", "NOUN", "ADP", "PROPN"], ents=["O", "O", "O", "B-GPE"]),
                  [(3, 4, "GPE")]) == [(3, 4, "GPE")]


def test_a_preposition_inside_a_style_joins_nothing(make_doc: MakeDoc) -> None:
    # the parser hangs "of Wales" on "Queen": the Queen is not "of" the Prince of Wales
    from kg.relate import relate

    doc = make_doc("Money for Queen and Prince of Wales rose .", heads=[7, 0, 1, 2, 2, 2, 5, 7, 7],
                   deps=["nsubj", "prep", "pobj", "cc", "conj", "prep", "pobj", "ROOT", "punct"],
                   pos=["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
                   ents=["O", "O", "B-PERSON", "O", "O", "O", "B-GPE", "O", "O"])
    mentions = find_mentions(doc, "d")
    assert [(m.text, m.label) for m in mentions] == [("Queen", "PERSON"), ("Prince of Wales", "PERSON")]
    assert relate(doc, mentions, learned=False) == []


def test_a_title_cut_at_of_the_is_one_name(make_doc: MakeDoc) -> None:
    def join(first: str, label: str, second: str, label2: str) -> list[str]:
        # "Eternal Sunshine of the Spotless Mind won ."
        text = f"{first} of the {second} won ."
        n1, n2 = len(first.split()), len(second.split())
        doc = make_doc(text, heads=[0] * len(text.split()), deps=["ROOT"] + ["dep"] * (len(text.split()) - 1),
                       pos=["PROPN"] * len(text.split()))
        ents = [(0, n1, label), (n1 + 2, n1 + 2 + n2, label2)]
        return [doc[s:e].text + "/" + lab for s, e, lab in titled_works(doc, ents)]

    assert join("Eternal Sunshine", "ORG", "Spotless Mind", "FAC") == ["Eternal Sunshine of the Spotless Mind/ORG"]
    assert join("Lord", "WORK_OF_ART", "Rings", "PRODUCT") == ["Lord of the Rings/WORK_OF_ART"]
    # a place the gazetteer knows, and an organisation, are what the name is "of"
    assert join("Bank", "ORG", "Netherlands", "LOC") == ["Bank/ORG", "Netherlands/LOC"]
    assert join("Faik Nerweyi", "PRODUCT", "Kurdistan Party", "ORG") == ["Faik Nerweyi/PRODUCT", "Kurdistan Party/ORG"]


def test_a_place_the_model_cut_in_two_is_one_place(make_doc: MakeDoc) -> None:
    def join(text: str, labels: tuple[str, str]) -> list[str]:
        # "It is in Newton Aycliffe ." with the model's two names at words 3 and 4
        doc = make_doc(text, heads=[1] * 6, deps=["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
                       pos=["PRON", "AUX", "ADP", "PROPN", "PROPN", "PUNCT"])
        return [doc[s:e].text + "/" + lab for s, e, lab in joined_places(doc, [(3, 4, labels[0]), (4, 5, labels[1])])]

    assert join("It is in Newton Aycliffe .", ("GPE", "PERSON")) == ["Newton Aycliffe/GPE"]
    # not two words the gazetteer does not know together, nor two people, nor two places
    assert join("It is in Paris Hilton .", ("GPE", "PERSON")) == ["Paris/GPE", "Hilton/PERSON"]
    assert join("It is in Newton Aycliffe .", ("PERSON", "PERSON")) == ["Newton/PERSON", "Aycliffe/PERSON"]
    assert join("It is in Newton Aycliffe .", ("GPE", "GPE")) == ["Newton/GPE", "Aycliffe/GPE"]


def test_a_partys_name_is_one_organisation(make_doc: MakeDoc) -> None:
    def party(text: str, ents: list[tuple[int, int, str]]) -> list[str]:
        # "They met the Liberal Democrat candidate ." with the model's names as given
        doc = make_doc(text, heads=[1, 1, 5, 4, 5, 1, 1], deps=["nsubj", "ROOT", "det", "amod", "compound", "dobj",
                                                             "punct"],
                       pos=["PRON", "VERB", "DET", "PROPN", "PROPN", "NOUN", "PUNCT"])
        return [doc[s:e].text + "/" + lab for s, e, lab in parties(doc, ents)]

    # the model's "organisation" "Liberal" and "group" "Democrat" side by side; its "group" of two words
    assert party("They met the Liberal Democrat candidate .", [(3, 4, "ORG"), (4, 5, "NORP")]) == [
        "Liberal Democrat/ORG"]
    assert party("They met the Liberal Democrats candidate .", [(3, 5, "NORP")]) == ["Liberal Democrats/ORG"]
    # also where the model took it for a work or a person: '"The Liberal Democrats can talk"', "Lib Dem's chief"
    assert party("They met the Liberal Democrats candidate .", [(3, 5, "WORK_OF_ART")]) == ["Liberal Democrats/ORG"]
    assert party("They met the Lib Dem candidate .", [(3, 5, "PERSON")]) == ["Lib Dem/ORG"]
    assert party("They met the John Smith candidate .", [(3, 5, "PERSON")]) == ["John Smith/PERSON"]
    # and the word before a party word the model tagged alone: "the Lib Dems' proposals"
    assert party("They met the Lib Dems candidate .", [(4, 5, "NORP")]) == ["Lib Dems/ORG"]
    # not a people and its members, nor another pair, nor one word (a party's members)
    assert party("They met the American Republicans candidate .", [(3, 4, "NORP"), (4, 5, "NORP")]) == [
        "American/NORP", "Republicans/NORP"]
    assert party("They met the Kurdish Muslims candidate .", [(3, 5, "NORP")]) == ["Kurdish Muslims/NORP"]
    assert party("They met the Acme Muslims candidate .", [(3, 4, "ORG"), (4, 5, "NORP")]) == [
        "Acme/ORG", "Muslims/NORP"]
    assert party("They met the new Democrats candidate .", [(4, 5, "NORP")]) == ["Democrats/NORP"]


def test_a_title_in_quotes_with_a_name_inside_is_one_work(vocab: Vocab) -> None:
    def titles(words: list[str], spaces: list[bool], ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
        doc = Doc(vocab, words=words, spaces=spaces)
        return [(doc[s:e].text, lab) for s, e, lab in quoted_titles(doc, ents)]

    # 'They aired "Ryan's Hope" daily': the model's person "Ryan" is the soap's first word
    words = ["They", "aired", '"', "Ryan", "'s", "Hope", '"', "daily"]
    spaces = [True, True, False, False, True, False, True, False]
    assert titles(words, spaces, [(3, 4, "PERSON")]) == [("Ryan's Hope", "WORK_OF_ART")]
    # a name that fills the quotes stays ('"Bush" said'), and so does a nickname with a possessive
    assert titles(["a", '"', "Bush", "Jr", '"', "x"], [True, False, True, False, True, False],
                  [(2, 4, "PERSON")]) == [("Bush Jr", "PERSON")]
    assert titles(["caught", "'", "Cozza", "'s", "'", "eye"], [True, False, False, False, True, False],
                  [(2, 3, "PERSON")]) == [("Cozza", "PERSON")]
    # nor a quote closed by another kind of mark: '"Given the Tories' support'
    assert titles(['"', "Given", "the", "Tories", "'", "support"], [False, True, True, False, True, False],
                  [(3, 4, "NORP")]) == [("Tories", "NORP")]
