"""Exporting where the file cannot be written: one Chinese message, the old file intact."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.docx_writer import export_docx
from app.exporters import ExportError
from tests.app.document.reports import demo_2020

OLD = b"last year's approved report"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def mount_tmpfs(folder: Path, options: str) -> None:
    """A small file system of its own: the only way to give root a full or read-only disk."""
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)")


def unmount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], capture_output=True, check=False)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    if sys.platform == "win32":
        pytest.skip("Windows folders have no write permission bit (chmod only marks files)")
    folder = tmp_path / "只读"
    if not IS_ROOT:
        folder.mkdir()
        (folder / "年报.docx").write_bytes(OLD)
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        yield folder
        folder.chmod(stat.S_IRWXU)
        return
    mount_tmpfs(folder, "size=1m")
    try:
        (folder / "年报.docx").write_bytes(OLD)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        unmount(folder)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    if not IS_ROOT:
        pytest.skip("a full disk can only be simulated as root (a small tmpfs)")
    folder = tmp_path / "满"
    mount_tmpfs(folder, "size=12k")  # three pages: the old file fits, a new .docx does not
    try:
        (folder / "年报.docx").write_bytes(OLD)
        yield folder
    finally:
        unmount(folder)


def test_a_read_only_folder(read_only_folder: Path) -> None:
    target = read_only_folder / "年报.docx"
    with pytest.raises(ExportError, match=r"只读|没有.*权限"):
        export_docx(demo_2020(), target)
    assert target.read_bytes() == OLD
    assert [p.name for p in read_only_folder.iterdir()] == ["年报.docx"]


def test_a_new_file_in_a_read_only_folder(read_only_folder: Path) -> None:
    with pytest.raises(ExportError, match=r"没有在文件夹.*写入文件的权限"):
        export_docx(demo_2020(), read_only_folder / "新年报.docx")
    assert [p.name for p in read_only_folder.iterdir()] == ["年报.docx"]


def test_a_full_disk(full_disk: Path) -> None:
    target = full_disk / "年报.docx"
    with pytest.raises(ExportError, match=r"磁盘空间不足.*原文件保持不变"):
        export_docx(demo_2020(), target)
    assert target.read_bytes() == OLD
    assert [p.name for p in full_disk.iterdir()] == ["年报.docx"]  # no temporary file left


def test_a_target_held_by_another_program(tmp_path: Path) -> None:
    # A folder in the file's place can no more be replaced than a file Word keeps open.
    target = tmp_path / "年报.docx"
    target.mkdir()
    (target / "inside.txt").write_text("x")
    with pytest.raises(ExportError, match=r"年报.docx"):
        export_docx(demo_2020(), target)
    assert (target / "inside.txt").read_text() == "x"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]


@pytest.mark.parametrize(
    "name",
    [
        "年报?.docx",
        "年报<2020>.docx",
        'a"b.docx',
        "a|b.docx",
        "CON.docx",
        "com1.docx",
        "年报.docx.",
        "年报 ",
    ],
)
def test_a_name_windows_forbids(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportError, match="文件名"):
        export_docx(demo_2020(), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="不存在"):
        export_docx(demo_2020(), tmp_path / "没有这个文件夹" / "年报.docx")


def test_not_a_docx_name(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"应以 \.docx 结尾"):
        export_docx(demo_2020(), tmp_path / "年报.doc")


def test_a_good_export_replaces_the_old_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "年报.docx"
    target.write_bytes(OLD)
    export_docx(demo_2020(), target)
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]
