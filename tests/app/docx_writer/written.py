"""The demo reports written once per test session, for the XML-level tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.document.profile import OFFICIAL, WINDOWS, LayoutProfile
from app.docx_writer import export_docx
from tests.app.document.reports import demo_2020, demo_2021


def written(folder: Path, year: int, profile: LayoutProfile = OFFICIAL) -> Path:
    target = folder / f"demo_{year}_{profile.name}.docx"
    if not target.exists():
        export_docx(demo_2020() if year == 2020 else demo_2021(), target, profile)
    return target


@pytest.fixture(scope="session")
def docx_2020(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return written(tmp_path_factory.mktemp("docx"), 2020)


@pytest.fixture(scope="session")
def docx_2021(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return written(tmp_path_factory.mktemp("docx"), 2021)


@pytest.fixture(scope="session")
def docx_windows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return written(tmp_path_factory.mktemp("docx"), 2020, WINDOWS)
