"""Scale paths give the same graph: worker processes, the cache, and a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import build

pytestmark = pytest.mark.model

PEOPLE = ["Anna Berg", "Carlos Diaz", "Mei Lin", "Omar Farouk", "Sven Olsen", "Lucia Russo"]
ORGS = ["Acme Corp", "Globex", "Initech", "Umbrella Group"]
PLACES = ["Paris", "Nairobi", "Lima", "Oslo"]


def _corpus(folder: Path, n: int = 20) -> Path:
    """Invented articles (no real news text in the repo), enough to fill several batches."""
    folder.mkdir()
    for i in range(n):
        a, b = PEOPLE[i % 6], PEOPLE[(i + 1) % 6]
        org, place = ORGS[i % 4], PLACES[i % 4]
        (folder / f"{i:03d}.txt").write_text(
            f"date 2024-03-{i % 28 + 1:02d} {a} met {b} in {place} on Monday.\n\n"
            f"{a}, who works for {org}, said the talks went well. {b} phoned {a} later.\n",
            encoding="utf-8")
    return folder


def test_jobs_do_not_change_the_output(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    src = _corpus(tmp_path / "in")
    one = build([src], tmp_path / "one", nlp=nlp, html=False, use_cache=False)
    two = build([src], tmp_path / "two", html=False, use_cache=False, jobs=2)
    assert one.articles == two.articles == 20 and one.relations > 20
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (tmp_path / "two" / "graph.ttl").read_bytes()


def test_incremental_rebuild_parses_only_the_changed_article(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    src = _corpus(tmp_path / "in")
    first = build([src], tmp_path / "out", nlp=nlp, html=False)
    assert first.cached == 0 and (tmp_path / "out" / ".cache").is_dir()
    again = build([src], tmp_path / "out", nlp=nlp, html=False)
    assert again.cached == 20
    changed = src / "007.txt"
    changed.write_text(changed.read_text() + "\nMei Lin phoned Sven Olsen.\n", encoding="utf-8")
    inc = build([src], tmp_path / "out", nlp=nlp, html=False)
    assert inc.cached == 19
    full = build([src], tmp_path / "full", nlp=nlp, html=False, use_cache=False)
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()
    assert inc.relations == full.relations > first.relations


def test_dask_local_cluster_gives_the_same_graph(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    src = _corpus(tmp_path / "in", n=18)
    local = build([src], tmp_path / "local", nlp=nlp, html=False, use_cache=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        report = build([src], tmp_path / "dask", html=False, use_cache=False, dask=cluster.scheduler_address)
    assert report.articles == local.articles == 18
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (tmp_path / "local" / "graph.ttl").read_bytes()


def test_unreachable_dask_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from kg.errors import KGError

    src = _corpus(tmp_path / "in", n=2)
    with pytest.raises(KGError, match="Dask scheduler"):
        build([src], tmp_path / "out", html=False, use_cache=False, dask="tcp://127.0.0.1:9")


def test_the_cache_key_covers_the_weights_and_the_calibration_table() -> None:
    # a retrained classifier or a recalibrated table changes extraction: the cache must miss
    from kg.cache import sources

    names = {p.name for p in sources()}
    assert {"relations-v1.npz", "confidence-v1.json", "nominal.py", "relate.py"} <= names


def test_a_guessed_city_in_a_country_that_has_no_city_of_its_name_is_dropped() -> None:
    from kg.engine import _on_the_map
    from kg.learn import RULE
    from kg.types import Mention, Relation
    from kg.vocab import KG

    def located(city: str, country: str, rule: str = RULE) -> Relation:
        return Relation(Mention("d", 0, len(city), city, "GPE"), KG.locatedIn,
                        Mention("d", 20, 20 + len(country), country, "GPE"), 0, 9, 0.85, rule)

    kabul, dallas, paris = located("Kabul", "North Korea"), located("Dallas", "U.S."), located("Paris", "Texas")
    assert _on_the_map([kabul, dallas, paris]) == [dallas, paris]  # Texas is no country: not judged
    # what a rule read off the words stands: "Stockton, England" (the gazetteer's Stockton is Californian)
    stockton = located("Stockton", "England", rule="comma-place")
    assert _on_the_map([stockton, located("Atlantis City", "Greece")]) == [
        stockton, located("Atlantis City", "Greece")]
