"""The block list as one HTML document, drawn alike by WeasyPrint and by LibreOffice's HTML import.

Everything that decides the look is inline (fonts, sizes, rules, fills, widths, page breaks), because
LibreOffice's HTML import reads inline styles and little of a style sheet. The style sheet carries what only
WeasyPrint reads: the page size and margins, landscape pages (named pages), the running header and the page
numbers in the page margins (roman for the front matter, arabic from BAB I). LibreOffice takes its running
header and footer from ``<div title="header">`` / ``<div title="footer">`` with a page-number field, which
WeasyPrint hides; it knows one page style, so its lampiran stay portrait and its pages are numbered 1, 2,
3 ... from the cover on (``page_labels`` says so).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace

from lakipcheck.synth.blocks import (
    Block,
    Chart,
    CondBreak,
    DocMeta,
    Figure,
    Gap,
    Heading,
    ListBlock,
    Look,
    Para,
    TableBlock,
    TableSpec,
    Toc,
    covered,
    table_paint,
)
from lakipcheck.synth.charts import box_png, chart_png
from lakipcheck.synth.fonts import face_family
from lakipcheck.synth.layout import TEXT_WIDTH, Run, TextStyle, runs, segments, text_styles, toc_line
from lakipcheck.synth.render import column_widths

PX = 96 / 72  # CSS pixels per point


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def inline_html(text: str, bold: bool = False) -> str:
    out = []
    for s in segments(text, bold):
        piece = _esc(s.text)
        if s.sup:
            piece = f"<sup>{piece}</sup>"
        if s.italic:
            piece = f"<i>{piece}</i>"
        if s.bold and not bold:
            piece = f"<b>{piece}</b>"
        out.append(("<br>" if s.newline else "") + piece)
    return "".join(out)


def _font_css(look: Look, st: TextStyle, heading: bool = False) -> str:
    family = look.font
    weight = "bold" if st.bold else "normal"
    if heading and look.bold_face:
        family, weight = face_family(look.font), "normal"
    style = "italic" if st.italic else "normal"
    return (
        f"font-family: '{family}'; font-size: {st.size:g}pt; line-height: {st.leading:g}pt; "
        f"font-weight: {weight}; font-style: {style}"
    )


def _p(
    look: Look, st: TextStyle, body: str, *, tag: str = "p", extra: str = "", heading: bool = False
) -> str:
    css = (
        f"margin: {st.space_before:g}pt 0 {st.space_after:g}pt 0; text-align: {st.align}; "
        f"{_font_css(look, st, heading)}"
    )
    if st.keep_with_next or tag.startswith("h"):
        css += "; page-break-after: avoid"
    return f'<{tag} align="{st.align}" style="{css}{extra}">{body}</{tag}>'


def _border(w: float) -> str:
    return f"{w:g}pt solid #000000" if w else "none"


def table_html(spec: TableSpec, width: float, look: Look) -> str:
    """A table: one ``<td>`` per anchor cell with its rules and fill inline; header rows in ``<thead>``
    (repeated on every page) when the spec repeats its header."""
    widths = column_widths(spec, width)
    paint = table_paint(spec)
    spans = covered(spec)
    nh, ncols = spec.n_header, spec.n_cols
    align = (spec.align or "L" * ncols).ljust(ncols, "L")
    names = {"L": "left", "C": "center", "R": "right"}
    total = sum(widths)
    out = [
        f'<table width="{total * PX:.0f}" cellspacing="0" cellpadding="0" align="center" '
        f'style="border-collapse: collapse; table-layout: fixed; width: {total:.1f}pt; '
        'margin: 0 auto 8pt auto">',
        "<colgroup>" + "".join(f'<col width="{w * PX:.0f}" style="width: {w:.1f}pt">' for w in widths),
        "</colgroup>",
    ]
    grid = [*spec.header, *spec.rows]
    head = spec.repeat_header and nh
    for r, row in enumerate(grid):
        if r == 0 and head:
            out.append("<thead>")
        if r == (nh if head else 0):
            out.append("<tbody>")
        split = "" if spec.split_in_row else ' style="page-break-inside: avoid"'
        cells = []
        for c in range(ncols):
            if (c, r) not in paint:
                continue
            p = paint[c, r]
            c0, r0, c1, r1 = spans.get((c, r), (c, r, c, r))
            text = row[c] if c < len(row) else ""
            bold = r < nh or (r - nh) in spec.bold_rows or (c, r) in spec.bold_cells
            a = names["C" if r < nh else align[c]]
            css = (
                f"border-top: {_border(p.top)}; border-right: {_border(p.right)}; "
                f"border-bottom: {_border(p.bottom)}; border-left: {_border(p.left)}; "
                f"padding: 2pt 3pt 3pt 3pt; vertical-align: middle; text-align: {a}; "
                f"width: {sum(widths[c0 : c1 + 1]) - 6:.1f}pt; "
                f"font-family: '{look.font}'; font-size: {spec.font_size:g}pt; "
                f"line-height: {spec.font_size * 1.2:.1f}pt; font-weight: {'bold' if bold else 'normal'}"
            )
            attrs = f' align="{a}" valign="middle" width="{sum(widths[c0 : c1 + 1]) * PX:.0f}"'
            if p.fill:
                css += f"; background: {p.fill}"
                attrs += f' bgcolor="{p.fill}"'
            if c in spec.break_cols and r >= nh:
                css += "; overflow-wrap: anywhere; word-break: break-all"
            if c1 > c0:
                attrs += f' colspan="{c1 - c0 + 1}"'
            if r1 > r0:
                attrs += f' rowspan="{r1 - r0 + 1}"'
            tag = "th" if r < nh else "td"
            cells.append(f'<{tag}{attrs} style="{css}">{inline_html(text, bold) or "&nbsp;"}</{tag}>')
        out.append(f"<tr{split}>{''.join(cells)}</tr>")
        if r == nh - 1 and head:
            out.append("</thead>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _picture(name: str, width: float, height: float) -> str:
    return (
        f'<p align="center" style="text-align: center; margin: 0 0 2pt 0; page-break-after: avoid">'
        f'<img src="{name}" width="{width * PX:.0f}" height="{height * PX:.0f}" alt="" '
        f'style="width: {width:.1f}pt; height: {height:.1f}pt"></p>'
    )


def _css(rs: Sequence[Run], meta: DocMeta, look: Look) -> str:
    header = meta.header.replace("\\", "\\\\").replace('"', '\\"')
    lines = ["@page { size: A4; margin: 2.2cm;"]
    if look.running and meta.header:
        lines.append(
            f"  @top-right {{ content: \"{header}\"; font-family: '{look.font}'; font-size: 8.5pt; "
            "font-style: italic; vertical-align: bottom; padding-bottom: 3pt; "
            "border-bottom: 0.4pt solid black }"
        )
    if look.running:
        lines.append(
            f"  @bottom-center {{ content: counter(page); font-family: '{look.font}'; font-size: 9pt }}"
        )
    lines.append("}")
    seen: set[int] = set()
    for r in rs:
        if r.group in seen:
            continue
        seen.add(r.group)
        name = f"g{r.group}"  # a named page per group: size, numbering, restart
        rule = f"@page {name} {{ size: A4{' landscape' if r.orientation == 'landscape' else ''};"
        if r.numbering == "none":
            rule += " @top-right { content: none; border: none } @bottom-center { content: none }"
        elif r.numbering == "roman" and look.running:
            rule += " @bottom-center { content: counter(page, lower-roman) }"
        lines.append(rule + " }")
        if r.restart is not None:
            lines.append(f"@page :nth(1 of {name}) {{ counter-reset: page {r.restart} }}")
    lines += [
        "div[title] { display: none }",
        "table { border-collapse: collapse }",
        "thead { display: table-header-group }",
        "img { display: inline-block }",
    ]
    return "\n".join(x for x in lines if x)


def build_html(
    blocks: Sequence[Block],
    meta: DocMeta | None = None,
    look: Look | None = None,
    *,
    cover: bool = True,
    portrait_only: bool = False,
) -> tuple[str, dict[str, bytes]]:
    """The HTML text and the pictures it refers to (file name -> PNG bytes, to be written beside it).

    ``portrait_only`` lays landscape pages out at the portrait width, for an engine that prints every page
    portrait (LibreOffice's HTML import); the pages still say landscape for one that can.
    """
    meta, look = meta or DocMeta(), look or Look()
    st = text_styles()
    rs = runs(blocks, cover=cover)
    files: dict[str, bytes] = {}
    body: list[str] = []
    if look.running:
        hdr = text_styles()["small"]
        if meta.header:
            body.append(
                f'<div title="header"><p align="right" style="text-align: right; margin: 0; '
                f"font-family: '{look.font}'; font-size: 8.5pt; font-style: italic; "
                f'border-bottom: 0.4pt solid #000000">{_esc(meta.header)}</p></div>'
            )
        body.append(
            f'<div title="footer"><p align="center" style="text-align: center; margin: 0; '
            f"font-family: '{look.font}'; font-size: {hdr.size + 1:g}pt\">"
            "<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>"
        )
    for k, r in enumerate(rs):
        width = TEXT_WIDTH["portrait" if portrait_only else r.orientation]
        brk = "; page-break-before: always" if k else ""
        if not k or r.group != rs[k - 1].group:  # one element per group: WeasyPrint counts page groups
            body.append(("</div>\n" if k else "") + f'<div style="page: g{r.group}">')
        for i, b in r.blocks:
            extra, brk = brk, ""
            if extra and isinstance(b, TableBlock | Chart | Figure | Toc | ListBlock | Gap | CondBreak):
                body.append(f'<p style="margin: 0; font-size: 1pt; line-height: 1pt{extra}">&nbsp;</p>')
                extra = ""
            body.append(_block(i, b, st, look, width, files, extra))
    body.append("</div>")
    title = _esc(meta.title)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="id"><head><meta charset="utf-8"><title>{title}</title>\n'
        f'<meta name="author" content="{html.escape(meta.author)}">\n'
        f'<meta name="description" content="{html.escape(meta.subject)}">\n'
        f"<style>\n{_css(rs, meta, look)}\n</style></head>\n"
        f"<body style=\"font-family: '{look.font}'; font-size: 10pt\">\n"
        + "\n".join(body)
        + "\n</body></html>\n",
        files,
    )


def _block(
    i: int, b: Block, st: dict[str, TextStyle], look: Look, width: float, files: dict, extra: str
) -> str:
    if isinstance(b, Heading):
        s = st[f"h{min(max(b.level, 0), 3)}"]
        if b.align:
            s = replace(s, align=b.align)
        return _p(look, s, inline_html(b.text), tag=f"h{min(b.level + 1, 6)}", extra=extra, heading=True)
    if isinstance(b, Para):
        return _p(look, st[b.style], inline_html(b.text, st[b.style].bold), extra=extra)
    if isinstance(b, ListBlock):
        out = []
        for it in b.items:
            indent = 18 + 18 * it.level
            s = st["item"]
            out.append(
                _p(
                    look,
                    s,
                    f"{_esc(it.marker)}&nbsp;&nbsp;{inline_html(it.text)}",
                    extra=f"; margin-left: {indent:g}pt; text-indent: -14pt",
                )
            )
        return "\n".join(out)
    if isinstance(b, TableBlock):
        cap = _p(look, st["table_title"], inline_html(b.spec.caption, True)) if b.spec.caption else ""
        return cap + table_html(b.spec, width, look)
    if isinstance(b, Chart | Figure):
        w = width * (0.72 if isinstance(b, Chart) else 0.5)
        if isinstance(b, Chart) and b.bars and look.charts:
            name, data = f"chart{i}.png", chart_png(b.bars, w, b.height)
        else:
            name, data = f"box{round(w)}x{round(b.height)}.png", box_png(w, b.height)
        files[name] = data
        cap = _p(look, st["caption"], inline_html(b.caption)) if b.caption else ""
        return _picture(name, w, b.height) + cap
    if isinstance(b, Gap):
        return f'<p style="margin: 0; font-size: 1pt; line-height: {b.height:g}pt">&nbsp;</p>'
    if isinstance(b, Toc):
        s = st["toc"]
        return "\n".join(
            _p(
                look,
                s,
                _esc(toc_line(t, p, lvl, TEXT_WIDTH["portrait"])),
                extra=f"; margin-left: {18 * lvl}pt; text-align: left; white-space: nowrap",
            )
            for t, p, lvl in b.entries
        )
    return ""  # CondBreak: no equivalent
