"""Writing a report to a file, the kind chosen by the file's suffix.

Each kind is one entry of EXPORTERS: a function that writes the report to the given path and
replaces an existing file only once the new one is complete (use `write_replacing`). Problems the
user can fix (a folder that is read-only, a file open in Word, a full disk) raise ExportError with
a Chinese message; the old file is then left as it was.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from app.document.profile import OFFICIAL, LayoutProfile
from app.domain.report import Report
from app.readers import json_form

# Writes the report to the path, laid out with the unit's profile where the kind has a layout.
Exporter = Callable[[Report, Path, LayoutProfile], None]

# Names Windows refuses, checked everywhere so a file made on Linux can be copied to Windows.
FORBIDDEN_CHARACTERS = set('<>:"|?*') | {chr(c) for c in range(32)}
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}


class ExportError(Exception):
    """The report could not be written; str(error) is shown to the user."""


def export_report(report: Report, target: Path, profile: LayoutProfile = OFFICIAL) -> None:
    """Write `report` to `target` in the kind its suffix names."""
    check_target(target)
    exporter = EXPORTERS.get(target.suffix.lower())
    if exporter is None:
        kinds = "、".join(sorted(EXPORTERS))
        shown = target.suffix or "（无扩展名）"
        raise ExportError(f"不支持导出为“{shown}”文件；可以导出的格式：{kinds}")
    exporter(report, target, profile)


def check_target(target: Path) -> None:
    """Refuse a target that cannot become a file (a bad name, a missing folder, a folder)."""
    name = target.name
    if not name or any(ch in FORBIDDEN_CHARACTERS for ch in name):
        raise ExportError(f"文件名“{name}”中有不能用于文件名的字符（如 < > : \" | ? *）")
    if name.split(".")[0].strip().upper() in RESERVED_NAMES or name.rstrip(" .") != name:
        raise ExportError(f"“{name}”不能用作文件名（Windows 保留的名称或以空格、句点结尾）")
    if target.is_dir():
        raise ExportError(f"“{target}”是一个文件夹，请指定文件名")
    if not target.parent.is_dir():
        raise ExportError(f"文件夹“{target.parent}”不存在")
    if not os.access(target.parent, os.W_OK):
        raise ExportError(f"没有在文件夹“{target.parent}”中写入文件的权限")
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(f"“{name}”是只读文件，无法替换")


def write_replacing(target: Path, write: Callable[[Path], object]) -> None:
    """Call `write(temp)` for a new file beside `target`, then put it in target's place.

    The file appears whole or not at all: a failure leaves the old `target` untouched and
    removes the temporary file.
    """
    temp = _new_temp_file(target)
    try:
        try:
            write(temp)
        except OSError as exc:
            raise ExportError(_write_problem(exc, target)) from None
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise ExportError(_replace_problem(exc, target)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _new_temp_file(target: Path) -> Path:
    # O_EXCL with mode 0o666 so the finished file gets the user's usual permissions (umask).
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ExportError(_write_problem(exc, target)) from None
        os.close(fd)
        return temp


def _write_problem(exc: OSError, target: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"磁盘空间不足，未能写入“{target.name}”（原文件保持不变）"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"没有在文件夹“{target.parent}”中写入文件的权限"
    return f"写入“{target.name}”时出错（{exc.strerror or exc}）"


def _replace_problem(exc: OSError, target: Path) -> str:
    if isinstance(exc, PermissionError | IsADirectoryError):
        return f"无法替换“{target.name}”：文件可能正在被 Word、WPS 等程序打开，或为只读；请关闭后再试"
    return _write_problem(exc, target)


def _write_json(report: Report, target: Path, profile: LayoutProfile) -> None:
    data = json_form.dumps(report).encode("utf-8")
    write_replacing(target, lambda temp: temp.write_bytes(data))


def _write_docx(report: Report, target: Path, profile: LayoutProfile) -> None:
    # Imported here: python-docx loads only when a .docx is written (and app.docx_writer
    # itself uses this module's ExportError and write_replacing).
    from app.docx_writer import export_docx

    export_docx(report, target, profile)


def _write_xlsx(report: Report, target: Path, profile: LayoutProfile) -> None:
    # The three tables only, for colleagues who work in Excel or WPS; openpyxl loads only here.
    from app.xlsx.writer import export_xlsx

    export_xlsx(report, target)


EXPORTERS: dict[str, Exporter] = {
    ".json": _write_json,
    ".docx": _write_docx,
    ".xlsx": _write_xlsx,
}
