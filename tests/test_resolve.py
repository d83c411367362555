from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.resolve import date_value, resolve
from kg.types import Mention
from kg.vocab import KG


def M(text: str, start: int, label: str, sent: int = 0, dep: str = "", role: str = "") -> Mention:  # noqa: N802
    return Mention("d", start, start + len(text), text, label, role, sent, dep)


SEED_LIKE = [
    M("Hulusi Akar", 17, "PERSON", 0, "nsubj", "Defense Minister"),
    M("his", 76, "PRON", 0, "poss"),
    M("Ukrainian", 80, "NORP", 0, "amod"),
    M("his", 220, "PRON", 1, "poss"),
    M("Ukraine", 240, "GPE", 1, "poss"),
    M("Oleksii Reznikov", 250, "PERSON", 1, "pobj"),
    M("Akar", 268, "PERSON", 1, "nsubj"),
    M("US", 300, "GPE", 2, "nsubj"),
    M("the United States", 320, "GPE", 2, "pobj"),
    M("British", 350, "NORP", 2, "amod"),
]


def _by_name(mentions: list[Mention]) -> dict[str, object]:
    return {e.name: e for e in resolve(mentions)}


def test_names_titles_and_pronouns_make_one_person() -> None:
    ents = _by_name(SEED_LIKE)
    akar = ents["Hulusi Akar"]
    assert akar.kind == KG.Person  # type: ignore[attr-defined]
    assert [m.text for m in akar.mentions] == ["Hulusi Akar", "his", "his", "Akar"]  # type: ignore[attr-defined]
    assert akar.roles == ("Defense Minister",)  # type: ignore[attr-defined]
    assert set(akar.aliases) == {"Akar", "Defense Minister Hulusi Akar"}  # type: ignore[attr-defined]
    assert [m.text for m in ents["Oleksii Reznikov"].mentions] == ["Oleksii Reznikov"]  # type: ignore[attr-defined]


def test_countries_merge_aliases_and_demonyms() -> None:
    ents = _by_name(SEED_LIKE)
    assert ents["United States"].kind == KG.Country  # type: ignore[attr-defined]
    assert {m.text for m in ents["United States"].mentions} == {"US", "the United States"}  # type: ignore[attr-defined]
    assert {m.text for m in ents["Ukraine"].mentions} == {"Ukraine", "Ukrainian"}  # type: ignore[attr-defined]
    assert ents["United Kingdom"].kind == KG.Country  # type: ignore[attr-defined]


def test_two_people_with_one_surname_stay_apart_by_position() -> None:
    ents = resolve([M("George Bush", 0, "PERSON"), M("Laura Bush", 50, "PERSON", 1),
                    M("Bush", 100, "PERSON", 2)])
    names = sorted(e.name for e in ents)
    assert names == ["George Bush", "Laura Bush"]
    laura = next(e for e in ents if e.name == "Laura Bush")
    assert [m.text for m in laura.mentions] == ["Laura Bush", "Bush"]


def test_it_goes_to_an_organisation_or_country_not_a_person() -> None:
    ents = resolve([M("Akar", 0, "PERSON", 0, "nsubj"), M("Turkey", 20, "GPE", 1, "nsubj"),
                    M("it", 40, "PRON", 1, "nsubj")])
    turkey = next(e for e in ents if e.name == "Turkey")
    assert [m.text for m in turkey.mentions] == ["Turkey", "it"]


def test_unresolvable_pronoun_is_dropped() -> None:
    assert resolve([M("he", 0, "PRON", 0, "nsubj")]) == []


def test_acronym_joins_its_organisation() -> None:
    ents = resolve([M("European Union", 0, "ORG"), M("EU", 40, "ORG")])
    assert len(ents) == 1 and ents[0].aliases == ("EU",)


def test_dates_normalised_or_scoped_to_the_article() -> None:
    ents = {e.name: e for e in resolve([M("February 2014", 0, "DATE"), M("Thursday", 20, "DATE")])}
    assert ents["February 2014"].value == "2014-02" and ents["February 2014"].scope == ""
    assert ents["Thursday"].scope == "d" and ents["Thursday"].value == ""
    assert date_value("25 February 2022") == "2022-02-25"
    assert date_value("February 30, 2022") == ""


@settings(max_examples=50, deadline=None)
@given(st.permutations(SEED_LIKE))
def test_result_does_not_depend_on_input_order(perm: list[Mention]) -> None:
    assert resolve(perm) == resolve(SEED_LIKE)


def test_a_shared_demonym_names_the_most_populous_country() -> None:
    # countryinfo gives "American" to the Northern Mariana Islands too, "Indian" to the British
    # Indian Ocean Territory, "French" to five territories
    from kg.gazetteer import demonym_country

    assert demonym_country("American") == demonym_country("Americans") == "United States"
    assert demonym_country("Indian") == "India"
    assert demonym_country("French") == "France"
    assert demonym_country("Dominican") == "Dominican Republic"
    ents = _by_name([M("American", 0, "NORP", 0, "amod"), M("the United States", 40, "GPE", 1, "pobj")])
    assert {m.text for m in ents["United States"].mentions} == {"American", "the United States"}  # type: ignore[attr-defined]
