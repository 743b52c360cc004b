"""광주광역시 + 전라남도 → 전남광주통합특별시 on 2026-07-01, as the bundled data records it (#22):
the new government is found by its name, 약칭, short form and English name; the two former
governments keep their awards and name their successor; the 27 시·군·구 belong to it today and
are still found under the 광역 they belonged to when they won."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from jobaward.errors import DataError
from jobaward.model import Dataset
from jobaward.query.awards import AwardFilter
from jobaward.query.official import benchmark_id
from jobaward.query.stats import stats
from jobaward.storage.kosis_files import (
    RawRow,
    map_national_label,
    map_regional_labels,
    national_series,
    regional_series,
)

from .conftest import Run

NEW = "전남광주"


def members(dataset: Dataset, province: str) -> set[str]:
    """The 기초 governments a --province filter keeps (the 광역 itself aside)."""
    where = AwardFilter(provinces=frozenset({province}))
    return {g.id for g in dataset.governments if g.level == "기초" and where.accepts_government(g)}


@pytest.mark.parametrize(
    "typed", ["전남광주통합특별시", "광주특별시", "전남광주", "Jeonnam-Gwangju", "jeonnam-gwangju"]
)
def test_the_new_government_is_found_and_began_on_1_july_2026(run: Run, typed: str) -> None:
    shown = run("show", typed, env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.startswith("전남광주통합특별시 (Jeonnam-Gwangju)  광역\n출범: 2026-07-01\n")
    assert "이전 지자체: 광주광역시, 전라남도" in shown.stdout
    english = run("show", typed, "--lang", "en", env={"COLUMNS": "80"})
    assert max(cell_len(line) for line in shown.stdout.splitlines() + english.stdout.splitlines()) <= 80
    assert "Established: 2026-07-01\nFormed from: Gwangju, Jeollanam-do" in english.stdout
    document = json.loads(run("show", typed, "-f", "json").stdout)["government"]
    assert (document["id"], document["established"], document["level"]) == (NEW, "2026-07-01", "광역")


@pytest.mark.parametrize(("typed", "gov_id"), [("광주광역시", "광주"), ("전라남도", "전남")])
def test_the_former_governments_name_their_successor_and_keep_their_awards(
    run: Run, dataset: Dataset, typed: str, gov_id: str
) -> None:
    shown = run("show", typed, env={"COLUMNS": "80"}).stdout
    assert "폐지: 2026-06-30\n승계 지자체: 전남광주통합특별시\n" in shown
    assert "Succeeded by: Jeonnam-Gwangju" in run("show", typed, "--lang", "en").stdout
    document = json.loads(run("show", typed, "-f", "json").stdout)
    assert (document["government"]["abolished"], document["government"]["successors"]) == ("2026-06-30", [NEW])
    held = [a for a in dataset.awards if a.government == gov_id]
    assert held and len(document["awards"]) == len(held)
    assert {row["name_at_award"] for row in document["awards"]} == {dataset.government(gov_id).name}


def test_the_27_governments_belong_to_it_today_and_to_their_old_province_then(dataset: Dataset) -> None:
    gwangju, jeonnam, merged = members(dataset, "광주"), members(dataset, "전남"), members(dataset, NEW)
    assert (len(gwangju), len(jeonnam)) == (5, 22)
    assert merged == gwangju | jeonnam
    for gov_id in merged:
        assert dataset.government(gov_id).province == NEW
        assert dataset.government(gov_id).name == gov_id.split(" ", 1)[1], "the 시·군·구 keep their names"


def listed(run: Run, *args: str) -> list[dict[str, object]]:
    result = run("list", "--year", "2024", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("province", ["전남광주통합특별시", "광주특별시", "전남광주", "Jeonnam-Gwangju"])
def test_list_by_the_new_province_holds_both_halves(run: Run, province: str) -> None:
    rows = listed(run, "--province", province)
    ids = {row["government_id"] for row in rows}
    assert {"광주 광산구", "전남 광양시"} <= ids
    gwangsan = next(row for row in rows if row["government_id"] == "광주 광산구")
    assert (gwangsan["province"], gwangsan["name_at_award"]) == ("전남광주통합특별시", "광산구")


def test_list_by_the_old_provinces_still_finds_their_governments(run: Run) -> None:
    gwangju = {row["government_id"] for row in listed(run, "--province", "광주")}
    jeonnam = {row["government_id"] for row in listed(run, "--province", "전남")}
    assert "광주 광산구" in gwangju and "전남 광양시" not in gwangju
    assert "전남 광양시" in jeonnam and "광주 광산구" not in jeonnam
    assert "광주" in gwangju and "전남" in jeonnam, "the 광역's own awards stay with it"
    assert "광주" not in {row["government_id"] for row in listed(run, "--province", "광주특별시")}


def test_gwangju_alone_stays_ambiguous_and_lists_the_new_government(run: Run) -> None:
    result = run("show", "광주")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == ["  광주광역시", "  전남광주통합특별시", "  경기 광주시"]


def test_stats_count_an_award_under_the_province_of_its_day(dataset: Dataset) -> None:
    by_province = {p.province.id: p for p in stats(dataset, 2024).by_province}
    assert NEW not in by_province
    expected = [
        a for a in dataset.awards if a.year == 2024 and (a.government == "광주" or a.government.startswith("광주 "))
    ]
    assert by_province["광주"].awards == len(expected)


def test_official_figures_stay_with_the_former_governments(dataset: Dataset) -> None:
    gwangsan = dataset.government("광주 광산구")
    assert benchmark_id(dataset, gwangsan, "2024-H2") == "광주"
    assert map_national_label("29 광주광역시", dataset) == "광주"
    assert map_national_label("46 전라남도", dataset) == "전남"
    assert map_national_label("46 전남광주통합특별시", dataset) == NEW
    assert set(map_regional_labels(["광주 광산구", "여수시"], dataset).values()) == {"광주 광산구", "전남 여수시"}


def national(label: str, *points: tuple[str, str]) -> list[RawRow]:
    return [RawRow(label, "계", "고용률", "%", points)]


def test_kosis_figures_of_a_period_a_government_did_not_wholly_exist_in_are_refused(dataset: Dataset) -> None:
    (kept,) = national_series(national("29 광주광역시", ("2024", "61.0"), ("2025", "61.5")), dataset)
    assert (kept.government, kept.end) == ("광주", "2025")
    for label, period in (("29 광주광역시", "2026"), ("46 전남광주통합특별시", "2025")):
        with pytest.raises(DataError) as caught:
            national_series(national(label, (period, "62.0")), dataset)
        assert f"{period}" in str(caught.value.problems[0])
    half = [RawRow("인천 중구", "계", "고용률", "%", (("2026-H1", "60.0"), ("2026-H2", "60.5")))]
    with pytest.raises(DataError) as caught:
        regional_series(half, dataset)
    assert "2026-H2" in str(caught.value.problems[0]) and "2026-H1" not in str(caught.value.problems[0])
    assert regional_series([half[0]._replace(points=half[0].points[:1])], dataset)[0].government == "인천 중구"
