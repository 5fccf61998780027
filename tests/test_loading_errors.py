"""Every rejection the loader makes, with its exact message."""

from __future__ import annotations

import time

import pytest

from tests.helpers import problems
from warmreach import InvalidNetwork, parse_network

ME = "me: {name: Ana Lima}\n"

CASES: dict[str, tuple[bytes | str, list[str]]] = {
    "duplicate key names both lines": (
        "me:\n  name: Ana\n  role: PM\n  name: Ana Lima\n",
        ["n.yaml:4:3: key 'name' appears twice in this mapping, at lines 2 and 4"],
    ),
    "anchor and alias": (
        "me: &who {name: Ana}\ncontacts:\n  - *who\n",
        [
            "n.yaml:1:5: YAML anchors (&who) are not allowed; write values out",
            "n.yaml:3:5: YAML aliases (*who) are not allowed; write the value out",
        ],
    ),
    "python object tag": (
        ME + "contacts:\n  - !!python/object:os.system {name: Bob}\n",
        ["n.yaml:3:5: YAML tags (!!python/object:os.system) are not allowed"],
    ),
    "local tag": (
        ME + "contacts:\n  - name: !secret Bob\n",
        ["n.yaml:3:11: YAML tags (!secret) are not allowed"],
    ),
    "nesting 3,000 deep in flow style": (
        ME + "x: " + "[" * 3000 + "]" * 3000 + "\n",
        ["n.yaml:2:1003: nesting is deeper than 20 levels"],
    ),
    "nesting 21 deep": (
        ME + "x: " + "[" * 20 + "]" * 20 + "\n",
        ["n.yaml:2:23: nesting is deeper than 20 levels"],
    ),
    "impossible date": (
        ME + "contacts:\n  - name: Bob\n    met: 2024-02-30\n",
        [
            "n.yaml:4:10: contacts[0].met '2024-02-30' is not a real date (February 2024 has no day 30)"
        ],
    ),
    "date in another format": (
        ME + "contacts:\n  - name: Bob\n    last_contact: 14/09/2026\n",
        [
            "n.yaml:4:19: contacts[0].last_contact '14/09/2026' is not a date written "
            "YYYY, YYYY-MM or YYYY-MM-DD"
        ],
    ),
    "month 13": (
        ME + "contacts:\n  - name: Bob\n    met: 2024-13\n",
        ["n.yaml:4:10: contacts[0].met '2024-13' is not a real date (there is no month 13)"],
    ),
    "misspelled field": (
        ME + "contacts:\n  - name: Bob\n    trsut: 5\n",
        ["n.yaml:4:5: contacts[0]: unknown field 'trsut'; did you mean 'trust'?"],
    ),
    "misspelled top-level section": (
        ME + "contact: []\n",
        ["n.yaml:2:1: unknown field 'contact'; did you mean 'contacts'?"],
    ),
    "trust out of range": (
        ME + "contacts:\n  - name: Bob\n    trust: 7\n",
        ["n.yaml:4:12: contacts[0].trust must be a whole number from 0 to 5, not '7'"],
    ),
    "trust not whole": (
        ME + "contacts:\n  - name: Bob\n    knows_my_work: 2.5\n",
        ["n.yaml:4:20: contacts[0].knows_my_work must be a whole number from 0 to 5, not '2.5'"],
    ),
    "strength out of range": (
        ME + "contacts:\n  - name: Bob\n    knows: [{name: Eva, strength: 0}]\n  - name: Eva\n",
        ["n.yaml:4:35: contacts[0].knows[0].strength must be a whole number from 1 to 5, not '0'"],
    ),
    "unknown person in knows": (
        ME + "contacts:\n  - name: Bob\n    knows: [Eva Burg]\n  - name: Eva Berg\n",
        [
            "n.yaml:4:13: contacts[0].knows[0]: no contact is called 'Eva Burg'; did you mean 'Eva Berg'?"
        ],
    ),
    "unknown person nobody resembles": (
        ME + "contacts:\n  - name: Bob\n    knows: [Zygmunt]\n",
        [
            "n.yaml:4:13: contacts[0].knows[0]: no contact is called 'Zygmunt'; add them to "
            "contacts (trust: 0 if you know them only through others)"
        ],
    ),
    "ambiguous person": (
        ME
        + "contacts:\n  - {name: Alex Kim, id: alex-a}\n  - {name: Alex Kim, id: alex-b}\n"
        + "  - {name: Bo, knows: [alex kim]}\n",
        [
            "n.yaml:5:24: contacts[2].knows[0]: 'alex kim' could be 'alex-a' or 'alex-b'; write the id"
        ],
    ),
    "contact without a name": (
        ME + "contacts:\n  - company: Acme\n    trust: 3\n",
        ["n.yaml:3:5: contacts[0].name is required"],
    ),
    "name given as a list": (
        ME + "contacts:\n  - name: [Bob, Chen]\n",
        ["n.yaml:3:11: contacts[0].name must be text, not a list"],
    ),
    "empty name": (
        ME + "contacts:\n  - name: ''\n",
        ["n.yaml:3:11: contacts[0].name must not be empty"],
    ),
    "top level a list": (
        "- me\n- contacts\n",
        [
            "n.yaml:1:1: the top level must be a mapping with the fields me, companies, openings, "
            "contacts, not a list"
        ],
    ),
    "no me": (
        "contacts: []\n",
        ["n.yaml:1:1: 'me' is required"],
    ),
    "two documents": (
        ME + "---\n" + ME,
        ["n.yaml:2:1: a network file holds one YAML document; a second starts here"],
    ),
    "tab indentation": (
        "me:\n\tname: Ana\n",
        ["n.yaml:2:1: tabs cannot indent YAML; indent with spaces"],
    ),
    "syntax error": (
        "me: {name: Ana\ncontacts: []\n",
        [
            "n.yaml:2:9: YAML syntax error: did not find expected ',' or '}' "
            "(while parsing a flow mapping at line 1)"
        ],
    ),
    "duplicate id names both places": (
        ME + "contacts:\n  - name: Bob Chen\n  - name: bob chen\n",
        [
            "n.yaml:4:11: contacts[1]: id 'bob-chen' is already used by contacts[0] at line 3; "
            "give one of them an id"
        ],
    ),
    "id me is reserved": (
        ME + "contacts:\n  - name: Me\n",
        ["n.yaml:3:11: contacts[0]: the id 'me' means you; give this contact another id"],
    ),
    "id with a space": (
        ME + "contacts:\n  - name: Bob\n    id: bob chen\n",
        ["n.yaml:4:9: contacts[0].id 'bob chen' may hold only letters, digits, '.', '-' and '_'"],
    ),
    "self knows": (
        ME + "contacts:\n  - name: Bob Chen\n    knows: [bob-chen]\n",
        ["n.yaml:4:13: contacts[0].knows[0]: 'bob-chen' cannot know themself"],
    ),
    "same person known twice": (
        ME + "contacts:\n  - name: Bob\n    knows: [Eva, eva]\n  - name: Eva\n",
        ["n.yaml:4:18: contacts[0].knows[1]: 'eva' is already listed at line 4"],
    ),
    "told with a day that is not a date": (
        ME
        + "contacts:\n  - name: Bob\n    told: [{availability: soon}, {aspiration: 2025-02, role: 2025-02}]\n",
        [
            "n.yaml:4:27: contacts[0].told[0].availability 'soon' is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
            "n.yaml:4:34: contacts[0].told[1] must be a word (role or aspiration or availability) or {word: day}, one each",
        ],
    ),
    "past company with an unknown field": (
        ME + "contacts:\n  - name: Bob\n    past_companies: [{name: Acme, untill: 2024}]\n",
        [
            "n.yaml:4:35: contacts[0].past_companies[0]: unknown field 'untill'; did you mean 'until'?"
        ],
    ),
    "told with an unknown item": (
        ME + "contacts:\n  - name: Bob\n    told: [role, aspirations, salary]\n",
        [
            "n.yaml:4:18: contacts[0].told[1] 'aspirations' is not one of role, aspiration, "
            "availability; did you mean 'aspiration'?",
            "n.yaml:4:31: contacts[0].told[2] 'salary' is not one of role, aspiration, availability",
        ],
    ),
    "opening without a company": (
        ME + "openings:\n  - team: Battery Systems\n    role: Product Manager\n",
        ["n.yaml:3:5: openings[0].company is required"],
    ),
    "unknown hiring manager": (
        ME + "openings:\n  - company: Voltgrid\n    hiring_manager: Eva Berg\n",
        [
            "n.yaml:4:21: openings[0].hiring_manager: no contact is called 'Eva Berg'; add them to "
            "contacts (trust: 0 if you know them only through others)"
        ],
    ),
    "availability word": (
        "me: {name: Ana, available: soon}\n",
        ["n.yaml:1:28: me.available 'soon' must be now, later or a date (YYYY-MM-DD)"],
    ),
    "non-text key": (
        ME + "? [a, b]\n: 1\n",
        ["n.yaml:2:3: keys must be text, not a list"],
    ),
    "company listed twice": (
        ME + "companies:\n  - name: Voltgrid\n  - name: Voltgrid AB\n",
        [
            "n.yaml:4:11: companies[1]: company id 'voltgrid' is already used by companies[0] "
            "at line 3"
        ],
    ),
    "company named as an earlier company's alias": (
        ME + "companies:\n  - {name: Bolt, aliases: [Harbour]}\n  - name: Harbour AB\n",
        ["n.yaml:4:11: companies[1].name 'Harbour AB' is already an alias of company 'bolt'"],
    ),
    "alias naming an earlier company": (
        ME + "companies:\n  - name: Harbour AB\n  - {name: Bolt, aliases: [Harbour]}\n",
        ["n.yaml:4:28: companies[1].aliases[0] 'Harbour' already names company 'harbour'"],
    ),
    "team listed twice": (
        ME + "companies:\n  - name: Voltgrid\n    teams: [{name: Data}, {name: data}]\n",
        ["n.yaml:4:34: companies[0].teams[1]: team 'data' is listed twice"],
    ),
    "team without company": (
        ME + "contacts:\n  - name: Bob\n    team: Data\n",
        ["n.yaml:4:11: contacts[0].team needs a company"],
    ),
    "section of the wrong shape": (
        ME + "contacts:\n  name: Bob\n",
        ["n.yaml:3:3: contacts must be a list, not a mapping"],
    ),
    "Latin-1 bytes": (
        "me:\n  name: José\n".encode("latin-1"),
        ["n.yaml:2:12: byte 0xE9 is not valid UTF-8; save the file as UTF-8"],
    ),
    "NUL byte": (
        b"me:\n  name: A\x00na\n",
        ["n.yaml:2:10: NUL byte is not allowed in a text file"],
    ),
    "control character": (
        b"me:\n  name: A\x07na\n",
        ["n.yaml:2:10: character U+0007 is not allowed in a YAML file"],
    ),
    "empty file": (
        b"",
        ["n.yaml:1:1: the file is empty; a network needs at least 'me: {name: ...}'"],
    ),
    "only comments": (
        b"# nothing yet\n",
        ["n.yaml:1:1: the file is empty; a network needs at least 'me: {name: ...}'"],
    ),
    "an intro without whom to": (
        ME + "contacts:\n  - name: Bob\n    asks: [{asked: intro, company: Voltgrid}]\n",
        [
            "n.yaml:4:12: contacts[0].asks[0]: an intro needs 'to', the person they were "
            "to introduce you to"
        ],
    ),
    "a referral to someone": (
        ME + "contacts:\n  - name: Bob\n  - name: Eva\n"
        "    asks: [{asked: referral, company: Voltgrid, to: Bob}]\n",
        [
            "n.yaml:5:53: contacts[1].asks[0].to: only an intro has a 'to'; a referral is for the team"
        ],
    ),
    "an intro to themself": (
        ME + "contacts:\n  - name: Bob\n    asks: [{asked: intro, company: X, to: Bob}]\n",
        ["n.yaml:4:43: contacts[0].asks[0].to: 'bob' cannot introduce you to themself"],
    ),
    "an outcome the ask cannot have": (
        ME + "contacts:\n  - name: Bob\n"
        "    asks: [{asked: referral, company: X, outcome: introduced}]\n",
        [
            "n.yaml:4:51: contacts[0].asks[0].outcome 'introduced' is not what a referral ask "
            "ends in (referred, declined or no-reply)"
        ],
    ),
    "an answer without an outcome, a misspelled ask": (
        ME + "contacts:\n  - name: Bob\n"
        "    asks: [{asked: refferal, company: X, answered: 2026-01-01}]\n",
        [
            "n.yaml:4:20: contacts[0].asks[0].asked 'refferal' is not one of referral, intro; "
            "did you mean 'referral'?",
            "n.yaml:4:52: contacts[0].asks[0].answered needs the outcome too",
        ],
    ),
    "an answer before the question, to someone unknown": (
        ME + "contacts:\n  - name: Bob\n"
        "    asks:\n      - {asked: intro, company: X, to: Evva, date: 2026-02-01,\n"
        "         outcome: declined, answered: 2026-01-01}\n  - name: Eva\n",
        [
            "n.yaml:5:40: contacts[0].asks[0].to: no contact is called 'Evva'; did you mean 'Eva'?",
            "n.yaml:6:39: contacts[0].asks[0].answered 2026-01-01 is before the ask (2026-02-01)",
        ],
    ),
}


@pytest.mark.parametrize(("data", "expected"), CASES.values(), ids=CASES.keys())
def test_rejection_message(data: str | bytes, expected: list[str]) -> None:
    assert problems(data) == expected


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    text = (
        "me: {name: Ana, available: soon}\n"
        "contacts:\n"
        "  - name: Bob\n"
        "    trust: 9\n"
        "    trsut: 5\n"
        "    knows: [Nobody Atall]\n"
        "  - title: CTO\n"
        "    met: 2024-02-30\n"
    )
    assert problems(text) == [
        "n.yaml:1:28: me.available 'soon' must be now, later or a date (YYYY-MM-DD)",
        "n.yaml:4:12: contacts[0].trust must be a whole number from 0 to 5, not '9'",
        "n.yaml:5:5: contacts[0]: unknown field 'trsut'; did you mean 'trust'?",
        "n.yaml:6:13: contacts[0].knows[0]: no contact is called 'Nobody Atall'; add them to "
        "contacts (trust: 0 if you know them only through others)",
        "n.yaml:7:5: contacts[1].name is required",
        "n.yaml:8:10: contacts[1].met '2024-02-30' is not a real date (February 2024 has no day 30)",
    ]


def test_parse_problems_do_not_hide_each_other() -> None:
    text = "me: &a {name: Ana}\nme: 1\nx: !!str y\n"
    assert problems(text) == [
        "n.yaml:1:5: YAML anchors (&a) are not allowed; write values out",
        "n.yaml:2:1: key 'me' appears twice in this mapping, at lines 1 and 2",
        "n.yaml:3:4: YAML tags (!!str) are not allowed",
    ]


def test_every_bad_byte_is_located_up_to_a_limit() -> None:
    data = b"me: {name: Ana}\n" + b"\xff\n" * 60
    found = problems(data)
    assert found[0] == "n.yaml:2:1: byte 0xFF is not valid UTF-8; save the file as UTF-8"
    assert found[49] == "n.yaml:51:1: byte 0xFF is not valid UTF-8; save the file as UTF-8"
    assert found[50] == "n.yaml:52:1: more bad characters from here on; is this a text file?"
    assert len(found) == 51


def test_alias_bomb_is_rejected_quickly() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 12):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    bomb = "\n".join(lines) + "\n"
    started = time.perf_counter()
    with pytest.raises(InvalidNetwork) as caught:
        parse_network(bomb)
    assert time.perf_counter() - started < 1.0
    assert str(caught.value.problems[0]).endswith(
        "YAML anchors (&a0) are not allowed; write values out"
    )


def test_file_over_the_size_limit_is_refused_before_parsing() -> None:
    data = ME + "# " + "x" * 2000 + "\n"
    assert problems_with_limit(data, 1000) == [
        "n.yaml:1:1: the file is 0.0 MB, over the 0.001 MB limit; raise it with --max-size "
        "if the file is right"
    ]
    parse_network(data, max_bytes=10_000)


def problems_with_limit(data: str, limit: int) -> list[str]:
    with pytest.raises(InvalidNetwork) as caught:
        parse_network(data, file="n.yaml", max_bytes=limit)
    return [str(problem) for problem in caught.value.problems]
