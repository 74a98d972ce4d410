"""填报说明: what each row of the three tables counts and which article of the 条例 it comes from.

Written from 《中华人民共和国政府信息公开条例》（国务院令第711号）, the two formats (国办公开办函
〔2019〕60号, 〔2021〕30号) and 国办函〔2020〕109号, in words for the person filling in the table.
Keyed by the layouts' row keys (spec/format.md §3–5); a group of rows (（三）不予公开 …) by the
prefix its rows share.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.layout import CellRole, GridCell, TableLayout


@dataclass(frozen=True)
class TableGuide:
    name: str  # "table2"
    title: str
    intro: str


TABLES = (
    TableGuide(
        "table2",
        "表二 主动公开政府信息情况",
        "依据《条例》第二十条：行政机关应当主动公开本机关的规章和规范性文件（第（一）项），"
        "行政许可和其他对外管理服务事项的办理结果（第（五）项），行政处罚、行政强制（第（六）项），"
        "行政事业性收费（第（八）项）等信息。数字统计到12月31日，没有的填 0。",
    ),
    TableGuide(
        "table3",
        "表三 收到和处理政府信息公开申请情况",
        "依据《条例》第四章“依申请公开”。按申请人分列：自然人，以及法人或其他组织中的商业企业、"
        "科研机构、社会公益组织、法律服务机构和其他；“总计”为六类之和（表中没有法人或其他组织的小计栏）。"
        "本表的勾稽关系写在左上角：第一项加第二项之和，等于第三项加第四项之和。"
        "每件申请只按一种办理结果统计。",
    ),
    TableGuide(
        "table4",
        "表四 政府信息公开行政复议、行政诉讼情况",
        "依据《条例》第五十条第（三）项：报告因政府信息公开工作被申请行政复议、提起行政诉讼的情况"
        "（《条例》第五十一条：认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议"
        "或者提起行政诉讼）。按本年度作出的复议决定和判决统计；本年受理、到12月31日尚无结果的计入"
        "“尚未审结”；每组的“总计”为四种结果之和。",
    ),
)

ROWS: dict[str, str] = {
    # Table 2, layout 2021.
    "table2:rules": "本机关制定的规章。本年制发、本年废止的件数，以及截至12月31日现行有效的件数"
    "（《条例》第二十条第（一）项）。",
    "table2:normative_docs": "本机关制发的行政规范性文件。本年制发、本年废止和截至12月31日现行有效的件数"
    "（第二十条第（一）项）。",
    "table2:licensing": "本年度作出的行政许可处理决定数量，公开与否都计入（第二十条第（五）项）。",
    "table2:penalty": "本年度作出的行政处罚决定数量（第二十条第（六）项）。",
    "table2:coercion": "本年度作出的行政强制决定数量（第二十条第（六）项）。",
    "table2:fees": "本年度收取的行政事业性收费金额，单位万元，按实际填写小数（第二十条第（八）项）。",
    # Table 2, layout 2019 (rows the 2021 format dropped).
    "table2:other_services": "其他对外管理服务事项：上一年项目数量、本年增减和处理决定数量"
    "（第二十条第（五）项）。",
    "table2:procurement": "政府集中采购：采购项目数量和采购总金额，金额连同单位（元或万元）填写"
    "（第二十条第（九）项）。",
    # Table 3.
    "table3:new": "本年度1月1日至12月31日收到的政府信息公开申请件数（《条例》第二十七条）。",
    "table3:carried_in": "上一年度收到、跨年办理的申请件数：应等于上年度报告“四、结转下年度继续办理”。",
    "table3:open": "全部予以公开，包括告知申请人已主动公开及获取的方式、途径（第三十六条第（一）（二）项）。",
    "table3:partial": "对申请的信息作区分处理后，公开可以公开的部分（第三十七条）。只计这一情形，"
    "不再计入其他结果。",
    "table3:deny_secret": "依法确定为国家秘密的政府信息（第十四条）。",
    "table3:deny_law": "法律、行政法规禁止公开的政府信息（第十四条）。",
    "table3:deny_security": "公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息（第十四条）。",
    "table3:deny_third_party": "涉及商业秘密、个人隐私等，公开会损害第三方合法权益，且第三方不同意公开、"
    "不公开也不会对公共利益造成重大影响的（第十五条）。",
    "table3:deny_internal": "人事管理、后勤管理、内部工作流程等内部事务信息（第十六条第一款）。",
    "table3:deny_process": "履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息"
    "（第十六条第二款）。",
    "table3:deny_case_file": "行政执法案卷信息（第十六条第二款）。",
    "table3:deny_query": "工商、不动产登记资料等，有关法律、行政法规对获取有特别规定，"
    "告知申请人依照其规定办理的（第三十六条第（七）项）。",
    "table3:na_not_held": "经检索没有所申请的信息，或所申请的信息不属于本机关负责公开的"
    "（第三十六条第（四）（五）项）。",
    "table3:na_need_create": "没有现成的信息，需要对现有信息进行加工、分析才能提供的（第三十八条）。",
    "table3:na_unclear": "申请内容不明确，经指导、释明和补正后仍不明确的（第二十九条、第三十条）。",
    "table3:np_petition": "以政府信息公开申请的形式进行信访、投诉、举报，告知不作为申请处理的"
    "（第三十九条第一款）。",
    "table3:np_repeat": "已就同一申请作出答复后，申请人重复申请公开相同信息的（第三十六条第（六）项）。",
    "table3:np_publication": "要求提供政府公报、报刊、书籍等公开出版物，告知获取途径的（第三十九条第二款）。",
    "table3:np_mass": "申请数量、频次明显超过合理范围，且说明的理由不合理的（第三十五条）。",
    "table3:np_confirm": "要求行政机关确认或者重新出具申请人已经获取的信息的。",
    "table3:other_no_correction": "要求补正后，申请人无正当理由逾期不补正，视为放弃申请的（第三十条）。",
    "table3:other_unpaid_fee": "申请人逾期未按收费通知缴纳信息处理费，不再处理的（第四十二条，"
    "国办函〔2020〕109号）。",
    "table3:other_other": "不属于以上任何一种的其他办理结果，如申请人撤回申请。",
    "table3:other": "不属于以上任何一种的其他办理结果（2019年格式只有这一行）。",
    "table3:results_total": "本年度办结的申请总数：（一）至（六）各项最末一级之和。",
    "table3:carried_out": "到12月31日尚未办结、转入下一年度继续办理的申请件数（答复期限见第三十三条）。",
    # Table 4: one row per group.
    "table4:review": "本年度因政府信息公开工作被申请行政复议的案件，按复议结果分列。",
    "table4:suit_direct": "未经行政复议、直接提起行政诉讼的案件，按判决结果分列。",
    "table4:suit_after_review": "经过行政复议后又提起行政诉讼的案件，按判决结果分列。",
}

# Label cells that stand over several rows, by the prefix their rows' keys share.
GROUPS: dict[str, str] = {
    "table3:deny_": "（三）不予公开：依法决定不予公开，告知申请人并说明理由（第三十六条第（三）项），"
    "按下列8种理由之一计数。",
    "table3:na_": "（四）无法提供：本机关没有或无法提供所申请的信息，按下列3种情形之一计数。",
    "table3:np_": "（五）不予处理：不作为政府信息公开申请处理的，按下列5种情形之一计数。",
    "table3:other_": "（六）其他处理：申请人逾期不补正、逾期不缴费等，按下列情形之一计数。",
}
RESULTS = (
    "三、本年度办理结果：本年度已办结的申请按答复结果分类，每件申请只计一种结果；"
    "（七）总计为各项之和。"
)


def row_note(ref: str) -> str:
    """What row `table:row` counts ("" when there is nothing to say)."""
    return ROWS.get(ref, "")


def group_note(ref: str) -> str:
    """The note of the group row `table:row` belongs to (（三）不予公开 …), or ""."""
    if ref == "table3:open":
        return RESULTS
    return next((note for prefix, note in GROUPS.items() if ref.startswith(prefix)), "")


def label_note(table: TableLayout, label: GridCell) -> str:
    """What a row label of `table` counts: its row's note, or its group's when it stands over
    several rows (（三）不予公开, 三、本年度办理结果)."""
    if label.role is not CellRole.LABEL:
        return ""
    rows = label.row, label.row + label.rowspan
    keys = list(
        dict.fromkeys(
            cell.key.partition(".")[0]
            for cell in table.grid
            if cell.key is not None and rows[0] <= cell.row < rows[1]
        )
    )
    if len(keys) == 1:
        return row_note(f"{table.name}:{keys[0]}")
    for prefix, note in GROUPS.items():
        if all(f"{table.name}:{key}".startswith(prefix) for key in keys):
            return note
    return RESULTS if table.name == "table3" and len(keys) > 1 else ""
