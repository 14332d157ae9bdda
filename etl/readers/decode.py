"""Bytes to text: UTF-8 first, then the single-byte encodings news files really come in.

Text is kept exactly as written apart from line endings (\\r\\n and \\r become \\n), because
evidence sentences are later copied from it character for character.
"""
from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer

# Whole-file formats (.txt, .md, .html, .json) are read into memory; beyond this a person has
# almost certainly pointed the tool at the wrong file (a big collection belongs in .jsonl/.csv).
MAX_WHOLE_FILE_BYTES = 100 * 1024 * 1024
# One line of a streamed format (.jsonl, one article per line) may be as large as a whole file.
MAX_LINE_BYTES = MAX_WHOLE_FILE_BYTES
SAMPLE_BYTES = 1 << 16
# Guessing an encoding costs about a millisecond; a file of garbage lines must not pay it per line.
MAX_LINE_DETECTIONS = 8

# Candidates for non-UTF-8 input: Cyrillic (Ukrainian/Russian) and Western European code pages.
_CANDIDATES = ["cp1251", "cp1252", "latin_1", "koi8_r", "koi8_u"]
UNDECODABLE = "could not decode as UTF-8, cp1251 or latin-1"
BINARY = "binary file, not text"
EMPTY = "empty file"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_TEXT_CONTROLS = b"\t\n\x0b\x0c\r\x1b"
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


class Unreadable(Exception):
    """A file (or line) whose bytes cannot be turned into text; `reason` is for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(sample: bytes) -> bool:
    """More than 5% control characters: an image, archive or executable, not text.

    A single NUL is not enough here: in a streamed file it is one corrupt line, rejected alone.
    """
    controls = len(sample.translate(None, _NOT_CONTROL))  # what is left once text bytes go
    return controls * 20 > len(sample)


def _is_utf8_prefix(sample: bytes) -> bool:
    """True when `sample` (possibly cut mid-character at its end) is valid UTF-8."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _cyrillic_runs(data: bytes) -> bool:
    """Whether high bytes come in runs (whole words, as in cp1251 Cyrillic) rather than alone.

    Accented letters of Western text are single high bytes inside ASCII words; this decides
    between cp1251 and cp1252 when a text is too short for a language to be recognised.
    """
    high = paired = 0
    previous_high = False
    for byte in data[:SAMPLE_BYTES]:
        is_high = byte >= 0xC0
        if is_high:
            high += 1
            paired += previous_high
        previous_high = is_high
    return high > 0 and paired * 2 >= high


def detect_encoding(data: bytes, declared: str | None = None) -> str:
    """The single-byte encoding `data` is written in; raises Unreadable when none fits."""
    if declared:
        try:
            codec = codecs.lookup(declared).name
            data.decode(codec)
            if codec != "utf-8":
                return codec
        except (LookupError, UnicodeDecodeError):
            pass
    results = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES)
    best = results.best()
    if best is None:
        raise Unreadable(UNDECODABLE)
    if best.coherence > 0:
        return best.encoding
    found = {match.encoding for match in results}
    preferred = ("cp1251", "koi8_r") if _cyrillic_runs(data) else ("cp1252", "latin_1")
    return next((name for name in preferred if name in found), best.encoding)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """The text of a whole file; `declared` is a charset the file names (HTML meta charset)."""
    if not data or data.isspace():
        raise Unreadable(EMPTY)
    bom = _bom_encoding(data)
    if bom is not None and bom != "utf-8-sig":
        try:
            return normalise_newlines(data.decode(bom))
        except UnicodeDecodeError:
            raise Unreadable(f"could not decode as {bom.upper()} although it starts with its mark") from None
    if looks_binary(data[:SAMPLE_BYTES]) or b"\0" in data:
        raise Unreadable(BINARY)
    try:
        return normalise_newlines(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    # The guess rests on a sample; a byte the guessed code page lacks further on becomes U+FFFD
    # rather than costing the whole article.
    return normalise_newlines(data.decode(detect_encoding(data, declared), errors="replace"))


def read_bytes(path: Path) -> bytes:
    """The bytes of a whole-file format, refusing files too large to hold in memory."""
    size = path.stat().st_size
    if size > MAX_WHOLE_FILE_BYTES:
        raise Unreadable(
            f"file too large ({size // 2**20} MB; at most {MAX_WHOLE_FILE_BYTES // 2**20} MB "
            "for this format, use .jsonl or .csv for big collections)"
        )
    return path.read_bytes()


def iter_lines(path: Path) -> Iterator[tuple[int, str | Unreadable]]:
    """(1-based line number, line with its "\\n") streamed with bounded memory.

    A line that cannot be decoded comes as an Unreadable in place of its text so the lines
    around it still load; a binary file raises Unreadable before any line is yielded.
    """
    with open(path, "rb") as stream:
        head = stream.read(SAMPLE_BYTES)
        bom = _bom_encoding(head)
        if bom is not None and bom != "utf-8-sig":
            stream.seek(0)
            yield from _iter_wide_lines(stream, bom)
            return
        if looks_binary(head):
            raise Unreadable(BINARY)
        stream.seek(0)
        fallback = None if _is_utf8_prefix(head) else _detect_or_none(head)
        number = detections = 0
        while raw := stream.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                # Held whole, a line of gigabytes would exhaust memory: skip to its end instead.
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                limit = f"{MAX_LINE_BYTES >> 20} MB" if MAX_LINE_BYTES >= 2**20 else f"{MAX_LINE_BYTES >> 10} KB"
                yield number, Unreadable(f"line longer than {limit}; not read")
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if b"\0" in raw:
                yield number, Unreadable("binary data, not text")
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                if fallback is None and detections < MAX_LINE_DETECTIONS:
                    detections += 1
                    fallback = _detect_or_none(raw)
                if fallback is None:
                    yield number, Unreadable(UNDECODABLE)
                    continue
                text = raw.decode(fallback, errors="replace")
            if "\r" not in text:
                yield number, text
                continue
            # A lone \r ends a line too (old Mac files), as any editor counts lines.
            parts = normalise_newlines(text).split("\n")
            for index, part in enumerate(parts[:-1]):
                yield number + index, part + "\n"
            number += len(parts) - 2
            if parts[-1]:
                number += 1
                yield number, parts[-1]


def _detect_or_none(data: bytes) -> str | None:
    try:
        return detect_encoding(data)
    except Unreadable:
        return None


def _iter_wide_lines(stream: io.BufferedReader, encoding: str) -> Iterator[tuple[int, str | Unreadable]]:
    """Lines of a UTF-16/32 file (Windows "Unicode" text), which cannot be split on bytes."""
    text = io.TextIOWrapper(stream, encoding=encoding, newline=None)
    number = 0
    try:
        for number, line in enumerate(text, 1):
            yield number, line
    except UnicodeDecodeError:
        yield number + 1, Unreadable(f"could not decode as {encoding.upper()} from here on")
