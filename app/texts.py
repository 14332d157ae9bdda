"""The words the dashboard shows about its data: caveats, column meanings, how to add articles."""
from __future__ import annotations

import pandas as pd

from etl.model import CATEGORIES

ETL_COMMAND = "python3 -m etl --input data/articles --output data/store"

_SIDE_ADJECTIVE = {"ukraine": "Ukrainian ", "russia": "Russian "}
_SIDE_NOTE = {"other": " (other countries)", "unknown": " (side not given)"}
_GROUP_NOUN = {"other": "others"}


_QUALIFIER_WORDS = {"at_least": "at least ", "about": "about ", "up_to": "up to "}


def claim(value: object, value_high: object = None, qualifier: object = None) -> str:
    """A figure's number as a reader says it: 'about 100,000', 'at least 5,000–7,000', '100 (vague)'."""
    if pd.isna(value):
        return ""
    text = f"{int(value):,}"
    if not pd.isna(value_high) and value_high > value:
        text += f"–{int(value_high):,}"
    if qualifier == "vague":
        return f"{text} (vague: floor)"
    return _QUALIFIER_WORDS.get(str(qualifier), "") + text


def what(category: str, group: str | None, side: str | None) -> str:
    """What a figure counts, in words: 'Russian military killed', 'civilians injured (side not given)'."""
    noun = _GROUP_NOUN.get(group or "people", group or "people")
    return f"{_SIDE_ADJECTIVE.get(side or '', '')}{noun} {category}{_SIDE_NOTE.get(side or '', '')}"

WHAT_IT_IS = (
    "Each figure is a number of people (killed, injured, missing, captured, displaced, deployed) "
    "that a news article **reports** someone as saying, with who said it, the period it describes "
    "and the sentence it comes from. Each statement is who said what, as an article reports it. "
    "Both are extracted from the text by a program.")

WHAT_IT_IS_NOT = (
    "These are **not verified counts** of casualties. The same event is often reported by several "
    "sources with different numbers; sides have reasons to inflate or hide losses; and the program "
    "that reads the articles makes mistakes. Use the evidence (the sentence and its article) before "
    "quoting any number.")

CAVEATS = (
    "Figures are reported claims, not verified counts.",
    "The same claim (same value, category, group, side and period; for a running total, the same "
    "claimant) found in several articles is counted once.",
    "Running totals (cumulative figures) and per-period counts are never added together; running "
    "totals are compared claimant by claimant, never summed.",
    "An incident over a stated period (\"9 killed on 4 March\") reported by several articles or "
    "reporters counts once; running totals from different claimants are different claims.",
    "Only figures of this war (russia-ukraine) are shown unless the Conflict filter says otherwise.",
    "Vague figures (\"hundreds\", \"dozens\") are left out of every sum unless \"Include vague "
    "figures\" is on; then they count at their floor value (hundreds 100, dozens 12) and are marked vague.",
    "By default only claims placed in the months the articles were published in are shown.",
    "Per-period counts are placed in the month their period starts; a figure without a period is "
    "placed in the month it was first published. Running totals are placed at the day they run up to.",
    "A range (\"5,000 to 7,000\") counts its lower value; \"at least\", \"about\" and \"up to\" are "
    "kept in the qualifier column but the number is used as written.",
    "Figures and statements were extracted automatically and can be wrong: check the sentence.",
)

CSV_NOTE = ("Text cells starting with =, +, -, @, a tab or a carriage return are prefixed with a single "
            "quote so that spreadsheets show them instead of running them as formulas; numbers are "
            "left as numbers.")

COLUMNS: dict[str, str] = {
    "month": "month the row is placed in (first day of the month)",
    "placed_on": "date the claim is placed on (see placed_by)",
    "placed_by": "'period': placed by the period the figure describes; 'publication': by the date "
                 "it was first published (no period given, or publication dating chosen)",
    "value": "number of people (the lower value of a range)",
    "value_high": "upper value of a range, empty otherwise",
    "qualifier": "exact, at_least, about, up_to or vague",
    "category": "killed, injured, casualties, missing, captured, displaced or deployed",
    "group": "civilians, children, military, people (unspecified) or other",
    "side": "whose people: ukraine, russia, other or unknown",
    "cumulative": "true for a running total since some start, false for a count over its period",
    "period_start": "first day of the period the figure describes (empty when not given)",
    "period_end": "last day of the period the figure describes (empty when not given)",
    "reported_by": "who the article attributes the figure to (empty when unattributed); in a claim, "
                   "one name per actor (the actors registry's name when it knows the actor)",
    "reported_by_actor": "the actors registry's one name for reported_by, when it knows the actor",
    "actor": "the speaker under one name per actor (the actors registry's name, else as written)",
    "location": "place the figure refers to, as written, when given",
    "conflict": "russia-ukraine for this war, another conflict's short name (data/conflicts.csv), or "
                "none for counts that belong to no conflict",
    "rule": "the extraction rule that produced the row",
    "place": "the gazetteer's name for the location, when it resolves to a known place",
    "admin1": "the place's first-level division (oblast)",
    "country": "the place's country (ISO 3166-1 alpha-2 code)",
    "lat": "the place's latitude",
    "lon": "the place's longitude",
    "place_precision": "how precise the place is: settlement, district, oblast or country",
    "oblast": "the first-level division (oblast) the claims are placed in",
    "claims": "number of distinct claims (a claim repeated by several articles counts once)",
    "articles": "number of articles that reported this same claim",
    "claim_key": "a number identifying the claim (the same in every table and chart of this data version)",
    "claimant": "who made the claim (one name per actor), or 'no claimant named'",
    "as_of": "the day the claimant's latest running total runs up to",
    "claims": "number of distinct claims",
    "first_claim_on": "the day the claimant's first running total in view runs up to",
    "highest": "the highest running total the claimant claimed in view",
    "claim_date": "the day the claim's running total runs up to",
    "general_staff_day": "the day of the General Staff figure used (the claim's day, or the last day before it)",
    "general_staff": "Ukraine's General Staff running total of Russian personnel 'liquidated' that day (data/reference)",
    "claim_to_general_staff": "the claim divided by the General Staff figure",
    "economist_day": "the day of The Economist's collected estimate used (the latest on or before the claim's day)",
    "economist_source": "who made the estimate The Economist collected",
    "economist_low": "lower bound of that estimate, when it is a range",
    "economist": "that estimate (its central or only value)",
    "economist_high": "upper bound of that estimate, when it is a range",
    "economist_note": "whether the estimate comes from a warring party",
    "first_published": "publication date of the first article reporting the claim",
    "article_id": "id of the article (for a claim: the first article reporting it)",
    "article_ids": "ids of every article reporting the claim, ';'-separated",
    "sentence": "the sentence of the article the row was extracted from (evidence)",
    "published": "publication date of the article",
    "said_on": "date of the statement, when the article says when",
    "speaker": "who made the statement, as written in the article",
    "speaker_role": "the speaker's title or role as written",
    "kind": "direct (quoted), indirect (reported speech) or mixed",
    "quote": "what was said, as written in the article",
    "cue": "the speech verb or phrase (said, told reporters, according to...)",
    "source": "the outlet that published the article",
    "title": "title of the article",
    "statement_id": "id of the statement",
    "figure_id": "id of the figure",
    "tags": "the article's tags, ';'-separated",
    "words": "length of the article in words",
    "figures": "number of figures extracted from the article",
    "statements": "number of statements extracted from the article",
    "url": "the article's address, as given in the input",
    "path": "input file the item came from",
    "line": "line of the input file, when known",
    "reason": "why the item could not be loaded",
}
# A per-oblast (or other summary) column per category: one kind of thing in each number.
COLUMNS |= {c: f"people {c} that the claims count (per-period claims summed; running totals: the highest)"
            for c in CATEGORIES}
