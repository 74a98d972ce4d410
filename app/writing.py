"""Writing a file whole or not at all, and the names Windows refuses: what every writer uses.

Problems the user can fix (a folder that is read-only, a file open in Word, a full disk, a name
that is too long) raise ExportError with a Chinese message; the old file is then left as it was,
with its permissions. The new file is written beside the target under a hidden temporary name,
flushed to the disk, then put in the target's place in one step; a temporary file left by an
earlier export that was killed is removed by the next export to the same name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

# Names Windows refuses, checked everywhere so a file made on Linux can be copied to Windows.
FORBIDDEN_CHARACTERS = set('<>:"|?*\\/') | {chr(c) for c in range(32)}
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")
}
# Windows counts a name in UTF-16 units, Linux in bytes (NAME_MAX); both allow 255.
MAX_NAME = 255
TEMP_SUFFIX = ".tmp"
_TEMP_TAG = re.compile(r"\.[0-9a-f]{8}\.tmp$")
# A temporary file this old is left over from an export that was killed: no export runs so long.
STALE_AFTER_S = 15 * 60


class ExportError(Exception):
    """The report could not be written; str(error) is shown to the user."""


def check_target(target: Path) -> None:
    """Refuse a target that cannot become a file (a bad name, a missing folder, a folder)."""
    name = target.name
    if not name or any(ch in FORBIDDEN_CHARACTERS for ch in name):
        raise ExportError(
            f'文件名“{shown_name(name)}”中有不能用于文件名的字符（如 < > : " | ? * \\）'
        )
    if name_too_long(name, target.parent):
        raise ExportError(
            f"文件名“{shown_name(name)}”太长，请改短一些（最多约 80 个汉字，或 255 个字母和数字）"
        )
    device = name.split(".")[0].rstrip(" ").upper()
    if device in RESERVED_NAMES:
        raise ExportError(
            f"“{name}”不能用作文件名：{device} 是 Windows 保留的设备名称，请换一个文件名"
        )
    if name.rstrip(" .") != name:
        raise ExportError(
            f"“{shown_name(name)}”不能用作文件名：Windows 的文件名不能以空格或句点结尾"
        )
    try:
        if target.is_dir():
            raise ExportError(f"“{target}”是一个文件夹，请指定文件名")
        if not target.parent.is_dir():
            raise ExportError(f"文件夹“{target.parent}”不存在")
        exists = target.exists()
    except OSError as exc:
        raise ExportError(f"无法使用“{shown_name(name)}”：{describe_os_error(exc)}") from None
    if not os.access(target.parent, os.W_OK):
        raise ExportError(f"没有在文件夹“{target.parent}”中写入文件的权限")
    if exists and not os.access(target, os.W_OK):
        raise ExportError(f"“{name}”是只读文件，无法替换")


def name_too_long(name: str, folder: Path) -> bool:
    if len(name.encode("utf-16-le")) // 2 > MAX_NAME:
        return True
    return os.name != "nt" and len(os.fsencode(name)) > _name_max(folder)


def _name_max(folder: Path) -> int:
    try:
        return min(MAX_NAME, os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return MAX_NAME


def shown_name(name: str, limit: int = 40) -> str:
    """A file name short enough for one line of a message."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def write_replacing(target: Path, write: Callable[[Path], object]) -> None:
    """Call `write(temp)` for a new file beside `target`, then put it in target's place.

    The file appears whole or not at all: a failure leaves the old `target` untouched and
    removes the temporary file. The new file is on the disk before it takes the old one's
    place, and it keeps the old one's permissions.
    """
    remove_stale_temp_files(target)
    temp = _new_temp_file(target)
    try:
        try:
            write(temp)
            sync_file(temp)
            _keep_mode(target, temp)
        except OSError as exc:
            raise ExportError(_write_problem(exc, target)) from None
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise ExportError(_replace_problem(exc, target)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def write_bytes_replacing(target: Path, data: bytes) -> None:
    """`data` as the whole of `target` (see write_replacing)."""
    write_replacing(target, lambda temp: temp.write_bytes(data))


def temp_prefix(target: Path) -> str:
    """The start of the temporary files' names for `target`: short enough that the whole
    temporary name is a legal name wherever the target's is."""
    name = target.name
    room = MAX_NAME - len(".") - len(".12345678") - len(TEMP_SUFFIX)
    while len(name.encode("utf-8")) > room or len(name.encode("utf-16-le")) // 2 > room:
        name = name[:-1]
    return f".{name}"


def remove_stale_temp_files(target: Path) -> list[Path]:
    """Remove the temporary files an export to `target` left when it was killed (older than
    STALE_AFTER_S, so one being written by another export right now is left alone)."""
    prefix = temp_prefix(target)
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        tail = entry.name[len(prefix) :]
        if not entry.name.startswith(prefix) or not _TEMP_TAG.fullmatch(tail):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER_S:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _new_temp_file(target: Path) -> Path:
    # O_EXCL with mode 0o666 so a new file gets the user's usual permissions (umask).
    prefix = temp_prefix(target)
    while True:
        temp = target.with_name(f"{prefix}.{os.urandom(4).hex()}{TEMP_SUFFIX}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ExportError(_write_problem(exc, target)) from None
        os.close(fd)
        return temp


def sync_file(path: Path) -> None:
    """The file's bytes on the disk, not only in the system's cache."""
    # Windows flushes only a handle opened for writing.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX; Windows has no handle for a folder here)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) cannot sync a folder: the file is synced
    finally:
        os.close(fd)


def _keep_mode(target: Path, temp: Path) -> None:
    """The replacing file gets the replaced one's permissions (and owner, where allowed)."""
    try:
        old = os.stat(target)
    except FileNotFoundError:
        return
    os.chmod(temp, stat.S_IMODE(old.st_mode))
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):
            new = os.stat(temp)
            if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
                os.chown(temp, old.st_uid, old.st_gid)


_OS_PROBLEMS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘空间配额已用完",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EIO: "磁盘读写出错",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EFBIG: "文件太大",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "打开的文件太多",
    errno.ELOOP: "路径中的链接太多",
    errno.EINVAL: "文件名无效",
    errno.EEXIST: "文件已存在",
    errno.ENODEV: "设备不可用",
    errno.ENXIO: "设备不可用",
    errno.ETIMEDOUT: "网络文件夹没有响应",
}
# Windows' own error codes (winerror) for what users meet most.
_WINDOWS_PROBLEMS = {
    32: "文件正被 Word 或 WPS 打开，请关闭后重试",  # ERROR_SHARING_VIOLATION
    33: "文件正被 Word 或 WPS 打开，请关闭后重试",  # ERROR_LOCK_VIOLATION
    112: "磁盘空间不足",  # ERROR_DISK_FULL
    123: "文件名无效",  # ERROR_INVALID_NAME
    206: "文件名或路径太长",  # ERROR_FILENAME_EXCED_RANGE
}


def describe_os_error(exc: OSError) -> str:
    """What went wrong, in Chinese (the system's own text is English on most machines)."""
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINDOWS_PROBLEMS:
        return _WINDOWS_PROBLEMS[winerror]
    if exc.errno in _OS_PROBLEMS:
        return _OS_PROBLEMS[exc.errno]
    code = exc.errno if exc.errno is not None else winerror
    return f"系统错误 {code}" if code is not None else "系统错误"


def _write_problem(exc: OSError, target: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) or getattr(exc, "winerror", None) == 112:
        return f"磁盘空间不足，未能写入“{shown_name(target.name)}”（原文件保持不变）"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"没有在文件夹“{target.parent}”中写入文件的权限"
    return f"写入“{shown_name(target.name)}”时出错：{describe_os_error(exc)}（原文件保持不变）"


def _replace_problem(exc: OSError, target: Path) -> str:
    if isinstance(exc, PermissionError | IsADirectoryError):
        return (
            f"无法替换“{shown_name(target.name)}”：文件正被 Word 或 WPS 打开，"
            "请关闭后重试（原文件保持不变）"
        )
    return _write_problem(exc, target)
