"""The narrative layer: what the report's prose states, read with a spaCy pipeline built for report
Indonesian.

:func:`read_claims` turns the prose of a document (outside its tables) into
:class:`~lakipcheck.model.claims.Claim` objects: every figure a sentence states with what it is (target,
realisasi, capaian, change, Renstra end target, budget, counts, number words, predicates, years, dates,
facts about the agency) and the indicator or budget line it is about, with provenance (page, box, sentence).
"""

from lakipcheck.narrative.pipeline import Pipeline, pipeline

__all__ = ["Pipeline", "pipeline"]
