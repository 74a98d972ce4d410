"""No code outside the layout modules names a layout: what differs between layouts is their
data, so a new layout is one more data module and no code changes."""

from __future__ import annotations

import ast
from pathlib import Path

from app.domain.layouts import LAYOUTS
from tests.paths import REPO

# The data modules themselves: the only place a layout is named.
LAYOUT_MODULES = {f"app/domain/layout_{layout_id}.py" for layout_id in LAYOUTS}


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the docstring nodes: prose may say which layout it is about."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def layout_ids_named(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and id(node) not in skip
        and isinstance(node.value, str)
        and node.value.strip() in LAYOUTS
    ]


def test_no_code_outside_the_layout_modules_names_a_layout_id() -> None:
    found = {
        f"{path.relative_to(REPO)}:{line}": value
        for folder in ("app", "ui")
        for path in sorted((REPO / folder).rglob("*.py"))
        if path.relative_to(REPO).as_posix() not in LAYOUT_MODULES
        for line, value in layout_ids_named(path)
    }
    assert found == {}


def test_the_check_finds_a_layout_id_compared(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    layout_id = next(iter(LAYOUTS))
    sample.write_text(
        f'"""About layout {layout_id}."""\n\n'
        f'def f(report):\n    return report.layout_id == "{layout_id}"\n',
        encoding="utf-8",
    )
    assert layout_ids_named(sample) == [(4, layout_id)]
