"""Write the generated part of docs/commands.md: the ``--help`` of every command and subcommand.

    python tools/make_command_reference.py           # rewrite docs/commands.md below its marker
    python tools/make_command_reference.py --check   # exit 1 when docs/commands.md is stale

Everything above the marker line in docs/commands.md is written by hand and kept as it is;
everything below it is replaced. Help is built in Korean (the default) and in English
(``JOBAWARD_LANG=en``, the same as ``--lang en``), each in a process of its own because the
language of help is settled when the app is built, at 80 columns, as ``jobaward`` prints it.
tests/test_docs.py fails when the file differs from what this script writes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "commands.md"
COMMAND = "python tools/make_command_reference.py"
MARKER = f"<!-- Generated below this line by `{COMMAND}` from `jobaward … --help`: do not edit by hand. -->"
WIDTH = "80"
LANGUAGES = (("ko", "한국어"), ("en", "English (`--lang en`)"))


def command_paths() -> list[tuple[str, ...]]:
    """Every command path of the app, in help order: (), ("list",), …, ("official", "import"), …"""
    import typer
    from typer._click.core import Command, Context  # Typer 0.27 carries its own Click
    from typer.core import TyperGroup

    from jobaward.cli import full_app

    paths: list[tuple[str, ...]] = []

    def walk(command: Command, path: tuple[str, ...]) -> None:
        paths.append(path)
        if isinstance(command, TyperGroup):
            context = Context(command, info_name=path[-1] if path else "jobaward")
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                if sub is not None and not sub.hidden:
                    walk(sub, (*path, name))

    walk(typer.main.get_command(full_app()), ())
    return paths


def help_texts() -> dict[str, str]:
    """In this process's language: ``"list"`` → the text of ``jobaward list --help``."""
    from jobaward.cli import full_app

    texts = {}
    for path in command_paths():
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            full_app()(args=[*path, "--help"], prog_name="jobaward")
        texts[" ".join(path)] = out.getvalue()
    return texts


def collect(lang: str) -> dict[str, str]:
    """``help_texts`` run in a fresh process with only ``lang`` deciding the language."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "JOBAWARD_LANG")}
    env.update(COLUMNS=WIDTH, LANG="C.UTF-8", JOBAWARD_LANG=lang, PYTHONIOENCODING="utf-8")
    env.pop("LINES", None)
    done = subprocess.run(
        [sys.executable, __file__, "--dump"], capture_output=True, text=True, encoding="utf-8", env=env, check=True
    )
    texts: dict[str, str] = json.loads(done.stdout)
    return texts


def anchor(path: str) -> str:
    return "jobaward" + ("-" + path.replace(" ", "-") if path else "")


def generated() -> str:
    """The part of docs/commands.md below the marker."""
    by_lang = {lang: collect(lang) for lang, _ in LANGUAGES}
    paths = list(by_lang["ko"])
    lines = [MARKER, "", "## Every command's help", ""]
    lines += [f"- [`{('jobaward ' + path).strip()}`](#{anchor(path)})" for path in paths]
    for path in paths:
        lines += ["", f"### {('jobaward ' + path).strip()}", ""]
        for lang, title in LANGUAGES:
            lines += [f"{title}:", "", "```text", by_lang[lang][path].rstrip("\n"), "```", ""]
        lines.pop()
    return "\n".join(lines) + "\n"


def written_by_hand(page: str) -> str:
    head, found, _ = page.partition(MARKER)
    if not found:
        raise SystemExit(f"{PAGE}: the marker line is missing; put it where the generated part begins:\n{MARKER}")
    return head


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/commands.md is stale; write nothing")
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.dump:
        sys.stdout.write(json.dumps(help_texts(), ensure_ascii=False))
        return 0
    page = PAGE.read_text("utf-8")
    wanted = written_by_hand(page) + generated()
    if options.check:
        if page != wanted:
            print(f"{PAGE.relative_to(ROOT)} is stale: run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(wanted, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
