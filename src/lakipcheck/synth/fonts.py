"""Fonts: reportlab's (DejaVu Sans, else Helvetica), the font files of the other producers, and "-Bold"
faces registered as regular ones (bold only in the name).

Many real reports embed fonts whose bold is said only by the name ("ABCDEF+Calibri-Bold", "Arial,Bold"):
the PDF's weight says regular. ``regular_face`` turns a bold TrueType file into such a face by clearing its
weight and bold flags (the glyphs and the PostScript name, "DejaVuSans-Bold", stay); ``write_face`` also
renames its family ("Carlito Bold Face") so that fontconfig, and so LibreOffice, offer it as a regular face
of a family of its own. ``write_face`` needs fontTools (the ``testbed`` extra); ``regular_face`` does not.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_ROOTS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/Library/Fonts"))
# family -> (regular file, bold file)
FAMILIES: dict[str, tuple[str, str]] = {
    "DejaVu Sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "Carlito": ("Carlito-Regular.ttf", "Carlito-Bold.ttf"),
    "Liberation Sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "Liberation Serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
}


@cache
def font_file(name: str) -> Path | None:
    """The first file called ``name`` under the system font folders, or None."""
    for root in FONT_ROOTS:
        if root.is_dir():
            for p in sorted(root.rglob(name)):
                return p
    return None


def available_families() -> list[str]:
    """The families of ``FAMILIES`` whose regular and bold files are both installed."""
    return [f for f, files in FAMILIES.items() if all(font_file(x) for x in files)]


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    (n,) = struct.unpack_from(">H", data, 4)
    out = {}
    for k in range(n):
        tag, _check, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * k)
        out[tag] = (offset, length)
    return out


def regular_face(data: bytes) -> bytes:
    """The TrueType ``data`` with weight class 400, the OS/2 bold bit cleared (regular set) and no bold
    macStyle: a PDF producer then writes a regular weight for it, whatever its name says."""
    buf = bytearray(data)
    tables = _tables(data)
    os2, _ = tables[b"OS/2"]
    struct.pack_into(">H", buf, os2 + 4, 400)
    (sel,) = struct.unpack_from(">H", buf, os2 + 62)
    struct.pack_into(">H", buf, os2 + 62, (sel & ~0x21) | 0x40)
    head, _ = tables[b"head"]
    (mac,) = struct.unpack_from(">H", buf, head + 44)
    struct.pack_into(">H", buf, head + 44, mac & ~0x1)
    return bytes(buf)


def face_family(family: str) -> str:
    """The family name under which ``write_face`` installs the bold face of ``family``."""
    return f"{family} Bold Face"


def face_ps_name(family: str) -> str:
    """The PostScript name the face keeps (and the PDF shows), e.g. "Carlito-Bold"."""
    return Path(FAMILIES[family][1]).stem


def write_face(family: str, out_dir: Path) -> Path:
    """Write the bold file of ``family`` as a regular face of the family ``face_family(family)``."""
    from fontTools.ttLib import TTFont as FontFile

    src = font_file(FAMILIES[family][1])
    if src is None:
        raise FileNotFoundError(f"{FAMILIES[family][1]} (fonts of {family}) is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    dst = out_dir / f"{face_ps_name(family)}-Face.ttf"
    font = FontFile(src)
    font["OS/2"].usWeightClass = 400
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0x21) | 0x40
    font["head"].macStyle = 0
    font["head"].created = max(font["head"].created, font["head"].modified)
    name = font["name"]
    for nid in (16, 17, 21, 22):
        name.removeNames(nameID=nid)
    new = face_family(family)
    for nid, text in ((1, new), (2, "Regular"), (4, new)):
        name.setName(text, nid, 3, 1, 0x409)
        name.setName(text, nid, 1, 0, 0)
    font.save(dst)
    return dst


# --------------------------------------------------------------------------------------------- reportlab


_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
_FALLBACK_CHARS = {
    "–": "-",
    "—": "-",
    "≥": ">=",
    "≤": "<=",
    "▪": "-",
    "•": "-",
    "×": "x",
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "…": "...",
}


@dataclass(frozen=True, slots=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    unicode: bool  # False when only the standard Type 1 fonts are available


_FONTS: Fonts | None = None


def fonts() -> Fonts:
    """Register DejaVu Sans when it is on the system; otherwise fall back to Helvetica."""
    global _FONTS
    if _FONTS is not None:
        return _FONTS
    names = {
        "": "DejaVuSans.ttf",
        "-Bold": "DejaVuSans-Bold.ttf",
        "-Oblique": "DejaVuSans-Oblique.ttf",
        "-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    for d in _FONT_DIRS:
        if all((d / f).is_file() for f in names.values()):
            for suffix, f in names.items():
                pdfmetrics.registerFont(TTFont("DejaVuSans" + suffix, str(d / f)))
            pdfmetrics.registerFontFamily(
                "DejaVuSans",
                normal="DejaVuSans",
                bold="DejaVuSans-Bold",
                italic="DejaVuSans-Oblique",
                boldItalic="DejaVuSans-BoldOblique",
            )
            _FONTS = Fonts("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", True)
            return _FONTS
    _FONTS = Fonts("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", False)
    return _FONTS


def bold_face() -> str:
    """A reportlab font for headings whose bold is only in its name: the bold file of Carlito (or Liberation
    Sans) with a regular weight (``fonts.regular_face``), so the PDF names it "Carlito-Bold" and calls it
    regular. Plain bold when neither is installed."""
    f = fonts()
    for family in ("Carlito", "Liberation Sans"):
        path = font_file(FAMILIES[family][1])
        if path is None or not f.unicode:
            continue
        name = face_ps_name(family) + "Face"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(regular_face(path.read_bytes()))))
        return name
    return f.bold


def safe(text: str) -> str:
    """Replace characters the fallback font cannot show (no-op with a Unicode font)."""
    if fonts().unicode:
        return text
    for k, v in _FALLBACK_CHARS.items():
        text = text.replace(k, v)
    return text
