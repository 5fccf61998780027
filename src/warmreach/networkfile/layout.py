"""The layouts of YAML files, and reading one as a round-trip tree that writes it back
exactly (ruamel.yaml's round-trip loader keeps comments, key order, quoting and flow
style): what :mod:`~warmreach.networkfile.edit` edits.

>>> text = "people:\\n  - name: Bo  # a friend\\n"
>>> yaml, tree = round_trip(text, "n.yaml", 0)
>>> guess_layout(text), dump_tree(yaml, tree) == text
((2, 4, 2), True)
"""

from __future__ import annotations

import io
import itertools
from typing import Any, Final

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from warmreach.errors import WarmreachError

#: the layout of the files warmreach writes (networkfile.dump.emit): (mapping, sequence,
#: offset of the dash)
EMITTED: Final = (2, 4, 2)
#: indentations tried, most common first: (mapping, sequence, offset of the dash)
LAYOUTS: Final = (EMITTED, (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 2, 2), (3, 3, 1))


def round_trip(text: str, file: str, first_line: int) -> tuple[YAML, Any]:
    """``text`` as a round-trip tree, with the indentation that writes it back exactly;
    refused, naming the first line that would change, when none does."""
    if "\r" in text:
        raise WarmreachError(
            f"{file}: has lines ending in a lone CR (or mostly LF with some CRLF); save it "
            "with one kind of line ending, so that warmreach can edit it and change nothing else"
        )
    yaml = round_trip_yaml(*LAYOUTS[0])
    try:
        tree = yaml.load(text)
    except YAMLError as error:  # pragma: no cover - our loader accepted the file
        raise WarmreachError(f"{file}: cannot be edited: {error}") from error
    best: tuple[int, str, str] | None = None
    guessed = guess_layout(text)
    for layout in sorted(LAYOUTS, key=lambda layout: layout != guessed):
        yaml.indent(mapping=layout[0], sequence=layout[1], offset=layout[2])
        written = dump_tree(yaml, tree)
        if written == text:
            return yaml, tree
        differs = first_difference(text, written)
        if best is None or differs[0] > best[0]:
            best = differs
    assert best is not None
    number, was, would = best
    raise WarmreachError(
        f"{file}:{first_line + number}: warmreach cannot keep this line as written when "
        f"editing the file ('{was.strip()[:60]}' would be written '{would.strip()[:60]}'); "
        "make the change by hand"
    )


def first_difference(text: str, written: str) -> tuple[int, str, str]:
    """The first line (1-based) where ``written`` differs from ``text``, and both lines."""
    for number, (was, would) in enumerate(
        itertools.zip_longest(text.splitlines(), written.splitlines(), fillvalue=""), start=1
    ):
        if was != would:
            return number, was, would
    return 1, "", ""  # pragma: no cover - the texts differ


def dump_tree(yaml: YAML, tree: Any) -> str:
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def guess_layout(text: str) -> tuple[int, int, int]:
    """The indentation of the first block list item under a key, and of mappings."""
    mapping = sequence = offset = None
    lines = text.splitlines()
    for previous, line in itertools.pairwise(lines):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        parent = len(previous) - len(previous.lstrip(" "))
        if not stripped or stripped.startswith("#") or not previous.rstrip().endswith(":"):
            continue
        if stripped.startswith("- ") and sequence is None:
            offset = indent - parent
            rest = stripped[2:]
            sequence = offset + 2 + len(rest) - len(rest.lstrip(" "))
        elif not stripped.startswith("- ") and mapping is None and indent > parent:
            mapping = indent - parent
        if mapping is not None and sequence is not None:
            break
    return (mapping or 2, sequence or 4, offset if offset is not None else 2)


def round_trip_yaml(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the user wrote on one
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # [role, {availability: 2026-11-02}]
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml
