"""Number placeholders as the user meets them: inserted by name, shown with today's figure.

The window inserts the Chinese-name form (`{{本年新收申请总数}}`), which reads as what it is; the
syntax and the expansion belong to app.document.placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.document.placeholders import BY_UNIT, NAMED_FIGURES, PLACEHOLDER, expand, problems
from app.domain.report import Report
from app.domain.rollup_record import rollup_record


@dataclass(frozen=True)
class Entry:
    name: str
    token: str
    figure: str  # the current figure, "" when the tables do not give one


def entries(report: Report) -> list[Entry]:
    """The placeholders a user can insert, with what each would print now; a roll-up also
    offers each figure by unit (“其中县教育局12件、……”)."""
    names = [named.name for named in NAMED_FIGURES]
    if rollup_record(report) is not None:
        names += [name + BY_UNIT for name in names]
    result = []
    for name in names:
        token = "{{" + name + "}}"
        figure = expand(token, report)
        result.append(Entry(name, token, "" if figure == token else figure))
    return result


def spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end() - m.start()) for m in PLACEHOLDER.finditer(text)]


def describe(token: str, report: Report) -> str:
    """One line for a tooltip: what the placeholder prints, or why it prints nothing."""
    for problem in problems(token, report):
        return problem.message
    return f"数字占位符：{token.strip('{} ')}，导出时写为当前表格数字 {expand(token, report)}"


def current_values(text: str, report: Report) -> str:
    """The figures a text's placeholders stand for today, for the line under the editor."""
    seen: dict[str, str] = {}
    for match in PLACEHOLDER.finditer(text):
        token = match.group(0)
        name = match.group(1)
        if name in seen:
            continue
        figure = expand(token, report)
        seen[name] = "（无法识别）" if figure == token else figure
    return "；".join(f"{name} = {figure}" for name, figure in seen.items())


def expanded(text: str, report: Report) -> str:
    return expand(text, report)
