"""The layers, by path: every import in src/jobaward runs down the layer order, never up.

    model < i18n < errors < storage | query < output < cli

storage (disk and network) and query (pure functions) are peers that never import each other;
the package's own ``__init__`` (the library facade) and ``__main__`` may reach anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "jobaward"
RANK = {"model": 0, "i18n": 1, "errors": 2, "storage": 3, "query": 3, "output": 4, "cli": 5}
TOP = {"__init__", "__main__"}


def layer(module: str) -> str:
    """``jobaward.storage.files`` → ``storage``; ``jobaward.model`` → ``model``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "relative"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("jobaward"):
            targets = [node.module] if node.module != "jobaward" else [f"jobaward.{a.name}" for a in node.names]
            found += [(node.lineno, target) for target in targets if target]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("jobaward")]
    return found


def test_no_import_runs_against_the_layer_order() -> None:
    wrong = []
    for path in sorted(SOURCE.rglob("*.py")):
        here = layer("jobaward." + ".".join(path.relative_to(SOURCE).with_suffix("").parts))
        if here in TOP:
            continue
        assert here in RANK, f"{path.relative_to(SOURCE)} is in no layer: add it to RANK or move it"
        for line, target in imports(path):
            if target == "relative":
                wrong.append(f"{path.relative_to(SOURCE)}:{line}: a relative import (write jobaward.…)")
                continue
            there = layer(target)
            allowed = there == here or RANK.get(there, 9) < RANK[here] or target == "jobaward.__version__"
            if not allowed:
                wrong.append(f"{path.relative_to(SOURCE)}:{line}: {here} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_command_module_imports_another() -> None:
    """A command's module imports the CLI's shared pieces (root, options, help_text, errorpath), never
    another command's: what two commands share belongs in a lower layer or in cli/options.py."""
    from jobaward.cli import COMMAND_MODULES

    commands = set(COMMAND_MODULES.values())
    wrong = [
        f"cli/{name}.py:{line}: imports {target}"
        for name in sorted(commands)
        for line, target in imports(SOURCE / "cli" / f"{name}.py")
        if target.startswith("jobaward.cli.") and target.split(".")[2] in commands
    ]
    assert not wrong, "\n".join(wrong)


def test_at_most_five_modules_sit_loose_in_the_package() -> None:
    loose = sorted(p.name for p in SOURCE.glob("*.py"))
    assert len(loose) <= 5, loose


def test_the_check_itself_sees_a_back_arrow(tmp_path: Path) -> None:
    """The walker finds an upward import (so the test above can fail)."""
    module = tmp_path / "x.py"
    module.write_text("from jobaward.cli.root import app\nfrom jobaward import __version__\n", "utf-8")
    assert imports(module) == [(1, "jobaward.cli.root"), (2, "jobaward.__version__")]
    assert RANK[layer("jobaward.cli.root")] > RANK[layer("jobaward.storage.files")]
