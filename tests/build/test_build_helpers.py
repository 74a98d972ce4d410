"""The build's own rules, checked without building: the version resource and what is cut."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from tests.build.scripts import build


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2rc1", (1, 2, 0, 0)),
        ("2025.1.2.3.4", (2025, 1, 2, 3)),
        ("3", (3, 0, 0, 0)),
    ],
)
def test_windows_file_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert build.version_numbers(version) == numbers


def test_the_version_resource_names_the_program_in_chinese(tmp_path: Path) -> None:
    # What Explorer shows under 属性 > 详细信息 for nianbao.exe.
    text = build.write_version_info(tmp_path / "version_info.txt", "1.4.2").read_text("utf-8")
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
    assert call.func.id == "VSVersionInfo"
    strings = {
        ast.literal_eval(node.args[0]): ast.literal_eval(node.args[1])
        for node in ast.walk(call)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "StringStruct"
        and all(isinstance(a, ast.Constant) for a in node.args)
    }
    assert strings["FileDescription"] == "年报编制器"
    assert strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "nianbao.exe"
    assert "filevers=(1, 4, 2, 0)" in text


@pytest.mark.skipif(
    sys.platform != "win32", reason="PyInstaller reads version resources on Windows"
)
def test_pyinstaller_reads_the_version_resource(tmp_path: Path) -> None:
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo")
    path = build.write_version_info(tmp_path / "version_info.txt", "0.1.0")
    assert versioninfo.load_version_info_from_text_file(str(path)).toRaw()


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6\\translations\\qtbase_zh_CN.qm", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("docx/templates/default.docx", True),
    ],
)
def test_qt_files_kept(name: str, kept: bool) -> None:
    assert build.keep_qt_file(name) is kept


@pytest.mark.parametrize(
    ("name", "dropped"),
    [
        ("resources/screenshots/main_window.png", True),
        ("resources/icons/nianbao.ico", True),
        ("resources/icons/nianbao.png", False),
        ("resources/demo/gaoqing_2020.json", False),
        ("docx/templates/default-docx-template/word/styles.xml", True),
        ("docx/templates/default.docx", False),
        ("dateutil/zoneinfo/dateutil-zoneinfo.tar.gz", True),
    ],
)
def test_data_never_opened_is_left_out(name: str, dropped: bool) -> None:
    assert bool(build.DROP_DATA.match(name)) is dropped


def test_pyinstallers_qt_and_multiprocessing_hooks_are_replaced_by_the_programs_own() -> None:
    # PyInstaller's hooks would import Qt, and multiprocessing, at every start.
    scripts = [
        ("pyi_rth_inspect", "a.py", "PYSOURCE"),
        ("pyi_rth_pyside6", "b.py", "PYSOURCE"),
        ("pyi_rth_multiprocessing", "e.py", "PYSOURCE"),
        ("rth_qt_paths", "c.py", "PYSOURCE"),
        ("entry", "d.py", "PYSOURCE"),
    ]
    names = [name for name, _, _ in build.without_replaced_runtime_hooks(scripts)]
    assert names == ["pyi_rth_inspect", "rth_qt_paths", "entry"]


def test_pdfium_and_lxml_go_into_the_one_file_packed_and_nothing_else_does(tmp_path: Path) -> None:
    import lzma

    def binary(name: str, data: bytes) -> str:
        (tmp_path / name).write_bytes(data)
        return str(tmp_path / name)

    pdfium = b"\x7fELF" + bytes(range(256)) * 100
    binaries = [
        ("pypdfium2_raw/libpdfium.so", binary("libpdfium.so", pdfium), "BINARY"),
        ("lxml/etree.cpython-311-x86_64-linux-gnu.so", binary("etree.so", b"etree"), "EXTENSION"),
        (
            "lxml\\_elementpath.cp311-win_amd64.pyd",
            binary("_elementpath.pyd", b"path"),
            "EXTENSION",
        ),
        ("PySide6/Qt/lib/libQt6Core.so.6", binary("libQt6Core.so.6", b"qt"), "BINARY"),
        (
            "python3.11/lib-dynload/_elementtree.cpython-311-x86_64-linux-gnu.so",
            binary("_elementtree.so", b"stdlib"),
            "EXTENSION",
        ),
    ]
    kept, packed = build.packed_libraries(binaries, tmp_path / "work", strip=False)
    assert kept == binaries[3:]
    assert [(name, kind) for name, _, kind in packed] == [
        ("pypdfium2_raw/libpdfium.so.xz", "DATA"),
        ("lxml/etree.cpython-311-x86_64-linux-gnu.so.xz", "DATA"),
        ("lxml\\_elementpath.cp311-win_amd64.pyd.xz", "DATA"),
    ]
    assert [lzma.decompress(Path(source).read_bytes()) for _, source, _ in packed] == [
        pdfium,
        b"etree",
        b"path",
    ]


def test_the_cups_and_kerberos_clients_come_from_the_users_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    links = {
        "qtnetwork.so": ["libQt6Network.so.6"],
        "libQt6Network.so.6": ["libgssapi_krb5.so.2", "libQt6Core.so.6"],
        "libgssapi_krb5.so.2": ["libkrb5.so.3"],
        "cupsplugin.so": ["libcups.so.2"],
        "libcups.so.2": ["libgnutls.so.30"],
    }
    monkeypatch.setattr(build, "linked_libraries", lambda path: links.get(path, []))
    binaries = [
        ("PySide6/QtNetwork.abi3.so", "qtnetwork.so", "EXTENSION"),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "cupsplugin.so", "BINARY"),
        *(
            (name, name, "BINARY")
            for name in (
                "libQt6Network.so.6",
                "libQt6Core.so.6",
                "libgssapi_krb5.so.2",
                "libkrb5.so.3",
                "libcups.so.2",
                "libgnutls.so.30",
            )
        ),
    ]
    kept = {name for name, _, _ in build.keep_linked(binaries)}
    assert kept == {
        "PySide6/QtNetwork.abi3.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "libQt6Network.so.6",
        "libQt6Core.so.6",
    }


def test_the_packages_loaded_for_some_work_go_into_one_archive_each(tmp_path: Path) -> None:
    import lzma
    import marshal

    def module(relative: str, source: str) -> str:
        path = tmp_path / "site" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, "utf-8")
        return str(path)

    pure = [
        ("docx", module("docx/__init__.py", '"""Doc."""\nassert False\nX = 1\n'), "PYMODULE"),
        ("docx.table", module("docx/table.py", "Y = 2\n"), "PYMODULE-2"),  # PyInstaller 6
        ("json", module("json/__init__.py", "Z = 3\n"), "PYMODULE"),
        ("app.cli", module("app/cli.py", "W = 4\n"), "PYMODULE"),
        ("app.readers", module("app/readers/__init__.py", ""), "PYMODULE-2"),
        ("app.readers.pdf_reader", module("app/readers/pdf_reader.py", "V = 5\n"), "PYMODULE-2"),
    ]
    kept, packed = build.packed_modules(pure, tmp_path / "work", optimize=2)
    assert kept == pure[2:4]  # the standard library and what the program loads at start stay
    assert [(name, kind) for name, _, kind in packed] == [
        ("app.readers.modules.xz", "DATA"),
        ("docx.modules.xz", "DATA"),
    ]
    readers = marshal.loads(lzma.decompress(Path(packed[0][1]).read_bytes()))
    assert sorted(readers) == ["app.readers", "app.readers.pdf_reader"]
    packed = packed[1:]
    modules = marshal.loads(lzma.decompress(Path(packed[0][1]).read_bytes()))
    assert sorted(modules) == ["docx", "docx.table"]
    assert modules["docx"][0] is True and modules["docx.table"][0] is False
    code = marshal.loads(modules["docx"][1])
    assert "Doc." not in code.co_consts  # optimised as PyInstaller's archive: no docstring,
    namespace: dict[str, object] = {}
    exec(code, namespace)  # and no assert
    assert namespace["X"] == 1


def test_a_copy_started_as_a_worker_or_tracker_does_that_work_and_nothing_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # build/entry.py in place of PyInstaller's multiprocessing hook: multiprocessing's own
    # command lines (Linux's, then Windows' form) reach spawn or the resource tracker.
    import multiprocessing.resource_tracker
    import multiprocessing.spawn

    from tests.build.scripts import load

    entry = load("entry", "nianbao_entry")  # its __main__ part does not run
    calls: list[object] = []
    monkeypatch.setattr(multiprocessing.spawn, "spawn_main", lambda **kw: calls.append(kw))
    monkeypatch.setattr(multiprocessing.resource_tracker, "main", lambda fd: calls.append(fd))
    worker = ["nianbao", "--multiprocessing-fork", "tracker_fd=8", "pipe_handle=13"]
    assert entry.run_as_helper_process(worker)
    windows = ["nianbao.exe", "--multiprocessing-fork", "parent_pid=4120", "pipe_handle=None"]
    assert entry.run_as_helper_process(windows)
    tracker = ["nianbao", "-B", "-S", "-I", "-c", f"{entry.TRACKER_COMMAND};main(5)"]
    assert entry.run_as_helper_process(tracker)
    assert calls == [
        {"tracker_fd": 8, "pipe_handle": 13},
        {"parent_pid": 4120, "pipe_handle": None},
        5,
    ]
    for argv in (["nianbao"], ["nianbao", "audit", "-c"], ["nianbao", "-c", "print('x')"]):
        assert not entry.run_as_helper_process(argv)  # the launcher's, then
