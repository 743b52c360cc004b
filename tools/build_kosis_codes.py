"""Build the KOSIS region-code table (src/jobaward/data/kosis_codes.tsv) from codes KOSIS printed.

    python tools/build_kosis_codes.py [SHARED_RESEARCH_OFFICIAL_DIR]

Only codes seen in a KOSIS file are written; none is guessed. Sources:

- ``sido_labour_force_annual.csv`` (경제활동인구조사): ``00 계`` (전국) and the 시·도 (``32 강원도``).
- ``kosis_downloads/sigungu_labour_force_summary_2024H1.csv`` (지역별고용조사, a genuine download):
  the 시·군·구 (``3203 강릉시``, ``1101 서울 종로구``).

A 시·군·구 label that names its city (``서울 종로구``, ``대구 군위군``) is that government. A 도's
시·군 (``3240 고성군``) carry no province in the label: the code's first two digits are the 시·도
code of the same survey family (32 = 강원도), which decides between 강원 고성군 and 경남 고성군.
Every 시·군·구 is then checked against KOSIS's order (the older position rule); the two must agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jobaward.model import Dataset, names_of
from jobaward.storage.kosis_files import (
    ABSORBED,
    CODES_HEADER,
    codes_path,
    map_national_label,
    map_regional_labels,
    split_code,
)
from jobaward.storage.toml_data import load_bundled

DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "research" / "official"
DOWNLOAD = Path("kosis_downloads") / "sigungu_labour_force_summary_2024H1.csv"


def first_cells(path: Path) -> list[str]:
    import csv
    import io

    rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return [row[0].strip() for row in rows if row and row[0].strip()[:1].isdigit()]


def province_codes(source: Path, dataset: Dataset) -> dict[str, tuple[str, str]]:
    """``32`` → (강원도, 강원), from the 경제활동인구조사 시·도 export."""
    found = {}
    for label in first_cells(source / "sido_labour_force_annual.csv"):
        code, name = split_code(label)
        found[code] = (name, map_national_label(label, dataset))
    return found


def district_codes(source: Path, dataset: Dataset, provinces: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    labels = [split_code(label) for label in first_cells(source / DOWNLOAD)]
    by_order = map_regional_labels([name for _, name in labels], dataset)
    found = {}
    for position, (code, name) in enumerate(labels):
        if " " in name:
            gov_id = dataset.government_by_id[name].id
        elif name in ABSORBED:
            gov_id = ABSORBED[name]
        else:
            province = provinces[code[:2]][1]
            (gov_id,) = [g.id for g in dataset.governments if g.belonged_to(province) and name in names_of(g)]
        if by_order[(position, name)] != gov_id:
            raise SystemExit(f"{code} {name}: code says {gov_id}, KOSIS's order says {by_order[(position, name)]}")
        found[code] = (name, gov_id)
    return found


def main(source: Path) -> None:
    dataset = load_bundled()
    provinces = province_codes(source, dataset)
    table = {**provinces, **district_codes(source, dataset, provinces)}
    lines = [CODES_HEADER, *(f"{code}\t{name}\t{gov}" for code, (name, gov) in sorted(table.items()))]
    codes_path().write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{codes_path()}: {len(table)} codes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
