"""Run-time hook of the frozen program: what the one file carries packed with xz (build.py:
packed_libraries, packed_modules) is opened when its package is first imported.

The one file unpacks itself into a temporary folder of its own at every start. Two kinds of
things sit there packed, a quarter to a half smaller than PyInstaller's own compression:
- PDFium and lxml's compiled modules, as `pypdfium2_raw/libpdfium.so.xz`, `lxml/etree.….so.xz`
  and so on, unpacked beside themselves in a run that reads a PDF or a Word file. Worker
  processes share the folder, so each unpacks under a name of its own and renames;
- the modules of the pure-Python packages loaded only for some work (python-docx, openpyxl,
  sqlite-utils, pypdfium2, the program's readers…), as `docx.modules.xz`,
  `app.readers.modules.xz` and so on: read into memory at the package's first import and
  served from there, each module's `__file__` in the package's folder of the
  bundle (python-docx finds its templates beside it), as PyInstaller's own archive does.
The folder build carries nothing packed: nothing to do.
"""

from __future__ import annotations

import os
import sys
from typing import Any

PACKED_SUFFIX = ".xz"
MODULES_SUFFIX = ".modules.xz"


class Unpacker:
    """A finder for what is packed: before a top-level package is looked for, once a run, it
    unpacks the packed files in the package's folder of the bundle; the modules of a packed
    package (`docx`, or `app.readers` inside the program's own) it finds itself. Every other
    import passes through at the cost of two look-ups."""

    def __init__(self, bundle: str) -> None:
        self.bundle = bundle
        self.seen: set[str] = set()
        self.archives: dict[str, str] | None = None  # package -> its archive, not yet opened
        self.modules: dict[str, tuple[bool, bytes]] = {}  # of the packed packages opened

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        top = fullname.partition(".")[0]
        if top not in self.seen:
            self.seen.add(top)
            self._unpack_libraries(top)
        if self.archives is None:
            self.archives = {
                name[: -len(MODULES_SUFFIX)]: os.path.join(self.bundle, name)
                for name in os.listdir(self.bundle)
                if name.endswith(MODULES_SUFFIX)
            }
        if fullname in self.archives:  # a package: opened when it runs, not when looked for
            is_package = True
        elif fullname in self.modules:  # a package is imported before its modules
            is_package = self.modules[fullname][0]
        else:
            return None
        import importlib.util

        where = os.path.join(self.bundle, *fullname.split("."))
        loader: Any = PackedLoader(self)
        return importlib.util.spec_from_file_location(
            fullname,
            os.path.join(where, "__init__.py") if is_package else where + ".py",
            loader=loader,
            submodule_search_locations=[where] if is_package else None,
        )

    def _unpack_libraries(self, top: str) -> None:
        folder = os.path.join(self.bundle, top)
        try:
            packed = sorted(name for name in os.listdir(folder) if name.endswith(PACKED_SUFFIX))
        except OSError:
            return  # no folder: a module inside the program's archive
        for name in packed:
            unpack(os.path.join(folder, name))
        if packed:
            import importlib

            importlib.invalidate_caches()  # the folder's listing changed

    def code(self, fullname: str) -> bytes:
        """A packed module's marshalled code; its package's archive is read the first time."""
        archive = (self.archives or {}).pop(fullname, None)
        if archive is not None:
            self.modules.update(read_modules(archive))
        return self.modules[fullname][1]


class PackedLoader:
    """Runs a packed module's code, compiled at build time."""

    def __init__(self, finder: Unpacker) -> None:
        self.finder = finder

    def create_module(self, spec: Any) -> None:
        return None  # the usual module object

    def exec_module(self, module: Any) -> None:
        import marshal

        exec(marshal.loads(self.finder.code(module.__name__)), module.__dict__)


def read_modules(archive: str) -> dict[str, tuple[bool, bytes]]:
    import lzma
    import marshal

    try:
        with open(archive, "rb") as f:
            modules: dict[str, tuple[bool, bytes]] = marshal.loads(lzma.decompress(f.read()))
        return modules
    except (OSError, EOFError, ValueError, TypeError, lzma.LZMAError) as exc:
        raise ImportError(_cannot(os.path.basename(archive), exc)) from None


def unpack(packed: str) -> None:
    target = packed[: -len(PACKED_SUFFIX)]
    if os.path.exists(target):
        return
    import lzma
    import shutil

    part = f"{target}.{os.getpid()}.part"
    try:
        with lzma.open(packed) as source, open(part, "wb") as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
        os.replace(part, target)  # whole or not at all: a half library must never be loaded
    except (OSError, EOFError, lzma.LZMAError) as exc:
        if os.path.exists(part):
            os.remove(part)
        raise ImportError(_cannot(os.path.basename(target), exc)) from None


def _cannot(name: str, exc: BaseException) -> str:
    return f"无法解压程序的组件 {name}（{exc}），请检查临时文件夹的剩余空间"


if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
    sys.meta_path.insert(0, Unpacker(sys._MEIPASS))
