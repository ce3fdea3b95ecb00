"""Chart pictures for the producers: a small bar chart (PNG, no text in it) or a dashed placeholder box.

Real reports paste their charts as pictures; the numbers are in the tables and the prose around them. The
pictures are palette PNGs of a few kilobytes, drawn deterministically (same bars, same bytes).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw

PX_PER_PT = 1.5  # picture resolution: 108 dpi is enough for bars
_COLOURS = ((68, 114, 196), (237, 125, 49), (165, 165, 165), (255, 192, 0))


def _png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.convert("P", palette=Image.Palette.ADAPTIVE, colors=8).save(out, "PNG", optimize=True)
    return out.getvalue()


def chart_png(bars: Sequence[tuple[str, float]], width_pt: float, height_pt: float) -> bytes:
    """Vertical bars for ``bars`` (label, value) with axes and gridlines, ``width_pt`` x ``height_pt``."""
    w, h = max(40, round(width_pt * PX_PER_PT)), max(30, round(height_pt * PX_PER_PT))
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    left, bottom, top = 30, h - 18, 12
    top_value = max((v for _l, v in bars), default=1.0) or 1.0
    for k in range(5):  # gridlines
        y = bottom - (bottom - top) * k / 4
        d.line([(left, y), (w - 10, y)], fill=(217, 217, 217), width=1)
    d.line([(left, top), (left, bottom), (w - 10, bottom)], fill=(89, 89, 89), width=1)
    n = max(1, len(bars))
    slot = (w - 10 - left) / n
    for k, (_label, value) in enumerate(bars):
        x0 = left + slot * k + slot * 0.2
        x1 = left + slot * (k + 1) - slot * 0.2
        y = bottom - (bottom - top) * max(0.0, value) / top_value
        d.rectangle([x0, y, x1, bottom], fill=_COLOURS[k % len(_COLOURS)])
        d.rectangle([x0, bottom + 5, x0 + 8, bottom + 11], fill=_COLOURS[k % len(_COLOURS)])
    return _png(img)


def box_png(width_pt: float, height_pt: float) -> bytes:
    """A dashed grey frame: the place of a picture the report does not reproduce."""
    w, h = max(20, round(width_pt * PX_PER_PT)), max(20, round(height_pt * PX_PER_PT))
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    grey = (128, 128, 128)
    for x in range(0, w, 9):
        d.line([(x, 0), (min(x + 4, w - 1), 0)], fill=grey)
        d.line([(x, h - 1), (min(x + 4, w - 1), h - 1)], fill=grey)
    for y in range(0, h, 9):
        d.line([(0, y), (0, min(y + 4, h - 1))], fill=grey)
        d.line([(w - 1, y), (w - 1, min(y + 4, h - 1))], fill=grey)
    return _png(img)
