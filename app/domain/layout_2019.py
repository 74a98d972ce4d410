"""国办公开办函〔2019〕60号《…年度报告格式（试行）》: report years 2019 and 2020.

Literal data only (a test checks it); app/domain/layout_builders.py turns it into the layout
objects. docs/CONTRIBUTING.md ("How to add a layout") says what each entry means.
"""

LAYOUT = {
    "id": "2019",
    "document": "国办公开办函〔2019〕60号",
    "first_year": 2019,
    # Table 2 is told from the other layouts' by its column titles.
    "table2": {
        "label_header": "信息内容",
        "column_widths": [54, 34, 34, 34],
        "items": [
            {
                "title": "第二十条第（一）项",
                "columns": [
                    {"key": "made", "label": "本年新制作数量"},
                    {"key": "published", "label": "本年新公开数量"},
                    # A rule public in two units is counted by both: a roll-up flags the sum.
                    {"key": "total_public", "label": "对外公开总数量", "rollup": "sum_flagged"},
                ],
                "rows": [["rules", "规章"], ["normative_docs", "规范性文件"]],
            },
            {
                "title": "第二十条第（五）项",
                "columns": [
                    {"key": "prev_items", "label": "上一年项目数量"},
                    {"key": "change", "label": "本年增/减", "kind": "signed_count"},
                    {"key": "decisions", "label": "处理决定数量"},
                ],
                "rows": [["licensing", "行政许可"], ["other_services", "其他对外管理服务事项"]],
            },
            {
                "title": "第二十条第（六）项",
                "columns": [
                    {"key": "prev_items", "label": "上一年项目数量"},
                    {"key": "change", "label": "本年增/减", "kind": "signed_count"},
                    {"key": "decisions", "label": "处理决定数量"},
                ],
                "rows": [["penalty", "行政处罚"], ["coercion", "行政强制"]],
            },
            {
                "title": "第二十条第（八）项",
                "columns": [
                    {"key": "prev_items", "label": "上一年项目数量"},
                    {"key": "change", "label": "本年增/减", "kind": "signed_count"},
                ],
                "rows": [["fees", "行政事业性收费"]],
            },
            {
                "title": "第二十条第（九）项",
                "columns": [
                    {"key": "projects", "label": "采购项目数量"},
                    # Summed in a roll-up in the unit typed into each cell.
                    {"key": "amount", "label": "采购总金额", "kind": "money_with_unit"},
                ],
                "rows": [["procurement", "政府集中采购"]],
            },
        ],
    },
    "table3": {
        "corner": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "column_widths": [14, 20, 38, 12, 12, 12, 12, 12, 12, 12],
        "columns": [
            {
                "label": "申请人情况",
                "columns": [
                    {"key": "natural", "label": "自然人"},
                    {
                        "label": "法人或其他组织",
                        "columns": [
                            {"key": "business", "label": "商业企业"},
                            {"key": "research", "label": "科研机构"},
                            {"key": "public_interest", "label": "社会公益组织"},
                            {"key": "legal", "label": "法律服务机构"},
                            {"key": "other", "label": "其他"},
                        ],
                    },
                    {"key": "total", "label": "总计"},
                ],
            },
        ],
        "rows": [
            {"key": "new", "label": "一、本年新收政府信息公开申请数量"},
            {"key": "carried_in", "label": "二、上年结转政府信息公开申请数量"},
            {
                "label": "三、本年度办理结果",
                "rows": [
                    {"key": "open", "label": "（一）予以公开"},
                    {
                        "key": "partial",
                        "label": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                    },
                    {
                        "label": "（三）不予公开",
                        "rows": [
                            {"key": "deny_secret", "label": "1.属于国家秘密"},
                            {"key": "deny_law", "label": "2.其他法律行政法规禁止公开"},
                            {"key": "deny_security", "label": "3.危及“三安全一稳定”"},
                            {"key": "deny_third_party", "label": "4.保护第三方合法权益"},
                            {"key": "deny_internal", "label": "5.属于三类内部事务信息"},
                            {"key": "deny_process", "label": "6.属于四类过程性信息"},
                            {"key": "deny_case_file", "label": "7.属于行政执法案卷"},
                            {"key": "deny_query", "label": "8.属于行政查询事项"},
                        ],
                    },
                    {
                        "label": "（四）无法提供",
                        "rows": [
                            {"key": "na_not_held", "label": "1.本机关不掌握相关政府信息"},
                            {"key": "na_need_create", "label": "2.没有现成信息需要另行制作"},
                            {"key": "na_unclear", "label": "3.补正后申请内容仍不明确"},
                        ],
                    },
                    {
                        "label": "（五）不予处理",
                        "rows": [
                            {"key": "np_petition", "label": "1.信访举报投诉类申请"},
                            {"key": "np_repeat", "label": "2.重复申请"},
                            {"key": "np_publication", "label": "3.要求提供公开出版物"},
                            {"key": "np_mass", "label": "4.无正当理由大量反复申请"},
                            {
                                "key": "np_confirm",
                                "label": "5.要求行政机关确认或重新出具已获取信息",
                            },
                        ],
                    },
                    {"key": "other", "label": "（六）其他处理"},
                    {"key": "results_total", "label": "（七）总计"},
                ],
            },
            {"key": "carried_out", "label": "四、结转下年度继续办理"},
        ],
        # （六）其他处理 is one row in this layout only.
        "markers": ["other"],
        "result_rows": [
            "open",
            "partial",
            "deny_secret",
            "deny_law",
            "deny_security",
            "deny_third_party",
            "deny_internal",
            "deny_process",
            "deny_case_file",
            "deny_query",
            "na_not_held",
            "na_need_create",
            "na_unclear",
            "np_petition",
            "np_repeat",
            "np_publication",
            "np_mass",
            "np_confirm",
            "other",
        ],
        "other_rows": ["other"],
        "equations": [
            {
                "rule": "R1",
                "each": "column",
                "left": ["results_total", "carried_out"],
                "right": ["new", "carried_in"],
                "required": ["results_total", "new"],
                "names": {
                    "new": "本年新收",
                    "carried_in": "上年结转",
                    "results_total": "办理结果总计",
                    "carried_out": "结转下年度",
                },
                "message": "表三“{column}”列：{right}，不等于{left}",
            },
            {
                "rule": "R2",
                "each": "row",
                "left": ["total"],
                "right": ["natural", "business", "research", "public_interest", "legal", "other"],
                "message": "{row}：总计 {total} ≠ 各类申请人之和 {parts}",
                "hint": "本行各类申请人之和：{parts}",
            },
            {
                "rule": "R3",
                "each": "column",
                "left": ["results_total"],
                "right": "result_rows",
                "message": "表三“{column}”列：（七）总计 {total} ≠ 各项办理结果之和 {parts}",
                "hint": "本列各项办理结果之和：{parts}",
            },
        ],
        "helpers": [
            {
                "rule": "R7",
                "each": "row",
                "plus": ["total"],
                "minus": ["natural"],
                "hint": "法人或其他组织小计（总计 − 自然人）：{value}（仅供核对，不打印）",
            },
        ],
        "carry_over": [
            {
                "each": "column",
                "source": "carried_out",
                "target": "carried_in",
                "message": "表三“{column}”列：上年结转 {now} 件，与{year}年报告的结转下年度 "
                "{before} 件不一致",
            },
        ],
    },
    "table4": {
        "column_widths": [
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
            10.4,
        ],
        "groups": [
            {"key": "review", "header": ["行政复议"], "label": "行政复议"},
            {
                "key": "suit_direct",
                "header": ["行政诉讼", "未经复议直接起诉"],
                "label": "行政诉讼（未经复议直接起诉）",
            },
            {
                "key": "suit_after_review",
                "header": ["行政诉讼", "复议后起诉"],
                "label": "行政诉讼（复议后起诉）",
            },
        ],
        "columns": [
            {"key": "upheld", "label": "结果维持"},
            {"key": "corrected", "label": "结果纠正"},
            {"key": "other", "label": "其他结果"},
            {"key": "pending", "label": "尚未审结"},
            {"key": "total", "label": "总计"},
        ],
        "equations": [
            {
                "rule": "R4",
                "each": "row",
                "left": ["total"],
                "right": ["upheld", "corrected", "other", "pending"],
                "message": "表四{row}：总计 {total} ≠ 维持、纠正、其他结果、尚未审结之和 {parts}",
                "hint": "维持、纠正、其他结果、尚未审结之和：{parts}",
            },
        ],
    },
}
