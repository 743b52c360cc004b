"""The one error path: whatever goes wrong, one ``jobaward:`` line on stderr and a documented code.

``JobawardGroup.main`` runs the app with Click's own error printing turned off, so Click's usage
errors (an unknown option, a bad ``--format``, a missing argument) come here and are printed as
one line, in Korean or English, instead of Click's usage text. A fault of the machine rather than
of jobaward (a full disk, a closed stdout, a read-only directory) is exit 2 or 3; exit 4 is left
for real bugs.
"""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Sequence
from typing import Any

from typer._click import exceptions as click_errors
from typer.core import TyperGroup
from typer.exceptions import Abort

from jobaward.errors import EXIT_INTERNAL, EXIT_USAGE
from jobaward.i18n.language import english_wanted
from jobaward.i18n.messages import message, system_reason


def print_error(line: str) -> None:
    """One line on stderr (control characters shown escaped), as UTF-8 whatever the locale says."""
    from jobaward.output.text import one_line

    data = (one_line(line) + "\n").encode("utf-8", "replace")
    try:
        stream = getattr(sys.stderr, "buffer", None)
        if stream is None:
            sys.stderr.write(data.decode("utf-8"))
            return
        sys.stderr.flush()
        stream.write(data)
        stream.flush()
    except (OSError, ValueError, AttributeError):  # no stderr at all: the exit code still tells
        return


def say(key: str, english: bool, **fields: object) -> None:
    print_error(f"jobaward: {message(key, english, **fields)}")


def usage_message(error: click_errors.UsageError, english: bool) -> str:
    """Click's usage error as our own one line, translated."""
    text = error.message
    if isinstance(error, click_errors.NoSuchOption):
        return message("no_such_option", english, option=error.option_name)
    if isinstance(error, click_errors.MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else "option")
        key = "missing_argument" if kind == "argument" else "missing_option"
        return message(key, english, name=parameter_name(error.param) if error.param else "?")
    if isinstance(error, click_errors.BadOptionUsage) and text.endswith("requires an argument."):
        return message("option_needs_value", english, option=error.option_name)
    if isinstance(error, click_errors.BadParameter) and error.param is not None:
        return bad_parameter(error, english)
    found = re.fullmatch(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", text)
    if found:
        key = "no_such_command_suggest" if found[2] else "no_such_command"
        return message(key, english, command=found[1], suggestion=found[2])
    found = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", text)
    if found:
        return message("extra_arguments", english, arguments=found[1])
    return message("usage", english, detail=error.format_message())


def parameter_name(param: Any) -> str:
    """``--year`` for an option, ``NAME`` for an argument."""
    opts = [opt for opt in getattr(param, "opts", []) if opt.startswith("--")]
    return opts[0] if opts else str(getattr(param, "human_readable_name", param.name)).upper()


def bad_parameter(error: click_errors.BadParameter, english: bool) -> str:
    """A value Click refused: a choice (``--format xml``), a number out of range, or anything else."""
    param = error.param
    option = parameter_name(param)
    found = re.match(r"'?(.*?)'? is not", error.message)
    value = found[1] if found else ""
    kind: Any = getattr(param, "type", None)
    choices = getattr(kind, "choices", None)
    if choices is not None and found:
        return message("bad_choice", english, option=option, value=value, valid=", ".join(map(str, choices)))
    if hasattr(kind, "min") and hasattr(kind, "max") and found:
        if kind.max is None and kind.min is not None:
            return message("bad_integer_from", english, option=option, value=value, low=kind.min)
        low = "" if kind.min is None else kind.min
        high = "" if kind.max is None else kind.max
        return message("bad_integer", english, option=option, value=value, low=low, high=high)
    found = re.fullmatch(r"(?:File|Path) '(.*)' is a directory\.", error.message)
    if found:
        return message("output_is_directory", english, path=found[1])
    return message("bad_value", english, option=option, detail=error.message)


def os_fault(error: OSError, english: bool) -> int:
    """An environment fault nobody caught closer to where it happened: exit 2, one line."""
    reason = system_reason(error)
    if error.filename:
        say("cannot_write", english, path=error.filename, reason=reason)
    else:
        say("stdout_failed", english, reason=reason)
    return EXIT_USAGE


def lang_where_it_goes(group: Any, argv: list[str]) -> list[str]:
    """``--lang`` wherever a person puts it: ``jobaward --lang en list …`` → ``jobaward list …
    --lang en``; for a command without the option (``official``, ``data path``, ``--help`` alone)
    it is dropped, since help and errors have already read their language from the command line.
    """
    lang = [i for i, arg in enumerate(argv) if arg.startswith("--lang=")]
    lang += [j for i, arg in enumerate(argv[:-1]) if arg == "--lang" for j in (i, i + 1)]
    if not lang:
        return argv
    rest = [arg for i, arg in enumerate(argv) if i not in lang]
    command = group
    for word in (arg for arg in rest if not arg.startswith("-")):
        command = getattr(command, "commands", {}).get(word)
        if command is None or not hasattr(command, "commands"):
            break
    takes_lang = command is not None and any(param.name == "lang" for param in command.params)
    is_group = hasattr(command, "commands")  # a group shows --lang in its help; help has read it already
    return [*rest, *(argv[i] for i in sorted(lang))] if takes_lang and not is_group else rest


class JobawardGroup(TyperGroup):
    """The app's top-level group: Click's errors go through our one error path.

    ``english`` is the error language this run's command line and environment chose.
    """

    english = False

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, complete_var: str | None = None) -> None:
        """TAB in a shell: Typer's completion, with bash's values escaped (cli/options.shell_word)."""
        from jobaward.cli.options import use_escaping_bash_completion

        use_escaping_bash_completion()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        self.english = english_wanted(given)
        for param in self.params:
            if param.name == "install_completion":
                param.callback = install_completion
        argv = lang_where_it_goes(self, given)
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        english = self.english
        try:
            result = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as error:
            error.show()
            sys.exit(EXIT_USAGE)
        except click_errors.UsageError as error:
            print_error(f"jobaward: {usage_message(error, english)}")
            sys.exit(EXIT_USAGE)
        except click_errors.ClickException as error:
            say("usage", english, detail=error.format_message())
            sys.exit(EXIT_USAGE)
        except Abort:
            say("interrupted", english)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except OSError as error:
            if error.errno == errno.EPIPE:
                sys.exit(0)
            sys.exit(os_fault(error, english))
        sys.exit(result if type(result) is int else 0)


#: The start-up file each shell's completion is hooked into (fish and PowerShell need none).
SHELL_RC_FILES = {"bash": ".bashrc", "zsh": ".zshrc"}


def install_completion(context: Any, param: Any, value: Any) -> Any:
    """``--install-completion``, saying in the user's language which files it wrote and edited."""
    if not value or context.resilient_parsing:
        return value
    from pathlib import Path

    from typer._completion_shared import install

    english = bool(getattr(context.find_root().command, "english", False))
    shell, path = install(shell=value) if isinstance(value, str) else install()
    rc_file = SHELL_RC_FILES.get(shell)
    if rc_file:
        text = message("completion_installed_rc", english, shell=shell, path=path, rc=Path.home() / rc_file)
    else:
        text = message("completion_installed", english, shell=shell, path=path)
    print(text)
    sys.exit(0)


def internal_error(error: BaseException, english: bool) -> int:
    say("internal", english, detail=f"{type(error).__name__}: {error}")
    return EXIT_INTERNAL
