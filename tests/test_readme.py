"""The examples are real: each `$ jobaward ...` line in README.md and docs/*.md is run and its output compared."""

from __future__ import annotations

import itertools
import json
import re
import shlex

import pytest

from .conftest import ROOT, Run


def examples() -> list[tuple[str, list[str]]]:
    """(command, expected lines) for every one-line `$ jobaward` example in a ```text block."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    text = "\n".join(page.read_text("utf-8") for page in pages)
    found = []
    for block in re.findall(r"```text\n(.*?)```", text, flags=re.S):
        lines = block.rstrip("\n").split("\n")
        if any(line.rstrip().endswith("\\") for line in lines):
            continue  # a block that changes data first (jobaward add ...): not repeatable here
        starts = [i for i, line in enumerate(lines) if line.startswith("$ ")] + [len(lines)]
        for start, end in itertools.pairwise(starts):
            command = lines[start][2:]
            if command.startswith("jobaward ") and not command.endswith("\\"):
                found.append((command, [line.rstrip() for line in lines[start + 1 : end] if line.strip()]))
    return found


@pytest.mark.parametrize(("command", "expected"), examples(), ids=[c for c, _ in examples()])
def test_readme_example(run: Run, command: str, expected: list[str]) -> None:
    result = run(*shlex.split(command)[1:])
    assert result.exit_code == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines() if line.strip()] == expected


def test_readme_has_examples() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert sum(command in readme for command, _ in examples()) >= 5


def test_coverage_table_matches_the_data(run: Run) -> None:
    """docs/research.md's coverage table is the tool's own figures, not a stale copy."""
    readme = (ROOT / "docs" / "research.md").read_text("utf-8")
    pattern = r"^\| (\d{4}) \((\d+)\w\w\) \| (\d+(?:–\d+)?|\?) \| (\d*) \| (\d+) \| (\d+(?:–\d+)?%|\?) \|$"
    table = re.findall(pattern, readme, flags=re.M)
    document = json.loads(run("stats", "--coverage", "--format", "json").stdout)
    held = {r["year"]: r for r in document}
    assert [int(year) for year, *_ in table] == sorted(held, reverse=True), "one row per edition, newest first"
    for year, edition, awarded, prizes, governments, share in table:
        record = held[int(year)]
        assert (record["edition"], record["prizes"], record["governments_held"]) == (
            int(edition),
            int(prizes) if prizes else None,
            int(governments),
        )
        assert awarded == shown_range(record["awarded"], record["awarded_min"], record["awarded_max"])
        if record["awarded"] is None and record["awarded_min"] is not None:
            lowest, highest = (int(governments) / record[bound] * 100 for bound in ("awarded_max", "awarded_min"))
            assert share == f"{lowest:.0f}–{highest:.0f}%"
        else:
            shown = round(record["share_percent"]) if record["share_percent"] is not None else None
            assert shown == (int(share.rstrip("%")) if share != "?" else None)


def shown_range(exact: int | None, low: int | None, high: int | None) -> str:
    """A count as the README shows it: 65, a range 58–68 the sources bound it by, or ? (unknown)."""
    if exact is not None:
        return str(exact)
    return f"{low}–{high}" if low is not None else "?"
