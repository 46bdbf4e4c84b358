"""The CLI: every command has help with an example; explain and schema work from the command line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app

COMMANDS = ["run", "explain", "decide", "schema", "report", "export", "eval"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    res = CliRunner().invoke(app, [command, "--help"])
    assert res.exit_code == 0
    assert "Example:" in res.output and f"extract {command}" in res.output


def test_registered_commands_are_the_documented_ones() -> None:
    names = sorted(c.name or c.callback.__name__ for c in app.registered_commands)
    assert names == sorted(COMMANDS)


def test_version() -> None:
    res = CliRunner().invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.startswith("extract ")


def test_schema_command_writes_three_schemas(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["schema", "--out", str(tmp_path)])
    assert res.exit_code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["document.schema.json", "record.schema.json", "study.schema.json"]
    assert json.loads((tmp_path / "record.schema.json").read_text())["title"] == "Record"


def test_explain_reports_on_two_records_of_a_run(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = "A randomized trial enrolled 48 adults with type 2 diabetes (NCT01234567). HbA1c fell from 8.2% to 7.4%.\n"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text("Registered as NCT01234567, the trial of 48 patients lowered HbA1c from 8.2% to 7.4%.\n",
                                  encoding="utf-8")
    assert CliRunner().invoke(app, ["run", str(corpus), "--out", str(tmp_path / "out")]).exit_code == 0
    ids = [json.loads(x)["record_id"] for x in (tmp_path / "out" / "records.jsonl").read_text().splitlines()]
    assert len(ids) == 2
    res = CliRunner().invoke(app, ["explain", ids[0], ids[1], "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    link = json.loads(res.output)
    assert {link["a"], link["b"]} == set(ids)
    assert "signals" in link and "level" in link
    assert link["linked"] is True  # same registry id, same numbers
    bad = CliRunner().invoke(app, ["explain", ids[0], "r-nope", "--out", str(tmp_path / "out")])
    assert bad.exit_code == 2


def test_a_caught_interrupt_is_not_left_marked_unhandled() -> None:
    """CPython keeps a mark of a KeyboardInterrupt it thinks went unhandled and then ends the process by SIGINT
    (exit -2, not 130): the interrupted path clears it."""
    import ctypes

    from extract.cli import _forget_unhandled_interrupt

    try:
        mark = ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt")
    except (AttributeError, ValueError, OSError):
        pytest.skip("this Python keeps no such mark")
    mark.value = 1
    try:
        _forget_unhandled_interrupt()
        assert mark.value == 0
    finally:
        mark.value = 0
