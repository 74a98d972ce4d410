"""Chapter text becomes headings of their level and body paragraphs; the title a centred block."""

from __future__ import annotations

from app.document.model import Align, TextRole
from app.document.text_blocks import text_paragraphs, title_paragraph


def roles(text: str) -> list[list[TextRole]]:
    return [[run.role for run in p.runs] for p in text_paragraphs(text)]


def test_each_heading_mark_gives_its_level() -> None:
    text = "（一）主动公开\n1.规章\n（1）发布情况\n正文。"
    paragraphs = text_paragraphs(text)
    assert [p.role for p in paragraphs] == [
        TextRole.HEADING2,
        TextRole.HEADING3,
        TextRole.HEADING4,
        TextRole.BODY,
    ]
    assert all(p.keep_with_next for p in paragraphs[:3])
    assert not paragraphs[3].keep_with_next


def test_half_width_and_other_marks_are_headings_too() -> None:
    assert roles("(二)依申请公开\n2、收费情况\n3．复议") == [
        [TextRole.HEADING2],
        [TextRole.HEADING3],
        [TextRole.HEADING3],
    ]


def test_a_heading_run_into_its_paragraph_keeps_its_font_up_to_the_full_stop() -> None:
    [p] = text_paragraphs("1.深入推进优化服务工作。按照《实施意见》，承接事项184项。")
    assert p.role is TextRole.BODY
    assert [(r.text, r.role) for r in p.runs] == [
        ("1.深入推进优化服务工作。", TextRole.HEADING3),
        ("按照《实施意见》，承接事项184项。", TextRole.BODY),
    ]


def test_a_numbered_sentence_and_a_decimal_are_body_text() -> None:
    assert roles("4.2020年收到1件政协委员提案。") == [[TextRole.BODY]]
    assert roles("1.5万元用于平台建设，较上年增加。") == [[TextRole.BODY]]


def test_a_heading_run_in_without_a_stop_ends_where_the_body_begins() -> None:
    [p] = text_paragraphs(
        "（二）围绕工作重点，扎实推进主动公开根据国家、省里政务公开工作要点，结合我区实际情况部署。"
    )
    assert [(r.text, r.role) for r in p.runs] == [
        ("（二）围绕工作重点，扎实推进主动公开", TextRole.HEADING2),
        ("根据国家、省里政务公开工作要点，结合我区实际情况部署。", TextRole.BODY),
    ]


def test_the_users_marks_decide_and_placeholders_are_expanded_in_each_run() -> None:
    text = "（一）主动公开\n（二）办理情况收到申请{{n}}件，全部按时办结并答复申请人，无一例被复议或诉讼的情况发生"
    marks = {"（一）主动公开": 0, "（二）办理情况": 2}
    paragraphs = text_paragraphs(text, marks, lambda piece: piece.replace("{{n}}", "7"))
    assert [(r.text[:8], r.role) for p in paragraphs for r in p.runs] == [
        ("（一）主动公开", TextRole.BODY),
        ("（二）办理情况", TextRole.HEADING2),
        ("收到申请7件，全", TextRole.BODY),
    ]


def test_a_long_sentence_that_starts_with_a_number_is_body_text() -> None:
    line = (
        "（一）"
        + "按照新平台建设要求梳理迁移数据并积极参加全市新平台培训会议和内部信息公开培训" * 2
    )
    assert roles(line) == [[TextRole.BODY]]


def test_blank_lines_stray_spaces_and_picture_marks_are_dropped() -> None:
    paragraphs = text_paragraphs("  正文一。\u3000\n\n[image: 1611022350(1)]\n 正文二。")
    assert [p.text for p in paragraphs] == ["正文一。", "正文二。"]


def test_body_paragraphs_are_justified_with_a_two_character_indent() -> None:
    [p] = text_paragraphs("正文。")
    assert p.align is Align.JUSTIFY
    assert p.first_line_indent_chars == 2


def test_the_title_is_centred_without_indent_and_kept_with_the_text() -> None:
    p = title_paragraph("平潭综合实验区2021年政府信息公开工作年度报告", 20)
    assert p.text == "平潭综合实验区\n2021年政府信息公开工作年度报告"
    assert p.align is Align.CENTER
    assert p.first_line_indent_chars == 0
    assert p.keep_with_next
