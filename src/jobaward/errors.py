"""The project's own errors, each with the exit code the CLI documents.

Their words come from the catalogue (i18n/messages.py), in the language the CLI chooses when it
prints them (i18n/language.py).
"""

from __future__ import annotations

from typing import NamedTuple

from jobaward.i18n.messages import MESSAGES, message

EXIT_OK = 0
EXIT_LOOKUP = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_INTERNAL = 4


class JobawardError(Exception):
    exit_code = EXIT_LOOKUP

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields

    def __str__(self) -> str:
        return message(self.key, True, **self.fields)

    def lines(self, english: bool = True) -> list[str]:
        """The message as the CLI prints it, one line each."""
        return [message(self.key, english, **self.fields)]


#: The ``where`` of a problem with a whole file (missing, unreadable, not UTF-8): no position.
FILE_LEVEL = "0:0"


class Problem(NamedTuple):
    """One thing wrong with a data file; ``where`` is ``LINE:COL`` or a record path.

    ``message`` is the English text; ``key`` and ``values`` give it in either language.
    """

    origin: str
    where: str
    message: str
    key: str = ""
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return f"{self.origin}:{self.where}: {self.message}"

    def text(self, english: bool) -> str:
        return message(self.key, english, **dict(self.values)) if self.key in MESSAGES else self.message

    @property
    def place(self) -> str:
        """``FILE:WHERE``, or just ``FILE`` for a problem with the whole file (``where`` 0:0)."""
        return self.origin if self.where == FILE_LEVEL else f"{self.origin}:{self.where}"

    def shown(self, english: bool) -> str:
        return f"{self.place}: {self.text(english)}"


def problem(origin: str, where: str, key: str, **values: object) -> Problem:
    """A Problem whose message comes from the catalogue."""
    return Problem(origin, where, message(key, True, **values), key, tuple(values.items()))


class DataError(JobawardError):
    """A data file is missing, unreadable, not TOML, or breaks the schema."""

    exit_code = EXIT_DATA

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems

    #: The most problems printed one by one; the rest are counted in one more line.
    MAX_SHOWN = 100

    def lines(self, english: bool = True) -> list[str]:
        shown = [
            message("data_error", english, problem=found.shown(english)) for found in self.problems[: self.MAX_SHOWN]
        ]
        rest = len(self.problems) - self.MAX_SHOWN
        return shown + ([message("more_problems", english, count=rest)] if rest > 0 else [])


class LookupFailed(JobawardError):
    """A name the user typed matches no government, or more than one."""

    exit_code = EXIT_LOOKUP

    def __init__(self, key: str, candidates: tuple[str, ...] = (), **fields: object) -> None:
        super().__init__(key, **fields)
        self.candidates = candidates

    def lines(self, english: bool = True) -> list[str]:
        return [message(self.key, english, **self.fields), *(f"  {candidate}" for candidate in self.candidates)]


class NamesNotFound(LookupFailed):
    """Several names given at once, some matching no government (or several): all named in one error."""

    def __init__(self, failed: list[tuple[str, LookupFailed]]) -> None:
        listed = ", ".join(f"'{name}'" for name, _ in failed)
        super().__init__("names_not_found", count=len(failed), listed=listed)
        self.failed = failed

    def lines(self, english: bool = True) -> list[str]:
        """The summary, then each name with its own message and candidates, indented."""
        lines = [message(self.key, english, **self.fields)]
        for name, error in self.failed:
            first, *candidates = error.lines(english)
            lines += [f"  {name}: {first}", *(f"  {candidate}" for candidate in candidates)]
        return lines


class UsageProblem(JobawardError):
    """An option's value is not one the command accepts."""

    exit_code = EXIT_USAGE


class OutputProblem(UsageProblem):
    """Output cannot be written where the user asked (a directory, a read-only file, a full disk)."""


class AlreadyRecorded(JobawardError):
    """`add` was given a record whose key is already loaded: nothing is written."""

    exit_code = EXIT_DATA


class EnvironmentProblem(JobawardError):
    """The data files or directories cannot be read or written (permissions, a full disk)."""

    exit_code = EXIT_DATA
