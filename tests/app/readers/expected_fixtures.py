"""Every figure of the fixture reports, transcribed by hand from the published pages."""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

Z7 = (0, 0, 0, 0, 0, 0, 0)
T3_COLUMNS = ("natural", "business", "research", "public_interest", "legal", "other", "total")
T4_KEYS = tuple(
    f"{g}.{c}"
    for g in ("review", "suit_direct", "suit_after_review")
    for c in ("upheld", "corrected", "other", "pending", "total")
)
ROWS_2019 = [
    "new",
    "carried_in",
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
    "results_total",
    "carried_out",
]
ROWS_2021 = [r for r in ROWS_2019 if r != "other"]
ROWS_2021[ROWS_2021.index("results_total") : ROWS_2021.index("results_total")] = [
    "other_no_correction",
    "other_unpaid_fee",
    "other_other",
]


def table3(rows: list[str], nonzero: dict[str, tuple[int, ...]]) -> dict[str, int]:
    out = {}
    for row in rows:
        for column, value in zip(T3_COLUMNS, nonzero.get(row, Z7), strict=True):
            out[f"{row}.{column}"] = value
    return out


def table4(values: tuple[int, ...]) -> dict[str, int]:
    return dict(zip(T4_KEYS, values, strict=True))


class Expected(TypedDict):
    unit: str
    year: int
    layout: str
    signature: tuple[str, str]  # the unit that signs, the date as ISO text
    table2: dict[str, int | Decimal]
    table3: dict[str, int]
    table4: dict[str, int]
    units: dict[str, str]  # cell -> its money unit


EXPECTED: dict[str, Expected] = {
    "seed_2020_gaoqing_xzsp.txt": {
        "unit": "高青县行政审批服务局",
        "year": 2020,
        "layout": "2019",
        "signature": ("高青县行政审批服务局", "2021-01-21"),
        "table2": {
            "rules.made": 0,
            "rules.published": 0,
            "rules.total_public": 0,
            "normative_docs.made": 0,
            "normative_docs.published": 0,
            "normative_docs.total_public": 0,
            "licensing.prev_items": 85,
            "licensing.change": 0,
            "licensing.decisions": 14873,
            "other_services.prev_items": 12,
            "other_services.change": 0,
            "other_services.decisions": 486,
            "penalty.prev_items": 0,
            "penalty.change": 0,
            "penalty.decisions": 0,
            "coercion.prev_items": 0,
            "coercion.change": 0,
            "coercion.decisions": 0,
            "fees.prev_items": 1,
            "fees.change": 0,
            "procurement.projects": 3,
            "procurement.amount": Decimal("347.08"),
        },
        "units": {"table2:procurement.amount": "万元"},
        "table3": table3(
            ROWS_2019,
            {
                "new": (3, 0, 0, 0, 0, 0, 3),
                "na_not_held": (3, 0, 0, 0, 0, 0, 0),
                "results_total": (3, 0, 0, 0, 0, 0, 3),
            },
        ),
        "table4": table4((0,) * 15),
    },
    "report_2020_pingtan.txt": {
        "unit": "平潭综合实验区",
        "year": 2020,
        "layout": "2019",
        "signature": ("", ""),
        "table2": {
            "rules.made": 0,
            "rules.published": 0,
            "rules.total_public": 7,
            "normative_docs.made": 77,
            "normative_docs.published": 77,
            "normative_docs.total_public": 166,
            "licensing.prev_items": 396,
            "licensing.change": 442,
            "licensing.decisions": 278,
            "other_services.prev_items": 10,
            "other_services.change": 7,
            "other_services.decisions": 105,
            "penalty.prev_items": 2648,
            "penalty.change": -18,
            "penalty.decisions": 538,
            "coercion.prev_items": 126,
            "coercion.change": 26,
            "coercion.decisions": 29,
            "fees.prev_items": 35,
            "fees.change": -15,
            "procurement.projects": 395,
            "procurement.amount": Decimal("73802895.90"),
        },
        "units": {"table2:procurement.amount": "元"},
        "table3": table3(
            ROWS_2019,
            {
                "new": (20, 0, 0, 0, 0, 1, 21),
                "open": (6, 0, 0, 0, 0, 1, 7),
                "partial": (6, 0, 0, 0, 0, 0, 6),
                "na_not_held": (4, 0, 0, 0, 0, 0, 4),
                "na_unclear": (3, 0, 0, 0, 0, 0, 3),
                "np_repeat": (3, 0, 0, 0, 0, 0, 3),
                "other": (4, 0, 0, 0, 0, 0, 4),
                "results_total": (20, 0, 0, 0, 0, 1, 21),
            },
        ),
        "table4": table4((0,) * 15),
    },
    "report_2021_pingtan.txt": {
        "unit": "平潭综合实验区",
        "year": 2021,
        "layout": "2021",
        "signature": ("", ""),
        "table2": {
            "rules.issued": 0,
            "rules.repealed": 0,
            "rules.in_force": 0,
            "normative_docs.issued": 69,
            "normative_docs.repealed": 3,
            "normative_docs.in_force": 665,
            "licensing.decisions": 2293,
            "penalty.decisions": 1282,
            "coercion.decisions": 42,
            "fees.amount": Decimal("24252.311082"),
        },
        "units": {},
        "table3": table3(
            ROWS_2021,
            {
                "new": (64, 0, 0, 2, 0, 4, 70),
                "open": (27, 0, 0, 2, 0, 1, 30),
                "partial": (5, 0, 0, 0, 0, 0, 5),
                "deny_internal": (1, 0, 0, 0, 0, 0, 1),
                "deny_case_file": (6, 0, 0, 0, 0, 0, 6),
                "deny_query": (1, 0, 0, 0, 0, 0, 1),
                "na_not_held": (22, 0, 0, 0, 0, 3, 25),
                "other_other": (1, 0, 0, 0, 0, 0, 1),
                "results_total": (63, 0, 0, 2, 0, 4, 69),
                "carried_out": (1, 0, 0, 0, 0, 0, 1),
            },
        ),
        "table4": table4((1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0)),
    },
    "report_2022_pingtan.txt": {
        "unit": "平潭综合实验区",
        "year": 2022,
        "layout": "2021",
        "signature": ("", ""),
        "table2": {
            "rules.issued": 0,
            "rules.repealed": 0,
            "rules.in_force": 0,
            "normative_docs.issued": 88,
            "normative_docs.repealed": 55,
            "normative_docs.in_force": 698,
            "licensing.decisions": 10690,
            "penalty.decisions": 2113,
            "coercion.decisions": 0,
            "fees.amount": Decimal("9116.36"),
        },
        "units": {},
        "table3": table3(
            ROWS_2021,
            {
                "new": (71, 3, 0, 0, 0, 0, 74),
                "carried_in": (1, 0, 0, 0, 0, 0, 1),
                "open": (21, 0, 0, 0, 0, 0, 21),
                "partial": (8, 1, 0, 0, 0, 0, 9),
                "deny_internal": (1, 0, 0, 0, 0, 0, 1),
                "deny_process": (2, 0, 0, 0, 0, 0, 2),
                "deny_case_file": (1, 0, 0, 0, 0, 0, 1),
                "na_not_held": (37, 0, 0, 0, 0, 0, 37),
                "other_no_correction": (2, 0, 0, 0, 0, 0, 2),
                "other_other": (0, 2, 0, 0, 0, 0, 2),
                "results_total": (72, 3, 0, 0, 0, 0, 75),
            },
        ),
        "table4": table4((0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0)),
    },
}
