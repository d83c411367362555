from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import KGError
from kg.mint import Minter, slug
from kg.vocab import KG


def _strict_ok(iri: str) -> None:
    """pyoxigraph's strict Turtle parser accepts the IRI."""
    list(ox.parse(input=f"<{iri}> <{iri}> <{iri}> .", format=ox.RdfFormat.TURTLE))


@pytest.mark.parametrize(("text", "expected"), [
    ("Hulusi Akar", "hulusi-akar"),
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdoğan"),
    ('<script>alert("x")</script>', "script-alert-x-script"),
    ("O'Brien", "o-brien"),
    ("Москва", "москва"),
])
def test_slug_is_readable(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_slug_of_nothing_readable_still_unique() -> None:
    assert slug("!!!") != slug("???")
    assert slug("!!!").startswith("x-")


def test_long_slugs_are_cut_with_a_hash() -> None:
    a, b = slug("a" * 200), slug("a" * 199)
    assert a != b and len(a) < 100


def test_same_kind_and_name_give_the_same_iri_across_articles() -> None:
    m = Minter()
    assert m.entity(KG.Person, "Hulusi Akar") == m.entity(KG.Person, "Hulusi  Akar".replace("  ", " "))
    assert m.entity(KG.Person, "Georgia") != m.entity(KG.Country, "Georgia")
    assert m.entity(KG.Date, "Thursday", scope="a") != m.entity(KG.Date, "Thursday", scope="b")


def test_article_ids_stay_distinct() -> None:
    m = Minter()
    assert m.article("a b") != m.article("a-b")
    assert m.article("a/b") != m.article("a-b")
    assert str(m.article("000_92b35fa992aff067")).endswith("/article/000_92b35fa992aff067")
    assert "/article/business-001-" in str(m.article("business/001"))


@pytest.mark.parametrize("base", ["example", "http://x.org/a b/", "http://x.org/noslash", "<http://x/>"])
def test_bad_base_iri_is_refused_with_the_fix(base: str) -> None:
    with pytest.raises(KGError, match="--base-iri"):
        Minter(base)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(min_size=1))
def test_any_text_mints_a_strictly_valid_iri(name: str, doc_id: str) -> None:
    m = Minter("https://example.org/kg/")
    for iri in (m.entity(KG.Person, name), m.entity(KG.Date, name, scope=doc_id),
                m.article(doc_id), m.mention(doc_id, 0, 5), m.statement(doc_id, name)):
        _strict_ok(str(iri))
