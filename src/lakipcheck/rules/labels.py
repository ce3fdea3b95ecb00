"""English labels for the places a finding points at.

Check primitives name places in Indonesian ("tabel capaian kinerja hlm. 13 (Realisasi)", "BAB IV Penutup:
kalimat"); a primitive may give an English label too (``Location.label_en``). When it does not, the label is
put into English here from the small, fixed vocabulary those labels are built of: table kinds, "hlm.",
"kalimat", "judul kolom ke-N" and the value roles. Matching is case-sensitive: column titles and row labels
quoted from the report ("Target Akhir Renstra 2024") are the report's own words and stay as printed.
"""

from __future__ import annotations

import re

from lakipcheck.rules.checks.common import TABLE_NAMES

# Longer phrases first, so that "target akhir Renstra" is taken before "target".
_PHRASES: list[tuple[str, str]] = sorted(
    [
        *((ind, en) for ind, en in TABLE_NAMES.values() if ind != "tabel"),
        ("kalimat dengan angka yang sama", "sentence with the same figure"),
        ("kalimat", "sentence"),
        ("judul", "heading"),
        ("baris total", "total row"),
        ("angka yang dipakai", "figure used"),
        ("angka dan tulisannya", "figure and its words"),
        ("realisasi sebelumnya", "previous realisasi"),
        ("perubahan", "change"),
        ("% terhadap target akhir Renstra", "% of the Renstra end target"),
        ("target akhir Renstra", "Renstra end target"),
        ("total realisasi anggaran", "total budget realisation"),
        ("total pagu", "total pagu"),
        ("kolom lain", "another column"),
        ("tabel di bawahnya", "table below"),
        ("bagian", "section"),
        ("menyebut", "names"),
        ("laporan", "report"),
        ("teks", "text"),
    ],
    key=lambda p: -len(p[0]),
)
_PATTERN = re.compile(
    r"(?<![\w'\"])(" + "|".join(re.escape(ind) for ind, _ in _PHRASES) + r")(?![\w'\"])",
)
_EN = dict(_PHRASES)
_PAGE = re.compile(r"\bhlm\.\s*(?=\d)")
_COLUMN_NO = re.compile(r"\bjudul kolom ke-(\d+)")


def english(label: str) -> str:
    """``label`` with its fixed Indonesian vocabulary put into English."""
    text = _COLUMN_NO.sub(r"column \1 title", label)
    text = _PAGE.sub("p. ", text)
    return _PATTERN.sub(lambda m: _EN[m.group(1)], text)
