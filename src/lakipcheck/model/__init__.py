"""Model: the typed report (indicators, budget lines, sections, tables) with provenance on every value."""

from lakipcheck.model.types import BudgetLine, Indicator, Polarity, Report, Role, StatedValue

__all__ = ["BudgetLine", "Indicator", "Polarity", "Report", "Role", "StatedValue"]
