"""How many people this war can have killed by a given day: the bound past which a count of
"killed" or of "casualties" is not this war's, whatever its sentence seems to say.

Articles about this war also recall bigger ones ("around seven million perished" in the last
world war, "killing at least 35 million" in a piece about Hitler), often paragraphs away from the
war they name. No count of this war can be larger than all the people it has killed or wounded by
then. The largest published series of this war's losses is Ukraine's General Staff daily count of
Russian personnel "liquidated" (killed and wounded, by Western reading; data/reference/, MIT).
The bound is three times that count on the day (both sides' losses, and the claims of every other
side, have stayed below it) plus 50,000, above the about 14,000 people killed in the war from 2014
to the invasion (UN OHCHR, 2022). After the series ends, its last count holds.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from datetime import date
from functools import lru_cache
from pathlib import Path

SERIES = Path(__file__).resolve().parents[2] / "data" / "reference" / "ukraine-general-staff" / \
    "russia_losses_personnel.json"
BEFORE_THE_INVASION = 50_000
TIMES_THE_SERIES = 3
# The categories the bound applies to: counts of people killed, or killed and wounded.
BOUNDED = frozenset({"killed", "casualties"})


@lru_cache(maxsize=1)
def _series() -> tuple[list[date], list[int]]:
    try:
        rows = json.loads(SERIES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], []  # without the series, only the count before the invasion bounds nothing
    pairs = sorted((date.fromisoformat(r["date"]), int(r["personnel"])) for r in rows
                   if r.get("date") and isinstance(r.get("personnel"), (int, float)))
    return [d for d, _ in pairs], [n for _, n in pairs]


def most_killed(day: date) -> int | None:
    """The most people this war can have killed (or killed and wounded) by `day`; None when the
    reference series is missing, so that nothing is bounded."""
    days, counts = _series()
    if not days:
        return None
    i = bisect_right(days, day)
    return BEFORE_THE_INVASION + TIMES_THE_SERIES * (counts[i - 1] if i else 0)


def beyond_this_war(value: int, category: str, day: date | None) -> bool:
    """Is a `category` count of `value`, describing a time up to `day`, too large for this war?"""
    if category not in BOUNDED or day is None:
        return False
    bound = most_killed(day)
    return bound is not None and value > bound
