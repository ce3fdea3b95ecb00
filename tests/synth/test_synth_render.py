"""The rendering layer: tracked pages, split tables with repeated headers, rule styles, page labels."""

from __future__ import annotations

from lakipcheck.ingest import open_document
from lakipcheck.synth.render import (
    Break,
    Heading,
    Numbering,
    Para,
    TableBlock,
    TableSpec,
    Toc,
    inline,
    page_texts,
    render,
)


def _long_table(style: str = "grid", soft: bool = False) -> TableSpec:
    rows = [[str(i + 1), f"Kabupaten Nomor {i + 1}", f"{i * 7}"] for i in range(70)]
    spans = [(0, 1, 0, 3)]
    return TableSpec(
        "t",
        [["No", "Wilayah", "Jumlah"]],
        rows,
        widths=[1, 4, 2],
        style=style,
        spans=[] if soft else spans,
        soft_spans=spans if soft else [],
    )


def test_long_table_breaks_with_its_header_on_every_page():
    res = render([Para("cover", style="cover"), Break(), Numbering("arabic"), TableBlock(_long_table())])
    pages = res.table_pages["t"]
    assert len(pages) >= 2
    texts = page_texts(res.pdf)
    assert all("No Wilayah Jumlah" in texts[p - 1] for p in pages)
    last = res.cell_pages[("t", 70, 1)][0]
    assert last == pages[-1] and "Kabupaten Nomor 70" in texts[last - 1]
    assert "Kabupaten Nomor 70" not in texts[pages[0] - 1]


def test_page_labels_follow_the_numbering_blocks():
    blocks = [
        Para("cover"),
        Break(),
        Numbering("roman"),
        Heading("KATA PENGANTAR", 0, id="kp"),
        Break(),
        Toc([("KATA PENGANTAR", "i", 0), ("BAB I", "1", 0)]),
        Break(),
        Numbering("arabic"),
        Heading("BAB I", 0, id="bab1"),
    ]
    res = render(blocks)
    assert res.page_labels == ["", "i", "ii", "1"]
    assert res.block_pages["kp"] == [2] and res.block_pages["bab1"] == [4]
    texts = page_texts(res.pdf)
    assert "KATA PENGANTAR ......" in texts[2]  # dotted leader is text, as in scanned-to-text reports


def test_rule_styles_are_visible_to_ingest():
    def rules(style: str, soft: bool = False):
        res = render([TableBlock(_long_table(style, soft))], cover=False)
        page = open_document(res.pdf).pages[0]
        return [r for r in page.rules if r.orientation == "h"], [
            r for r in page.rules if r.orientation == "v"
        ]

    grid_h, grid_v = rules("grid")
    soft_h, _ = rules("grid", soft=True)
    book_h, book_v = rules("booktabs")
    none_h, none_v = rules("none")
    assert grid_v and not none_v and not none_h
    header_bottom = min(r.bottom for r in grid_v)  # booktabs: only the edges of the shaded header band
    assert max(r.bottom for r in grid_v) > 500 and all(r.bottom <= header_bottom + 1 for r in book_v)
    assert 0 < len(book_h) < len(grid_h)
    # merged-looking (soft) cells leave the same gaps in the rules as real merged cells
    assert _coverage(soft_h) == _coverage(grid_h)


def _coverage(rules) -> dict[int, list[tuple[int, int]]]:
    """Per rounded y, the x intervals covered by horizontal rules (touching segments merged)."""
    by_y: dict[int, list[tuple[float, float]]] = {}
    for r in rules:
        by_y.setdefault(round((r.top + r.bottom) / 2), []).append((r.x0, r.x1))
    out = {}
    for y, segs in by_y.items():
        merged: list[list[float]] = []
        for a, b in sorted(segs):
            if merged and a <= merged[-1][1] + 1.5:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        out[y] = [(round(a), round(b)) for a, b in merged]
    return out


def test_inline_markup():
    assert inline("**Total** 5 < 6 & *x*") == "<b>Total</b> 5 &lt; 6 &amp; <i>x</i>"
    assert inline("G^{PPB}\nA") == "G<super>PPB</super><br/>A"
