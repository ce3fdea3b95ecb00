"""Synthetic LAKIPs with ground truth: the test bed for the extraction stage and the cross-check rules.

``generate(seed, inject=[...])`` returns a ``SynthReport`` (PDF bytes + ``SynthTruth``). The rendering layer
in ``render`` is shared with ``samples/build_bgp_ntt.py``. ``producers`` draws the same block list through
LibreOffice (from a Word file or from HTML) and WeasyPrint, ``locate`` finds where each value landed in their
PDFs, and ``testbed`` builds the committed multi-producer test bed (``samples/build_testbed.py``).
"""

from lakipcheck.synth.generate import INJECTION_KINDS, describe, generate
from lakipcheck.synth.inject import InjectionError
from lakipcheck.synth.model import Injection, Location, SynthIndicator, SynthReport, SynthTruth

__all__ = [
    "INJECTION_KINDS",
    "Injection",
    "InjectionError",
    "Location",
    "SynthIndicator",
    "SynthReport",
    "SynthTruth",
    "describe",
    "generate",
]
