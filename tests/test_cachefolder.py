"""Lines kept in the cache folder: worked out once, read back only when whole and yours,
made again (and never written) otherwise."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmreach.cachefolder import KEPT_PER_KIND, LINES_FORMAT, kept_lines
from warmreach.matching import known, words


class Maker:
    """``make`` for kept_lines, counting its calls."""

    def __init__(self, lines: list[str]) -> None:
        self.lines, self.calls = lines, 0

    def __call__(self) -> list[str]:
        self.calls += 1
        return list(self.lines)


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def test_lines_are_made_once_then_read_back_privately(tmp_path: Path) -> None:
    make = Maker(["apple", "summit", ""])
    assert kept_lines("words", "v1", make, folder=tmp_path) == ["apple", "summit", ""]
    assert kept_lines("words", "v1", make, folder=tmp_path) == ["apple", "summit", ""]
    assert make.calls == 1
    (kept,) = _kept(tmp_path)
    assert kept.read_text(encoding="utf-8") == f"{LINES_FORMAT} 3\napple\nsummit\n\n"
    assert kept.stat().st_mode & 0o777 == 0o600


def test_another_version_makes_them_again_and_the_least_recently_used_go(
    tmp_path: Path,
) -> None:
    """A new version is made again; the KEPT_PER_KIND files of a kind used last stay
    (two installs sharing the folder do not undo each other), the others go; another
    kind is never touched."""
    other = kept_lines("names", "v1", Maker(["x"]), folder=tmp_path)
    files: dict[str, Path] = {}
    for number in range(1, KEPT_PER_KIND + 1):
        before = set(_kept(tmp_path))
        make = Maker([f"word{number}"])
        assert kept_lines("words", f"v{number}", make, folder=tmp_path) == [f"word{number}"]
        assert make.calls == 1
        (files[f"v{number}"],) = set(_kept(tmp_path)) - before
    for number, path in enumerate(files.values()):  # v1 used longest ago
        os.utime(path, ns=(number * 10**9, number * 10**9))
    again = Maker(["unused"])
    assert kept_lines("words", "v1", again, folder=tmp_path) == ["word1"]  # read: now used
    assert again.calls == 0
    kept_lines("words", "v5", Maker(["word5"]), folder=tmp_path)
    assert not files["v2"].exists()  # the least recently used
    assert all(files[version].exists() for version in ("v1", "v3", "v4"))
    assert len(_kept(tmp_path)) == KEPT_PER_KIND + 1  # and the other kind's
    assert kept_lines("names", "v1", Maker(["y"]), folder=tmp_path) == other


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[:-1],  # the last line break lost
        lambda text: text[: len(text) // 2],  # cut in the middle
        lambda text: text.replace(" 2\n", " 3\n", 1),  # a line missing
        lambda text: text + "extra\n",  # a line too many
        lambda text: "",  # empty
        lambda text: text.replace(LINES_FORMAT, "warmreach-lines-0"),  # another format
    ],
)
def test_a_damaged_file_is_made_again_and_rewritten(
    tmp_path: Path, damage: Callable[[str], str]
) -> None:
    kept_lines("words", "v1", Maker(["apple", "summit"]), folder=tmp_path)
    (kept,) = _kept(tmp_path)
    kept.write_text(damage(kept.read_text(encoding="utf-8")), encoding="utf-8")
    make = Maker(["apple", "summit"])
    assert kept_lines("words", "v1", make, folder=tmp_path) == ["apple", "summit"]
    assert make.calls == 1
    assert kept.read_text(encoding="utf-8") == f"{LINES_FORMAT} 2\napple\nsummit\n"


def test_bytes_that_are_not_utf8_are_made_again(tmp_path: Path) -> None:
    kept_lines("words", "v1", Maker(["apple"]), folder=tmp_path)
    (kept,) = _kept(tmp_path)
    kept.write_bytes(f"{LINES_FORMAT} 1\n".encode() + b"\xff\n")
    make = Maker(["apple"])
    assert kept_lines("words", "v1", make, folder=tmp_path) == ["apple"] and make.calls == 1


def test_a_link_in_place_of_the_file_is_neither_read_nor_replaced(tmp_path: Path) -> None:
    kept_lines("words", "v1", Maker(["apple"]), folder=tmp_path)
    (kept,) = _kept(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text(f"{LINES_FORMAT} 1\nplanted\n", encoding="utf-8")
    kept.unlink()
    kept.symlink_to(elsewhere)
    make = Maker(["apple"])
    assert kept_lines("words", "v1", make, folder=tmp_path) == ["apple"] and make.calls == 1
    assert kept.is_symlink()
    assert elsewhere.read_text(encoding="utf-8") == f"{LINES_FORMAT} 1\nplanted\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_a_file_of_someone_else_is_neither_read_nor_replaced(tmp_path: Path) -> None:
    kept_lines("words", "v1", Maker(["apple"]), folder=tmp_path)
    (kept,) = _kept(tmp_path)
    kept.write_text(f"{LINES_FORMAT} 1\nplanted\n", encoding="utf-8")
    os.chown(kept, 12345, -1)
    make = Maker(["apple"])
    assert kept_lines("words", "v1", make, folder=tmp_path) == ["apple"] and make.calls == 1
    assert kept.stat().st_uid == 12345 and "planted" in kept.read_text(encoding="utf-8")


def test_a_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    make = Maker(["apple"])
    for _ in range(2):
        assert kept_lines("words", "v1", make, folder=folder) == ["apple"]
    assert make.calls == 2 and _kept(folder) == []


def test_with_the_cache_turned_off_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARMREACH_NO_CACHE", "1")
    make = Maker(["apple"])
    for _ in range(2):
        assert kept_lines("words", "v1", make, folder=tmp_path) == ["apple"]
    assert make.calls == 2 and _kept(tmp_path) == []


def test_lines_with_a_line_break_are_never_kept(tmp_path: Path) -> None:
    make = Maker(["one\ntwo", "three\r"])
    for _ in range(2):
        assert kept_lines("words", "v1", make, folder=tmp_path) == ["one\ntwo", "three\r"]
    assert make.calls == 2 and _kept(tmp_path) == []


@given(lines=st.lists(st.text(st.characters(blacklist_characters="\n\r", codec="utf-8"))))
def test_any_lines_come_back_as_they_were_made(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("kept")
    make = Maker(lines)
    assert kept_lines("words", "v1", make, folder=folder) == lines
    assert kept_lines("words", "v1", make, folder=folder) == lines
    assert make.calls == 1


def test_the_everyday_words_kept_are_those_picked_out_of_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first start picks the words out of pyspellchecker's list and keeps them; the
    next reads them back (without picking) and gets the very same words."""
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(tmp_path))
    words.everyday_words.cache_clear()
    picked = frozenset(words.picked_words())
    assert words.everyday_words() == picked
    assert [path.name.split("-")[:2] for path in _kept(tmp_path)] == [["everyday", "words"]]
    words.everyday_words.cache_clear()

    def no_picking() -> list[str]:
        raise AssertionError("the kept words were picked again")

    monkeypatch.setattr(words, "picked_words", no_picking)
    try:
        assert words.everyday_words() == picked
    finally:
        words.everyday_words.cache_clear()


def test_the_known_names_kept_are_those_of_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The well-known companies' names, normalised, are worked out from the list once;
    the next start reads the same names back, in the same order, without working them
    out; a changed list works them out again."""
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(tmp_path))
    known.known_names.cache_clear()
    worked_out = known._names()
    assert list(known.known_names().items()) == list(worked_out.items())
    assert [path.name.split("-")[:2] for path in _kept(tmp_path)] == [["known", "names"]]
    known.known_names.cache_clear()

    def no_list() -> dict[str, str]:
        raise AssertionError("the kept names were worked out again")

    monkeypatch.setattr(known, "_names", no_list)
    try:
        assert list(known.known_names().items()) == list(worked_out.items())
        known.known_names.cache_clear()
        listed = known._list()
        monkeypatch.setattr(known, "_list", lambda: listed + b"\n# one more line\n")
        with pytest.raises(AssertionError, match="worked out again"):
            known.known_names()
    finally:
        known.known_names.cache_clear()
