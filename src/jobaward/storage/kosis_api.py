"""The KOSIS OpenAPI client: one GET, only when the user asks, with the user's own key.

The request is the form third-party clients (PublicDataReader, the R ``kosis`` package) use for
statisticsParameterData; it was not tried against the live server from here. Tests replay
recorded responses (tests/fixtures/).
"""

from __future__ import annotations

from urllib.parse import urlencode

from jobaward.errors import DataError, UsageProblem, problem
from jobaward.i18n.messages import system_reason
from jobaward.storage.kosis_files import RawRow, read_api_response

ENDPOINT = "https://kosis.kr/openapi/Param/statisticsParameterData.do"
TABLE = {"orgId": "101", "tblId": "DT_1ES3A03_A01S"}
TIMEOUT_SECONDS = 30


def api_period(period: str, option: str = "--from") -> str:
    """``2025-H1`` → ``202501``, KOSIS's form for a half-year."""
    year, _, half = period.strip().upper().partition("-H")
    if len(year) != 4 or not (year.isascii() and year.isdigit()) or half not in ("1", "2"):
        raise UsageProblem("bad_half_year", option=option, value=period)
    return f"{year}0{half}"


def request_url(key: str, start: str, end: str) -> str:
    query = {
        "method": "getList",
        "apiKey": key,
        **TABLE,
        "itmId": "ALL",
        "objL1": "ALL",
        "objL2": "ALL",
        "format": "json",
        "jsonVD": "Y",
        "prdSe": "H",
        "startPrdDe": api_period(start, "--from"),
        "endPrdDe": api_period(end, "--to"),
    }
    return f"{ENDPOINT}?{urlencode(query)}"


def fetch_regional(key: str, start: str, end: str) -> list[RawRow]:
    """The table's rows for the half-years asked. The key never appears in a message."""
    import urllib.error
    import urllib.request

    url = request_url(key, start, end)
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            body = response.read().decode("utf-8-sig")
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, OSError):
            reason = system_reason(reason)
        raise DataError([problem("KOSIS OpenAPI", "0", "request_failed", reason=reason)]) from None
    return read_api_response(body, "KOSIS OpenAPI")
