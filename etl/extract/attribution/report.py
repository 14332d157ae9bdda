"""A report: who said what in one unit, with the spans of its attribution and its content.

The content's kind follows from the quotation marks in it: direct when it is one quotation, mixed
when it holds one, indirect otherwise. `rule` names the rule that found it (README: "Extraction
rules"), so a wrong row can be traced back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract.attribution.resolve import Resolved
from etl.extract.attribution.units import MASK, Unit, single_quote
from etl.extract.attribution.verbs import NAMES_RECIPIENT, Cue


@dataclass
class Report:
    """One statement found in a unit, in unit coordinates."""

    at: int
    speaker: Resolved
    kind: str
    quote: str
    cue: str | None
    attribution: tuple[int, int]
    content: tuple[int, int]
    rule: str = ""


def make_report(unit: Unit, who: Resolved, content: tuple[int, int], cue: str | None,
                attribution: tuple[int, int], rule: str = "") -> Report:
    start, end = content
    text, masked = unit.text, unit.masked
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    inner = single_quote(unit, start, end)
    if inner is not None:
        return Report(attribution[0], who, "direct", text[inner[0]:inner[1]], cue, attribution, content, rule)
    body = text[start:end]
    if MASK in masked[start:end]:
        return Report(attribution[0], who, "mixed", body, cue, attribution, content, rule)
    return Report(attribution[0], who, "indirect", body.rstrip("."), cue, attribution, content, rule)


def cue_text(masked: str, cue: Cue) -> str:
    return re.sub(r"\s+", " ", masked[cue.start:cue.verb_end]).strip()


def recipient_text(masked: str, cue: Cue, right: tuple[int, int]) -> str:
    """' reporters' of "told reporters that ...": the person told belongs to the cue."""
    if cue.word not in NAMES_RECIPIENT:
        return ""
    between = masked[cue.verb_end:right[0]]
    between = re.sub(r"\s+that\s*$|[,:]\s*$", "", between).rstrip()
    return between if len(between.split()) <= 6 else ""


def trailing_quote(unit: Unit, att_end: int, who: Resolved, cue_text: str) -> list[Report]:
    """'"We will win," he said, "and rebuild."' -> the part after the attribution."""
    m = re.match(r"[^\x00\"“”]{0,40}?[,:]\s*[\"“]?(?=\x00)", unit.masked[att_end:])
    if not m:
        return []
    start = att_end + m.end()
    end = start
    while end < len(unit.masked) and unit.masked[end] == MASK:
        end += 1
    return [Report(start, who, "direct", unit.text[start:end], cue_text, (att_end, start), (start, end),
                   "split-quote")]
