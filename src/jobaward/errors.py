"""The project's own errors, each with the exit code the CLI documents."""

from __future__ import annotations

from typing import NamedTuple

EXIT_OK = 0
EXIT_LOOKUP = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_INTERNAL = 4


class JobawardError(Exception):
    exit_code = EXIT_LOOKUP

    def lines(self) -> list[str]:
        """The message as the CLI prints it, one line each."""
        return [str(self)]


class Problem(NamedTuple):
    """One thing wrong with a data file; ``where`` is ``LINE:COL`` or a record path."""

    origin: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}:{self.where}: {self.message}"


class DataError(JobawardError):
    """A data file is missing, unreadable, not TOML, or breaks the schema."""

    exit_code = EXIT_DATA

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems

    def lines(self) -> list[str]:
        return [f"data error: {problem}" for problem in self.problems]


class LookupFailed(JobawardError):
    """A name the user typed matches no government, or more than one."""

    exit_code = EXIT_LOOKUP

    def __init__(self, message: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates

    def lines(self) -> list[str]:
        return [str(self), *(f"  {candidate}" for candidate in self.candidates)]


class UsageProblem(JobawardError):
    """An option's value is not one the command accepts."""

    exit_code = EXIT_USAGE
