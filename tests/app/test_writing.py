"""Every write: the right name or a Chinese reason, the old file kept (with its permissions) until
the new one is whole and on the disk, and no temporary file left behind, even from a crash."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.exporters import ExportError, export_report
from app.readers.files import read_report_file
from app.writing import STALE_AFTER_S, describe_os_error, temp_prefix, write_replacing
from tests.app.docx_writer.test_export_errors import IS_ROOT, mount_tmpfs, unmount
from tests.paths import REPO, SEED


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    "name",
    [
        "COM0.json",
        "lpt0.json",
        "CONIN$.json",
        "conout$.json",
        "COM¹.json",
        "LPT³.json",
        "Con .json",
        "NUL.tar.json",
    ],
)
def test_names_windows_reserves_are_refused_with_the_reason(tmp_path: Path, name: str) -> None:
    report = read_report_file(SEED)
    with pytest.raises(ExportError, match="Windows 保留的设备名称") as caught:
        export_report(report, tmp_path / name)
    assert "文件名" in str(caught.value)
    assert _files(tmp_path) == []


@pytest.mark.parametrize("name", ["COM10.json", "CONSOLE.json", "年报COM1.json", "LPT.json"])
def test_names_that_only_look_reserved_are_written(tmp_path: Path, name: str) -> None:
    export_report(read_report_file(SEED), tmp_path / name)
    assert _files(tmp_path) == [name]


@pytest.mark.parametrize("size", [245, 248, 251, 255])
def test_long_legal_names_are_written(tmp_path: Path, size: int) -> None:
    # 3 bytes a character in UTF-8: the Chinese part, then Latin letters to the exact size.
    stem = "年度报告" * 20
    stem += "a" * (size - len(stem.encode()) - len(".json"))
    name = stem + ".json"
    assert len(name.encode()) == size
    export_report(read_report_file(SEED), tmp_path / name)
    assert _files(tmp_path) == [name]


def test_a_name_too_long_for_any_disk_is_refused_in_chinese(tmp_path: Path) -> None:
    # One more than the disk takes: 256 bytes of UTF-8 on Linux; NTFS counts UTF-16 units
    # (255 of them fit), so there the 256-byte name would be a legal one.
    name = "报" * (247 if os.name == "nt" else 84) + "abcd.json"
    with pytest.raises(ExportError, match="太长") as caught:
        export_report(read_report_file(SEED), tmp_path / name)
    assert len(str(caught.value)) < 120  # the name is shortened in the message
    assert _files(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_replacing_a_file_keeps_its_permissions(tmp_path: Path, mode: int) -> None:
    for suffix in (".json", ".docx", ".xlsx"):
        target = tmp_path / f"年报{suffix}"
        target.write_bytes(b"old")
        target.chmod(mode)
        export_report(read_report_file(SEED), target)
        assert target.stat().st_mode & 0o777 == mode
        assert target.read_bytes() != b"old"


def test_the_new_file_is_flushed_to_disk_before_it_replaces_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        assert Path(src).read_bytes() == b"new"
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "年报.json"
    write_replacing(target, lambda temp: temp.write_bytes(b"new"))
    assert events[:2] == ["fsync", "replace"]
    assert target.read_bytes() == b"new"


def test_a_file_open_in_word_gets_the_close_and_retry_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "年报.json"
    target.write_bytes(b"old")

    def held(src: str | Path, dst: str | Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(ExportError, match="文件正被 Word 或 WPS 打开，请关闭后重试"):
        write_replacing(target, lambda temp: temp.write_bytes(b"new"))
    assert target.read_bytes() == b"old"
    assert _files(tmp_path) == ["年报.json"]


def test_temporary_files_of_killed_exports_are_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "年报.json"
    prefix = temp_prefix(target)
    stale = [tmp_path / f"{prefix}.{tag}.tmp" for tag in ("0badf00d", "12345678")]
    fresh = tmp_path / f"{prefix}.cafebabe.tmp"  # an export writing right now
    other = tmp_path / f".其他.json.{'a' * 8}.tmp"  # another file's: not ours to remove
    for path in (*stale, fresh, other):
        path.write_bytes(b"half")
    old = time.time() - STALE_AFTER_S - 60
    for path in (*stale, other):
        os.utime(path, (old, old))
    export_report(read_report_file(SEED), target)
    assert _files(tmp_path) == sorted([target.name, fresh.name, other.name])


def test_a_temporary_name_fits_even_beside_the_longest_target(tmp_path: Path) -> None:
    target = tmp_path / ("报" * 85)  # 255 bytes
    prefix = temp_prefix(target)
    assert len(f"{prefix}.12345678.tmp".encode()) <= 255
    write_replacing(target, lambda temp: temp.write_bytes(b"x"))
    assert _files(tmp_path) == [target.name]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENAMETOOLONG, "太长"),
        (errno.ENOSPC, "磁盘空间不足"),
        (errno.EROFS, "只读"),
        (errno.EIO, "磁盘读写出错"),
        (errno.ENOTSUP, "系统错误"),
    ],
)
def test_system_errors_are_told_in_chinese(code: int, words: str) -> None:
    message = describe_os_error(OSError(code, os.strerror(code)))
    assert words in message
    assert not any("a" <= ch.lower() <= "z" for ch in message)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    if not IS_ROOT:
        pytest.skip("a full disk can only be simulated as root (a small tmpfs)")
    folder = tmp_path / "满"
    mount_tmpfs(folder, "size=8k")
    try:
        yield folder
    finally:
        unmount(folder)


@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".json"])
def test_a_full_disk_on_the_command_line_gives_one_chinese_line(
    tiny_disk: Path, suffix: str
) -> None:
    target = tiny_disk / f"年报{suffix}"
    target.write_bytes(b"old" * 1000)
    filler = tiny_disk / "filler"
    filler.write_bytes(b"\0" * 4096)
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "export", str(SEED), "-o", str(target)],
        cwd=REPO,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "磁盘空间不足" in lines[0]
    assert target.read_bytes() == b"old" * 1000
    assert _files(tiny_disk) == sorted(["filler", target.name])
