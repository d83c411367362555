"""kg._tokens: the token lookups the extractors share must find exactly what a loop would."""

from __future__ import annotations

import pytest

from kg import _tokens

from .conftest import MakeDoc

TEXT = "Akar Called the native Reznikov . He calls him ."


@pytest.fixture
def doc(make_doc: MakeDoc):  # type: ignore[no-untyped-def]
    return make_doc(TEXT, heads=[1, 1, 4, 4, 1, 1, 7, 7, 7, 7],
                    deps=["nsubj", "ROOT", "det", "amod", "dobj", "punct", "nsubj", "ROOT", "dobj",
                          "punct"],
                    pos=["PROPN", "VERB", "DET", "ADJ", "PROPN", "PUNCT", "PRON", "VERB", "PRON",
                         "PUNCT"],
                    ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O"],
                    lemmas=["Akar", "Call", "the", "native", "Reznikov", ".", "he", "call", "he", "."])


def test_select_matches_a_plain_loop(doc) -> None:  # type: ignore[no-untyped-def]
    words = {"call", "native"}
    assert _tokens.select(doc, _tokens.LEMMA, words, fold=True) == [
        t.i for t in doc if t.lemma_.lower() in words] == [1, 3, 7]
    assert _tokens.select(doc, _tokens.LEMMA, words) == [3, 7]  # "Call" needs fold
    assert _tokens.select(doc, _tokens.LEMMA, words, fold=True, pos=("VERB",)) == [1, 7]
    assert _tokens.select(doc, _tokens.ORTH, lambda t: t[:1].isupper()) == [0, 1, 4, 6]
    assert _tokens.select(doc, _tokens.LOWER, {"nobody"}) == []
    # a set larger than the article's words is read the other way round, to the same result
    many = words | {f"w{n}" for n in range(50)}
    assert _tokens.select(doc, _tokens.LEMMA, many, fold=True) == [1, 3, 7]
    assert _tokens.select(doc, _tokens.LEMMA, many, fold=True, pos=("VERB",)) == [1, 7]
    # with ``pos``, the test is asked only of the strings of tokens with that POS
    asked: list[str] = []
    assert _tokens.select(doc, _tokens.ORTH, lambda t: asked.append(t) or t[:1].isupper(), pos=("PROPN",)) == [
        t.i for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper()]
    assert sorted(asked) == sorted({t.text for t in doc if t.pos_ == "PROPN"})


def test_unnamed_skips_named_entities(doc) -> None:  # type: ignore[no-untyped-def]
    assert _tokens.unnamed(doc, "PROPN", "ADJ") == [3]
    assert _tokens.unnamed(doc, "PRON") == [6, 8]


def test_span_is_char_span_remembered(doc) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index("Reznikov")
    span = _tokens.span(doc, start, start + 4, "expand")
    assert span is not None and span.text == "Reznikov"
    again = _tokens.span(doc, start, start + 4, "expand")
    assert again is not None and (again.start, again.end) == (span.start, span.end)
    assert _tokens.span(doc, start, start + 4) is None  # strict: not a token boundary


def test_empty_doc_and_columns_follow_the_doc(make_doc: MakeDoc, doc) -> None:  # type: ignore[no-untyped-def]
    empty = make_doc("x", heads=[0], deps=["ROOT"], pos=["X"])[0:0].as_doc()
    assert _tokens.select(empty, _tokens.ORTH, {"x"}) == [] and _tokens.unnamed(empty, "X") == []
    assert list(_tokens.column(doc, _tokens.POS)) == [t.pos for t in doc]


def test_text_is_span_text(doc) -> None:  # type: ignore[no-untyped-def]
    for s in range(len(doc)):
        for e in range(s, len(doc) + 1):
            assert _tokens.text(doc, s, e) == doc[s:e].text


def test_whole_text_is_doc_text_joined_once(doc) -> None:  # type: ignore[no-untyped-def]
    assert _tokens.whole_text(doc) == doc.text
    assert _tokens.whole_text(doc) is _tokens.whole_text(doc)  # not joined again


def test_the_cache_does_not_keep_the_doc_alive(make_doc: MakeDoc) -> None:
    import gc
    import weakref

    gc.disable()  # only reference counting: a cycle through user_data would keep the Doc
    try:
        doc = make_doc("Akar met Reznikov .", heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
                       pos=["PROPN", "VERB", "PROPN", "PUNCT"])
        assert _tokens.span(doc, 0, 4) is not None and _tokens.text(doc, 0, 2) == "Akar met"
        _tokens.select(doc, _tokens.LOWER, {"met"})
        ref = weakref.ref(doc)
        del doc
        assert ref() is None
    finally:
        gc.enable()


def test_sentences_and_their_ids(vocab) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    doc = Doc(vocab, words="Akar called . He left . Done".split(), sent_starts=[1, 0, 0, 1, 0, 0, 1])
    assert _tokens.sentences(doc) == [(s.start, s.end) for s in doc.sents] == [(0, 3), (3, 6), (6, 7)]
    assert _tokens.sentence_ids(doc) == [0, 0, 0, 1, 1, 1, 2]


def test_a_small_word_set_finds_every_folded_form(doc) -> None:  # type: ignore[no-untyped-def]
    # "Call" and "call" fold to one word at two places; the test words may be any collection
    assert _tokens.select(doc, _tokens.LEMMA, {"call"}, fold=True) == [1, 7]
    assert _tokens.select(doc, _tokens.LEMMA, ["call", "he", "absent"], fold=True) == [1, 6, 7, 8]
    big = {t.lemma_.lower() for t in doc} | {f"w{n}" for n in range(50)}  # more words than the doc
    assert _tokens.select(doc, _tokens.LEMMA, big, fold=True) == list(range(len(doc)))


def test_strings_and_ancestors_are_what_tokens_say(doc) -> None:  # type: ignore[no-untyped-def]
    assert _tokens.strings(doc, _tokens.DEP) == [t.dep_ for t in doc]
    assert _tokens.strings(doc, _tokens.LEMMA, fold=True) == [t.lemma_.lower() for t in doc]
    assert _tokens.strings(doc, _tokens.LOWER) == [t.lower_ for t in doc]
    for t in doc:
        assert _tokens.ancestors(doc, t.i) == [t.i, *(a.i for a in t.ancestors)]
    assert _tokens.ancestors(doc, 2) == [2, 4, 1]  # "the" -> "Reznikov" -> "Called" (root)
    assert _tokens.dep_path(doc, 2, 0) == ([2, 4], [0], 1)  # "the" up to "Called", down to "Akar"
    assert _tokens.dep_path(doc, 4, 4) == ([], [], 4)
    assert _tokens.dep_path(doc, 0, 7) == ([], [], None)  # two sentences: no common head


def test_sentence_chars_leave_out_surrounding_space(vocab) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    words = ["Akar", "called", ".", "\n\n", "He", "left", ".", "\n"]
    doc = Doc(vocab, words=words, spaces=[True, False, False, False, True, False, False, False],
              sent_starts=[1, 0, 0, 0, 1, 0, 0, 0])
    assert doc.text[slice(*_tokens.sentence_chars(doc, 1))] == "Akar called."
    assert doc.text[slice(*_tokens.sentence_chars(doc, 7))] == "He left."
    spaces = Doc(vocab, words=["\n", "\n", "Hi"], spaces=[False, False, False], sent_starts=[1, 0, 1])
    assert _tokens.sentence_chars(spaces, 0) == (spaces[0:2].start_char, spaces[0:2].end_char) == (0, 2)
