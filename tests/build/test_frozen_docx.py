"""The frozen program writes the same Word document as the program run from its sources.

Compared part by part as normalised XML (canonical form: attribute order, namespace prefixes
and whitespace between elements do not count), never as zip bytes; the only differences
allowed are the creation and modification times in docProps/core.xml.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.build.frozen import CLI, frozen_only, run, source_command, user_env
from tests.paths import REPO

pytestmark = frozen_only

DEMO_EXPORT = ["export", "--demo", "--unit", "高青县行政审批服务局", "--year", "2020", "-o"]
# build/windows.sh hands the Windows tests the document its Linux source run wrote.
LINUX_REFERENCE = os.environ.get("NIANBAO_LINUX_REFERENCE_DOCX", "")
TIMES = ("{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified")


def normalised_parts(path: Path) -> dict[str, bytes]:
    parts = {}
    parser = etree.XMLParser(remove_blank_text=True)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if not name.endswith((".xml", ".rels")):
                parts[name] = data
                continue
            root = etree.fromstring(data, parser)
            if name == "docProps/core.xml":
                for element in [e for e in root if e.tag in TIMES]:
                    root.remove(element)
            parts[name] = etree.tostring(root, method="c14n2", strip_text=True)
    return parts


def export_with(command: list[str | Path], target: Path, home: Path, cwd: Path) -> None:
    env = user_env(home, PYTHONPATH=str(REPO))
    result = run([*command, *DEMO_EXPORT, target], env, cwd)
    assert result.returncode == 0, result.stderr


def test_frozen_and_source_runs_write_the_same_document(tmp_path: Path) -> None:
    frozen, source = tmp_path / "frozen.docx", tmp_path / "source.docx"
    export_with([CLI], frozen, tmp_path / "home-frozen", tmp_path)
    export_with(source_command(), source, tmp_path / "home-source", REPO)
    frozen_parts, source_parts = normalised_parts(frozen), normalised_parts(source)
    assert sorted(frozen_parts) == sorted(source_parts)
    different = [name for name in source_parts if frozen_parts[name] != source_parts[name]]
    assert different == []
    assert b"<w:tbl>" in frozen_parts["word/document.xml"]


@pytest.mark.skipif(
    not LINUX_REFERENCE,
    reason="needs the Linux source run's document "
    "(NIANBAO_LINUX_REFERENCE_DOCX, which build/windows.sh sets)",
)
def test_the_windows_program_writes_what_the_linux_sources_write(tmp_path: Path) -> None:
    frozen = tmp_path / "frozen.docx"
    export_with([CLI], frozen, tmp_path / "home", tmp_path)
    frozen_parts, linux_parts = normalised_parts(frozen), normalised_parts(Path(LINUX_REFERENCE))
    assert sorted(frozen_parts) == sorted(linux_parts)
    assert [name for name in linux_parts if frozen_parts[name] != linux_parts[name]] == []
