"""The bundled dataset itself (src/jobaward/data/): whole and honest, every record sourced, every
reference resolved, every research row and seed fact present, and the counts the tool reports
equal to counts made here from the file directly. Expectations come from the data file or the
research tables in ../shared (those tests skip when it is absent), never from a hand-typed count.
Tests of how jobaward behaves run on tests/fixtures/mini.toml instead."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from jobaward.model import (
    CATEGORIES,
    CONFLICT_MARK,
    GRADES,
    HONORS,
    LEVELS,
    Award,
    Dataset,
    Measurement,
    canonical_honor,
)
from jobaward.query.names import NameIndex, find_government

from .conftest import SHARED

RESEARCH = SHARED / "research"
DATA_FILE = Path(__file__).resolve().parent.parent / "src" / "jobaward" / "data" / "data.toml"
needs_research = pytest.mark.skipif(not RESEARCH.is_dir(), reason="../shared/research is not beside this checkout")


@needs_research
def test_every_government_of_the_research_table_is_present(dataset: Dataset) -> None:
    with (RESEARCH / "governments.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    held = {(g.level, g.name_en) for g in dataset.governments}
    assert [row for row in rows if (row["level"], row["name_en"]) not in held] == []
    researched = {(row["level"], row["name_en"]) for row in rows}
    extra = [g.id for g in dataset.governments if (g.level, g.name_en) not in researched]
    assert all(dataset.government(gov_id).established for gov_id in extra), extra  # only ones set up since


def test_every_award_and_indicator_names_a_known_source(dataset: Dataset) -> None:
    for record in (*dataset.awards, *dataset.indicators, *dataset.editions):
        assert record.sources, record
        assert all(s in dataset.source_by_id for s in record.sources), record


def test_every_source_can_be_found(dataset: Dataset) -> None:
    for source in dataset.sources:
        assert source.publisher, source
        assert source.url.startswith(("http://", "https://")) or source.seed, source


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not beside this checkout")
def test_seed_sources_name_the_seed_files(dataset: Dataset) -> None:
    seeds = sorted(source.seed for source in dataset.sources if source.seed)
    assert seeds == sorted(path.name for path in (SHARED / "seeds").iterdir())


def test_no_duplicate_awards(dataset: Dataset) -> None:
    duplicates = [key for key, n in Counter(a.key for a in dataset.awards).items() if n > 1]
    assert duplicates == []


def test_vocabularies_are_the_known_sets(dataset: Dataset) -> None:
    assert {a.grade for a in dataset.awards} <= {*GRADES, ""}
    assert {a.category for a in dataset.awards} <= {*CATEGORIES, ""}
    assert {g.level for g in dataset.governments} <= set(LEVELS)


def test_every_reference_resolves(dataset: Dataset) -> None:
    ids = dataset.government_by_id
    assert all(a.government in ids for a in dataset.awards)
    assert all(i.government in ids for i in dataset.indicators)
    assert all(ids[g.province].level == "광역" for g in dataset.governments if g.province)


def read_tsv(path: Path) -> list[dict[str, str]]:
    """A research table as dicts by its header row; a missing trailing cell reads as empty."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row]
    header = rows.pop(0)
    return [dict(zip(header, row + [""] * (len(header) - len(row)), strict=True)) for row in rows]


def research_rows(pattern: str) -> list[dict[str, str]]:
    """Every row of every research table whose name matches ``pattern`` (awards*.tsv, …)."""
    rows = [dict(row, file=path.name) for path in sorted(RESEARCH.glob(pattern)) for row in read_tsv(path)]
    assert rows, f"no rows in {RESEARCH}/{pattern}"
    return rows


def government_id(index: NameIndex, province: str, name: str) -> str:
    """Research rows name governments as of the award year (강원도, 인천 남구, 여주군)."""
    text = name if name == province else f"{province} {name}"
    return find_government(index, text).government.id


def cites(dataset: Dataset, sources: tuple[str, ...], row: dict[str, str]) -> bool:
    """Whether one of ``sources`` is the research row's URL, its seed file, or (a bare "seed")
    the seed article of the row's date."""
    reference = row["source_url"].removeprefix("seed:")
    for source in (dataset.source_by_id[s] for s in sources):
        if reference in (source.url, source.seed):
            return True
        if reference == "seed" and source.seed and str(source.date) == row["source_date"]:
            return True
    return False


def holds(award: Award, row: dict[str, str], gov: str) -> bool:
    """The award is the row's: same year and government; a category or grade the row leaves
    empty may have been filled in by a further source."""
    return (
        (award.year, award.government) == (int(row["year"]), gov)
        and (row["category"] in ("", award.category) or row["category"].startswith(f"{award.category}:"))
        and row["grade"] in ("", award.grade)
    )


@needs_research
def test_every_research_award_row_is_in_the_data(dataset: Dataset, index: NameIndex) -> None:
    for row in research_rows("awards*.tsv"):
        gov = government_id(index, row["province"], row["government"])
        matches = [a for a in dataset.awards if holds(a, row, gov) and cites(dataset, a.sources, row)]
        assert matches, row
        award = matches[0]
        # what the row gives is held as given, unless another source printed it differently and
        # the note says so; what it leaves empty may come only from a further source
        incentive = int(row["incentive_krw"]) if row["incentive_krw"] else None
        for field, given, held in (
            ("honor", canonical_honor(row["honor"]) if row["honor"] else "", award.honor),
            ("incentive", incentive, award.incentive),
            ("project", row["project"], award.project),
        ):
            if given:
                assert spaced_alike(held, given) or CONFLICT_MARK in award.note, (field, row)
            elif held:
                assert len(award.sources) > 1, f"{field} filled in without a further source: {row}"


def spaced_alike(held: object, given: object) -> bool:
    """The same value, where text may differ in spacing ("고용노동부 장관상", "고용노동부장관상")."""
    if isinstance(held, str) and isinstance(given, str):
        return held.replace(" ", "") == given.replace(" ", "")
    return held == given


def number(text: str) -> float | None:
    return float(text) if text else None


@needs_research
def test_every_research_indicator_row_is_in_the_data(dataset: Dataset, index: NameIndex) -> None:
    held = {
        (
            i.government,
            i.name,
            i.before.value if i.before else None,
            i.after.value if i.after else None,
            i.benchmark.value if i.benchmark else None,
        )
        for i in dataset.indicators
    }
    for row in research_rows("indicators*.tsv"):
        gov = government_id(index, row["province"], row["government"])
        benchmark = number(row.get("benchmark", ""))
        key = (gov, row["indicator"], number(row["value_before"]), number(row["value_after"]), benchmark)
        assert key in held, row


@needs_research
def test_every_research_edition_is_in_the_data(dataset: Dataset) -> None:
    for row in read_tsv(RESEARCH / "editions.tsv"):
        contest = not row["edition"]
        edition = dataset.edition_of(int(row["year"]), contest)
        assert edition.number == (int(row["edition"]) if row["edition"] else None), row
        assert (edition.date.isoformat() if edition.date else "") == row["ceremony_date"], row
        assert edition.awarded_total == (int(row["awarded_total"]) if row["awarded_total"] else None), row


def correction_references(line: str) -> list[str]:
    """What a correction cites: its full URLs, else the article numbers of short forms like
    'ccnnews 263764' (a sum of money, 140000000, is not an article number)."""
    urls = [url.rstrip(").,;") for url in re.findall(r"https?://[^\s)]+", line) if "..." not in url]
    numbers = [n for n in re.findall(r"(?<!\d)(\d{5,})(?!\d)", line) if not n.endswith("0000")]
    return urls or numbers


@needs_research
def test_every_correction_cites_a_held_source(dataset: Dataset) -> None:
    """Each correction's source is in the data; a correction that cites nothing cannot be held."""
    urls = [source.url for source in dataset.sources if source.url]
    lines = (RESEARCH / "corrections_round2.md").read_text("utf-8").splitlines()
    corrections = [line for line in lines if line.startswith("- ")]
    assert corrections
    for line in corrections:
        references = correction_references(line)
        if references:
            assert any(ref == url or (ref.isdigit() and ref in url) for ref in references for url in urls), line


def test_seed_000_facts(dataset: Dataset) -> None:
    """아주경제, 2023-08-03: 강원's 2023 award, its 2018-2023 record, the edition, the figures."""
    gangwon = {a.year: a for a in dataset.awards if a.government == "강원" and "seed-000" in a.sources}
    assert {y: a.grade for y, a in gangwon.items()} == {
        2018: "특별상",
        2019: "최우수상",
        2020: "우수상",
        2021: "대상",
        2022: "대상",
        2023: "최우수상",
    }
    assert gangwon[2023].incentive == 135_000_000
    edition = dataset.edition_by_year[2023]
    counts = (edition.number, edition.awarded_total, edition.awarded_gongsije, edition.awarded_project)
    assert counts == (12, 73, 58, 15)
    assert dataset.edition_by_year[2012].number == 1
    special = {a.government for a in dataset.awards if a.key[0::2] == (2023, "공시제") and a.grade == "특별상"}
    assert {"강원 춘천시", "강원 강릉시", "강원 영월군"} <= special
    seed_figures = {
        (i.name, i.before.value if i.before else None, i.after.value if i.after else None)
        for i in dataset.indicators
        if "seed-000" in i.sources
    }
    assert seed_figures == {
        ("취업자수", 80900, 81800),
        ("상용근로자수", 37500, 39800),
        ("고용보험 피보험자수", 33800, 34600),
        ("정규직 일자리 창출 (취직사회책임제)", None, 14000),
        ("지역혁신사업(RIS) 규모", None, 214_000_000_000),
        ("워케이션 근무지", None, 18),
    }
    # the seed prints 강원's counts a thousand times too small: kept, as variants compare never ranks
    odd = next(i for i in dataset.indicators if i.name == "취업자수" and "seed-000" in i.sources)
    assert odd.superseded and "단위 오기" in odd.note
    figure = next(i for i in dataset.indicators if i.name == "취업자수" and i.government == "강원" and not i.superseded)
    assert (figure.before, figure.after) == (Measurement(809000), Measurement(818000))


def test_seed_001_facts(dataset: Dataset) -> None:
    """브레이크뉴스, 2022-07-21: 강릉시's 2022 special prize, its money and its figures."""
    award = next(a for a in dataset.awards if a.key == (2022, "강원 강릉시", "공시제", "특별상"))
    assert (award.honor, award.incentive, award.sources) == ("고용노동부장관 표창", 55_000_000, ("seed-001",))
    figures = {i.name: i for i in dataset.indicators if "seed-001" in i.sources}
    assert set(figures) == {"취업자수", "고용보험 피보험자수", "고용률", "일자리 전담 조직 인력"}
    employed = figures["취업자수"]
    assert employed.before and employed.before.value == 112500 and employed.before.period == "2020"
    assert employed.after and employed.after.value == 118100 and employed.after.period == "2021"
    rate = figures["고용률"]
    assert rate.after and rate.after.value == 67.2
    assert rate.benchmark and rate.benchmark.value == 66.5
    assert dataset.edition_by_year[2022].eligible == 243


def test_data_file_is_valid_utf8_toml_with_the_schema_line() -> None:
    text = DATA_FILE.read_text("utf-8")
    assert "\nschema = 1\n" in text


def test_coverage_counts_are_the_data_files_own() -> None:
    """`stats --coverage` per edition equals a count made here from data.toml with tomllib:
    distinct governments among the ceremony's awards (the autumn contest not counted)."""
    import json
    import tomllib

    from typer.testing import CliRunner

    from jobaward.cli import app

    raw = tomllib.loads(DATA_FILE.read_text("utf-8"))
    contest_years = {e["year"] for e in raw["editions"] if e.get("contest")}
    ceremonies = {e["year"]: e for e in raw["editions"] if not e.get("contest")}
    result = CliRunner().invoke(app, ["stats", "--coverage", "--format", "json"], env={"COLUMNS": "200"})
    shown = {r["year"]: r for r in json.loads(result.stdout)}
    assert set(shown) == set(ceremonies)
    for year, edition in ceremonies.items():
        awards = [a for a in raw["awards"] if a["year"] == year]
        ceremony = [a for a in awards if not (year in contest_years and a.get("category", "").startswith("경진대회"))]
        held = len({a["government"] for a in ceremony})
        awarded = edition.get("awarded_governments")
        assert (shown[year]["governments_held"], shown[year]["awarded"]) == (held, awarded), year
        expected_share = round(100 * held / awarded, 1) if awarded else None
        assert shown[year]["share_percent"] == expected_share, year


def test_every_honour_in_the_data_is_one_of_the_vocabulary(dataset: Dataset) -> None:
    """One spelling per honour: the loader maps every variant the reports print (#22)."""
    import tomllib

    from jobaward.storage.toml_data import bundled_bytes

    printed = {a["honor"] for a in tomllib.loads(bundled_bytes().decode()).get("awards", []) if "honor" in a}
    held = {award.honor for award in dataset.awards if award.honor}
    assert held <= set(HONORS), held - set(HONORS)
    assert {canonical_honor(spelling) for spelling in printed} == held


def test_every_honour_reads_in_english() -> None:
    from jobaward.i18n.labels import Labels

    english = {honor: Labels("en").honor(honor) for honor in HONORS}
    assert all(label.isascii() for label in english.values()), english
    assert len(set(english.values())) == len(HONORS), "two honours may not share an English label"
