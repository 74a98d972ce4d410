"""Reading a report from text copied out of a web page or a Word document.

The tables may come as one cell per line (as Word copies them), as tab-separated rows (as a
browser copies a published page, merged labels written once), or with " | " between cells. The
chapters are found by their headings; a missing heading is reported by rule R14, not refused.

A report is some hundreds of lines (a web page with its furniture some thousands): text of more
than MAX_LINES lines, from any reader, is refused before the tables are looked for, and runs of
blank lines count as one, so a file of nothing but line breaks costs no memory.
"""

from __future__ import annotations

import datetime as dt
import re

from app.document.headings import NOT_A_HEADING, find_heading, mark_for, numbering_level
from app.domain.layouts import layout_for_year
from app.domain.report import Report
from app.readers.errors import ReadError
from app.readers.labels import normalize
from app.readers.lines import Line as Line
from app.readers.lines import table_line as table_line
from app.readers.table_finding import TABLE2_START, TABLE3_START, find_tables
from app.readers.table_reader import TableRead

_MARKERS = re.compile(r"\[(?:image|bookmark|图片)[:：][^\]]*\]")
_HEADING = re.compile(r"^\s*([一二三四五六])\s*[、.．，]\s*(.*)$")
CHAPTER_WORDS = {
    "1": ("总体情况",),
    "2": ("主动公开",),
    "3": ("收到和处理", "收到及处理", "申请情况", "依申请公开"),
    "4": ("行政复议", "行政诉讼", "复议", "诉讼"),
    "5": ("存在的主要问题", "主要问题", "改进情况", "问题及改进"),
    "6": ("其他需要报告", "其他事项", "需要报告的事项"),
}
_NOISE = re.compile(
    r"^(https?://|www\.|发布时间|发布日期|成文日期|来源[:：]|信息来源|【|\[|字号|字体|浏览|阅读|打印|关闭|"
    r"分享|索引号|发布机构|发文机关|文号|主题分类|主题词|分类|生效|有效性|扫一扫|当前位置|首页|"
    r"责任编辑|编辑[:：]|点击|访问)"
)
# A portal's own footer and what it lists under an article; never the end of a report.
_PORTAL_FOOT = re.compile(
    r"^([•▪◆■►]|上一篇|下一篇|相关链接|相关文章|相关阅读|相关信息|主办单位|主办[:：]|承办单位|"
    r"承办[:：]|协办|版权所有|技术支持|网站标识码|网站地图|联系我们|分享到|Copyright|©|"
    r".{0,30}(ICP备|ICP证|公网安备))",
    re.IGNORECASE,
)
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_CN_DATE_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
_YEAR = re.compile(r"(20\d{2})\s*年")
_PERIOD_YEAR = re.compile(r"(20\d{2})\s*年\s*1\s*月\s*1\s*日")
_CONTINUED = re.compile(r"^[（(]?续表[）)]?\s*\d*$|^续上表$")
_UNDATED = re.compile(r"^[\s\u3000]*年[\s\u3000]*月[\s\u3000]*日$")
# Lines of nothing or spaces between two line breaks (tabs are cells: a line of them is no
# blank). Written without a repeated group, which the regex engine takes 50 times as long over.
_BLANK_LINES = re.compile(r"\n[ \u3000\n]*\n")
MAX_LINES = 20_000


def read_text(text: str) -> Report:
    """A report from pasted text; ReadError (Chinese) when the text is not a report."""
    return read_lines(_clean_lines(text))


def read_lines(lines: list[Line], structured: bool = False) -> Report:
    """A report from lines of text and table rows, whatever produced them.

    `structured`: the table rows are known exactly (a .docx), so text between them is never
    read as part of a table, and the text of chapters 2–4 outside their tables is kept as the
    chapter's lead paragraph.
    """
    if sum(1 for line in lines if line.text or line.tabbed) > MAX_LINES:
        raise ReadError(f"文件中的文字超过 {MAX_LINES:,} 行，不像是一份年度报告")
    title_lines, body_start = _title(lines)
    headings = _find_headings(lines, body_start)
    tables_start = _first_table_line(lines, body_start)
    if not headings and tables_start is None:
        raise ReadError(
            "没有找到年度报告的章节标题或统计表格，这不像是一份政府信息公开工作年度报告"
        )
    title = "".join(title_lines)
    first_body = min(
        [i for i, _ in headings] + [tables_start if tables_start is not None else len(lines)]
    )
    preamble = [ln for ln in lines[body_start:first_body] if ln.text and not _NOISE.match(ln.text)]
    preamble_lines = [ln.text for ln in preamble]
    year = _year(title, preamble_lines, lines)
    sections = _sections(lines, headings)
    report = Report(
        unit=_unit(title, year), year=year, title=title, preamble="\n".join(preamble_lines)
    )
    said_body = _says_body_text(lines)
    _keep_headings(report, "preamble", preamble, said_body)
    report.headings_found = [n for _, n in headings]
    last = sections.get("6") or sections.get("5") or []
    signature_unit, signature_date, kept = _signature(last)
    if "6" in sections:
        sections["6"] = kept
    elif "5" in sections:
        sections["5"] = kept
    report.signature_unit = signature_unit
    report.signature_date = signature_date
    if not report.unit and signature_unit:
        report.unit = signature_unit
    for number in ("1", "2", "3", "4", "5", "6") if structured else ("1", "5", "6"):
        text = [
            ln
            for ln in sections.get(number, [])
            if ln.text and ln.cells is None and not _CONTINUED.match(ln.text)
        ]
        report.chapters[number] = "\n".join(ln.text for ln in text)
        _keep_headings(report, number, text, said_body)
        if not report.chapters[number] and number not in ("1", "5", "6"):
            del report.chapters[number]
    _read_tables(report, lines, headings, structured)
    return report


def _keep_headings(report: Report, part: str, lines: list[Line], said_body: bool) -> None:
    """The headings the source marks, where the rules would read the line otherwise. A lead
    in bold counts only where it is numbered (a bold "一是" is emphasis, not a heading)."""
    marks: dict[str, int] = {}
    for line in lines:
        if line.heading and (line.heading_level or numbering_level(line.text)):
            marks.update(mark_for(line.text, line.heading, line.heading_level))
        elif said_body and line.body_text:
            found = find_heading(line.text)
            if found is not None:
                marks[line.text[: found.end]] = NOT_A_HEADING
    if marks:
        report.headings[part] = marks


def _says_body_text(lines: list[Line]) -> bool:
    """Whether the source's "this is body text" is meant of its lines: some producers state
    it on every paragraph; stated on numbered lines only, it means "not a heading"."""
    return not any(
        line.body_text
        for line in lines
        if line.text and line.cells is None and not numbering_level(line.text)
    )


def _clean_lines(text: str) -> list[Line]:
    if "\x00" in text:
        raise ReadError("这不是文本文件")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    text = _BLANK_LINES.sub("\n\n", text)
    if text.count("\n") > 2 * MAX_LINES:  # the text lines between the blank ones, at least
        raise ReadError(f"文件中的文字超过 {MAX_LINES:,} 行，不像是一份年度报告")
    out: list[Line] = []
    for raw in text.split("\n"):
        cleaned = _MARKERS.sub("", raw).rstrip(" \u3000")
        # One leading tab and no other: a cell of a table copied from Word, one per line.
        # More tabs: a tab-separated row, whose leading empty cells count.
        tabbed = cleaned.startswith("\t") and "\t" not in cleaned.strip("\t")
        if "\t" in cleaned.strip() or (cleaned.startswith("\t") and not tabbed):
            out.append(Line(cleaned, False))
            continue
        body = cleaned.strip()
        # Word puts a line break inside a cell ("结果\n维持"): the second part has no tab.
        if (
            body
            and not tabbed
            and out
            and out[-1].tabbed
            and out[-1].text
            and len(body) <= 4
            and not _HEADING.match(body)
        ):
            out[-1] = Line(out[-1].text + body, True)
            continue
        out.append(Line(body if not tabbed else cleaned.lstrip("\t").strip(), tabbed))
    return out


def _title(lines: list[Line]) -> tuple[list[str], int]:
    """The title lines (agency, then "YYYY年政府信息公开工作年度报告") and where the body starts.

    A web page may put its own furniture (索引号, 发布机构, 来源…) above the title, so the title
    is found by its words, and the agency's line above it only when the title starts with the
    year.
    """
    candidates = [
        i
        for i, ln in enumerate(lines[:60])
        if ln.text
        and "报告" in ln.text
        and len(ln.text) <= 60
        and not ln.tabbed
        and "\t" not in ln.text
        and "|" not in ln.text
        and not _NOISE.match(ln.text)
    ]
    for k in candidates:
        text = lines[k].text
        if "年度报告" not in text and "政府信息公开" not in text:
            continue
        title = [text]
        if re.match(r"^\s*(20\d{2}|关于)", text) or not re.search(r"20\d{2}", text):
            above = _previous_text(lines, k)
            if above is not None and _agency_like(lines[above].text):
                title.insert(0, lines[above].text)
        elif re.search(r"20\d{2}\s*年\s*度?$", text) or text.endswith(("政府信息公开工作",)):
            below = _next_text(lines, k)  # the title broken after the year
            if below is not None and "报告" in lines[below].text and len(lines[below].text) < 30:
                return [text, lines[below].text], below + 1
        return title, k + 1
    return _leading_title(lines)


def _previous_text(lines: list[Line], k: int) -> int | None:
    for i in range(k - 1, -1, -1):
        if lines[i].text:
            return i
    return None


def _next_text(lines: list[Line], k: int) -> int | None:
    for i in range(k + 1, len(lines)):
        if lines[i].text:
            return i
    return None


def _agency_like(text: str) -> bool:
    return (
        len(text) <= 30
        and not _NOISE.match(text)
        and not re.search(r"[:：|\t。，]", text)
        and not _HEADING.match(text)
    )


def _leading_title(lines: list[Line]) -> tuple[list[str], int]:
    """Without a recognisable title line: the short lines at the top."""
    i = 0
    title: list[str] = []
    while i < len(lines):
        t = lines[i].text
        if not t or _NOISE.match(t):
            i += 1
            if title and not t:
                break
            continue
        if (
            len(t) > 40
            or t.startswith(("根据", "本报告", "按照", "依据", "依照"))
            or _HEADING.match(t)
            or "\t" in t
            or "|" in t
        ):
            break
        title.append(t)
        i += 1
    return title, i


def chapter_of(text: str) -> str | None:
    """The chapter ("1" to "6") whose heading `text` is; None for any other line (table 3's
    "一、本年新收……数量" is no chapter's heading)."""
    m = _HEADING.match(text)
    if not m or len(text) > 60:
        return None
    number = str("一二三四五六".index(m.group(1)) + 1)
    rest = normalize(m.group(2))
    if any(word in rest for word in CHAPTER_WORDS[number]) and not re.search(
        r"数量|办理结果|继续办理", rest
    ):
        return number
    return None


def _find_headings(lines: list[Line], start: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    seen: set[str] = set()
    for i in range(start, len(lines)):
        line = lines[i]
        if line.tabbed or "|" in line.text or "\t" in line.text:
            continue
        number = chapter_of(line.text)
        if number and number not in seen:
            found.append((i, number))
            seen.add(number)
    return found


def _first_table_line(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        t = lines[i].text
        if TABLE2_START.search(t) and len(t) < 60:
            return i
        if any(word in t for word in TABLE3_START) and len(t) < 200:
            return i
    return None


_CHAPTER_NUMERALS = {"2": "二", "3": "三", "4": "四"}


def _sections(lines: list[Line], headings: list[tuple[int, str]]) -> dict[str, list[Line]]:
    sections: dict[str, list[Line]] = {}
    ordered = sorted(headings)
    for k, (i, number) in enumerate(ordered):
        end = ordered[k + 1][0] if k + 1 < len(ordered) else len(lines)
        sections[number] = lines[i + 1 : end]
    return sections


def _year(title: str, preamble: list[str], lines: list[Line]) -> int:
    for source in (title, *preamble):
        m = _PERIOD_YEAR.search(source) if source is not title else _YEAR.search(source)
        if m:
            return int(m.group(1))
    for line in lines:
        m = _YEAR.search(line.text)
        if m:
            return int(m.group(1))
    raise ReadError("找不到报告年度（标题中应有“YYYY年”）")


def _unit(title: str, year: int) -> str:
    t = re.sub(r"\s+", "", title)
    m = re.search(rf"{year}\s*年度?", t)
    if m and m.start() > 0:
        return t[: m.start()].removeprefix("关于")
    if m:
        rest = t[m.end() :]
        return rest.split("政府信息公开")[0]
    return t.split("政府信息公开")[0]


def _parse_date(text: str) -> dt.date | None:
    t = re.sub(r"\s+", "", text).translate(_CN_DATE_DIGITS)
    t = re.sub(r"(?<=\d)十(?=\d)", "", t)
    t = re.sub(r"(?<=\D)十(?=\d)", "1", t)
    t = re.sub(r"(?<=\d)十(?=\D)", "0", t)
    t = re.sub(r"(?<=\D)十(?=\D)", "10", t)
    m = _DATE.match(t)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _without_portal_foot(section: list[Line]) -> list[Line]:
    """The last chapter without what a portal prints under the article (share buttons,
    related links, its own footer), where the page was printed to PDF or copied whole: the
    trailing lines of such kinds, when one of them is the portal's footer for certain."""
    end = len(section)
    certain = False
    while end and (
        not section[end - 1].text
        or _NOISE.match(section[end - 1].text)
        or _PORTAL_FOOT.match(section[end - 1].text)
    ):
        certain = certain or bool(_PORTAL_FOOT.match(section[end - 1].text))
        end -= 1
    return section[:end] if certain else section


def _signature(section: list[Line]) -> tuple[str, dt.date | None, list[Line]]:
    """The agency name and date at the end, taken out of the last chapter (with any page
    furniture after them)."""
    section = _without_portal_foot(section)
    idx = [i for i, ln in enumerate(section) if ln.text]
    for at in reversed(idx[-4:]):
        date = _parse_date(section[at].text)
        # "　　年　　月　　日": a date left for the pen (what the writer prints when undated).
        if date is None and not _UNDATED.match(section[at].text):
            if len(section[at].text) > 20:
                break
            continue
        before = [i for i in idx if i < at]
        unit, cut = "", at
        if before:
            prev = section[before[-1]].text
            if len(prev) <= 30 and not prev.endswith(("。", "；", "：", ".")):
                unit, cut = prev, before[-1]
        return unit, date, section[:cut]
    return "", None, section


def _read_tables(
    report: Report, lines: list[Line], headings: list[tuple[int, str]], structured: bool = False
) -> None:
    found = find_tables(lines, headings, layout_for_year(report.year).id, structured)
    sections = _sections(lines, headings)
    for (table, part), name, chapter in zip(
        found.items(), ("表二", "表三", "表四"), "234", strict=True
    ):
        _merge(report, table, part)
        if not part.found and any(line.picture for line in sections.get(chapter, [])):
            report.reader_notes.append(
                f"没有读到{name}的数字：第{_CHAPTER_NUMERALS[chapter]}部分中的表格是图片，"
                "无法读取其中的数字，请向报送单位索取表格为文字的 Word 版"
            )
        elif not part.found:
            report.reader_notes.append(f"没有读到{name}的数字")


def _merge(report: Report, table: str, part: TableRead) -> None:
    report.cells.update(part.cells)
    report.money_units.update(part.money_units)
    report.reader_notes.extend(part.notes)
    if part.layout_id and part.layout_id != report.layout_id:
        report.table_layouts[table] = part.layout_id
