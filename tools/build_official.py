"""Build the bundled official series (src/jobaward/data/official.tsv) from the KOSIS exports.

    python tools/build_official.py [SHARED_RESEARCH_OFFICIAL_DIR]

Reads ``sigungu_employment_halfyear.csv`` (지역별고용조사) and ``sido_labour_force_annual.csv``
(경제활동인구조사) with the same readers ``jobaward official import`` uses, maps every region to
a government of the bundled data (failing on any it cannot), keeps what the views need and
writes the tab-separated form (the fastest to load of the forms measured: BENCHMARKS.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from jobaward.storage.kosis_files import (
    bundled_path,
    national_series,
    read_national_csv,
    read_regional_csv,
    regional_series,
    to_text,
)
from jobaward.storage.toml_data import load_bundled

DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "research" / "official"


def main(source: Path) -> None:
    dataset = load_bundled()
    regional_csv = source / "sigungu_employment_halfyear.csv"
    national_csv = source / "sido_labour_force_annual.csv"
    raw = read_regional_csv(regional_csv.read_text(encoding="utf-8"), str(regional_csv))
    series = regional_series(raw, dataset, by_order=True)
    series += national_series(read_national_csv(national_csv.read_text(encoding="utf-8"), str(national_csv)), dataset)
    text = to_text(series)
    bundled_path().write_text(text, encoding="utf-8")
    print(f"{bundled_path()}: {len(series)} series, {len(text.encode())} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
