"""Pasting cells copied from Excel or WPS: what lands in which cell, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.edits import SetCells
from app.domain.layout import TableLayout
from app.domain.layouts import get_layout
from app.domain.paste import (
    Area,
    PasteError,
    clear_edit,
    join_clipboard,
    paste_edit,
    split_clipboard,
)
from app.domain.report import CellValue

T3 = get_layout("2021").table3
T2_2019 = get_layout("2019").table2
T2_2021 = get_layout("2021").table2
T4 = get_layout("2021").table4


def at(table: TableLayout, key: str) -> Area:
    return Area.cell(*table.value_position(key))


def changes(edit: SetCells) -> dict[str, CellValue | None]:
    return dict(edit.changes)


def test_excel_text_with_crlf_and_trailing_newline() -> None:
    assert split_clipboard("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]


def test_wps_text_with_bare_newlines_and_extra_blank_lines() -> None:
    assert split_clipboard("1\t2\n3\t4\n\n") == [["1", "2"], ["3", "4"]]


def test_a_blank_row_inside_the_block_is_kept() -> None:
    assert split_clipboard("1\n\n3\n") == [["1"], [""], ["3"]]


def test_a_single_empty_cell_copied_from_excel_clears() -> None:
    assert split_clipboard("\r\n") == [[""]]


def test_empty_clipboard_is_refused() -> None:
    with pytest.raises(PasteError, match="没有可粘贴"):
        split_clipboard("")


def test_quoted_cells_keep_their_tabs_newlines_and_quotes() -> None:
    assert split_clipboard('"a\tb"\t"say ""hi"""\r\n"two\nlines"\tx\r\n') == [
        ["a\tb", 'say "hi"'],
        ["two\nlines", "x"],
    ]


def test_a_stray_quote_is_text() -> None:
    assert split_clipboard('"12\t3\n') == [['"12', "3"]]


def test_ragged_rows_leave_missing_cells_alone() -> None:
    assert split_clipboard("1\t2\t3\n4\n") == [["1", "2", "3"], ["4", None, None]]


def test_join_then_split_gives_the_same_cells() -> None:
    rows = [["三、本年度办理结果", "（一）予以公开", "12"], ['a"b', "x\ty", ""]]
    assert split_clipboard(join_clipboard(rows)) == rows


def test_thousands_separators_and_full_width_digits() -> None:
    edit = paste_edit(T3, "1,234\t１２\t\u30000 \r\n", at(T3, "new.natural"))
    assert changes(edit) == {
        "table3:new.natural": 1234,
        "table3:new.business": 12,
        "table3:new.research": 0,
    }


def test_whole_table3_block_lands_on_all_175_cells_from_the_first_value_cell() -> None:
    text = "".join("\t".join(str(r * 10 + c) for c in range(7)) + "\r\n" for r in range(25))
    edit = paste_edit(T3, text, at(T3, "new.natural"))
    got = changes(edit)
    assert len(got) == 175
    assert got["table3:new.natural"] == 0
    assert got["table3:carried_out.total"] == 246
    assert got["table3:deny_secret.legal"] == 44
    assert edit.description == "粘贴 175 个单元格"


def test_a_selection_starting_on_a_label_pastes_into_the_value_cells_to_its_right() -> None:
    row, _ = T3.value_position("open.natural")
    edit = paste_edit(T3, "5\t6\n", Area.cell(row, 1))
    assert changes(edit) == {"table3:open.natural": 5, "table3:open.business": 6}


def test_a_single_value_fills_the_whole_selection() -> None:
    top, left = T3.value_position("open.natural")
    bottom, right = T3.value_position("deny_law.research")
    edit = paste_edit(T3, "0\r\n", Area(top, left, bottom, right))
    got = changes(edit)
    assert len(got) == 4 * 3
    assert set(got.values()) == {0}


def test_a_block_repeats_over_a_selection_twice_its_size() -> None:
    top, left = T3.value_position("open.natural")
    bottom, right = T3.value_position("deny_law.public_interest")  # 4 rows × 4 columns
    edit = paste_edit(T3, "1\t2\n3\t4\n", Area(top, left, bottom, right))
    got = changes(edit)
    assert len(got) == 16
    assert got["table3:open.natural"] == 1
    assert got["table3:partial.research"] == 3
    assert got["table3:deny_law.public_interest"] == 4


def test_a_block_over_a_selection_that_is_not_a_multiple_is_laid_once() -> None:
    top, left = T3.value_position("open.natural")
    bottom, right = T3.value_position("deny_secret.research")  # 3 × 3
    edit = paste_edit(T3, "1\t2\n3\t4\n", Area(top, left, bottom, right))
    assert len(changes(edit)) == 4


def test_table2_rows_skip_title_and_header_rows() -> None:
    # 2021 table 2: 规章 and 行政规范性文件, then the （五） title and header, then 行政许可.
    edit = paste_edit(T2_2021, "1\n2\n3\n", at(T2_2021, "rules.issued"))
    assert changes(edit) == {
        "table2:rules.issued": 1,
        "table2:normative_docs.issued": 2,
        "table2:licensing.decisions": 3,
    }


def test_money_with_its_unit_keeps_the_unit() -> None:
    edit = paste_edit(T2_2019, "3\t347.08万元\n", at(T2_2019, "procurement.projects"))
    assert changes(edit) == {
        "table2:procurement.projects": 3,
        "table2:procurement.amount": Decimal("347.08"),
    }
    assert dict(edit.units) == {"table2:procurement.amount": "万元"}


def test_a_bad_cell_refuses_the_whole_paste_and_names_the_cell() -> None:
    with pytest.raises(PasteError) as info:
        paste_edit(T3, "1\t2\n3\tabc\n", at(T3, "new.natural"))
    message = str(info.value)
    assert "二、上年结转政府信息公开申请数量“商业企业”" in message
    assert "abc" in message
    assert "整块粘贴已取消" in message


def test_negative_and_fractional_counts_are_refused() -> None:
    with pytest.raises(PasteError, match="不能为负数"):
        paste_edit(T4, "-1\n", at(T4, "review.upheld"))
    with pytest.raises(PasteError, match="整数"):
        paste_edit(T4, "1.5\n", at(T4, "review.upheld"))


def test_a_block_running_off_the_bottom_is_refused() -> None:
    with pytest.raises(PasteError, match="往下只有 1 行"):
        paste_edit(T3, "1\n2\n", at(T3, "carried_out.natural"))


def test_a_block_running_off_the_right_is_refused() -> None:
    with pytest.raises(PasteError, match="往右只有 1 格"):
        paste_edit(T3, "1\t2\n", at(T3, "new.total"))


def test_blank_marks_clear_cells() -> None:
    edit = paste_edit(T4, "/\t—\t\n", at(T4, "review.upheld"))
    assert changes(edit) == {
        "table4:review.upheld": None,
        "table4:review.corrected": None,
        "table4:review.other": None,
    }


def test_clear_edit_blanks_cells_and_their_units() -> None:
    edit = clear_edit(T2_2019, ["procurement.amount", "fees.change"])
    assert changes(edit) == {"table2:procurement.amount": None, "table2:fees.change": None}
    assert dict(edit.units) == {"table2:procurement.amount": None}


def test_a_ragged_block_needs_room_only_for_the_cells_it_has() -> None:
    # Copied from Word: 规章 has three figures, 行政许可 one (its cell spans the rest).
    text = "1\t2\t3\n4\t5\t6\n7\n"
    row, col = T2_2021.value_position("rules.issued")
    below, _ = T2_2021.value_position("licensing.decisions")
    edit = paste_edit(T2_2021, text, Area(row, col, row, col))
    assert changes(edit)["table2:licensing.decisions"] == 7
    assert len(changes(edit)) == 7
    assert below > row + 2  # the title and header rows of （五） were stepped over
