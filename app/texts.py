"""The words the dashboard shows about its data: caveats, column meanings, how to add articles."""
from __future__ import annotations

ETL_COMMAND = "python3 -m etl --input data/articles --output data/store"

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
    "The same claim (same value, category, group, side, period and reporter) found in several "
    "articles is counted once; different reporters of one event are not merged.",
    "Running totals (cumulative figures) and per-period counts are never added together.",
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
    "people": "people the claims count: per-period claims summed, or for running totals the highest",
    "killed_claims": "how many of the claims count people killed",
    "articles": "number of articles that reported this same claim",
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
