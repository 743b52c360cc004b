"""Write a user data file with N times the bundled dataset's awards and indicators.

    python benchmarks/make_data.py 100 /tmp/jobaward-100x.toml

The records are synthetic (every government, across the years, every grade) and name bundled
sources, so the file loads on top of the bundled data like a real user file would.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import tomli_w

from jobaward.model import GRADES
from jobaward.storage.toml_data import load_bundled


def generate(times: int) -> str:
    bundled = load_bundled()
    source = bundled.sources[0].id
    taken = {award.key for award in bundled.awards}
    combos = itertools.product(range(2030, 2101), [g.id for g in bundled.governments], ("공시제", "우수사업"), GRADES)
    awards = []
    for year, government, category, grade in combos:
        if len(awards) == times * len(bundled.awards):
            break
        if (year, government, category, grade) not in taken:
            awards.append(
                {
                    "year": year,
                    "government": government,
                    "category": category,
                    "grade": grade,
                    "incentive": 55_000_000,
                    "note": "synthetic benchmark record",
                    "sources": [source],
                }
            )
    indicators = [
        {
            "government": bundled.governments[i % len(bundled.governments)].id,
            "indicator": f"취업자수 {i}",
            "unit": "명",
            "before": {"period": "2020", "value": 1000 + i},
            "after": {"period": "2021", "value": 1100 + i},
            "sources": [source],
        }
        for i in range(times * len(bundled.indicators))
    ]
    return tomli_w.dumps({"schema": 1, "awards": awards, "indicators": indicators})


def main() -> None:
    times, path = int(sys.argv[1]), Path(sys.argv[2])
    path.write_text(generate(times), "utf-8")
    print(f"wrote {path}: {times}x the bundled awards and indicators")


if __name__ == "__main__":
    main()
