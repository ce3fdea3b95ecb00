"""Draw the true content of a synthetic LAKIP: agency, year, indicators with consistent values, budget."""

from __future__ import annotations

import random
from decimal import Decimal

from lakipcheck.synth.model import Conventions, Sasaran, SynthIndicator, SynthTruth, Value
from lakipcheck.synth.numfmt import quantize
from lakipcheck.synth.vocab import (
    AGENCIES,
    GOVERNANCE,
    PREDICATE_RANK,
    PROVINCES,
    SAKIP_SCALE,
    IndicatorTemplate,
)

D = Decimal


def predicate_of(score: Decimal) -> str:
    """SAKIP predicate of a score (Permenpan RB 88/2021 scale, lower bounds exclusive)."""
    for lo, _hi, pred, _m in SAKIP_SCALE:
        if score > lo:
            return pred
    return "D"


def capaian_of(target: Decimal, realisasi: Decimal, polarity: str, formula: str) -> Decimal:
    """Exact % capaian: R/T for higher-is-better; (2T-R)/T or T/R for lower-is-better."""
    if polarity == "positive":
        return realisasi / target * 100
    if formula == "T/R":
        return target / realisasi * 100
    return (2 * target - realisasi) / target * 100


def _period(year: int) -> tuple[int, int]:
    for start in (2015, 2020, 2025):
        if start <= year <= start + 4:
            return start, start + 4
    raise ValueError(year)


def _num(rng: random.Random, lo: float, hi: float, decimals: int) -> Decimal:
    return quantize(D(str(rng.uniform(lo, hi))), decimals, "round")


def _nice_count(rng: random.Random, lo: float, hi: float) -> Decimal:
    v = rng.uniform(lo, hi)
    step = 1 if v < 50 else 5 if v < 500 else 10 if v < 5000 else 100
    return D(max(step, int(v / step) * step))


def _vary(
    rng: random.Random,
    base: Decimal,
    lo: float,
    hi: float,
    decimals: int,
    cap: Decimal | None,
    avoid: Decimal | None = None,
) -> Decimal:
    for _ in range(20):
        v = quantize(base * D(str(rng.uniform(lo, hi))), decimals, "round")
        if cap is not None:
            v = min(v, cap)
        if v > 0 and v != avoid:
            return v
    step = D(1).scaleb(-decimals)
    return base + step if base + step != avoid else base + 2 * step


def _indicator(
    rng: random.Random,
    tpl: IndicatorTemplate,
    key: str,
    code: str,
    sk: str,
    short: str,
    year: int,
    period: tuple[int, int],
    conv: Conventions,
) -> SynthIndicator:
    name = tpl.name.format(short=short)
    years = list(range(period[0], period[1] + 1))
    hist_years = sorted({year - 1, *range(max(period[0], year - 4), year + 1)})
    if tpl.kind == "predicate":
        tgt = rng.choice(["BB", "BB", "A"])
        better = {"BB": "A", "A": "AA"}[tgt]
        targets: dict[int, Value] = {
            y: ("B" if tgt == "BB" else "BB") if y < year else better if y == period[1] and y > year else tgt
            for y in years
        }
        score = _num(rng, 58, 88, 2)
        prev_score = _num(rng, 52, float(score) + 3, 2)
        real = predicate_of(score)
        history: dict[int, Value] = {y: predicate_of(_num(rng, 50, float(score), 2)) for y in hist_years}
        history[year - 1] = predicate_of(prev_score)
        history[year] = real
        achieved = PREDICATE_RANK[real] >= PREDICATE_RANK[str(targets[year])]
        return SynthIndicator(
            key,
            code,
            name,
            tpl.unit,
            tpl.kind,
            tpl.polarity,
            sk,
            0,
            targets[year],
            real,
            None,
            "Tercapai" if achieved else "Tidak Tercapai",
            achieved,
            history,
            targets,
            targets[period[1]],
            "final",
            None,
            ["-", "-", "-", targets[year]],
            0,
            0,
            D(0),
            score=score,
            prev_score=prev_score,
        )

    dec = tpl.decimals
    cap = D(100) if tpl.unit == "%" and tpl.hi <= 100 else None
    if tpl.kind == "count":
        base = _nice_count(rng, tpl.lo, tpl.hi)
        targets = {}
        for i, y in enumerate(years):
            f = (
                D(str(1 + 0.08 * (i - (year - period[0]))))
                if tpl.polarity == "positive"
                else D(str(1 - 0.06 * (i - (year - period[0]))))
            )
            targets[y] = max(D(1), quantize(base * f, 0, "round"))
        targets[year] = base
    else:
        base = _num(rng, tpl.lo, tpl.hi, min(dec, 1))
        step = D(str((tpl.hi - tpl.lo) / 40))
        targets = {}
        for i, y in enumerate(years):
            k = i - (year - period[0])
            v = base + step * k if tpl.polarity == "positive" else base - step * k
            v = quantize(v, min(dec, 1), "round")
            targets[y] = min(v, cap) if cap is not None else v
            if targets[y] <= 0:
                targets[y] = base
        targets[year] = base
    target = targets[year]
    lo_r, hi_r = (0.82, 1.22) if tpl.kind == "count" else (0.9, 1.1)
    realisasi = _vary(rng, target, lo_r, hi_r, dec, cap, avoid=target)
    history = {y: _vary(rng, target, 0.75, 1.1, dec, cap) for y in hist_years}
    history[year] = realisasi
    if history[year - 1] == realisasi:
        history[year - 1] = _vary(rng, realisasi, 0.8, 0.95, dec, cap, avoid=realisasi)
    formula = conv.negative_formula
    cap_exact = capaian_of(target, realisasi, tpl.polarity, formula)
    cap_printed = quantize(cap_exact, conv.percent_decimals, conv.percent_mode)
    if tpl.kind == "count":
        end_target: Value = sum((targets[y] for y in years), D(0))
        basis = "cumulative"
        cum = sum((v for y, v in history.items() if period[0] <= y <= year), D(0))
        end_cap = cum / end_target * 100 if tpl.polarity == "positive" else None
    else:
        end_target, basis = targets[period[1]], "final"
        end_cap = capaian_of(D(end_target), realisasi, tpl.polarity, formula)
    if tpl.kind == "count" and tpl.polarity == "negative":
        end_target, basis = targets[period[1]], "final"
        end_cap = capaian_of(D(end_target), realisasi, tpl.polarity, formula)
    if tpl.kind == "count" and tpl.polarity == "positive" and target >= 8:
        tw = [quantize(target * D(q) / 4, 0, "round") for q in (1, 2, 3)] + [target]
    else:
        tw = ["-", "-", "-", target]
    achieved = cap_printed >= 100
    return SynthIndicator(
        key,
        code,
        name,
        tpl.unit,
        tpl.kind,
        tpl.polarity,
        sk,
        dec,
        target,
        realisasi,
        cap_exact,
        "",
        achieved,
        history,
        targets,
        end_target,
        basis,
        end_cap,
        tw,
        0,
        0,
        D(0),
    )


def make_plan(seed: int, *, need_predicate: bool = False, need_pair_in_sasaran: bool = False) -> SynthTruth:
    """All true content for ``seed``; the optional needs make sure an injection has something to act on."""
    rng = random.Random(seed)
    agency = rng.choice(AGENCIES)
    province = rng.choice(sorted(PROVINCES))
    capital, kabs = PROVINCES[province]
    kab = rng.choice([k for k in kabs if not k.startswith("Kota ")]) if agency.level == "kabupaten" else None
    year = rng.randint(2016, 2025)
    period = _period(year)
    fmt = {"prov": province, "kab": kab or "", "PROV": province.upper(), "KAB": (kab or "").upper()}
    long, short = agency.long.format(**fmt), agency.short.format(**fmt)
    conv = Conventions(
        percent_mode=rng.choice(["round", "round", "round", "truncate", "truncate"]),
        percent_decimals=2 if rng.random() < 0.85 else 1,
        percent_sign_in_tables=rng.random() < 0.5,
        group_counts_in_tables=rng.random() < 0.6,
        money_prefix=rng.choice(["", "", "Rp", "Rp."]),
        table_style=rng.choices(["grid", "booktabs", "none"], [0.7, 0.2, 0.1])[0],
        repeat_header=rng.random() < 0.85,
        two_row_capaian_header=rng.random() < 0.5,
        negative_formula=rng.choice(["2T-R", "2T-R", "2T-R", "T/R", "T/R"]),
    )
    conv.table_formats = {
        "anggaran": "en" if rng.random() < 0.2 else "id",
        "ro": rng.choices(["id", "en", "mixed"], [0.4, 0.35, 0.25])[0],
        "capaian": "en" if rng.random() < 0.05 else "id",
        "pengukuran": "en" if rng.random() < 0.1 else "id",
    }
    n_ind = rng.randint(3, 9)
    templates = list(agency.sasaran)
    # how many indicators from each sasaran template: the governance one gets 1-2, the rest share
    n_sk = rng.randint(1, min(len(templates), 4))
    chosen = [*templates[: n_sk - 1], GOVERNANCE] if n_sk > 1 else [templates[0]]
    counts = [1] * len(chosen)
    left = n_ind - len(chosen)
    while left > 0:
        i = rng.randrange(len(chosen))
        pool = len(chosen[i].indicators)
        if counts[i] < pool and not (chosen[i] is GOVERNANCE and counts[i] >= 2):
            counts[i] += 1
            left -= 1
        elif all(
            c >= (2 if s is GOVERNANCE else len(s.indicators)) for c, s in zip(counts, chosen, strict=True)
        ):
            break
    if need_pair_in_sasaran and max(counts) < 2:
        counts[0] += 1
    if need_predicate and GOVERNANCE not in chosen:
        chosen.append(GOVERNANCE)
        counts.append(1)
    sasaran: list[Sasaran] = []
    indicators: list[SynthIndicator] = []
    seq_code = rng.random() < 0.4
    n = 0
    for s_i, (tpl_s, cnt) in enumerate(zip(chosen, counts, strict=True), start=1):
        key = f"SK {s_i}"
        sasaran.append(
            Sasaran(key, tpl_s.name.format(short=short), tpl_s.kegiatan, str(rng.randint(1000, 6999)))
        )
        pool = list(tpl_s.indicators)
        if tpl_s is GOVERNANCE:
            picks = ([pool[0]] if (need_predicate or rng.random() < 0.6) else []) + rng.sample(pool[1:], 3)
            picks = picks[:cnt]
        else:
            picks = rng.sample(pool, cnt)
        for j, tpl in enumerate(picks, start=1):
            n += 1
            code = f"{agency.code_prefix} {n}" if seq_code else f"{agency.code_prefix} {s_i}.{j}"
            indicators.append(_indicator(rng, tpl, code, code, key, short, year, period, conv))
    for ind in indicators:  # budget per indicator
        pagu = int(10 ** rng.uniform(8, 10.2)) // 1000 * 1000
        ind.budget_pagu = pagu
        ind.budget_realisasi = int(pagu * rng.uniform(0.86, 0.999))
        ind.budget_percent = D(ind.budget_realisasi) / D(pagu) * 100
        if ind.kind != "predicate":
            ind.capaian_printed = ""  # filled by compose, which knows the table format
    truth = SynthTruth(
        seed=seed,
        agency_type=agency.key,
        agency=long,
        agency_short=short,
        province=province,
        kabupaten=kab,
        city=kab or capital,
        year=year,
        renstra_period=period,
        conventions=conv,
        sasaran=sasaran,
        indicators=indicators,
    )
    truth.total_pagu = sum(i.budget_pagu for i in indicators)
    truth.total_realisasi = sum(i.budget_realisasi for i in indicators)
    return truth
