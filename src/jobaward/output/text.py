"""Numbers, money and changes as people read them. Plain strings, no Rich."""

from __future__ import annotations

import re
import unicodedata

from jobaward.i18n.labels import Labels
from jobaward.model import Measurement, Number
from jobaward.query.awards import Change

KOREAN_UNITS = ((10**12, "조"), (10**8, "억"), (10**4, "만"))


def won(amount: int, english: bool = False) -> str:
    """135000000 → '1억 3,500만원'; 55000000 → '5,500만원'; English: '₩135,000,000'."""
    if english:
        return f"-₩{-amount:,}" if amount < 0 else f"₩{amount:,}"
    if amount == 0:
        return "0원"
    sign, rest = ("-" if amount < 0 else ""), abs(amount)
    parts = []
    for size, unit in KOREAN_UNITS:
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{count:,}{unit}")
    if rest:
        parts.append(f"{rest:,}")
    return sign + " ".join(parts) + "원"


#: Digits within a 만/억/조 group, as in 5천만원 or 3백만원.
SMALL_UNITS = {"천": 1000, "백": 100, "십": 10}
WON_TOKEN = re.compile(r"\d[\d,]*|[천백십조억만]|\S")


def parse_won(text: str) -> int | None:
    """The inverse of ``won``: '1억 3,500만원', '7000만원', '1억 5천만원', '9천만원', '55000000',
    '₩55,000,000' → whole won; None when ``text`` is not an amount in one of these forms."""
    cleaned = text.strip().removeprefix("₩").removesuffix("원").replace(" ", "")
    if not cleaned:
        return None
    big = dict((unit, size) for size, unit in KOREAN_UNITS)
    total = group = 0
    pending: int | None = None
    last_big = last_small = 10**16
    for token in WON_TOKEN.findall(cleaned):
        if token[0].isdigit():
            if pending is not None or not re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", token):
                return None
            pending = int(token.replace(",", ""))
        elif token in SMALL_UNITS:
            if SMALL_UNITS[token] >= last_small:
                return None
            group += (1 if pending is None else pending) * SMALL_UNITS[token]
            pending, last_small = None, SMALL_UNITS[token]
        elif token in big:
            if big[token] >= last_big:
                return None
            group += 1 if pending is None and group == 0 else (pending or 0)
            total += group * big[token]
            group, pending, last_big, last_small = 0, None, big[token], 10**16
        else:
            return None
    return total + group + (pending or 0)


def number(value: Number) -> str:
    """112500 → '112,500'; 67.2 → '67.2'; 70.0 → '70'."""
    if isinstance(value, float):
        if value.is_integer():
            return f"{int(value):,}"
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{value:,}"


def signed(value: Number) -> str:
    return ("+" if value > 0 else "") + number(value)


def amount(value: Number, unit: str, labels: Labels) -> str:
    """A measured value with its unit: '112,500명', '67.2%', '1조 2,126억원'."""
    if unit == "원" and isinstance(value, int):
        return won(value, labels.english)
    return f"{number(value)}{labels.unit(unit)}"


def measurement(m: Measurement | None, unit: str, labels: Labels) -> str:
    if m is None:
        return ""
    text = amount(m.value, unit, labels)
    return f"{text} ({m.period})" if m.period else text


def change_text(change: Change | None, unit: str, labels: Labels) -> str:
    if change is None:
        return ""
    if change.in_points:
        return f"{signed(change.absolute)}%p"
    if unit == "원" and isinstance(change.absolute, int):
        return ("+" if change.absolute > 0 else "") + won(change.absolute, labels.english)
    return signed(change.absolute)


def percent_text(change: Change | None) -> str:
    if change is None or change.percent is None:
        return ""
    return f"{change.percent:+.1f}%"


def points(value: Number) -> str:
    return f"{signed(value)}%p"


def printable(text: str, keep: str = "\n") -> str:
    """Data text made safe for a terminal: NFC, control characters (escape codes too) removed.

    Unpaired surrogates (from undecodable arguments) are control characters too: removed.
    """
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # no control or format characters at all: nothing to remove (most text)
        return text
    return "".join(ch for ch in text if ch in keep or unicodedata.category(ch)[0] != "C")


#: How a control character is shown in a one-line message.
SHOWN_CONTROLS = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """A message as one line: NFC, control and format characters (a newline in a file name, an
    escape code, a bidi override) shown escaped (``\\n``, ``\\x1b``, ``\\u202e``), never run."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():
        return text
    return "".join(ch if unicodedata.category(ch)[0] != "C" else escaped(ch) for ch in text)


def escaped(ch: str) -> str:
    code = ord(ch)
    if ch in SHOWN_CONTROLS:
        return SHOWN_CONTROLS[ch]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
