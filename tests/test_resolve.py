from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.resolve import resolve
from kg.timex import date_value
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


def test_washington_dc_is_the_city_called_washington() -> None:
    ents = _by_name([M("Washington, D.C.", 0, "GPE"), M("Washington", 40, "GPE"), M("Portland, Ore.", 80, "GPE")])
    assert set(ents) == {"Washington", "Portland, Ore."}
    assert {m.text for m in ents["Washington"].mentions} == {"Washington, D.C.", "Washington"}  # type: ignore[attr-defined]
    assert ents["Washington"].aliases == ("Washington, D.C.",)  # type: ignore[attr-defined]


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


def test_an_acronym_met_first_joins_the_full_name_after_it() -> None:
    ents = resolve([M("CSA", 0, "ORG"), M("Child Support Agency", 40, "ORG"), M("CSA", 90, "ORG"),
                    M("Common Sense Advocates", 120, "ORG")])
    csa = next(e for e in ents if e.aliases == ("CSA",))
    assert csa.name == "Child Support Agency" and len(csa.mentions) == 3
    assert any(e.name == "Common Sense Advocates" for e in ents)  # taken by the first full name
    assert {e.name for e in resolve([M("GM", 0, "ORG"), M("Grand Met", 30, "PERSON")])} == {
        "GM", "Grand Met"}  # a person's initials are not an organisation's acronym


def test_a_name_with_its_words_shortened_joins_the_full_name() -> None:
    ents = resolve([M("Liberal Democrats", 0, "NORP"), M("Lib Dems", 40, "ORG"), M("Man City", 80, "ORG"),
                    M("Manchester City", 120, "ORG"), M("Bank of America", 160, "ORG"),
                    M("Bank of America", 200, "ORG"), M("Bank of American", 240, "ORG"),
                    M("Labour Democrats", 280, "ORG")])
    named = {e.name: (e.kind, len(e.mentions)) for e in ents}
    # the party, named in full; the club; of two spellings, the one written more often
    assert named["Liberal Democrats"] == (KG.Organization, 2)
    assert named["Manchester City"] == (KG.Organization, 2) and "Man City" not in named
    assert named["Bank of America"] == (KG.Organization, 3)
    assert "Labour Democrats" in named  # "Lib" is no shortening of "Labour"

    # a shortening that fits two spellings of one name joins them once they are one
    ents = resolve([M("Lib Dem", 0, "ORG"), M("Liberal Democrat", 40, "ORG"), M("Liberal Democrats", 80, "ORG"),
                    M("Liberal Democrats", 120, "ORG")])
    assert [(e.name, len(e.mentions)) for e in ents] == [("Liberal Democrats", 4)]


def test_two_spellings_of_a_place_are_one_place() -> None:
    ents = resolve([M("Donbas", 0, "GPE"), M("Donbass", 40, "GPE"), M("Tallinn", 80, "GPE"), M("Taline", 120, "GPE")])
    named = {e.name: len(e.mentions) for e in ents}
    assert named == {"Donbas": 2, "Tallinn": 1, "Taline": 1}  # not another word ending ("Taline")


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


def N(text: str, start: int, head: str, sent: int = 0, dep: str = "") -> Mention:
    """A definite description ("the minister") with its head noun."""
    return Mention("d", start, start + len(text), text, "NOM", head, sent, dep)


def _holder(ents: list[object], mention: Mention) -> str | None:
    return next((e.name for e in ents if mention in e.mentions), None)  # type: ignore[attr-defined]


def test_a_title_goes_to_the_last_person_holding_it() -> None:
    akar = M("Hulusi Akar", 0, "PERSON", 0, "nsubj", "Defense Minister")
    kuleba = M("Dmytro Kuleba", 40, "PERSON", 0, "dobj", "Foreign Minister")
    prescott = M("John Prescott", 80, "PERSON", 1, "pobj", "Deputy Prime Minister")
    benn = M("Hilary Benn", 120, "PERSON", 1, "pobj", "Aid minister")
    defence = N("the defence minister", 200, "minister", 2, "nsubj")
    minister = N("the minister", 300, "minister", 3)
    prime = N("the prime minister", 400, "minister", 4, "nsubj")
    ents = resolve([akar, kuleba, prescott, benn, defence, minister, prime])
    assert _holder(ents, defence) == "Hulusi Akar"  # "defence" written as "Defense" in the title
    assert _holder(ents, minister) == "Hilary Benn"  # the last minister; a deputy is another post
    assert _holder(ents, prime) is None  # neither an aid minister nor the deputy prime minister
    early = N("the minister", 0, "minister")
    assert _holder(resolve([early, M("Akar", 30, "PERSON", 1, "", "Minister")]), early) is None
    assert resolve([early]) == []  # nobody holds the title: the description names nobody


def test_an_organisation_description_goes_to_the_one_the_article_is_about() -> None:
    utd = [M("Manchester United", 0, "ORG", 0, "nsubj"),
           M("Manchester United", 60, "ORG", 1, "pobj")]
    bbc = M("BBC", 100, "ORG", 2, "nsubj")
    club = N("the club", 140, "club", 2, "dobj")
    ents = resolve([*utd, bbc, club])
    assert _holder(ents, club) == "Manchester United"
    firm = N("The firm", 200, "firm", 3, "nsubj")
    its = M("its", 220, "PRON", 3, "poss")
    ents = resolve([*utd, bbc, firm, its])
    assert _holder(ents, firm) == _holder(ents, its) == "Manchester United"  # "its" follows
    assert "The firm" not in next(e for e in ents if e.name == "Manchester United").aliases
    assert _holder(resolve([M("Tesco", 0, "ORG", 0, "nsubj"), N("the firm", 900, "firm", 9)]),
                   N("the firm", 900, "firm", 9)) is None  # too far back


def test_an_organisation_description_goes_to_one_of_its_kind() -> None:
    labour = M("Labour", 0, "ORG", 0, "nsubj")
    bbc = [M("BBC Radio 4", 40, "ORG", 1, "pobj"), M("BBC", 80, "ORG", 1, "pobj")]
    party = N("the party", 120, "party", 2, "poss")
    assert _holder(resolve([labour, *bbc, party]), party) == "Labour"  # not the most named: media
    lib = M("Liberal Democrat Party", 85, "ORG", 1, "pobj")
    assert _holder(resolve([labour, lib, *bbc[1:], party]), party) == "Liberal Democrat Party"
    agency = N("the agency", 120, "agency", 2)
    office = [M("National Audit Office", 40, "ORG", 1), M("National Audit Office", 70, "ORG", 1)]
    csa = M("Child Support Agency", 0, "ORG")
    assert _holder(resolve([csa, *office, agency]), agency) == "Child Support Agency"
    firm = N("the firm", 120, "firm", 2)  # "firm" says no kind: the most named
    assert _holder(resolve([csa, *office, firm]), firm) == "National Audit Office"
    assert _holder(resolve([*bbc, party]), party) is None


def test_the_country_is_not_the_subject_of_its_own_sentence() -> None:
    # "Akar discussed developments in Ukraine with his Ukrainian counterpart after Russia's
    # invasion and said Turkey is ready to provide assistance to the country."
    sentence = [M("Ukraine", 30, "GPE", 0, "pobj"), M("Ukrainian", 50, "NORP", 0, "amod"),
                M("Russia", 80, "GPE", 0, "poss"), M("Turkey", 100, "GPE", 0, "nsubj")]
    country = N("the country", 150, "country", 0, "pobj")
    assert _holder(resolve([*sentence, country]), country) == "Ukraine"
    # "... India's budget deficit would hamper the country's growth": a possessor will do
    india = [M("IMF", 0, "ORG", 0, "nsubj"), M("India", 30, "GPE", 0, "poss")]
    growth = N("the country", 80, "country", 0, "poss")
    assert _holder(resolve([*india, growth]), growth) == "India"


NOMINAL_LIKE = [*SEED_LIKE, N("the minister", 400, "minister", 3, "nsubj"),
                M("Tesco", 450, "ORG", 3, "pobj"), N("the firm", 500, "firm", 4, "nsubj"),
                M("it", 520, "PRON", 4, "nsubj"), N("the country", 540, "country", 4, "pobj")]


@settings(max_examples=50, deadline=None)
@given(st.permutations(NOMINAL_LIKE))
def test_descriptions_do_not_depend_on_input_order(perm: list[Mention]) -> None:
    ents = resolve(perm)
    assert ents == resolve(NOMINAL_LIKE)
    assert _holder(ents, NOMINAL_LIKE[-5]) == "Hulusi Akar"
    assert _holder(ents, NOMINAL_LIKE[-3]) == _holder(ents, NOMINAL_LIKE[-2]) == "Tesco"


def test_he_never_goes_to_someone_already_called_she() -> None:
    # "Ms Kite said she got a call from Marc Schaffel, who said the boy and his family had left"
    kite, she = M("Kite", 0, "PERSON", 0, "nsubj"), M("she", 10, "PRON", 0, "nsubj")
    schaffel, his = M("Marc Schaffel", 40, "PERSON", 0, "pobj"), M("his", 80, "PRON", 0, "poss")
    ents = resolve([kite, she, schaffel, his])
    assert _holder(ents, she) == "Kite"
    assert _holder(ents, his) == "Marc Schaffel"  # Kite is the subject, but a "she"


def test_a_first_name_says_who_is_he_and_who_is_she() -> None:
    # "Alastair Campbell met Tessa Jowell. He said ..." / "... Tessa Jowell spoke. She said ..."
    campbell = M("Alastair Campbell", 0, "PERSON", 0, "dobj")
    jowell = M("Tessa Jowell", 30, "PERSON", 0, "nsubj")
    he, she = M("He", 50, "PRON", 1, "nsubj"), M("she", 70, "PRON", 1, "nsubj")
    ents = resolve([campbell, jowell, he, she])
    assert _holder(ents, he) == "Alastair Campbell"  # the subject, but "Tessa" is a woman's name
    assert _holder(ents, she) == "Tessa Jowell"
    # a name both sexes are given often enough ("Kim") says nothing
    kim = M("Kim Smith", 30, "PERSON", 0, "nsubj")
    assert _holder(resolve([campbell, kim, he]), he) == "Kim Smith"


def test_a_quoted_he_is_not_the_one_quoted() -> None:
    # Collins added: "He is a great guy." (Chambers was named in the sentence before)
    text = 'Chambers has been in America. Collins added: "He is a great guy."'
    chambers = M("Chambers", 0, "PERSON", 0, "nsubj")
    collins = M("Collins", text.index("Collins"), "PERSON", 1, "nsubj")
    he = M("He", text.index("He "), "PRON", 1, "nsubj")
    from kg.resolve import quotations

    assert [text[a:b] for a, b in quotations(text)] == ['"He is a great guy."']
    assert _holder(resolve([chambers, collins, he], quotations(text)), he) == "Chambers"
    assert _holder(resolve([chambers, collins, he]), he) == "Collins"  # without the quotes


def test_an_honorific_or_title_says_who_is_he_and_who_is_she() -> None:
    # "Mrs Parker Bowles said the prince proposed. Charles said he and his wife-to-be ..."
    camilla = M("Mrs Parker Bowles", 0, "PERSON", 0, "nsubj")
    charles = M("Charles", 60, "PERSON", 1, "dobj")  # not the subject: pronouns prefer subjects
    he = M("he", 90, "PRON", 1, "nsubj")
    she = M("she", 120, "PRON", 2, "nsubj")
    queen = M("Elizabeth", 150, "PERSON", 3, "nsubj", "Queen")
    his = M("his", 180, "PRON", 3, "poss")
    ents = resolve([camilla, charles, he, she, queen, his])
    assert _holder(ents, he) == "Charles"  # "Mrs" is a woman
    assert _holder(ents, she) == "Parker Bowles"  # "Mrs" says who she is, and stays out of the name
    assert _holder(ents, his) == "Charles"  # a queen is not a "his"


def test_a_described_person_is_the_last_named_not_the_subject_of_its_sentence() -> None:
    agassi = M("Andre Agassi", 0, "PERSON", 0, "nsubj")
    melzer = M("Jurgen Melzer", 30, "PERSON", 0, "pobj")
    agassi2 = M("Agassi", 60, "PERSON", 1, "nsubjpass")
    austrian = N("the Austrian", 90, "national", 1, "poss")
    american = N("the American", 150, "national", 2, "nsubj")
    ents = resolve([agassi, melzer, agassi2, austrian, american])
    assert _holder(ents, austrian) == "Jurgen Melzer"  # Agassi is its sentence's subject
    assert _holder(ents, american) == "Andre Agassi"  # Melzer was "the Austrian"
    robben = M("Arjen Robben", 0, "PERSON", 0, "nsubj")
    age = N("The 21-year-old", 50, "year-old", 1, "nsubj")
    assert _holder(resolve([robben, M("Chelsea", 20, "ORG", 0, "pobj"), age]), age) == "Arjen Robben"
    assert resolve([age]) == []  # nobody named before: the description names nobody


def test_a_described_person_is_of_the_nation_the_text_gives_them() -> None:
    # "Spain's Rafael Nadal beat Andy Roddick of the USA. Nadal broke Roddick. The American
    # fought back. The Scot held. The Briton won."
    nadal = M("Rafael Nadal", 8, "PERSON", 0, "nsubj")
    roddick = M("Andy Roddick", 30, "PERSON", 0, "dobj")
    again = [M("Nadal", 60, "PERSON", 1, "nsubj"), M("Roddick", 72, "PERSON", 1, "dobj")]
    american = N("The American", 90, "national", 2, "nsubj")
    mentions = [nadal, roddick, *again, american]
    ents = resolve(mentions, nations={nadal: "Spain", roddick: "United States"})
    assert _holder(ents, american) == "Andy Roddick"
    assert _holder(resolve(mentions), american) == "Rafael Nadal"  # nothing said: the last subject
    # a Scot may be "the Briton", never "the American"
    murray = M("Andy Murray", 8, "PERSON", 0, "nsubj")
    scot, briton = N("The Scot", 40, "national", 1, "nsubj"), N("The Briton", 60, "national", 2, "nsubj")
    us = N("The American", 80, "national", 3, "nsubj")
    ents = resolve([murray, scot, briton, us])
    assert _holder(ents, scot) == _holder(ents, briton) == "Andy Murray" and _holder(ents, us) is None


def test_a_described_person_may_be_whom_a_pronoun_before_it_stands_for() -> None:
    # "Alicia Molik won. Roger Federer won too. She will meet Venus Williams. 'Bring it on,'
    # said the 23-year-old."
    molik = M("Alicia Molik", 0, "PERSON", 0, "nsubj")
    federer = M("Roger Federer", 20, "PERSON", 1, "nsubj")
    she = M("She", 40, "PRON", 2, "nsubj")
    venus = M("Venus Williams", 60, "PERSON", 2, "dobj")
    age = N("the 23-year-old", 90, "year-old", 3, "nsubj")
    ents = resolve([molik, federer, she, venus, age])
    assert _holder(ents, she) == "Alicia Molik"
    assert _holder(ents, age) == "Alicia Molik"  # the last subject, by its pronoun: not Federer


def test_mr_and_ms_name_the_person_named_in_full_and_stay_out_of_the_name() -> None:
    bernie = M("Bernie Ebbers", 0, "PERSON", 0, "nsubj")
    mr = M("Mr Ebbers", 40, "PERSON", 1, "nsubj")
    ents = resolve([mr, bernie])
    assert [(e.name, e.aliases) for e in ents] == [("Bernie Ebbers", ("Mr Ebbers",))]
    alone = resolve([M("Mr Smernicki", 0, "PERSON", 0, "nsubj")])
    assert [(e.name, e.aliases) for e in alone] == [("Smernicki", ("Mr Smernicki",))]
    # "Mr Blair" is Tony rather than Cherie, whoever was named last
    tony = M("Tony Blair", 0, "PERSON", 0, "nsubj")
    cherie = M("Cherie Blair", 20, "PERSON", 0, "conj")
    mr_blair = M("Mr Blair", 60, "PERSON", 1, "nsubj")
    assert _holder(resolve([tony, cherie, mr_blair]), mr_blair) == "Tony Blair"
    # a first name's sex is only likely: with no one else to be, "Mr Ahern" is Bertie Ahern
    bertie = M("Bertie Ahern", 0, "PERSON", 0, "nsubj")
    mr_ahern = M("Mr Ahern", 30, "PERSON", 1, "nsubj")
    assert _holder(resolve([bertie, mr_ahern]), mr_ahern) == "Bertie Ahern"


def test_a_club_word_alone_is_the_one_club_named_with_it() -> None:
    united = M("Manchester United", 0, "ORG", 0, "nsubj")
    short = M("United", 40, "ORG", 1, "nsubj")
    assert [(e.name, e.aliases) for e in resolve([united, short])] == [("Manchester United", ("United",))]
    # two clubs of that word: "United" is neither
    leeds = M("Leeds United", 20, "ORG", 0, "pobj")
    assert sorted(e.name for e in resolve([united, leeds, short])) == ["Leeds United", "Manchester United", "United"]
    # a club named abroad before its town, and its first word alone: "Bayern Munich ... Bayern"
    bayern = M("Bayern Munich", 0, "ORG", 0, "nsubj")
    assert [e.name for e in resolve([bayern, M("Bayern", 40, "ORG", 1, "nsubj")])] == ["Bayern Munich"]
    bbc = M("BBC London", 0, "ORG", 0, "nsubj")  # an acronym's branch is not the acronym
    assert len(resolve([bbc, M("BBC", 40, "ORG", 1, "nsubj")])) == 2


def test_a_pronoun_with_nobody_named_lately_follows_the_chain_of_pronouns_before_it() -> None:
    carly = M("Carly Fiorina", 10, "PERSON", 0, "pobj")
    shes = [M("she", 40 + 20 * k, "PRON", k, "nsubj") for k in range(1, 6)]  # sentences 1 to 5
    ents = resolve([carly, *shes])
    assert [_holder(ents, s) for s in shes] == ["Carly Fiorina"] * 5  # sentence 5 is past the window
    # a "he" does not follow a chain of "she"
    he = M("he", 300, "PRON", 6, "nsubj")
    assert _holder(resolve([carly, *shes, he]), he) is None


def test_a_one_word_organisation_is_the_one_named_with_a_party_or_company_word() -> None:
    party = M("Labour Party", 0, "ORG", 0, "nsubj")
    short = M("Labour", 40, "ORG", 1, "nsubj")
    assert [(e.name, e.aliases) for e in resolve([party, short])] == [("Labour Party", ("Labour",))]
    corp = M("Yukos Corp.", 60, "ORG", 2, "pobj")
    assert [e.name for e in resolve([corp, M("Yukos", 90, "ORG", 3, "nsubj")])] == ["Yukos Corp."]
    # not a name that adds other words: "Labour" is no "Labour Britain" or "Labour Heritage Trust"
    other = M("Labour Heritage", 0, "ORG", 0, "nsubj")
    assert sorted(e.name for e in resolve([other, short])) == ["Labour", "Labour Heritage"]
    # and two such names: neither
    group = M("Labour Group", 20, "ORG", 0, "pobj")
    assert sorted(e.name for e in resolve([party, group, short])) == ["Labour", "Labour Group", "Labour Party"]



def test_a_full_name_the_model_typed_otherwise_once_is_still_the_person() -> None:
    ents = resolve([M("Sophie Anderton", 0, "PERSON"), M("Sophie Anderton", 40, "ORG"),
                    M("Ernst Young", 80, "PERSON"), M("Ernst Young", 120, "ORG")])
    kinds = sorted((e.name, str(e.kind).split("#")[-1], len(e.mentions)) for e in ents)
    # "Sophie" is a first name; "Ernst" no first name of the census lists: the firm stays apart
    assert kinds == [("Ernst Young", "Organization", 1), ("Ernst Young", "Person", 1), ("Sophie Anderton", "Person", 2)]
