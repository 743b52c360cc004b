"""What kind of 기초 a government is: 도의 시, 도의 군, or a 특·광역시 자치구·군 (one place for every command)."""

from __future__ import annotations

from jobaward.model import CITY, COUNTY, DISTRICT, KINDS, Dataset, Government

__all__ = ["CITY", "COUNTY", "DISTRICT", "KINDS", "METROPOLITAN_SUFFIXES", "kind_of"]

#: A 광역 whose 기초 are 자치구·군 rather than 시·군: 특별시, 광역시, 특별자치시.
METROPOLITAN_SUFFIXES = ("특별시", "광역시", "특별자치시")


def kind_of(dataset: Dataset, gov: Government) -> str:
    """CITY, COUNTY or DISTRICT for a 기초 (by its current 광역 and its name), "" for a 광역.

    A 기초 of a 특별시/광역시/특별자치시 is a DISTRICT whatever its suffix (부산 기장군 too);
    in a 도 the name's last syllable decides (시 or 군). A 기초 that fits neither is "".
    """
    if gov.level != "기초" or gov.province is None:
        return ""
    province = dataset.government_by_id.get(gov.province)
    if province is not None and province.name.endswith(METROPOLITAN_SUFFIXES):
        return DISTRICT
    if gov.name.endswith(CITY):
        return CITY
    if gov.name.endswith(COUNTY):
        return COUNTY
    return ""
