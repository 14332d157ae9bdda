"""An article's text with the sentences its figures and statements came from highlighted.

The text is split into runs, and each run is rendered as Markdown with every punctuation character
escaped, highlighted runs wrapped in Streamlit's `:color-background[...]` directive. Nothing from the
article can become HTML, a link, a formula or a directive of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

FIGURE, STATEMENT = 1, 2
# The sentence a link was opened for (a table row's evidence): marked apart from the others.
TARGET = 4
# Which background each kind of evidence gets; a sentence holding both gets the third.
COLORS = {FIGURE: "orange", STATEMENT: "blue", FIGURE | STATEMENT: "violet"}
TARGET_COLOR = "green"


def color(mark: int) -> str:
    return TARGET_COLOR if mark & TARGET else COLORS[mark]


_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
# Streamlit's Markdown turns bare addresses into links after escapes are read ("https://...",
# "www.x", "name@host"), so escaping cannot stop it. An invisible word joiner inside the pattern
# it looks for (after "http:" / "https:", after "www", after "@") leaves the text as it reads and
# stops the link.
WORD_JOINER = "\u2060"
_NO_AUTOLINK = re.compile(r"(?i)(?<=\bhttps:)(?=//)|(?<=\bhttp:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)(?=\w)")


@dataclass(frozen=True)
class Segment:
    text: str
    mark: int  # 0 (plain), FIGURE, STATEMENT or both


def find(text: str, sentence: str) -> tuple[int, int] | None:
    """Where `sentence` occurs in `text`, tolerating differences in whitespace."""
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    words = sentence.split()
    if not words:
        return None
    match = re.search(r"\s+".join(map(re.escape, words)), text)
    return (match.start(), match.end()) if match else None


def segments(text: str, evidence: Iterable[tuple[str, int]]) -> list[Segment]:
    """Split `text` into runs marked by which kinds of evidence (sentence, kind) cover them."""
    marks = [0] * (len(text) + 1)
    for sentence, kind in evidence:
        span = find(text, sentence)
        if span:
            for i in range(*span):
                marks[i] |= kind
    out: list[Segment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[start]:
            out.append(Segment(text[start:i], marks[start]))
            start = i
    return out


def escape_markdown(text: str) -> str:
    """Backslash-escape every ASCII punctuation character, which Markdown then shows literally, and
    keep bare addresses from becoming links (see _NO_AUTOLINK)."""
    return _PUNCTUATION.sub(r"\\\1", _NO_AUTOLINK.sub(WORD_JOINER, text))


def _line(text: str, mark: int) -> str:
    core = text.strip()
    if not core:
        return text
    escaped = escape_markdown(core)
    if mark:
        escaped = f":{color(mark)}-background[**{escaped}**]"
    # Spaces stay outside the directive, so neighbouring runs never run into each other.
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return lead + escaped + trail


def to_markdown(parts: list[Segment]) -> str:
    """Markdown for the runs: paragraphs stay paragraphs, single line breaks stay line breaks."""
    lines: list[str] = [""]
    for part in parts:
        pieces = _SPACES.sub(" ", part.text).split("\n")
        for n, piece in enumerate(pieces):
            if n:
                lines.append("")
            lines[-1] += _line(piece, part.mark)
    # Leading spaces would make an indented code block; blank lines separate paragraphs.
    lines = [line.strip() for line in lines]
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("  \n".join(p) for p in paragraphs if p)
