"""A layout is one module of literal data, built into the layout objects with its mistakes
named: what a person adding a layout relies on (docs/CONTRIBUTING.md)."""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any

import pytest

from app.domain import layouts
from app.domain.layout_builders import build_layout
from app.domain.layout_data import LayoutDataError
from app.domain.layouts import LAYOUTS, get_layout, layout_for_year, per_registry, registered
from tests.app.domain import layout_made_up
from tests.paths import REPO

DATA_MODULES = sorted((REPO / "app" / "domain").glob("layout_[0-9]*.py"))


@pytest.mark.parametrize(
    "path",
    [*DATA_MODULES, REPO / "tests" / "app" / "domain" / "layout_made_up.py"],
    ids=lambda p: p.name,
)
def test_a_layout_module_holds_only_literal_data(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = tree.body
    assert isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)  # docstring
    assigned = []
    for node in body[1:]:
        assert isinstance(node, ast.Assign), f"{path.name}:{node.lineno} is not an assignment"
        assert [type(t) for t in node.targets] == [ast.Name]
        ast.literal_eval(node.value)  # raises on a call, a name, an operator
        assigned += [t.id for t in node.targets if isinstance(t, ast.Name)]
    assert assigned == ["LAYOUT"]


def test_every_layout_module_is_registered_under_its_file_name() -> None:
    assert sorted(f"layout_{i}.py" for i in LAYOUTS) == [p.name for p in DATA_MODULES]


def data_2021() -> dict[str, Any]:
    from app.domain import layout_2021

    return copy.deepcopy(layout_2021.LAYOUT)


def test_a_missing_label_is_named_with_where_it_is() -> None:
    data = data_2021()
    del data["table3"]["rows"][2]["rows"][2]["rows"][0]["label"]
    with pytest.raises(LayoutDataError, match=r"table3\.rows\[2\]\.rows\[2\]\.rows\[0\]\.label"):
        build_layout(data)


def test_an_equation_naming_a_cell_the_table_lacks_is_refused() -> None:
    data = data_2021()
    data["table4"]["equations"][0]["right"] = ["upheld", "dismissed"]
    with pytest.raises(LayoutDataError, match="dismissed"):
        build_layout(data)


def test_a_message_naming_an_unknown_figure_is_refused() -> None:
    data = data_2021()
    data["table3"]["equations"][1]["message"] = "{row}：总计 {sum} ≠ {parts}"
    with pytest.raises(LayoutDataError, match=r"\{sum\}"):
        build_layout(data)


def test_a_marker_that_is_no_row_and_widths_that_do_not_fit_are_refused() -> None:
    data = data_2021()
    data["table3"]["markers"] = ["other_lost"]
    with pytest.raises(LayoutDataError, match="other_lost"):
        build_layout(data)
    data = data_2021()
    data["table2"]["column_widths"] = [54, 34, 34]
    with pytest.raises(LayoutDataError, match="column_widths"):
        build_layout(data)


def test_a_registered_layout_is_used_for_its_years_and_then_forgotten() -> None:
    before = layout_for_year(2035).id
    ids_seen = per_registry(lambda: sorted(LAYOUTS))
    assert layout_made_up.LAYOUT["id"] not in ids_seen()
    with registered(build_layout(layout_made_up.LAYOUT)) as made_up:
        assert layout_for_year(2035) is made_up
        assert layout_for_year(2030).id == before
        assert made_up.id in ids_seen()
        with pytest.raises(ValueError):
            layouts.registered(build_layout(layout_made_up.LAYOUT)).__enter__()
    assert layout_for_year(2035).id == before
    assert made_up.id not in ids_seen()
    with pytest.raises(KeyError):
        get_layout(made_up.id)
