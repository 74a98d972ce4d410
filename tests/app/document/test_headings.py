"""Sub-headings as real reports write them, and the user's word where the rules misread one."""

from __future__ import annotations

import pytest

from app.document.headings import (
    HeadingSpan,
    find_heading,
    kept_marks,
    mark_for,
    numbering_level,
    toggled,
)
from app.domain.carry import DRAFT_MARK


def heading_of(line: str, marks: dict[str, int] | None = None) -> tuple[int, str] | None:
    found = find_heading(line, marks)
    return None if found is None else (found.level, line[: found.end])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # alone on its line
        ("（一）主动公开情况", (2, "（一）主动公开情况")),
        ("(二)依申请公开", (2, "(二)依申请公开")),
        ("（二）改进措施：", (2, "（二）改进措施：")),
        ("1.规章", (3, "1.规章")),
        ("2、收费情况", (3, "2、收费情况")),
        ("（1）发布情况", (4, "（1）发布情况")),
        ("3.政府信息公开行政复议、行政诉讼情况", (3, "3.政府信息公开行政复议、行政诉讼情况")),
        # a full stop ends a （一） heading alone on its line, even one about the year or a "not"
        ("（二）存在的主要问题及改进情况。", (2, "（二）存在的主要问题及改进情况。")),
        ("（一）本年度主动公开情况。", (2, "（一）本年度主动公开情况。")),
        ("（三）未成年人保护信息公开。", (2, "（三）未成年人保护信息公开。")),
        # run in after a stop, a colon or a space
        ("（一）主动公开情况。2024年，本局主动公开政府信息326条。", (2, "（一）主动公开情况。")),
        ("（一）本年度主动公开情况。全年没有收到申请。", (2, "（一）本年度主动公开情况。")),
        (
            "（一）存在的主要问题:基层政务公开标准化规范化水平有待进一步提升。",
            (2, "（一）存在的主要问题:"),
        ),
        ("（二）改进措施：一是持续认真贯彻《条例》。", (2, "（二）改进措施：")),
        ("（一）主动公开方面 平潭综合实验区切实落实国务院办公厅要求。", (2, "（一）主动公开方面")),
        (
            "1.深入推进优化服务工作。按照《实施意见》，承接事项184项。",
            (3, "1.深入推进优化服务工作。"),
        ),
        ("2. 做好行政权力运行公开。一是事前公开行政权力清单。", (3, "2. 做好行政权力运行公开。")),
        # run in with nothing between (text copied from a web page)
        (
            "（一）强化组织协调，着力规范公开工作积极贯彻国家、省里有关政务公开工作要求，区党工委管委会领导高度重视。",
            (2, "（一）强化组织协调，着力规范公开工作"),
        ),
        (
            "5.加强平台建设一是上线试运行12345平台新系统，对门户网站、管理平台、手机端进行全方面提升。",
            (3, "5.加强平台建设"),
        ),
        (
            "4.认真办理依申请公开2020年全区各级行政机关共受理政府信息公开申请21件，均已答复。",
            (3, "4.认真办理依申请公开"),
        ),
        (
            "1.加强用权信息公开（1）推进权责清单公开。区行政审批局在各片区管理局的基础上梳理。",
            (3, "1.加强用权信息公开"),
        ),
    ],
)
def test_a_heading_is_found_in_each_way_reports_write_it(
    line: str, expected: tuple[int, str]
) -> None:
    assert heading_of(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "1.本年度未收取信息处理费。",  # a numbered sentence
        "4.2020年收到1件政协委员提案。",
        "4.2020年 收到0件代表建议，答复0件；收到1件政协委员提案，答复1件，满意率100%。",
        "1. 收到申请3件",
        "（一）全年共收到申请15件，办结15件。",
        "（一）本年度未收取信息处理费。",  # a fact: who or when, then "not" or "already"
        "（二）本机关2024年无其他需要报告的事项。",
        "（一）本年度未收取信息处理费。下一年度继续保持。",
        "（三）我局相关人员均已参加培训。",
        "3.充分应用山东政务服务网在线咨询、热线电话问询、高青县行政审批服务局微信公众号等新闻媒体信息传播路径，"
        "传播政务服务信息。以图文并茂的方式发布公告。",
        "（一）按照新平台建设要求梳理迁移数据并积极参加全市新平台培训会议和内部信息公开培训会议并做好记录存档",
        "（一）强化组织领导，我局成立了以局长为组长、分管副局长为副组长的政务公开工作领导小组，统筹推进。",
        "1.5万元用于平台建设，较上年增加。",
        "12345热线全年受理诉求3万件。",
        "一是加强组织领导。",
        "2020年，我局以习近平新时代中国特色社会主义思想为指导。",
    ],
)
def test_sentences_that_start_with_a_number_are_body_text(line: str) -> None:
    assert find_heading(line) is None


def test_numbering_gives_the_level() -> None:
    assert [
        numbering_level(t) for t in ("（三）平台", "2.复议", "（2）诉讼", "一是", "1.5万元")
    ] == [2, 3, 4, 0, 0]


def test_a_mark_overrides_the_rules_both_ways() -> None:
    line = (
        "（一）强化组织领导成立了以局长为组长的政务公开工作领导小组统筹推进各项工作落实到位见成效"
    )
    assert find_heading(line) is None
    marks = {"（一）强化组织领导": 2}
    assert heading_of(line, marks) == (2, "（一）强化组织领导")
    assert find_heading("（二）主动公开", {"（二）主动公开": 0}) is None
    assert heading_of("主动公开情况", {"主动公开情况": 2}) == (2, "主动公开情况")


def test_toggling_turns_a_heading_off_and_on_again() -> None:
    line = "（二）改进措施：一是持续认真贯彻《条例》。"
    off = toggled(line, {})
    assert off == {"（二）改进措施：": 0}
    assert find_heading(line, off) is None
    assert toggled(line, off) == {}
    assert find_heading(line, toggled(line, off)) == HeadingSpan(2, 8)


def test_toggling_a_body_line_on_takes_it_up_to_its_first_stop_or_the_selection() -> None:
    line = "主动公开情况。本局全年主动公开政府信息326条。"
    assert toggled(line, {}) == {"主动公开情况。": 2}
    assert toggled("1.本年度未收取信息处理费。", {}) == {"1.本年度未收取信息处理费。": 3}
    long_line = (
        "（一）强化组织领导成立了以局长为组长的政务公开工作领导小组统筹推进各项工作落实到位见成效"
    )
    assert toggled(long_line, {}, lead=9) == {"（一）强化组织领导": 2}


def test_a_mark_on_a_carried_draft_holds_once_the_draft_mark_is_deleted() -> None:
    draft = (
        DRAFT_MARK
        + "（一）强化组织领导成立了以局长为组长的政务公开工作领导小组统筹推进各项工作落实到位见成效"
    )
    marks = toggled(draft, {}, lead=len(DRAFT_MARK) + 9)
    assert marks == {"（一）强化组织领导": 2}
    assert heading_of(draft, marks) == (2, DRAFT_MARK + "（一）强化组织领导")
    edited = draft.removeprefix(DRAFT_MARK)
    assert heading_of(edited, marks) == (2, "（一）强化组织领导")


def test_marks_of_deleted_lines_are_dropped() -> None:
    marks = {"（一）主动公开": 0, "主动公开情况": 2}
    assert kept_marks(["（一）主动公开", "正文。"], marks) == {"（一）主动公开": 0}


def test_a_heading_another_program_marked_is_kept_only_where_the_rules_differ() -> None:
    assert mark_for("（一）主动公开情况", "（一）主动公开情况", 2) == {}
    assert mark_for("主动公开情况", "主动公开情况", 2) == {"主动公开情况": 2}
    line = (
        "（一）强化组织领导成立了以局长为组长的政务公开工作领导小组统筹推进各项工作落实到位见成效"
    )
    assert mark_for(line, "（一）强化组织领导", 1) == {"（一）强化组织领导": 2}
    assert mark_for(line, "别的文字", 2) == {}
