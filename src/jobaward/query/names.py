"""Turn what a user typed into one government, or say clearly why that is not possible.

Matching goes in tiers: the exact current name (or the ``강원 강릉시`` id form), then a former
name, then the short form without its suffix and the English name. The best tier that matches
decides; if it matches more than one government the lookup is ambiguous and lists them all.
A fuzzy match is only ever offered as a suggestion, never picked.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import cached_property
from typing import NamedTuple

from jobaward.errors import LookupFailed, UsageProblem
from jobaward.i18n.folding import compact, normalize
from jobaward.model import Dataset, FormerState, Government

#: ALIAS_SHORT: the short form of another official name (광주 from 광주특별시, the 약칭 of
#: 전남광주통합특별시): listed when a name is ambiguous, never outranking a government's own short form.
EXACT, FORMER, SHORT, ALIAS_SHORT = 0, 1, 2, 3
MAX_INPUT = 200
KOREAN_SUFFIXES = {
    "광역": ("특별자치시", "특별자치도", "특별시", "광역시", "도"),
    "기초": ("시", "군", "구"),
}
ENGLISH_SUFFIX = re.compile(r"(-(si|gun|gu|do)| (state|city))$")


def strip_suffix(name: str, level: str) -> str:
    for suffix in KOREAN_SUFFIXES[level]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


class Match(NamedTuple):
    government: Government
    former: FormerState | None = None


class Entry(NamedTuple):
    gov_id: str
    tier: int
    former: FormerState | None = None


class NameIndex:
    """Every searchable form of every government's name, normalised once."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        for gov in dataset.governments:
            self._index(gov)

    def _add(self, text: str, entry: Entry) -> None:
        key = compact(text)
        if key and entry not in self.entries[key]:
            self.entries[key].append(entry)

    def _index(self, gov: Government) -> None:
        self._add(gov.name, Entry(gov.id, EXACT))
        # A 광역's id is its short form (광주), no more exact than 경기 광주시's short form.
        self._add(gov.id, Entry(gov.id, EXACT if gov.level == "기초" else SHORT))
        for province_id in (gov.province, *(state.province for state in gov.former)):
            province = self.dataset.government_by_id.get(province_id or "")
            if province:
                self._add(f"{province.name} {gov.name}", Entry(gov.id, EXACT))
        for state in gov.former_names:
            assert state.name is not None
            self._add(state.name, Entry(gov.id, FORMER, state))
            self._add(strip_suffix(state.name, gov.level), Entry(gov.id, SHORT, state))
        self._add(strip_suffix(gov.name, gov.level), Entry(gov.id, SHORT))
        for alias in gov.aliases:
            self._add(alias, Entry(gov.id, EXACT))
            self._add(strip_suffix(alias, gov.level), Entry(gov.id, ALIAS_SHORT))
        self._add(gov.name_en, Entry(gov.id, SHORT))
        self._add(ENGLISH_SUFFIX.sub("", gov.name_en.casefold()), Entry(gov.id, SHORT))

    @cached_property
    def fuzzy_keys(self) -> dict[str, str]:
        """Jamo-decomposed forms of every name, for typo suggestions (강늉시 → 강릉시)."""
        return {jamo(key): key for key in self.entries}

    def candidates(self, text: str) -> list[Entry]:
        return list(self.entries.get(compact(text), ()))

    def display(self, gov_id: str) -> str:
        """The shortest form that can be pasted back and finds exactly this government."""
        gov = self.dataset.government(gov_id)
        matches = {e.gov_id for e in self.candidates(gov.name)}
        return gov.name if matches == {gov.id} else self.qualified(gov_id)

    def qualified(self, gov_id: str) -> str:
        """The province-qualified form (부산 중구), or a 광역's full name (광주광역시)."""
        gov = self.dataset.government(gov_id)
        return gov.name if gov.level == "광역" else gov.id

    def suggestions(self, text: str, limit: int = 3) -> tuple[str, ...]:
        import difflib

        close = difflib.get_close_matches(jamo(compact(text)), self.fuzzy_keys, n=limit * 3, cutoff=0.6)
        found: list[str] = []
        for key in close:
            for entry in self.entries[self.fuzzy_keys[key]]:
                shown = self.display(entry.gov_id)
                if shown not in found:
                    found.append(shown)
        return tuple(found[:limit])


def jamo(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def find_government(index: NameIndex, text: str) -> Match:
    """The one government ``text`` names; LookupFailed when none or several do."""
    shown = clean_for_message(text)
    if not normalize(text):
        raise LookupFailed("no_name")
    if len(text) > MAX_INPUT:
        raise LookupFailed("name_too_long", length=len(text))
    match = best_match(index, index.candidates(text), shown)
    if match is None:
        match = qualified_match(index, text, shown)
    if match is None:
        suggestions = index.suggestions(text)
        raise LookupFailed("no_government_suggest" if suggestions else "no_government", suggestions, name=shown)
    return match


def best_match(index: NameIndex, entries: list[Entry], shown: str) -> Match | None:
    if not entries:
        return None
    best_tier = min(entry.tier for entry in entries)
    best = {entry.gov_id for entry in entries if entry.tier == best_tier}
    if len(best) > 1:
        every = sorted({entry.gov_id for entry in entries}, key=index.dataset.position.__getitem__)
        raise LookupFailed(
            "ambiguous", tuple(index.qualified(gov_id) for gov_id in every), name=shown, count=len(every)
        )
    gov_id = best.pop()
    former = next((e.former for e in entries if e.gov_id == gov_id and e.tier == best_tier), None)
    return Match(index.dataset.government(gov_id), former)


def qualified_match(index: NameIndex, text: str, shown: str) -> Match | None:
    """``부산 중구``, ``경남 고성군``, ``Busan Jung-gu``: a province, then a name inside it."""
    words = normalize(text).split(" ")
    for cut in range(1, len(words)):
        province_text, name_text = " ".join(words[:cut]), " ".join(words[cut:])
        entries = [e for e in index.candidates(province_text) if is_province(index, e.gov_id)]
        best = min((e.tier for e in entries), default=EXACT)
        provinces = {e.gov_id for e in entries if e.tier == best}
        if len(provinces) != 1:
            continue
        province = provinces.pop()
        inside = [e for e in index.candidates(name_text) if belongs_to(index.dataset.government(e.gov_id), province)]
        found = best_match(index, inside, shown)
        if found:
            return found
    return None


def is_province(index: NameIndex, gov_id: str) -> bool:
    return index.dataset.government(gov_id).level == "광역"


def belongs_to(gov: Government, province: str) -> bool:
    return gov.belonged_to(province)


def find_province(index: NameIndex, text: str) -> Government:
    """A 광역 government for a --province filter; an unknown value is a usage error.

    The best tier decides: ``광주`` is 광주광역시 (its own short form), not 전남광주통합특별시
    (whose 약칭 광주특별시 shortens to 광주 too)."""
    entries = [e for e in index.candidates(text) if is_province(index, e.gov_id)]
    best = min((e.tier for e in entries), default=EXACT)
    found = {e.gov_id for e in entries if e.tier == best}
    if len(found) == 1:
        return index.dataset.government(found.pop())
    valid = ", ".join(g.id for g in index.dataset.governments if g.level == "광역")
    raise UsageProblem("unknown_province", value=clean_for_message(text), valid=valid)


def shared_names(dataset: Dataset) -> frozenset[str]:
    """Names, Korean or English, that more than one government goes by (중구, Jung-gu): a table
    showing one of them needs the province beside it."""
    counts = Counter(name for gov in dataset.governments for name in {gov.name, gov.name_en})
    return frozenset(name for name, count in counts.items() if count > 1)


def clean_for_message(text: str, limit: int = 40) -> str:
    """User input as it may be echoed back: printable, one line, not too long."""
    text = "".join(ch if ch.isprintable() else "?" for ch in unicodedata.normalize("NFC", text))
    return text if len(text) <= limit else text[: limit - 1] + "…"
