"""The demo reports written as .docx, compared part by part with stored expectations.

The expectations under golden/ are the reviewed output: normalised document.xml, styles,
settings and both footers (never the .docx bytes, whose zip entries carry timestamps). After a
deliberate change to the writer or to the demo seed, regenerate them with
    NIANBAO_UPDATE_GOLDEN=1 python -m pytest tests/app/docx_writer/test_golden.py
and review the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.docx_writer import export_docx
from app.domain.report import Report
from tests.app.document.reports import demo_2020, demo_2021
from tests.app.docx_writer.docx_parts import compared_parts

GOLDEN = Path(__file__).parent / "golden"
NOW = dt.datetime(2021, 1, 21, 9, 0, tzinfo=dt.UTC)
UPDATE = os.environ.get("NIANBAO_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize(("name", "make"), [("demo_2020", demo_2020), ("demo_2021", demo_2021)])
def test_the_demo_report_matches_the_stored_document(
    tmp_path: Path, name: str, make: Callable[[], Report]
) -> None:
    target = tmp_path / f"{name}.docx"
    export_docx(make(), target, now=NOW)
    parts = compared_parts(target)
    folder = GOLDEN / name
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for short, text in parts.items():
            (folder / short).write_text(text, encoding="utf-8")
    for short, text in parts.items():
        expected = (folder / short).read_text(encoding="utf-8")
        if text != expected:
            diff = "".join(
                list(
                    difflib.unified_diff(
                        expected.splitlines(keepends=True),
                        text.splitlines(keepends=True),
                        f"golden/{name}/{short}",
                        "written",
                    )
                )[:60]
            )
            pytest.fail(f"{short} differs from the stored expectation:\n{diff}")
