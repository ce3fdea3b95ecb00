"""The BGP NTT 2023 sample: every value the report states for its 5 indicators, with role and page."""

from __future__ import annotations

from lakipcheck.model.types import Role
from lakipcheck.tables.types import TableKind


def _norm(s: str) -> str:
    return " ".join(str(s).split())


def test_report_identity(sample_report):
    info = sample_report.info
    assert info.kind.value == "lakip"
    assert info.year == 2023
    assert "Balai Guru Penggerak" in (info.agency or "")


def test_five_indicators_with_codes(sample_report, sample_truth):
    codes = sorted(i.code for i in sample_report.indicators if i.code)
    assert codes == sorted(t["code"] for t in sample_truth["indicators"])
    assert len(sample_report.indicators) == 5


def test_every_stated_value_is_found_with_role_and_page(sample_report, sample_truth):
    missing = []
    for truth in sample_truth["indicators"]:
        ind = next(i for i in sample_report.indicators if i.code == truth["code"])
        for v in truth["values"]:
            hits = [
                x
                for x in ind.values
                if x.role.value == v["role"]
                and _norm(x.figure.raw) == _norm(v["printed"])
                and x.provenance.page == v["page"]
            ]
            if not hits:
                missing.append((truth["code"], v["role"], v["printed"], v["page"]))
    assert not missing


def test_no_value_is_attached_to_the_wrong_indicator(sample_report, sample_truth):
    """Every extracted table value of an indicator is one the truth lists for that indicator."""
    for truth in sample_truth["indicators"]:
        ind = next(i for i in sample_report.indicators if i.code == truth["code"])
        allowed = {(v["role"], _norm(v["printed"]), v["page"]) for v in truth["values"]}
        extra = [
            (x.role.value, x.figure.raw, x.provenance.page)
            for x in ind.values
            if (x.role.value, _norm(x.figure.raw), x.provenance.page) not in allowed
        ]
        assert not extra, truth["code"]


def test_provenance_points_at_the_printed_cell(sample_report, sample_doc):
    ind = next(i for i in sample_report.indicators if i.code == "IKK 1.1")
    cap = ind.first(Role.CAPAIAN)
    assert cap is not None and cap.provenance.page == 13 and cap.provenance.bbox is not None
    page = sample_doc.pages[12]
    inside = [
        w.text for w in page.words if cap.provenance.bbox.contains_point(w.bbox.center_x, w.bbox.center_y)
    ]
    assert inside == ["101,75"]
    assert cap.figure.decimals == 2 and str(cap.figure.value) == "101.75"


def test_swapped_header_is_recorded_as_printed(sample_report):
    """IKK 1.3's renstra-end table prints Realisasi=796 and Target=950 under swapped headers; the model keeps
    what the header says (the rules report the swap)."""
    ind = next(i for i in sample_report.indicators if i.code == "IKK 1.3")
    in_table = {v.role: v.figure.raw for v in ind.values if v.table_kind == TableKind.RENSTRA_END}
    assert in_table[Role.REALISASI] == "796 orang"
    assert in_table[Role.TARGET] == "950 orang"


def test_pk_awal_and_akhir_targets(sample_report):
    ind = next(i for i in sample_report.indicators if i.code == "IKK 2.1")
    assert [v.figure.predicate for v in ind.all(Role.PK_AWAL_TARGET)] == ["BB", "BB"]
    assert [v.figure.predicate for v in ind.all(Role.PK_AKHIR_TARGET)] == ["BB", "BB"]
    tw = {v.quarter: v.figure.raw for v in ind.all(Role.RENAKSI_TW) if v.quarter}
    assert tw == {1: "-", 2: "-", 3: "-", 4: "88"}


def test_budget_lines_and_totals(sample_report, sample_truth):
    lines = sample_report.budget_lines
    totals = [b for b in lines if b.is_total]
    printed_totals = sorted(v.figure.raw for b in totals for v in b.values if v.role == Role.BUDGET_PAGU)
    assert "54.166.493.000" in printed_totals and "54,166,493,000" in printed_totals
    assert "Rp. 67.742.150.000" in printed_totals
    real = next(b for b in lines if b.label.startswith("Predikat SAKIP"))
    assert real.indicator_key == "IKK 2.1"
    assert {v.role: v.figure.raw for v in real.values} == {
        Role.BUDGET_PAGU: "5.047.015.000",
        Role.BUDGET_REALISASI: "5.019.625.211",
        Role.BUDGET_PERCENT: "99.45",
    }
    # the English-format rincian output table is read as English
    ro = [b for b in lines if b.table_id.startswith("p48")]
    first = next(v for v in ro[0].values if v.role == Role.BUDGET_PAGU)
    assert first.figure.value == 13040047000
    assert len({(b.table_id, b.row) for b in lines}) == len(lines)
    assert len(lines) >= len(sample_truth["budget_lines"]) - 2
