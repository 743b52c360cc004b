"""The one choice of language: ``--lang``, else ``JOBAWARD_LANG``, else the locale."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence


def english_wanted(argv: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> bool:
    """Errors in English: ``--lang en``, else ``JOBAWARD_LANG=en``, else an English locale."""
    environ = os.environ if environ is None else environ
    given = [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "--lang"]
    given += [arg.removeprefix("--lang=") for arg in argv if arg.startswith("--lang=")]
    for chosen in [*given, environ.get("JOBAWARD_LANG", "")]:
        if chosen.strip().lower() in ("ko", "en"):  # an unknown one is refused later, in the next choice's language
            return chosen.strip().lower() == "en"
    return locale_is_english(environ)


def locale_is_english(environ: Mapping[str, str]) -> bool:
    """The first of LC_ALL, LC_MESSAGES, LANG that is set starts with ``en`` (C and POSIX: Korean)."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return locale.lower().startswith("en")
