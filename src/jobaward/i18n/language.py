"""The one choice of language: ``--lang``, else ``JOBAWARD_LANG``, else the locale.

Every part of jobaward asks here: the labels of a view (``chosen_language``), and the language of
errors and ``--help`` (``english_wanted``), which must be settled before the options are parsed
and even when the value given is one jobaward does not know.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

LANGS = ("ko", "en")


def chosen_language(given: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``given`` (the --lang value), else ``JOBAWARD_LANG``, else the locale's: ``ko`` or ``en``,
    or an unknown value as asked (lower-cased), for the caller to refuse."""
    environ = os.environ if environ is None else environ
    locale = "en" if locale_is_english(environ) else "ko"
    return (given or environ.get("JOBAWARD_LANG") or locale).strip().lower()


def english_wanted(argv: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> bool:
    """Errors and help in English: ``--lang en`` in ``argv``, else ``JOBAWARD_LANG=en``, else an
    English locale. An unknown value is skipped here (it is refused later, in the next choice's language)."""
    environ = os.environ if environ is None else environ
    given = [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "--lang"]
    given += [arg.removeprefix("--lang=") for arg in argv if arg.startswith("--lang=")]
    for chosen in [*given, environ.get("JOBAWARD_LANG", "")]:
        if chosen.strip().lower() in LANGS:
            return chosen.strip().lower() == "en"
    return locale_is_english(environ)


def locale_is_english(environ: Mapping[str, str]) -> bool:
    """The first of LC_ALL, LC_MESSAGES, LANG that is set starts with ``en`` (C and POSIX: Korean)."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return locale.lower().startswith("en")
