"""What fits its line in Word: an address may break after its separators (a zero-width space
marks each place), a six-digit figure is set small enough to stay on one line of its cell."""

from __future__ import annotations

from pathlib import Path

from app.docx_writer import export_docx
from app.docx_writer.verify import read_grid
from app.readers.files import read_report_file
from tests.app.document.reports import demo_2021
from tests.app.docx_writer.docx_parts import NS, part, w

ADDRESS = "http://www.gaoqing.gov.cn/gongkai/nianbao/2021.html"
E_MAIL = "gqxzspj_gongkai@zb.shandong.cn"


def test_an_address_may_break_after_its_separators_and_reads_back_whole(tmp_path: Path) -> None:
    report = demo_2021()
    report.preamble = f"电子版可在门户网站（{ADDRESS}）查阅，联系邮箱：{E_MAIL}。"
    path = tmp_path / "年报.docx"
    export_docx(report, path)
    body = part(path, "word/document.xml").find("w:body", NS)
    [text] = [
        "".join(t.text for t in p.iter(w("t")))
        for p in body.findall("w:p", NS)
        if "联系邮箱" in "".join(p.itertext())
    ]
    assert "http://\u200bwww.\u200bgaoqing.\u200bgov.\u200bcn/\u200bgongkai/" in text
    assert "gqxzspj_\u200bgongkai@\u200bzb.\u200bshandong.\u200bcn" in text
    assert "2021.\u200bhtml" in text and "查阅，" in text
    assert read_report_file(path).preamble == report.preamble


def test_a_six_digit_figure_is_set_smaller_to_stay_on_one_line(tmp_path: Path) -> None:
    report = demo_2021()
    report.set("table3:new.natural", 123456)  # a county's roll-up
    report.set("table3:new.total", 12345)
    report.set("table4:review.total", 100000)
    report.set("table2:licensing.decisions", 1234567)  # table 2's columns are wide
    path = tmp_path / "年报.docx"
    export_docx(report, path)
    table2, table3, table4 = part(path, "word/document.xml").findall("w:body/w:tbl", NS)

    def size_of(tbl: object, text: str) -> str | None:
        [run] = [
            r
            for r in tbl.iter(w("r"))  # type: ignore[attr-defined]
            if "".join(t.text for t in r.iter(w("t"))) == text
        ]
        sz = run.find("w:rPr/w:sz", NS)
        return None if sz is None else sz.get(w("val"))

    assert size_of(table3, "123456") == "18"  # 9 pt in a 12 mm column
    assert size_of(table3, "12345") is None  # 五号, as the style says
    assert size_of(table4, "100000") == "17"  # 8.5 pt in a 10.4 mm column
    assert size_of(table2, "1234567") is None
    assert "123456" in {text for text, _, _ in read_grid(table3).values()}
