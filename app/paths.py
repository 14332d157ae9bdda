"""Input paths as the dashboard's visitors see them: never the server's folders.

A path is shown from the input it was found under (the name of the folder given to the ETL, then
the path inside it: `articles/2024/feed.jsonl`, `uploads/story.txt`), or as its file name alone.
The same rule in Python, for paths the pages hold, and in SQL, for paths in the store's tables.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def shown(path: str | Path, roots: Iterable[str | Path]) -> str:
    """`path` from the longest of `roots` (the ETL's inputs) it lies under, else its name alone."""
    path = str(path)
    best = None
    for root in roots:
        root = str(root).rstrip(os.sep)
        if root and (path == root or path.startswith(root + os.sep)) and (best is None or len(root) > len(best)):
            best = root
    if best is None:
        return os.path.basename(path.rstrip(os.sep))
    return os.path.basename(best) + path[len(best):]


def shown_sql(column: str) -> str:
    """The SQL expression for `column` (a path) shown by the rule above, the roots being the inputs
    in the store's meta."""
    return (
        "coalesce((SELECT regexp_extract(root, '[^/]*$') || substr(" + column + ", length(root) + 1) "
        "FROM (SELECT rtrim(unnest(from_json(value, '[\"VARCHAR\"]')), '/') AS root "
        "FROM meta WHERE key = 'inputs') "
        "WHERE root <> '' AND (" + column + " = root OR starts_with(" + column + ", root || '/')) "
        "ORDER BY length(root) DESC LIMIT 1), regexp_extract(" + column + ", '[^/]*$'))")


def public(text: str, store_folder: Path) -> str:
    """A message with the store folder's own path replaced by words."""
    folder = str(store_folder.resolve())
    return text.replace(folder + os.sep, "").replace(folder, "the store folder")
