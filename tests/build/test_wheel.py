"""The wheel carries resources/ (the demo seed, the icon) and the program finds them there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.paths import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=dict(os.environ, PIP_NO_INPUT="1"),
    )
    assert result.returncode == 0, result.stderr
    [found] = out.glob("nianbao-*.whl")
    return found


def test_the_wheel_holds_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "nianbao_resources/demo/gaoqing_2020.json" in names
    assert "nianbao_resources/icons/nianbao.png" in names
    assert not any(n.startswith("nianbao_resources/screenshots/") for n in names)


def test_an_installed_wheel_finds_the_demo(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import app.resources as r, app.demo as d; "
        "print(r.resources_dir()); print(d.demo_seed_report().unit)"
    )
    # -X utf8: -I ignores PYTHONIOENCODING, and a Windows pipe would take the code page's
    # encoding, which may not have the unit's Chinese name (cp1252).
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-X",
            "utf8",
            "-c",
            f"import sys; sys.path[:0] = [{str(site)!r}]; {code}",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        cwd=tmp_path,
    )
    where, unit = result.stdout.splitlines()
    assert Path(where).is_relative_to(site)
    assert unit == "高青县行政审批服务局"
