"""PDFs and web pages that are not reports, or cannot be read: one Chinese sentence each,
quickly, and nothing stored."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.readers.errors import ReadError
from app.readers.files import read_report_file
from app.store import Store
from tests.app.readers.published import (
    encrypted_pdf,
    garbled_pdf,
    many_pages_pdf,
    outlined_pdf,
    scanned_pdf,
    text_pdf,
)

LETTER = [["Notice of the meeting", "The meeting is on Monday at nine."]]


def _truncated() -> bytes:
    data = text_pdf(LETTER * 3)
    return data[: len(data) // 2]


def _damaged() -> bytes:
    """The objects and the cross-reference table overwritten; the first line and %%EOF kept."""
    data = bytearray(text_pdf(LETTER))
    data[20:-6] = (bytes(range(256)) * len(data))[: len(data) - 26]
    return bytes(data)


NEWS_PAGE = (
    "<html><head><meta charset='utf-8'><title>新闻</title></head><body>"
    "<div class='nav'><a href='/'>首页</a></div><h1>区长调研春耕生产</h1>"
    "<p>3月5日，区长一行到南湖镇调研春耕备耕工作。</p></body></html>"
).encode()

ATTACHMENT_PAGE = (
    "<html><head><meta charset='utf-8'><title>年报</title></head><body>"
    "<div class='nav'><a href='/'>首页</a></div>"
    "<h1>青山县教育局2022年政府信息公开工作年度报告</h1><p>发布时间：2023-01-20</p>"
    "<p>附件：<a href='/u/cms/2023/0120/P020230120.pdf'>青山县教育局2022年政府信息公开工作"
    "年度报告.pdf</a></p></body></html>"
).encode()
VIEWER_PAGE = (
    "<html><body><h1>2022年政府信息公开工作年度报告</h1>"
    "<iframe src='/pdfjs/web/viewer.html?file=/u/cms/P0201.pdf' width='100%'></iframe>"
    "</body></html>"
).encode()
NEWS_WITH_FORM = NEWS_PAGE.replace(
    b"</body>", "<p><a href='/files/申请表.doc'>政府信息公开申请表</a></p></body>".encode()
)

CASES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "scanned": (".pdf", scanned_pdf, "扫描件"),
    "password": (".pdf", encrypted_pdf, "密码"),
    "damaged": (".pdf", _damaged, "损坏"),
    "truncated": (".pdf", _truncated, "不完整"),
    "500 pages": (".pdf", lambda: many_pages_pdf(500), "500 页"),
    "pages full of text": (".pdf", lambda: text_pdf([["x" * 200] * 40] * 60), "文字太多"),
    "a letter, not a report": (
        ".pdf",
        lambda: text_pdf(LETTER),
        "不像是一份政府信息公开工作年度报告",
    ),
    "text in a font without Unicode": (".pdf", garbled_pdf, "乱码"),
    "text turned into outlines": (".pdf", outlined_pdf, "只有图形（文字可能已转为曲线）"),
    "empty .pdf": (".pdf", lambda: b"", "空"),
    "text named .pdf": (".pdf", lambda: "一、总体情况".encode(), "不是 PDF"),
    "no pages": (".pdf", lambda: text_pdf([]), "损坏"),
    "news page": (".html", lambda: NEWS_PAGE, "不像是一份政府信息公开工作年度报告"),
    "a report's page holding only its attachment": (
        ".html",
        lambda: ATTACHMENT_PAGE,
        "报告在附件“青山县教育局2022年政府信息公开工作年度报告.pdf”中；请在网页上下载附件",
    ),
    "a report shown in a PDF viewer": (".htm", lambda: VIEWER_PAGE, "附件“P0201.pdf”"),
    "a news page linking a form": (
        ".html",
        lambda: NEWS_WITH_FORM,
        "不像是一份政府信息公开工作年度报告",
    ),
    "empty page": (".html", lambda: b"", "空"),
    "a page of nothing but markup": (
        ".htm",
        lambda: b"<html><body><div></div></body></html>",
        "网页",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_chinese_sentence_quickly(case: str, tmp_path: Path) -> None:
    suffix, make, words = CASES[case]
    path = tmp_path / f"某局2021年报告{suffix}"
    path.write_bytes(make())
    started = time.perf_counter()
    with pytest.raises(ReadError) as info:
        read_report_file(path)
    assert time.perf_counter() - started < 5.0
    message = str(info.value)
    assert message.startswith(f"某局2021年报告{suffix}：")
    assert words in message
    assert "Traceback" not in message and "\n" not in message


@pytest.mark.parametrize("case", ["scanned", "password", "truncated"])
def test_import_stores_nothing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, make, words = CASES[case]
    path = tmp_path / "report.pdf"
    path.write_bytes(make())
    db = tmp_path / "nianbao.sqlite3"
    assert main(["import", str(path), "--unit", "某局", "--db", str(db)]) == 2
    assert words in capsys.readouterr().err
    if db.exists():
        with Store.open(db) as store:
            assert [u.name for u in store.units()] == []


def test_a_scan_named_docx_is_still_told_a_scan(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(scanned_pdf())
    with pytest.raises(ReadError, match="扫描件"):
        read_report_file(path)


def test_a_page_nested_beyond_reason_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_bytes(
        b"<html><body>"
        + b"<div>" * 100_000
        + "一、总体情况".encode()
        + b"</div>" * 100_000
        + b"</body></html>"
    )
    started = time.perf_counter()
    with pytest.raises(ReadError, match=r"deep\.html："):
        read_report_file(path)
    assert time.perf_counter() - started < 5.0
