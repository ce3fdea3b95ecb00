"""Link the same indicator across tables: by code ("IKK 1.1") first, else by fuzzy name (rapidfuzz)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from lakipcheck.model.types import Indicator

_CODE = re.compile(
    r"\[?\s*\(?\b(IKK|IKU|IKP|IK\s?SS|IKSK|IKSP|IKS|IKD|IK)\)?\s*[-.]?\s*(\d+(?:\.\d+)*)\s*\]?", re.IGNORECASE
)
_SASARAN_CODE = re.compile(r"\[?\s*\b(SK|SS|SP|SKD)\s*[-.]?\s*(\d+(?:\.\d+)*)\s*\]", re.IGNORECASE)
_LEADING_ENUM = re.compile(r"^\s*(?:[-–•▪*]|\d+[.)]|[a-z][.)])\s+", re.IGNORECASE)
_STOP = re.compile(r"[^\w%]+")

MATCH_THRESHOLD = 85.0
MARGIN = 4.0


def _code(m: re.Match[str]) -> str:
    """ "IKK 1.1" from a match of :data:`_CODE` ("[IKK-1.1.]", "IK SS 2.3" -> "IKSS 2.3")."""
    return f"{m.group(1).upper().replace(' ', '')} {m.group(2).rstrip('.')}"


def split_code(text: str) -> tuple[str | None, str]:
    """("IKK 1.1", "Jumlah guru ...") from "[IKK 1.1] Jumlah guru ..."; a stray "]" (a typo) is dropped."""
    text = " ".join(text.split())
    m = _CODE.search(text)
    code = None
    if m and m.start() <= 3:
        code = _code(m)
        text = (text[: m.start()] + text[m.end() :]).strip()
    text = _SASARAN_CODE.sub("", text).strip(" ]-:")
    return code, text


def normalise(name: str) -> str:
    name = _LEADING_ENUM.sub("", name.lower())
    return " ".join(_STOP.sub(" ", name).split())


class Registry:
    """The indicators of one report, and the lookup that links a row to one of them."""

    def __init__(self) -> None:
        self.indicators: list[Indicator] = []
        self._norm: list[str] = []

    def find(self, name: str, code: str | None) -> tuple[Indicator | None, float]:
        if code:
            for ind in self.indicators:
                if ind.code == code:
                    return ind, 100.0
        norm = normalise(name)
        if not norm or not self._norm:
            return None, 0.0
        scores = process.extract(norm, self._norm, scorer=_score, limit=2)
        _, best, idx = scores[0]
        second = scores[1][1] if len(scores) > 1 else 0.0
        clear = best >= MATCH_THRESHOLD and best - second >= MARGIN
        if clear and not _differ_in_a_word(norm, self._norm[idx]):
            ind = self.indicators[idx]
            if code and ind.code and ind.code != code:
                return None, 0.0  # same words, different codes: two indicators
            return ind, float(best)
        return None, float(best)

    def add(self, name: str, code: str | None) -> Indicator:
        key = code or f"ind-{len(self.indicators) + 1}"
        ind = Indicator(key=key, name=name, code=code)
        self.indicators.append(ind)
        self._norm.append(normalise(name))
        return ind

    def resolve(self, name: str, code: str | None, *, create: bool) -> tuple[Indicator | None, float]:
        ind, score = self.find(name, code)
        if ind is not None:
            if code and not ind.code:
                ind.code = code
                ind.key = code
            if name and normalise(name) != normalise(ind.name) and name not in ind.aliases:
                ind.aliases.append(name)
            return ind, score
        if create:
            return self.add(name, code), 100.0
        return None, score

    def best_in_text(self, text: str) -> tuple[Indicator | None, float]:
        """The indicator a heading or a sentence names (by code, else by the best partial fuzzy match)."""
        code, _ = split_code(text)
        m = _CODE.search(text)
        if m:
            code = _code(m)
            for ind in self.indicators:
                if ind.code == code:
                    return ind, 100.0
        norm = normalise(text)
        best: tuple[Indicator | None, float] = (None, 0.0)
        second = 0.0
        for ind, n in zip(self.indicators, self._norm, strict=True):
            s = fuzz.partial_ratio(n, norm) if len(n) <= len(norm) else fuzz.ratio(n, norm)
            if s > best[1]:
                second = best[1]
                best = (ind, s)
            elif s > second:
                second = s
        if best[1] >= MATCH_THRESHOLD and best[1] - second >= MARGIN:
            return best
        return None, best[1]


def _differ_in_a_word(a: str, b: str) -> bool:
    """Both names hold a word the other lacks even allowing for typos ("angka kematian ibu" / "angka kematian
    bayi"): two indicators, however similar the rest. Abbreviations and added words on one side only are
    fine."""
    wa = {w for w in a.split() if len(w) >= 3}
    wb = {w for w in b.split() if len(w) >= 3}

    def unmatched(xs: set[str], ys: set[str]) -> set[str]:
        return {x for x in xs if not any(fuzz.ratio(x, y) >= 80 for y in ys)}

    return bool(unmatched(wa, wb)) and bool(unmatched(wb, wa))


def _score(a: str, b: str, **_: object) -> float:
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))
