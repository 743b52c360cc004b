"""The `jobaward` command: parse options, call the query layer, hand the result to a renderer.

Exit codes: 0 success (an empty result too), 1 lookup failed, 2 usage error, 3 data error,
4 internal error (a bug: please report it).
"""

from __future__ import annotations

import sys

import typer

from ..errors import EXIT_INTERNAL
from . import export, lookup, userdata
from .app import app

__all__ = ["app", "export", "lookup", "run", "userdata"]


def run() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # last resort: never show a traceback
        typer.echo(f"jobaward: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_INTERNAL)
