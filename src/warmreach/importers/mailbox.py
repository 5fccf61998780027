"""A mailbox (mbox: Gmail Takeout, Thunderbird, Apple Mail): who you write with, how often.

Only headers are read (From, To, Cc, Date, X-Gmail-Labels and the bulk-mail markers),
in one pass that streams the file: the body of every message is skipped unread, and no
subject or text is kept. Bulk mail (``List-Unsubscribe``, ``List-Id``, ``Precedence:
bulk``, automatic replies, no-reply senders) is left out. Your own addresses are the ones
given, else the senders of the mail labelled Sent, else the commonest recipient.

Per person the result is the messages each way with the first and last day; and, for each
mail to you copied to a few others, the pairs of them who were on it together.

>>> import io
>>> box = b'''From a@x Mon Nov  2 10:00:00 2026
... From: Bo Lee <bo@acme.test>
... To: Ana <ana@home.test>
... Cc: Cy Dahl <cy@acme.test>
... Date: Mon, 2 Nov 2026 10:00:00 +0000
...
... Hello, the body is never read.
... From b@x Tue Nov  3 10:00:00 2026
... From: Ana <ana@home.test>
... To: bo@acme.test
... Date: Tue, 3 Nov 2026 10:00:00 +0000
...
... Thanks.
... '''
>>> export = read_mbox(io.BytesIO(box), "mail.mbox", own=["ana@home.test"])
>>> [(p.name, p.evidence.sent, p.evidence.received) for p in export.people if p.evidence]
[('Bo Lee', 1, 1)]
>>> [(link.one, link.other) for link in export.links]
[('email:bo@acme.test', 'email:cy@acme.test')]
"""

from __future__ import annotations

import datetime as dt
import email.errors
import email.header
import email.utils
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from email.parser import HeaderParser
from email.policy import compat32
from pathlib import PurePath
from typing import BinaryIO, Final

from warmreach.errors import WarmreachError
from warmreach.importers.evidence import MAX_TOGETHER, Tally, is_no_reply
from warmreach.importers.records import Export, clean
from warmreach.text import email_key

#: the headers of one message longer than this are not a message's: it is skipped
MAX_HEADER_BYTES: Final = 256 * 1024
#: report progress every this many bytes
PROGRESS_STEP: Final = 1 << 20
#: the longest line read whole; the rest of a longer line is skipped unread (a ``From ``
#: line is short, and a header line longer than this makes its message too long anyway)
MAX_LINE_BYTES: Final = 64 * 1024
#: the longest ``From `` line that can start a message (``From sender date``)
MAX_FROM_LINE: Final = 1024
#: a time of day, and a year, as words of a ``From `` line
_TIME: Final = re.compile(rb"\d\d:\d\d(?::\d\d)?")
_YEAR: Final = re.compile(rb"\d{4}")
#: a message id: ``<local@domain>``
_MESSAGE_ID: Final = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class _Message:
    line: int
    sender: tuple[str, str]  # (address key, display name)
    recipients: tuple[tuple[str, str], ...]
    day: dt.date | None
    sent_label: bool
    bulk: bool
    #: the conversation: the first message id it refers to (``References``, else
    #: ``In-Reply-To``), else its own; None without any
    thread: str | None = None
    #: whether it starts a conversation (it replies to nothing)
    starts: bool = True


@dataclass(frozen=True)
class _Unread:
    """A message whose headers could not be read (``cut``: the file ends inside them)."""

    line: int
    cut: bool = False


def _decoded(text: str) -> str:
    """A header's encoded words (``=?utf-8?q?...?=``) decoded; the text as it is if broken."""
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except (UnicodeError, LookupError, ValueError, email.errors.HeaderParseError):
        return text


def _header_text(data: bytes) -> str:
    """Header bytes as text: UTF-8, else Windows-1252 (what raw 8-bit headers mostly are),
    else Latin-1, which reads any byte."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


#: comments in brackets nested deeper than this are dropped before an address is parsed
#: (the standard parser recurses once per bracket)
MAX_COMMENT_DEPTH: Final = 8


def _shallow(value: str) -> str:
    """``value`` with comments nested deeper than MAX_COMMENT_DEPTH dropped, in one pass.

    >>> _shallow("Bo (work) <bo@a.test>"), _shallow("(" * 1000 + "x")
    ('Bo (work) <bo@a.test>', '')
    """
    depth = 0
    kept = []
    for char in value:
        if char == "(":
            depth += 1
        if depth <= MAX_COMMENT_DEPTH:
            kept.append(char)
        if char == ")" and depth:
            depth -= 1
    return "".join(kept) if depth <= MAX_COMMENT_DEPTH else "".join(kept).split("(", 1)[0]


def _addresses(values: Sequence[str]) -> list[tuple[str, str]]:
    found = []
    for name, address in email.utils.getaddresses([_shallow(_decoded(v)) for v in values]):
        address = address.strip()
        if "@" in address and " " not in address:
            found.append((email_key(address), clean(name) or ""))
    return found


def _message(header: bytes, line: int) -> _Message | _Unread:
    """One message from its header block."""
    try:
        message = HeaderParser(policy=compat32).parsestr(_header_text(header))
    except Exception:  # a header block email cannot read is a skipped message
        return _Unread(line)
    try:
        sender = _addresses(message.get_all("From", []))
        recipients = _addresses([*message.get_all("To", []), *message.get_all("Cc", [])])
    except RecursionError:  # a shape of address the standard parser cannot take
        return _Unread(line)
    if not sender:
        return _Unread(line)
    day = None
    try:
        when = email.utils.parsedate_to_datetime(message.get("Date", ""))
        day = when.astimezone(dt.UTC).date() if when.tzinfo else when.date()
    except (TypeError, ValueError, IndexError, OverflowError):
        day = None
    labels = {label.strip() for label in (message.get("X-Gmail-Labels") or "").lower().split(",")}
    precedence = (message.get("Precedence") or "").strip().lower()
    automatic = (message.get("Auto-Submitted") or "no").strip().lower()
    bulk = (
        message.get("List-Unsubscribe") is not None
        or message.get("List-Id") is not None
        or precedence in ("bulk", "list", "junk")
        or automatic != "no"
        or is_no_reply(sender[0][0])
    )
    references = _MESSAGE_ID.findall(
        " ".join(str(message.get(name) or "") for name in ("References", "In-Reply-To"))
    )
    own_id = _MESSAGE_ID.findall(str(message.get("Message-ID") or ""))
    return _Message(
        line=line,
        sender=sender[0],
        recipients=tuple(recipients),
        day=day,
        sent_label="sent" in labels,
        bulk=bulk,
        thread=(references or own_id or [None])[0],
        starts=not references,
    )


def _read(header: list[bytes], size: int, line: int) -> _Message | _Unread:
    """A message from its header lines, unless they run on past MAX_HEADER_BYTES."""
    return _Unread(line) if size > MAX_HEADER_BYTES else _message(b"".join(header), line)


def is_from_line(line: bytes) -> bool:
    """Whether ``line`` starts a message: ``From sender weekday month day time year``,
    checked word by word in linear time (no pattern that can backtrack over a long line).

    >>> is_from_line(b"From bo@a.test Mon Nov  2 10:00:00 +0000 2026\\n")
    True
    >>> is_from_line(b"From a 00:00 00:00 00:00\\n"), is_from_line(b"From here on, we agree.\\n")
    (False, False)
    """
    if not line.startswith(b"From ") or len(line) > MAX_FROM_LINE:
        return False
    words = line.split()
    times = [index for index, word in enumerate(words[2:], start=2) if _TIME.fullmatch(word)]
    return bool(times) and any(_YEAR.fullmatch(word) for word in words[times[0] + 1 :])


def _lines(stream: BinaryIO) -> Iterator[tuple[bytes, int]]:
    """The stream's lines, each cut at MAX_LINE_BYTES (the rest of a longer line is read
    in pieces and dropped, so memory stays flat whatever the file holds), with the bytes
    each took in the file."""
    while True:
        line = stream.readline(MAX_LINE_BYTES)
        if not line:
            return
        size = len(line)
        piece = line
        while len(piece) == MAX_LINE_BYTES and not piece.endswith(b"\n"):
            piece = stream.readline(MAX_LINE_BYTES)
            size += len(piece)
        yield line, size


def _messages(
    stream: BinaryIO, progress: Callable[[int], None] | None
) -> Iterator[_Message | _Unread]:
    """Each message's headers, in file order; a message starts at a ``From `` line with a
    date (a body's "From " lines are escaped, or carry no date)."""
    header: list[bytes] = []
    size = 0
    in_header = False
    start = 0
    read = reported = 0
    for number, (line, line_size) in enumerate(_lines(stream), start=1):
        read += line_size
        if progress is not None and read - reported >= PROGRESS_STEP:
            progress(read - reported)
            reported = read
        if is_from_line(line):
            if start:
                yield _read(header, size, start)
            header, size, in_header, start = [], 0, True, number
            continue
        if in_header:
            if line in (b"\n", b"\r\n"):
                in_header = False
            elif size <= MAX_HEADER_BYTES:
                header.append(line)
                size += line_size
    if start:
        # the file ends inside a message's headers: it was cut off
        yield _Unread(start, cut=True) if in_header else _read(header, size, start)
    if progress is not None and read > reported:
        progress(read - reported)


def read_mbox(
    stream: BinaryIO,
    file: str,
    *,
    own: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> Export:
    """A mailbox's evidence (see the module), streamed from ``stream``; ``own`` are your
    addresses (found in the mailbox when none are given)."""
    # one pass: counts per (sender, recipient) and per group of people, your own
    # addresses being known only at the end
    pairs: dict[tuple[str, str], _Span] = {}
    # the conversations each group was on (a message without ids: its day)
    groups: dict[tuple[str, ...], set[object]] = {}
    # the conversations each sender started with each group
    started: dict[tuple[str, tuple[str, ...]], set[object]] = {}
    names: dict[str, str] = {}
    lines: dict[str, int] = {}
    sent_senders: Counter[str] = Counter()
    recipients_seen: Counter[str] = Counter()
    unread = cut = bulk = messages = 0
    for message in _messages(stream, progress):
        messages += 1
        if isinstance(message, _Unread):
            cut += message.cut
            unread += not message.cut
            continue
        if message.bulk:
            bulk += 1
            continue
        sender = message.sender[0]
        for key, name in (message.sender, *message.recipients):
            if name and len(name) > len(names.get(key, "")):
                names[key] = name
            lines.setdefault(key, message.line)
        if message.sent_label:
            sent_senders[sender] += 1
        to = sorted({key for key, _ in message.recipients if key != sender})
        for recipient in to:
            recipients_seen[recipient] += 1
            pairs.setdefault((sender, recipient), _Span()).add(message.day)
        if 3 <= len(to) + 1 <= MAX_TOGETHER:
            group = tuple(sorted({sender, *to}))
            conversation = message.thread or ("day", message.day)
            groups.setdefault(group, set()).add(conversation)
            if message.starts:
                started.setdefault((sender, group), set()).add(conversation)
    if messages == 0:
        raise WarmreachError(f"{file}: no message found; an mbox file starts with 'From '")
    mine = {email_key(address) for address in own} or _own(sent_senders, recipients_seen)
    tally = Tally(f"mbox {PurePath(file).name}")
    for (sender, recipient), span in sorted(pairs.items()):
        if (sender in mine) == (recipient in mine):
            continue  # between two others, or yourself to yourself
        other, you_sent = (recipient, True) if sender in mine else (sender, False)
        tally.message(
            f"email:{other}",
            names.get(other),
            sent=you_sent,
            day=span.first,
            last=span.last,
            count=span.count,
            line=lines.get(other, 0),
        )
    for group, conversations in sorted(groups.items()):
        if set(group) & mine:  # a mail you were on, with a few others: they know each other
            others = [address for address in group if address not in mine]
            for address in others:
                tally.person(f"email:{address}", names.get(address), lines.get(address, 0))
            # in different conversations: repeated (a long thread counts once)
            tally.together([f"email:{address}" for address in others], count=len(conversations))
    for (sender, group), conversations in sorted(started.items()):
        if sender not in mine and set(group) & mine:  # they wrote to you, copying others in
            tally.brought(f"email:{sender}", count=len(conversations), size=len(group))
    return Export(
        file=file,
        source="mbox",
        people=tuple(tally.people()),
        links=tuple(tally.links()),
        ignored=(
            ("bulk message", "bulk messages", bulk),
            ("message that could not be read", "messages that could not be read", unread),
            ("message cut off at the end of the file", "messages cut off at the end", cut),
        ),
    )


@dataclass
class _Span:
    """How many messages, and the first and last day among them."""

    count: int = 0
    first: dt.date | None = None
    last: dt.date | None = None

    def add(self, day: dt.date | None) -> None:
        self.count += 1
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)


def _own(sent_senders: Counter[str], recipients: Counter[str]) -> set[str]:
    """Your addresses: the senders of the mail labelled Sent (those with a tenth of it or
    more), else the commonest recipient."""
    if sent_senders:
        total = sum(sent_senders.values())
        return {address for address, count in sent_senders.items() if count * 10 >= total}
    if recipients:
        return {recipients.most_common(1)[0][0]}
    return set()


__all__ = ["MAX_HEADER_BYTES", "read_mbox"]
