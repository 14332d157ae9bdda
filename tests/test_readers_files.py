"""Finding input files under the paths a person gives: order, hidden files, links, loops."""
from __future__ import annotations

import os
from pathlib import Path

from etl.model import Rejection
from etl.readers import MAX_DEPTH, OUTSIDE_LINK, iter_input_files


def touch(path: Path, text: str = "Title\n\nBody.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(paths: list) -> tuple[list[str], list[tuple[str, str]]]:
    files, rejections = [], []
    for item in iter_input_files(paths):
        if isinstance(item, Rejection):
            rejections.append((item.path, item.reason))
        else:
            assert isinstance(item, Path)
            files.append(str(item))
    return files, rejections


def test_folders_are_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    for name in ("b.txt", "A.md", "sub/c.jsonl", "sub/deeper/d.CSV", ".hidden.txt",
                 ".git/config.json", "page.HTM"):
        touch(tmp_path / name)
    files, rejections = found([tmp_path])
    assert rejections == []
    assert files == [str(tmp_path / name) for name in
                     ("A.md", "b.txt", "page.HTM", "sub/c.jsonl", "sub/deeper/d.CSV")]
    assert found([tmp_path]) == (files, [])  # the same every time


def test_paths_keep_the_form_given_and_explicit_files_are_yielded(tmp_path):
    single = touch(tmp_path / "one.txt")
    files, _ = found([str(single), tmp_path / "missing"])
    assert files == [str(single)]


def test_missing_path_and_unsupported_types_are_rejected(tmp_path):
    touch(tmp_path / "scan.pdf")
    touch(tmp_path / "README")
    _, rejections = found([tmp_path, tmp_path / "nope"])
    supported = "(supported: .txt, .md, .json, .jsonl, .csv, .html, .htm)"
    assert rejections == [
        (str(tmp_path / "README"), f"no file extension {supported}"),
        (str(tmp_path / "scan.pdf"), f"unsupported file type '.pdf' {supported}"),
        (str(tmp_path / "nope"), "no such file or folder"),
    ]


def test_symlink_loop_is_reported_once_and_files_are_not_repeated(tmp_path):
    touch(tmp_path / "news" / "a.txt")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news", target_is_directory=True)
    (tmp_path / "news" / "again.txt").symlink_to(tmp_path / "news" / "a.txt")
    files, rejections = found([tmp_path, tmp_path / "news"])
    assert files == [str(tmp_path / "news" / "a.txt")]
    assert rejections == [(str(tmp_path / "news" / "loop"),
                           "link loops back to a folder that contains it; skipped")]


def test_broken_link_stands_for_an_unreadable_file(tmp_path):
    # Tests run as root, for whom permissions do not stop reads; a dangling link is the
    # directory entry that cannot be opened.
    touch(tmp_path / "ok.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    files, rejections = found([tmp_path])
    assert files == [str(tmp_path / "ok.txt")]
    assert rejections == [(str(tmp_path / "gone.txt"), "broken link: its target does not exist")]


def test_pipes_are_not_opened(tmp_path):
    os.mkfifo(tmp_path / "feed.txt")
    _, rejections = found([tmp_path])
    assert rejections == [(str(tmp_path / "feed.txt"), "not a regular file (a device, pipe or socket)")]


def test_folders_nested_too_deeply_are_not_read(tmp_path):
    deep = tmp_path
    for level in range(MAX_DEPTH + 5):
        deep = deep / f"d{level}"
    touch(deep / "bottom.txt")
    touch(tmp_path / "top.txt")
    files, rejections = found([tmp_path])
    assert files == [str(tmp_path / "top.txt")]
    assert len(rejections) == 1
    assert rejections[0][1] == f"folders nested more than {MAX_DEPTH} deep; not read"


def test_links_leading_outside_the_inputs_are_not_followed_and_say_so(tmp_path):
    inputs, elsewhere = tmp_path / "inputs", tmp_path / "elsewhere"
    touch(inputs / "story.txt")
    touch(elsewhere / "secret.txt")
    touch(elsewhere / "more" / "notes.md")
    (inputs / "passwd.txt").symlink_to("/etc/passwd")
    (inputs / "secret.txt").symlink_to(elsewhere / "secret.txt")
    (inputs / "more").symlink_to(elsewhere / "more", target_is_directory=True)
    (inputs / "z-same.txt").symlink_to(inputs / "story.txt")  # inside: followed (and read once)
    files, rejections = found([inputs])
    assert files == [str(inputs / "story.txt")]
    assert sorted(rejections) == [(str(inputs / name), OUTSIDE_LINK) for name in ("more", "passwd.txt", "secret.txt")]
    # Named on the command line, the same places are read: the person asked for them.
    files, rejections = found([inputs, elsewhere])
    assert files == [str(inputs / "more" / "notes.md"), str(inputs / "secret.txt"), str(inputs / "story.txt")]
    assert rejections == [(str(inputs / "passwd.txt"), OUTSIDE_LINK)]
    assert found([inputs / "passwd.txt"]) == ([str(inputs / "passwd.txt")], [])
