"""Budget % claims in prose: a percent broken by a space after its decimal comma is not read as its
decimals."""

from __future__ import annotations

from lakipcheck.model.claims import ClaimKind, _claims_in, _Piece
from lakipcheck.provenance import BBox

_BOX = BBox(0, 0, 100, 10)


def _percents(sentence: str) -> list[str]:
    claims = _claims_in(sentence, [_Piece(sentence, 51, _BOX)], [])
    return [c.provenance.raw for c in claims if c.kind == ClaimKind.BUDGET_PERCENT_TOTAL]


def test_spaced_decimal_percent_gives_no_claim():
    # Padang Pariaman 2019 p51/p55: "... dengan persentase capaian 94, 35 %." (the table prints 94,35)
    s = "Realisasi belanja langsung adalah sebesar Rp. 149.405.915.939,00 dengan persentase capaian 94, 35 %."
    assert _percents(s) == []


def test_plain_percent_is_still_a_claim():
    s = "Realisasi belanja langsung adalah sebesar Rp. 149.405.915.939,00 dengan persentase capaian 94,35 %."
    assert _percents(s) == ["94,35 %"]
