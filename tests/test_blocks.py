"""The fast line reader (:mod:`warmreach.networkfile.blocks`) against libyaml's events
(:func:`~warmreach.networkfile.tree.parse_tree`): whatever text it reads, it builds the
very same tree (texts, quoting, lines and columns) and hands on the same contacts;
whatever it does not take, or is wrong, it leaves to libyaml. Tested on what warmreach
writes and people copy, on hand-picked traps, on generated YAML in every style, and on
the samples mutated character by character."""

from __future__ import annotations

import contextlib
import functools
import json
import random
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import SAMPLES, examples
from tests.test_attacks import HOSTILE, NETWORK
from tests.test_fuzz import hostile_networks
from tests.test_loading_errors import CASES
from warmreach import parse_network
from warmreach.errors import InvalidNetwork
from warmreach.networkfile import blocks
from warmreach.networkfile.blocks import OutsideBlocks, read_blocks
from warmreach.networkfile.build import build_from_text, build_network
from warmreach.networkfile.dump import dump_network
from warmreach.networkfile.tree import MappingNode, Node, parse_tree
from warmreach.synthetic import generate_network

FILE = "n.yaml"


def by_libyaml(text: str) -> Node | type[InvalidNetwork] | None:
    try:
        return parse_tree(text, FILE)
    except InvalidNetwork:
        return InvalidNetwork


def assert_same(text: str) -> bool:
    """The fast reader gives libyaml's tree or stops; returns whether it read the text."""
    try:
        fast = read_blocks(text)
    except OutsideBlocks:
        return False
    assert fast == by_libyaml(text), text
    return True


def generated(contacts: int, seed: int) -> str:
    return json.dumps(generate_network(contacts, 3, seed=seed))


def written_samples() -> list[str]:
    """The samples as warmreach writes a network (imports, merges, new files)."""
    return [dump_network(parse_network(path.read_bytes())) for path in SAMPLES]


# ---------------------------------------------------------------- what it must read


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_the_samples_are_read_line_by_line(sample: Path) -> None:
    assert assert_same(sample.read_text(encoding="utf-8"))


def test_what_warmreach_writes_is_read_line_by_line() -> None:
    for text in written_samples():
        assert assert_same(text)
        assert assert_same(text.replace("\n", "\r\n"))


def test_generated_networks_in_pyyaml_block_style_are_read_line_by_line() -> None:
    for seed in range(3):
        tree = generate_network(200, 4, seed=seed)
        assert assert_same(yaml.safe_dump(tree, sort_keys=False))
        assert assert_same(yaml.safe_dump(tree, sort_keys=False, indent=4, width=40))


READ = {
    "comments everywhere": "# head\nme:   # you\n  # inside\n  name: Ana # x\n\n# end\n",
    "a hash inside text": "me:\n  name: A#na\n  role: C# dev\n",
    "colons inside text": "me:\n  name: 'a: b'\n  site: http://x.org/a:b\n  at: 10:30\n",
    "empty values": "me:\n  name:\n  role:   # none\ncontacts:\n-\n- \n",
    "an empty value before a less indented key": "me:\n  seeking:\ncontacts: []\n",
    "lists under their key, or indented": "a:\n- x\n-   y\nb:\n    - z\n",
    "mappings in lists": "c:\n  - name: Bo\n    trust: 3\n  -   name: Cy\n      trust: 4\n",
    "an item on the line after its dash": "c:\n-\n  name: Bo\n-\n  - x\n",
    "an indented top level": "  me:\n    name: Ana\n  contacts: []\n",
    "quotes": """me: {name: 'it''s', role: "say \\"hi\\"\\t\\u00e9\\x41\\U0001F600\\\\"}\n""",
    "text YAML 1.1 would type": "me:\n  name: NO\n  a: 0123\n  b: 2024-02-30\n  c: ~\n  d: null\n",
    "flow collections": "me: {name: Ana, role: Dev}\nc: [ a , 'b c' ,\"d\" ]  # x\nd: [ ]\ne: {}\n",
    "unicode": "me:\n  name: Zoë 😀\n  role: \xa0spaced\xa0\n  ünï: cödé\n",
    "crlf and lone cr": "me:\r\n  name: Ana\r\n\r\ncontacts: []\r",
    "no final line break": "me:\n  name: Ana",
    "trailing spaces": "me:   \n  name: Ana   \n  k : v\n",
    "only comments": "# nothing\n\n",
    "nothing": "",
    "keys that look like other things": "me:\n  a[b]: c\n  x.y: z\n  '': 1\n",
}


@pytest.mark.parametrize("case", sorted(READ))
def test_traps_are_read_as_libyaml_reads_them(case: str) -> None:
    assert_same(READ[case])


def test_most_traps_are_read_line_by_line() -> None:
    read = [case for case, text in READ.items() if assert_same(text)]
    assert len(read) >= len(READ) - 2, sorted(set(READ) - set(read))


# ------------------------------------------------------------- what it leaves alone

LEFT = {
    "an anchor and alias": "me: &a {name: Ana}\nx: *a\n",
    "a tag": "me: !!python/object {name: Ana}\n",
    "a tab": "me:\n\tname: Ana\n",
    "a duplicate key": "me:\n  name: Ana\n  name: Bea\n",
    "two documents": "me: {name: Ana}\n---\nme: {name: Bea}\n",
    "a block scalar": "me:\n  name: |\n    Ana\n",
    "a plain scalar over two lines": "me:\n  name: Ana\n    Lind\n",
    "a quoted scalar over two lines": "me:\n  name: 'Ana\n    Lind'\n",
    "a flow list over two lines": "me:\n  k: [a,\n    b]\n",
    "nested flow": "me: {name: Ana, k: [a]}\n",
    "a trailing comma": "c: [a, b, ]\n",
    "a complex key": "? a\n: b\n",
    "a mapping value in a value": "me:\n  name: a: b\n",
    "text after a quote": "me:\n  name: 'a' b\n",
    "a key of 1,100 characters": "k" * 1100 + ": v\n",
    "a colon 1,100 characters past its key": "k" + " " * 1100 + ": v\n",
    "a flow key of 1,100 characters": "me: {" + "k" * 1100 + ": v}\n",
    "an item's key 1,100 characters long": "- k" + " " * 1100 + ": v\n",
    "nesting 21 deep": "".join(" " * level + f"k{level}:\n" for level in range(21))
    + " " * 21
    + "x: 1\n",
    "a bad escape": 'me: {name: "\\q"}\n',
    "a list item beside a key": "me:\n  name: Ana\n  - x\n",
    "a document end": "me: {name: Ana}\n...\n",
    "a byte order mark": "\ufeffme: {name: Ana}\n",
    "a next line character": "me: {name: A\x85na}\n",
}


@pytest.mark.parametrize("case", sorted(LEFT))
def test_what_it_does_not_take_is_left_to_libyaml(case: str) -> None:
    with pytest.raises(OutsideBlocks):
        read_blocks(LEFT[case])


@pytest.mark.parametrize("case", sorted(LEFT))
def test_problems_are_reported_as_libyaml_reports_them(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The messages (or the network) are those of reading with libyaml alone."""

    def outcome() -> str:
        try:
            return repr(parse_network(LEFT[case], file=FILE))
        except InvalidNetwork as error:
            return str(error)

    either = outcome()

    def refuse(text: str, stream: Any = None) -> Node | None:
        raise OutsideBlocks("every text")

    monkeypatch.setattr(blocks, "read_blocks", refuse)
    assert outcome() == either


# -------------------------------------------------------- the other tests' hostile files


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_loading_error_cases_read_as_libyaml_reads_them(case: str) -> None:
    data = CASES[case][0]
    text = data if isinstance(data, str) else data.decode("utf-8", errors="surrogateescape")
    assert_same(text)


def test_the_attack_files_read_as_libyaml_reads_them() -> None:
    for text in (HOSTILE, NETWORK):  # nested flow mappings: left to libyaml
        assert_same(text)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_networks())
def test_hostile_text_reads_as_libyaml_reads_it(text: str) -> None:
    assert_same(text)


# ------------------------------------------------------------------ generated YAML

#: characters that mean something to YAML somewhere, and some that only look like it
TRICKY = [*list("-?:,[]{}#&*!|>'\"%@`\\~. é\xa0😀"), "\t", "\r", "\u2028"]
WORDS = ["name", "knows", "contacts", "me", "NO", "0123", "a b", "http://x", "a#b", "k:"]


def scalar(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(WORDS)
    alphabet = TRICKY if rng.random() < 0.5 else list("abcXYZ019 ")
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))


def written(rng: random.Random, text: str, flow: bool = False) -> str:
    style = rng.randint(0, 3)
    if style == 1:
        return "'" + text.replace("'", "''") + "'"
    if style == 2:
        return json.dumps(text, ensure_ascii=rng.random() < 0.5)
    return text  # plain, whatever it holds (it may well not read back)


def tree(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.random()
    if depth > 3 or kind < 0.4:
        return scalar(rng)
    size = rng.randint(0, 4)
    if kind < 0.7:
        return [tree(rng, depth + 1) for _ in range(size)]
    return [
        (rng.choice(WORDS[:4]) if rng.random() < 0.6 else scalar(rng), tree(rng, depth + 1))
        for _ in range(size)
    ]


def is_mapping(node: Any) -> bool:
    return isinstance(node, list) and all(isinstance(item, tuple) for item in node) and bool(node)


def lines(rng: random.Random, node: Any, indent: int, step: int) -> list[str]:
    """Block lines for a collection ``node`` at ``indent``."""
    out: list[str] = []
    pad = " " * indent
    for item in node:
        if isinstance(item, tuple):
            key, value = item
            head = f"{pad}{written(rng, key)}:"
            out += value_lines(rng, head, value, indent, step, mapping_value=True)
        else:
            out += value_lines(rng, f"{pad}-", item, indent, step, mapping_value=False)
        if rng.random() < 0.1:
            out.append(rng.choice(["", pad + "# note", "   "]))
    return out


def value_lines(
    rng: random.Random, head: str, value: Any, indent: int, step: int, mapping_value: bool
) -> list[str]:
    gap = " " * rng.choice([1, 1, 1, 2])
    comment = rng.choice(["", "", "", " # c", "  #: c"])
    if isinstance(value, str):
        return [head + gap + written(rng, value) + comment]
    if rng.random() < 0.3 and all(
        isinstance(item, str) or (isinstance(item, tuple) and isinstance(item[1], str))
        for item in value
    ):
        if is_mapping(value):
            inner = ", ".join(f"{written(rng, k)}: {written(rng, v)}" for k, v in value)
            return [head + gap + "{" + inner + "}" + comment]
        if not value or all(isinstance(item, str) for item in value):
            return [
                head + gap + "[" + ", ".join(written(rng, item) for item in value) + "]" + comment
            ]
    if not value:
        return [head + gap + rng.choice(["[]", "{}", ""]) + comment]
    compact = mapping_value and not is_mapping(value) and rng.random() < 0.5
    child = indent if compact else indent + step
    if not mapping_value and rng.random() < 0.5:  # "- key: value" on the dash's line
        nested = lines(rng, value, indent + 2, step)
        first = nested[0][indent + 2 :]
        return [head + " " + first, *nested[1:]]
    return [head + comment, *lines(rng, value, child, step)]


@st.composite
def documents(draw: st.DrawFn) -> str:
    rng = draw(st.randoms(use_true_random=False))
    root = tree(rng)
    while not isinstance(root, list) or not root:
        root = [("me", root)]
    body = lines(rng, root, rng.choice([0, 0, 2]), rng.choice([1, 2, 2, 3, 4]))
    return rng.choice(["\n", "\r\n"]).join(body) + rng.choice(["", "\n"])


@settings(max_examples=examples(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_yaml_reads_as_libyaml_reads_it(text: str) -> None:
    assert_same(text)


def test_the_generated_yaml_is_mostly_read_line_by_line() -> None:
    """The property above is not won by stopping: most generated documents are read."""
    rng = random.Random(7)
    read = 0
    for _ in range(400):
        root = tree(rng)
        root = root if isinstance(root, list) and root else [("me", root)]
        text = "\n".join(lines(rng, root, 0, 2)) + "\n"
        read += assert_same(text)
    assert read >= 120


# --------------------------------------------------------------- mutated samples

MUTATIONS = [*TRICKY, " ", "  ", "\n", "- ", ": ", "'", "#"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLES)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.integers(0, 2))
        if how == 0:
            text = text[:at] + draw(st.sampled_from(MUTATIONS)) + text[at:]
        elif how == 1:
            text = text[:at] + text[at + draw(st.integers(1, 3)) :]
        else:
            start = text.rfind("\n", 0, at) + 1
            text = text[:start] + " " * draw(st.integers(1, 4)) + text[start:]
    return text


@settings(max_examples=examples(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_samples_read_as_libyaml_reads_them(text: str) -> None:
    assert_same(text)


# ------------------------------------------------------------------- the contacts


class Recording:
    def __init__(self) -> None:
        self.events: list[Any] = []

    def start(self, root: MappingNode) -> bool:
        self.events.append(("start", [key.value for key, _ in root.items]))
        return True

    def item(self, node: Node, index: int) -> None:
        self.events.append((index, node))

    def restart(self) -> None:
        self.events.append("restart")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_the_contacts_are_handed_on_as_libyaml_hands_them(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    fast, slow = Recording(), Recording()
    assert read_blocks(text, fast) == parse_tree(text, FILE, slow)
    assert fast.events == slow.events and len(fast.events) > 10


def test_a_file_it_stops_reading_part_way_is_read_again_by_libyaml() -> None:
    """An alias after the contacts: the contacts were handed on once, then all again."""
    sample = SAMPLES[0].read_text(encoding="utf-8")
    text = sample + "extra: &a 1\n"
    steps: list[int] = []

    class Counted:
        def stage(self, description: str, total: int | None = None) -> None:
            pass

        def advance(self, steps_done: int = 1) -> None:
            steps.append(steps_done)

    with pytest.raises(InvalidNetwork) as caught:
        build_from_text(text, FILE, Counted())
    assert "YAML anchors (&a) are not allowed" in str(caught.value)
    contacts = len(parse_network(sample).contacts)
    assert len(steps) == contacts  # each contact counted once, though read twice


def test_a_valid_file_it_stops_reading_part_way_gives_the_same_network() -> None:
    sample = SAMPLES[0].read_text(encoding="utf-8")  # its last line is the last contact's
    text = sample + "    notes: |\n      a block scalar\n"
    with pytest.raises(OutsideBlocks):
        read_blocks(text)
    assert build_from_text(text, FILE) == build_network(parse_tree(text, FILE), FILE)


# ------------------------------------------------------------------- bounded work

#: a megabyte of what a file could hold on one line, each read in linear time
LONG_LINES = {
    "escapes": 'k: "' + "\\n" * (1 << 19) + '"\n',
    "an escaped quote in each pair": 'k: "' + '\\"' * (1 << 19) + '"\n',
    "doubled single quotes": "k: '" + "''" * (1 << 19) + "'\n",
    "colons between letters, then a space": "k: " + "a:" * (1 << 19) + "a \n",
    "a flow list of single letters": "k: [" + "a, " * (1 << 18) + "a]\n",
    "spaces before a comment": "k: a" + " " * (1 << 20) + "#\n",
    "a key of colons": "a:" * (1 << 19) + " : v\n",
}


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        with contextlib.suppress(OutsideBlocks):
            read_blocks(text)
        best = min(best, time.perf_counter() - started)
    return best


@functools.cache
def ordinary_lines(size: int) -> str:
    """About ``size`` characters of an ordinary network file, in whole lines."""
    text = yaml.safe_dump(generate_network(3000, 3, seed=0), sort_keys=False)[:size]
    return text[: text.rindex("\n") + 1]


@pytest.mark.parametrize("case", sorted(LONG_LINES))
def test_a_long_line_is_read_in_linear_time(case: str) -> None:
    """Against a megabyte of ordinary lines (a quadratic search takes a minute here)."""
    text = LONG_LINES[case]
    assert seconds(text) / seconds(ordinary_lines(len(text))) < 20


def test_a_problem_read_before_the_reader_stops_is_reported_once() -> None:
    text = "me:\n  name: Ana\ncontacts:\n  - name: Bo\n    trsut: 3\n  - name: Cy\n    notes: |\n      hi\n"
    with pytest.raises(InvalidNetwork) as caught:
        build_from_text(text, FILE)
    assert [str(problem) for problem in caught.value.problems] == [
        "n.yaml:5:5: contacts[0]: unknown field 'trsut'; did you mean 'trust'?"
    ]
