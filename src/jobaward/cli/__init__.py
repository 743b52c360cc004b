"""The `jobaward` command: parse options, call the query layer, hand the result to a renderer.

Exit codes: 0 success (an empty result too), 1 lookup failed, 2 usage error, 3 data error,
4 internal error (a bug: please report it).

Commands live in modules of their own and register on import. ``run`` imports only the module
of the command being run, so Typer builds a few commands instead of all of them (start-up
time); help, completion and unknown commands get the full app.
"""

from __future__ import annotations

import errno
import gc
import importlib
import io
import os
import sys
from typing import Any

#: Which module defines each top-level command.
COMMAND_MODULES = {
    "list": "list_awards",
    "show": "show",
    "compare": "compare",
    "stats": "stats",
    "export": "export",
    "validate": "userdata",
    "data": "userdata",
    "add": "userdata",
    "official": "official",
}


def full_app() -> Any:
    for module in dict.fromkeys(COMMAND_MODULES.values()):  # help lists commands in this order
        importlib.import_module(f"{__name__}.{module}")
    from jobaward.cli.root import app

    return app


def app_for(argv: list[str]) -> Any:
    """The app with just the module that ``argv``'s command needs, or all of them."""
    completing = any(key.endswith("_COMPLETE") for key in os.environ)
    command = argv[1] if len(argv) > 1 else ""
    if completing or command not in COMMAND_MODULES or "--help" in argv or "-h" in argv:
        return full_app()
    importlib.import_module(f"{__name__}.{COMMAND_MODULES[command]}")
    from jobaward.cli.root import app

    # Typer builds every registered command before running one: keep only the one asked for
    app.registered_commands = [info for info in app.registered_commands if command_name(info) == command]
    return app


def command_name(info: Any) -> str:
    """The name a Typer ``CommandInfo`` is run by: its own, or its function's (as Typer derives it)."""
    return str(info.name or info.callback.__name__.lower().replace("_", "-"))


def __getattr__(name: str) -> Any:
    """``from jobaward.cli import app`` gives the app with every command."""
    if name == "app":
        return full_app()
    raise AttributeError(name)


def run() -> None:
    """Console-script entry point: the app, then stdout flushed, every fault as one line."""
    without_cycle_collector()
    from jobaward.cli.errorpath import internal_error, os_fault
    from jobaward.i18n.language import english_wanted

    english = english_wanted(sys.argv[1:])
    standard_streams()
    code: str | int | None = 0
    try:
        app_for(sys.argv)()
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    except OSError as error:
        code = os_fault(error, english)
    except Exception as error:  # last resort: never show a traceback
        code = internal_error(error, english)
    code = flushed(code, english)
    gc.freeze()  # the interpreter's last collection at exit skips frozen objects
    sys.exit(code)


def without_cycle_collector() -> None:
    """A command runs for a fraction of a second and keeps nearly all it builds (modules, records,
    the table) until it exits: the cyclic garbage collector's passes over those objects find next
    to nothing and cost about 9 ms a run (BENCHMARKS.md). Memory is still freed as usual by
    reference counting; only reference cycles wait for the process to end."""
    gc.disable()


def standard_streams() -> None:
    """UTF-8 out whatever the locale says; a closed stdout fails when written, not at start-up."""
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(ClosedStream()), encoding="utf-8")
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")


class ClosedStream(io.RawIOBase):
    """Standard output when the shell closed it (``>&-``): the first write fails with EBADF."""

    failed = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.failed:  # reported once; the interpreter's final flush must not fail again
            return len(data)
        self.failed = True
        raise OSError(errno.EBADF, "standard output is closed")


def flushed(code: str | int | None, english: bool) -> str | int | None:
    """Flush stdout now, so a full disk or a closed pipe is reported (and not at interpreter exit)."""
    from jobaward.cli.errorpath import os_fault

    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
        return code
    except (OSError, ValueError) as error:
        quiet_stdout()
        if code in (0, None) and isinstance(error, OSError):
            return os_fault(error, english)
    return code


def quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's own final flush has nothing to fail on."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = None
