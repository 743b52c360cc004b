"""The `jobaward` command: parse options, call the query layer, hand the result to a renderer.

Exit codes: 0 success (an empty result too), 1 lookup failed, 2 usage error, 3 data error,
4 internal error (a bug: please report it).

Commands live in modules of their own and register on import. ``run`` imports only the module
of the command being run, so Typer builds a few commands instead of all of them (start-up
time); help, completion and unknown commands get the full app.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

#: Which module defines each top-level command.
COMMAND_MODULES = {
    "list": "lookup",
    "show": "lookup",
    "compare": "lookup",
    "stats": "lookup",
    "export": "export",
    "validate": "userdata",
    "data": "userdata",
    "add": "userdata",
}


def full_app() -> Any:
    for module in dict.fromkeys(COMMAND_MODULES.values()):  # help lists commands in this order
        importlib.import_module(f"{__name__}.{module}")
    from .common import app

    return app


def app_for(argv: list[str]) -> Any:
    """The app with just the module that ``argv``'s command needs, or all of them."""
    completing = any(key.endswith("_COMPLETE") for key in os.environ)
    command = argv[1] if len(argv) > 1 else ""
    if completing or command not in COMMAND_MODULES or "--help" in argv or "-h" in argv:
        return full_app()
    importlib.import_module(f"{__name__}.{COMMAND_MODULES[command]}")
    from .common import app

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
    """Console-script entry point."""
    from ..errors import EXIT_INTERNAL

    try:
        app_for(sys.argv)()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # last resort: never show a traceback
        sys.stderr.write(f"jobaward: internal error: {type(error).__name__}: {error}\n")
        sys.exit(EXIT_INTERNAL)
