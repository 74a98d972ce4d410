"""Whatever is pasted, the reader either reads a report or says in Chinese why not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.readers.errors import ReadError
from app.readers.files import read_report_file
from app.readers.json_form import dumps, loads
from app.readers.text_reader import read_text
from tests.paths import SEED

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
PIECES = st.sampled_from(
    [
        "一、总体情况",
        "第二十条第（一）项",
        "\t",
        " | ",
        "\n",
        "三、本年度办理结果",
        "2021年",
        "12",
        "（七）总计",
        "行政复议",
        "/",
        "五、存在的主要问题及改进情况",
        "1.属于国家秘密",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=20), st.text(CJK, max_size=10)), max_size=60))
def test_garbage_reads_or_fails_cleanly(parts: list[str]) -> None:
    try:
        read_text("".join(parts))
    except ReadError as error:
        assert str(error)
        assert all(ord(ch) < 0x10000 for ch in str(error))


def test_file_messages_name_the_file(tmp_path: Path) -> None:
    cases = {
        "old.doc": b"\xd0\xcf\x11\xe0",
        "pic.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "zip.txt": b"PK\x03\x04whatever",
        "empty.txt": b"",
        "bad.json": b"{",
        "list.json": b"[1, 2]",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ReadError) as info:
            read_report_file(path)
        assert str(info.value).startswith(name + "：")
    with pytest.raises(ReadError, match="不存在"):
        read_report_file(tmp_path / "missing.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes in the file system are POSIX's")
def test_a_pipe_or_a_device_is_refused_not_read_forever(tmp_path: Path) -> None:
    """A pipe's reader waits for a writer that never comes, and /dev/zero never ends: both
    would hang the window (and /dev/zero fill the memory) before any size was known."""
    pipe = tmp_path / "report.txt"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/zero")):
        with pytest.raises(ReadError, match="不是普通文件"):
            read_report_file(path)


def test_gbk_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    assert read_report_file(path).unit == "高青县行政审批服务局"


def test_json_round_trip_keeps_every_field_and_unknown_ones() -> None:
    report = read_report_file(SEED)
    report.extra["reviewer"] = {"name": "张三"}
    again = loads(dumps(report))
    assert again == report
    assert '"procurement.amount": "347.08"' in dumps(report)
    assert '"procurement.amount_unit": "万元"' in dumps(report)


def test_json_from_a_newer_version_is_refused() -> None:
    with pytest.raises(ReadError, match="更新版本"):
        loads('{"schema": "nianbao.report/2", "year": 2021, "unit": "x"}')
    with pytest.raises(ReadError, match="字符串"):
        loads('{"year": 2021, "unit": "x", "table2": {"fees.amount": 1.5}}')


def test_dashes_before_digits_are_minus_signs() -> None:
    from app.domain.layout import ValueKind
    from app.domain.values import read_value

    assert read_value("–18", ValueKind.SIGNED_COUNT).value == -18
    assert read_value("—", ValueKind.COUNT).value is None


def test_yuan_in_a_wan_yuan_column_is_shown_not_rescaled() -> None:
    import random

    from app.rules import check
    from tests.app.readers.pasted import render
    from tests.app.readers.test_text_reader_styles import sample_report

    written = sample_report("2021", random.Random(1))
    written.set("table2:fees.amount", None)
    text = render(written, "tabs").replace("行政事业性收费\t", "行政事业性收费\t91163600元", 1)
    read = read_text(text)
    assert read.get("table2:fees.amount") == "91163600元"
    [r5] = [f for f in check(read) if f.rule == "R5"]
    assert "万元" in r5.message and r5.cells == ("table2:fees.amount",)
