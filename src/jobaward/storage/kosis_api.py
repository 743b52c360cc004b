"""The KOSIS OpenAPI client: one GET (two at most), only when the user asks, with the user's own key.

The request is the form third-party clients (PublicDataReader, the R ``kosis`` package) use for
statisticsParameterData; it was not tried against the live server from here. Those clients
disagree on the half-year code (``prdSe=H`` or ``S``): a wrong one draws KOSIS error 20, 21 or
30, so on those the other is tried once and the answer says which worked. Tests replay recorded
responses (tests/fixtures/kosis/); none touches the network.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlencode

from jobaward.errors import DataError, UsageProblem, problem
from jobaward.i18n.messages import Bilingual, message, system_reason
from jobaward.model import NATIONAL, REGIONAL
from jobaward.storage.kosis_files import Table, kosis_error, parse_response, read_api_response

ENDPOINT = "https://kosis.kr/openapi/Param/statisticsParameterData.do"
#: The tables fetched: 지역별고용조사 시군구/연령별 취업자 및 고용률 (half-yearly) and
#: 경제활동인구조사 행정구역(시도)별 경제활동인구 (annual), both of 통계청 (orgId 101).
TABLES = {REGIONAL: "DT_1ES3A03_A01S", NATIONAL: "DT_1DA7004S"}
HALF_YEAR_CODES = ("H", "S")
#: KOSIS errors a wrong period code draws (then the other half-year code is tried once).
PERIOD_CODE_ERRORS = ("20", "21", "30")
#: KOSIS error code → the message key of a one-line hint.
ERROR_HINTS = {
    "10": "kosis_hint_key",
    "11": "kosis_hint_key",
    "20": "kosis_hint_request",
    "21": "kosis_hint_request",
    "30": "kosis_hint_no_data",
    "31": "kosis_hint_too_many",
    "40": "kosis_hint_limit",
    "41": "kosis_hint_limit",
    "42": "kosis_hint_limit",
    "50": "kosis_hint_server",
}
TIMEOUT_SECONDS = 30
KEY_FILE_NAME = "kosis_key"


def api_period(period: str, option: str = "--from") -> str:
    """``2025-H1`` → ``202501``, KOSIS's form for a half-year."""
    year, _, half = period.strip().upper().partition("-H")
    if len(year) != 4 or not (year.isascii() and year.isdigit()) or half not in ("1", "2"):
        raise UsageProblem("bad_half_year", option=option, value=period)
    return f"{year}0{half}"


def api_year(period: str, option: str = "--from") -> str:
    """``2024`` → ``2024``; anything else is a usage error."""
    year = period.strip()
    if len(year) != 4 or not year.isascii() or not year.isdigit():
        raise UsageProblem("bad_year", option=option, value=period)
    return year


def request_url(key: str, start: str, end: str, survey: str = REGIONAL, code: str = "H") -> str:
    """The request for ``survey``'s table from ``start`` to ``end`` (half-years, or years for 시·도)."""
    half = survey == REGIONAL
    query = {
        "method": "getList",
        "apiKey": key,
        "orgId": "101",
        "tblId": TABLES[survey],
        "itmId": "ALL",
        "objL1": "ALL",
        "objL2": "ALL" if half else "",
        "format": "json",
        "jsonVD": "Y",
        "prdSe": code if half else "Y",
        "startPrdDe": api_period(start, "--from") if half else api_year(start, "--from"),
        "endPrdDe": api_period(end, "--to") if half else api_year(end, "--to"),
    }
    return f"{ENDPOINT}?{urlencode({name: value for name, value in query.items() if value})}"


class Fetched(NamedTuple):
    table: Table
    code: str  # the period code that worked
    retried: str  # the KOSIS error code that made it try the other half-year code, or ""


def fetch(key: str, start: str, end: str, survey: str = REGIONAL) -> Fetched:
    """``survey``'s table for the periods asked. The key never appears in a message."""
    codes = HALF_YEAR_CODES if survey == REGIONAL else ("Y",)
    body = get(request_url(key, start, end, survey, codes[0]))
    error = kosis_error(parse_response(body, "KOSIS OpenAPI"))
    if error is not None and error[0] in PERIOD_CODE_ERRORS and len(codes) > 1:
        retry = get(request_url(key, start, end, survey, codes[1]))
        if kosis_error(parse_response(retry, "KOSIS OpenAPI")) is None:
            return Fetched(read_api_response(retry, "KOSIS OpenAPI"), codes[1], error[0])
    if error is not None:
        refused(*error)
    return Fetched(read_api_response(body, "KOSIS OpenAPI"), codes[0], "")


def refused(code: str, detail: str) -> None:
    """KOSIS's error as a data error, with the hint for its code when there is one."""
    hint = ERROR_HINTS.get(code.strip())
    if hint is None:
        raise DataError([problem("KOSIS OpenAPI", "0", "kosis_error", code=code, detail=detail)])
    said = Bilingual(message(hint, True), message(hint, False))
    raise DataError([problem("KOSIS OpenAPI", "0", "kosis_error_hint", code=code, detail=detail, hint=said)])


def get(url: str) -> str:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            data: bytes = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, OSError):
            reason = system_reason(reason)
        raise DataError([problem("KOSIS OpenAPI", "0", "request_failed", reason=reason)]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError([problem("KOSIS OpenAPI", "0", "not_utf8")]) from None


def key_file() -> Path:
    from jobaward.storage.paths import user_dir

    return user_dir("config") / KEY_FILE_NAME


def stored_key() -> str | None:
    """The key in the user's config directory (``kosis_key``), if there is one.

    The file must be readable by its owner only: a key others can read is refused, not used.
    """
    path = key_file()
    try:
        info = path.stat()
    except OSError:
        return None
    if os.name != "nt" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UsageProblem("key_file_readable", path=path, mode=oct(stat.S_IMODE(info.st_mode)))
    from jobaward.storage.files import read_data_text

    key = read_data_text(path).strip()
    return key or None
