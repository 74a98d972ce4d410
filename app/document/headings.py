"""Which lines of a report's text are sub-headings, and how much of a line the heading is.

Real reports write a sub-heading in four ways: alone on its line ("（一）主动公开情况"); run into
its paragraph after a stop ("（一）主动公开情况。2024年…", "（二）改进措施：一是…"); run in after a
space ("（一）主动公开方面 平潭…"); or run in with nothing between, as text copied from a web
page comes ("5.加强平台建设一是上线…"). Numbered items are also plain sentences ("1.本年度未收取
信息处理费。", "4.2020年收到1件提案。"). The rules below read those forms; where they read a line
wrongly the user says so, and the report keeps what the user said as marks: per part, the text
of a heading and its level, level 0 for "this is not a heading" (Report.headings). A line that
starts with a mark's text follows the mark, whatever the rules would say.

Pure functions: the document blocks, the chapter editor's highlighting and its heading toggle
all ask this module, so the editor shows what will print.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.carry import DRAFT_MARK

NOT_A_HEADING = 0
LEVELS = (2, 3, 4)  # （一） 楷体; 1. and （1） in the body font
_MARKS = (
    (2, re.compile(r"[（(][一二三四五六七八九十]+[）)]")),
    (4, re.compile(r"[（(]\d{1,2}[）)]")),
    # "4.2020年……" is item 4 about the year 2020; "1.5万元" is a decimal, not an item.
    (3, re.compile(r"\d{1,2}[.．、](?=\d{4}年|\D)")),
)
RUN_IN_MAX = 40  # characters: a "heading" longer than this is a sentence
_STOPS = "。：:"  # what ends a heading run into its paragraph
_SENTENCE_ENDS = "。；！？"
_SPACES = " \u3000"
# Words that start the body text of a paragraph whose heading was run in without a stop (as
# published pages lose the line break): "（二）围绕工作重点，扎实推进主动公开根据国家……".
_OPENERS = re.compile(
    r"(?:根据|按照|依据|依照|积极|充分|认真|严格|坚持|围绕|结合|通过|依托|聚焦|针对|对照|"
    r"为进一步|为切实|一是|首先|今年以来|今年|本年度|年内|全年|20\d\d年|"
    r"[我本](?:区|县|市|局|委|办|镇|乡|省|厅|院|单位|机关|部门|中心|街道)|管委会|"
    r"[（(](?:\d{1,2}|[一二三四五六七八九十]+)[）)]|\d{1,2}[.．、](?!\d))"
)
_SUB_MARK = re.compile(r"[（(]\d{1,2}[）)]")
# A body text never starts right after these: "并积极参加" is one sentence.
_GLUE = frozenset("并和及与而且或地的得在要将把对向从于以等为使让被是了着过也都还就又")
_MIN_WORDS = 4  # a heading run in without a stop has at least this many characters of words
# Figures in a lead make it a sentence ("1.收到申请5件。"); a year ("2024年") does not.
_FIGURE = re.compile(r"\d+(?![\d年])")
_YEAR = re.compile(r"\d{4}年")
# A （一） item that reports a fact is a sentence though it reads like a heading alone on its line
# ("（一）本年度未收取信息处理费。"): a subject or a year first, and a "not" or "already" after it.
# Either alone is no sign ("（一）本年度主动公开情况。", "（三）未成年人保护信息公开。").
_STATEMENT = re.compile(
    r"(?:本年度?|全年|今年|本(?:机关|单位|部门)|[我本][区县市局委办]|20\d\d年度?)"
    r".*(?:未(?!成年|来)|没有|无(?!纸|障碍)|均已|已经)"
)


@dataclass(frozen=True)
class HeadingSpan:
    level: int  # 2, 3 or 4
    end: int  # the heading is line[:end]; the rest of the line is body text


def numbering_level(line: str) -> int:
    """The level the numbering at the start of `line` gives (0 when it has none)."""
    core = _core(line)[1]
    for level, mark in _MARKS:
        if mark.match(core):
            return level
    return 0


def find_heading(line: str, marks: Mapping[str, int] | None = None) -> HeadingSpan | None:
    """The heading `line` (a stripped line of text) starts with, or None for body text."""
    offset, core = _core(line)
    if marks:
        key = _mark_for(core, marks)
        if key is not None:
            level = marks[key]
            return HeadingSpan(level, offset + len(key)) if level in LEVELS else None
    found = _auto(core)
    return None if found is None else HeadingSpan(found.level, offset + found.end)


def toggled(line: str, marks: Mapping[str, int], lead: int | None = None) -> dict[str, int]:
    """A part's marks after the user said the line is, or is not, a heading (it was the other).

    Turning a heading on takes `lead` characters of the line when given (the user selected the
    heading's words), else the line up to its first stop, else the whole line.
    """
    offset, core = _core(line)
    out = {k: v for k, v in marks.items() if not core.startswith(k)}
    automatic = _auto(core)
    if find_heading(line, marks) is not None:
        if automatic is not None:
            out[core[: automatic.end]] = NOT_A_HEADING
        return out
    if automatic is None or lead is not None:
        end = len(core) if lead is None else max(1, min(len(core), lead - offset))
        if lead is None:
            stop = _first_stop(core, _words_start(core))
            if stop is not None and core[stop + 1 :].strip(_SPACES):
                end = stop + 1
        out[core[:end]] = numbering_level(core) or 2
    return out


def kept_marks(lines: list[str], marks: Mapping[str, int]) -> dict[str, int]:
    """The marks that still match a line of the text (a deleted heading takes its mark)."""
    cores = [_core(line)[1] for line in lines]
    return {k: v for k, v in marks.items() if any(core.startswith(k) for core in cores)}


def mark_for(line: str, heading: str, level: int) -> dict[str, int]:
    """The mark that makes `heading` (the start of `line`) a heading of `level` as another
    program marked it, or nothing when the rules already read the line so."""
    offset, core = _core(line)
    key = heading[offset:] if heading.startswith(line[:offset]) else heading
    if not key or not core.startswith(key):
        return {}
    level = level if level in LEVELS else numbering_level(core) or 2
    if _auto(core) == HeadingSpan(level, len(key)):
        return {}
    return {key: level}


def _core(line: str) -> tuple[int, str]:
    """The line without a leading draft mark (text carried from last year), and the mark's
    length: a mark made on a draft still holds once the user deletes the draft mark."""
    if line.startswith(DRAFT_MARK):
        rest = line[len(DRAFT_MARK) :]
        stripped = rest.lstrip(_SPACES)
        return len(line) - len(stripped), stripped
    return 0, line


def _mark_for(core: str, marks: Mapping[str, int]) -> str | None:
    found = [key for key in marks if key and core.startswith(key)]
    return max(found, key=len) if found else None


def _words_start(core: str) -> int:
    for _, mark in _MARKS:
        match = mark.match(core)
        if match:
            end = match.end()
            while end < len(core) and core[end] in _SPACES:
                end += 1
            return end
    return 0


def _first_stop(core: str, start: int) -> int | None:
    for i in range(start, min(len(core), RUN_IN_MAX)):
        if core[i] in _STOPS:
            return i
    return None


def _auto(core: str) -> HeadingSpan | None:
    level = numbering_level(core)
    if not level:
        return None
    words = _words_start(core)
    alone = _alone(core, words, level)
    if alone is not None:
        # A short line may still be a heading run into a short sentence with nothing between.
        return _opener_split(core, words, level, min_rest=_MIN_WORDS) or alone
    for i in range(words, min(len(core), RUN_IN_MAX)):
        ch = core[i]
        if (
            i >= words + _MIN_WORDS
            and _is_cjk(core[i - 1])
            and _SUB_MARK.match(core, i)
            and _lead_words(core[words:i])
        ):
            return HeadingSpan(level, i)  # "1.加强用权信息公开（1）推进权责清单公开。…"
        if ch in _STOPS or (ch in _SPACES and _cjk_count(core[words:i]) >= _MIN_WORDS):
            rest = core[i + 1 :].strip(_SPACES)
            end = i + 1 if ch in _STOPS else i
            if ch == "。" and _STATEMENT.match(core[words:i]):
                return None
            if rest and _lead_words(core[words:end]):
                return HeadingSpan(level, end)
            return None
        if ch in _SENTENCE_ENDS:
            return None
    if len(core) <= RUN_IN_MAX:
        return None
    return _opener_split(core, words, level)


def _opener_split(core: str, words: int, level: int, min_rest: int = 0) -> HeadingSpan | None:
    """Where the body begins in a line whose heading runs on with nothing between."""
    for match in _OPENERS.finditer(core, words + _MIN_WORDS, RUN_IN_MAX):
        start = match.start()
        before = core[start - 1]
        if (
            _is_cjk(before)
            and before not in _GLUE
            and len(core) - start >= min_rest
            and _lead_words(core[words:start])
        ):
            return HeadingSpan(level, start)
    return None


def _alone(core: str, words: int, level: int) -> HeadingSpan | None:
    """A short line that is all heading: no stop or space inside; a full stop at its end only after
    （一） (an item "1.本年度未收取信息处理费。" is a sentence)."""
    if len(core) > RUN_IN_MAX:
        return None
    inner = core[words:-1]
    if any(ch in _SENTENCE_ENDS or ch in _STOPS or ch in _SPACES for ch in inner):
        return None
    last = core[-1:]
    if last in _SENTENCE_ENDS and (
        level != 2 or not _lead_words(core[words:-1]) or _STATEMENT.match(core[words:-1])
    ):
        return None
    if not _lead_words(core[words:]):
        return None
    return HeadingSpan(level, len(core))


def _lead_words(words: str) -> bool:
    """Words that can be a heading: some Chinese, and no figures but a year."""
    return _cjk_count(_YEAR.sub("", words)) >= 2 and not _FIGURE.search(_YEAR.sub("", words))


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if _is_cjk(ch))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
