"""The frozen program's hook that unpacks what the one file carries packed with xz."""

from __future__ import annotations

import importlib.util
import lzma
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.build.scripts import load

LIBRARY = random.Random(13).randbytes(200_000)


hook = load("rth_packed", "rth_packed")


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A one file's temporary folder on sys.path, with the hook's finder in place."""
    folder = tmp_path / "_MEI1234"
    package = folder / "packedpkg"
    package.mkdir(parents=True)
    # The package's own code loads its library at import, as pypdfium2_raw and lxml do.
    (package / "__init__.py").write_text(
        "from pathlib import Path\nLOADED = (Path(__file__).parent / 'libthing.so').read_bytes()\n",
        "utf-8",
    )
    monkeypatch.syspath_prepend(str(folder))
    finder = hook.Unpacker(str(folder))
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    yield package
    sys.modules.pop("packedpkg", None)


def test_a_packed_library_is_whole_before_its_package_runs(bundle: Path) -> None:
    (bundle / "libthing.so.xz").write_bytes(lzma.compress(LIBRARY))
    module = importlib.import_module("packedpkg")
    assert module.LOADED == LIBRARY
    assert sorted(p.name for p in bundle.iterdir() if p.is_file()) == [
        "__init__.py",
        "libthing.so",
        "libthing.so.xz",
    ]


def test_an_unpacked_library_is_not_unpacked_again(bundle: Path) -> None:
    # A worker process shares its program's folder: what the first process unpacked stays.
    (bundle / "libthing.so.xz").write_bytes(lzma.compress(LIBRARY))
    (bundle / "libthing.so").write_bytes(b"loaded")
    assert importlib.import_module("packedpkg").LOADED == b"loaded"


def test_a_damaged_pack_is_one_sentence_and_leaves_no_half_library(bundle: Path) -> None:
    (bundle / "libthing.so.xz").write_bytes(lzma.compress(LIBRARY)[:100_000])
    with pytest.raises(ImportError, match=r"无法解压程序的组件 libthing\.so"):
        importlib.import_module("packedpkg")
    assert sorted(p.name for p in bundle.iterdir() if p.is_file()) == [
        "__init__.py",
        "libthing.so.xz",
    ]


def test_modules_without_a_folder_in_the_bundle_pass_through(bundle: Path) -> None:
    # Most imports: modules inside the program's archive, and submodules.
    assert hook.Unpacker(str(bundle.parent)).find_spec("json") is None
    assert hook.Unpacker(str(bundle.parent)).find_spec("packedpkg.sub") is None
    assert importlib.import_module("json").dumps([1]) == "[1]"


def _pack_modules(
    folder: Path, modules: dict[str, tuple[bool, str]], archive: str = "packedmods"
) -> None:
    """`<archive>.modules.xz` as build.py's packed_modules writes it."""
    import marshal

    compiled = {
        name: (is_package, marshal.dumps(compile(source, name, "exec")))
        for name, (is_package, source) in modules.items()
    }
    (folder / f"{archive}.modules.xz").write_bytes(lzma.compress(marshal.dumps(compiled)))


@pytest.fixture
def packed_modules(bundle: Path) -> Iterator[Path]:
    folder = bundle.parent
    (folder / "packedmods" / "templates").mkdir(parents=True)
    (folder / "packedmods" / "templates" / "blank.txt").write_text("空白模板", "utf-8")
    _pack_modules(
        folder,
        {
            "packedmods": (True, "from packedmods.sub import GREETING\n"),
            # As python-docx finds its templates: beside its own __file__.
            "packedmods.sub": (
                False,
                "from pathlib import Path\n"
                "GREETING = (Path(__file__).parent / 'templates' / 'blank.txt').read_text('utf-8')\n",
            ),
            "packedmods.deep": (True, ""),
            "packedmods.deep.leaf": (False, "from .. import sub\nLEAF = sub.GREETING * 2\n"),
        },
    )
    yield folder
    for name in [n for n in sys.modules if n.partition(".")[0] == "packedmods"]:
        del sys.modules[name]


def test_packed_modules_are_imported_from_memory_with_their_files_in_the_bundle(
    packed_modules: Path,
) -> None:
    finder = sys.meta_path[0]
    # The window asks at start whether a package is there (Word export): that reads nothing.
    assert importlib.util.find_spec("packedmods") is not None
    assert isinstance(finder, hook.Unpacker) and finder.modules == {}
    module = importlib.import_module("packedmods")
    assert module.GREETING == "空白模板"
    leaf = importlib.import_module("packedmods.deep.leaf")
    assert leaf.LEAF == "空白模板空白模板"
    assert leaf.__file__ is not None
    assert Path(leaf.__file__).parent == packed_modules / "packedmods" / "deep"
    assert module.__path__ == [str(packed_modules / "packedmods")]
    # Nothing was written: the modules came from the archive, not from unpacked files.
    assert sorted(p.name for p in (packed_modules / "packedmods").iterdir()) == ["templates"]
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("packedmods.missing")


def test_a_packed_package_inside_a_plain_one_is_served_too(bundle: Path) -> None:
    # As app.readers is packed while app stays in PyInstaller's archive.
    (bundle / "inner").mkdir()
    _pack_modules(
        bundle.parent,
        {
            "packedpkg.inner": (True, "from packedpkg.inner.deeper import N\n"),
            "packedpkg.inner.deeper": (False, "N = 42\n"),
        },
        archive="packedpkg.inner",
    )
    (bundle / "libthing.so").write_bytes(b"loaded")
    try:
        assert importlib.import_module("packedpkg.inner").N == 42
    finally:
        for name in ("packedpkg.inner.deeper", "packedpkg.inner"):
            sys.modules.pop(name, None)


def test_a_damaged_module_archive_is_one_sentence(packed_modules: Path) -> None:
    archive = packed_modules / "packedmods.modules.xz"
    archive.write_bytes(archive.read_bytes()[:40])
    with pytest.raises(ImportError, match=r"无法解压程序的组件 packedmods\.modules\.xz"):
        importlib.import_module("packedmods")
