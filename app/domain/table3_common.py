"""Table 3 rows shared by every layout; the layouts differ only in （六）其他处理."""

from app.domain.layout_builders import Table3Row

RESULTS = "三、本年度办理结果"
DENY = "（三）不予公开"
NOT_AVAILABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"

TOP_IN = (
    Table3Row("new", ("一、本年新收政府信息公开申请数量", "", "")),
    Table3Row("carried_in", ("二、上年结转政府信息公开申请数量", "", "")),
)
TOP_OUT = Table3Row("carried_out", ("四、结转下年度继续办理", "", ""))

RESULT_ROWS_HEAD = (
    Table3Row("open", (RESULTS, "（一）予以公开", "")),
    Table3Row("partial", (RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "")),
    Table3Row("deny_secret", (RESULTS, DENY, "1.属于国家秘密")),
    Table3Row("deny_law", (RESULTS, DENY, "2.其他法律行政法规禁止公开")),
    Table3Row("deny_security", (RESULTS, DENY, "3.危及“三安全一稳定”")),
    Table3Row("deny_third_party", (RESULTS, DENY, "4.保护第三方合法权益")),
    Table3Row("deny_internal", (RESULTS, DENY, "5.属于三类内部事务信息")),
    Table3Row("deny_process", (RESULTS, DENY, "6.属于四类过程性信息")),
    Table3Row("deny_case_file", (RESULTS, DENY, "7.属于行政执法案卷")),
    Table3Row("deny_query", (RESULTS, DENY, "8.属于行政查询事项")),
    Table3Row("na_not_held", (RESULTS, NOT_AVAILABLE, "1.本机关不掌握相关政府信息")),
    Table3Row("na_need_create", (RESULTS, NOT_AVAILABLE, "2.没有现成信息需要另行制作")),
    Table3Row("na_unclear", (RESULTS, NOT_AVAILABLE, "3.补正后申请内容仍不明确")),
    Table3Row("np_petition", (RESULTS, NOT_PROCESSED, "1.信访举报投诉类申请")),
    Table3Row("np_repeat", (RESULTS, NOT_PROCESSED, "2.重复申请")),
    Table3Row("np_publication", (RESULTS, NOT_PROCESSED, "3.要求提供公开出版物")),
    Table3Row("np_mass", (RESULTS, NOT_PROCESSED, "4.无正当理由大量反复申请")),
    Table3Row("np_confirm", (RESULTS, NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息")),
)
RESULT_ROWS_TAIL = (Table3Row("results_total", (RESULTS, "（七）总计", "")),)
