"""Routes from you to a candidate: asking them yourself, a friend's word, introductions.

A **route** delivers your request with some **chance** (the first person acts, each
introduction goes through, the person at the end acts on it) and a **vouch**: what the
person at the end can say about you (0..1). Asking someone yourself, their vouch is your
tie's strength. Through an introduction, the person at the end can say only what the
bridge tells them: the bridge's strength, passed on over each link at TRANSFER times its
strength, or at HM_TRANSFER into the hiring manager, who hears the word directly.

Links between other people carry the strength either side wrote; a link neither side gave
a strength gets one from the contacts the two share (:class:`LinkStrengths`). Routes have
at most :data:`MAX_HOPS` steps, and only people who can vouch for you (trusted, not new,
not out of touch: :attr:`~warmreach.scoring.ties.TieStrength.can_vouch`) are asked to
carry one.

>>> from warmreach.graph import KnowsMatrix
>>> from warmreach.model import Link
>>> written = [[Link(contact="b", strength=5)], [Link(contact="c")], []]
>>> knows = KnowsMatrix.build(["a", "b", "c"], written)
>>> strengths = LinkStrengths(knows)
>>> strengths.strength("a", "b"), strengths.strength("b", "c"), strengths.strength("a", "c")
(5.0, 3.0, None)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Final, NamedTuple

from warmreach.graph import KnowsMatrix
from warmreach.model import ME, STRENGTH_MAX
from warmreach.scoring.ties import TieStrength

#: chance that one introduction over a link of full strength goes through (Travers &
#: Milgram 1969: about 27% of chains dropped out at each step)
HOP: Final = 0.73
#: share of a bridge's word that passes over one link of full strength
TRANSFER: Final = 0.6
#: the same into the hiring manager, who hears the word directly
HM_TRANSFER: Final = 0.8
#: chance that someone introduced to you acts on it (refers you); the hiring manager only
#: has to hear the word
RECEPTIVE: Final = 0.6
#: the strength of a link neither side gave one: ESTIMATE_BASE, plus ESTIMATE_SHARED for
#: each person the two both know, up to ESTIMATE_MAX
ESTIMATE_BASE: Final = 3.0
ESTIMATE_SHARED: Final = 0.5
ESTIMATE_MAX: Final = 4.0
#: the longest route, in steps from you (you -> bridge -> bridge -> candidate)
MAX_HOPS: Final = 3


class LinkStrengths:
    """The strength of each link between two contacts: as written, else estimated from the
    contacts they share (computed when first asked for)."""

    def __init__(self, knows: KnowsMatrix) -> None:
        self.knows = knows
        self._estimated: dict[tuple[str, str], float] = {}

    def strength(self, u: str, v: str) -> float | None:
        """1..5, or None when ``u`` and ``v`` do not know each other."""
        written = self.knows.get(u, {}).get(v)
        if written is None:
            return None
        if written:
            return float(written)
        key = (u, v) if u < v else (v, u)
        found = self._estimated.get(key)
        if found is None:
            shared = len(self.knows[u].keys() & self.knows[v].keys())
            found = min(ESTIMATE_MAX, ESTIMATE_BASE + ESTIMATE_SHARED * shared)
            self._estimated[key] = found
        return found

    def estimated(self, u: str, v: str) -> bool:
        """Whether the strength of the link between ``u`` and ``v`` is an estimate."""
        return self.knows.get(u, {}).get(v) == 0

    def hop(self, u: str, v: str) -> float:
        """The chance an introduction from ``u`` to ``v`` goes through (0 when not linked)."""
        return hop_chance(self.strength(u, v))

    def transfer(self, u: str, v: str, *, to_manager: bool = False) -> float:
        """The share of ``u``'s word about you that reaches ``v``."""
        return transfer_share(self.strength(u, v), to_manager=to_manager)


def hop_chance(strength: float | None) -> float:
    """The chance an introduction over a link of ``strength`` goes through (0: no link)."""
    return 0.0 if strength is None else HOP * strength / STRENGTH_MAX


def transfer_share(strength: float | None, *, to_manager: bool = False) -> float:
    """The share of someone's word about you that a link of ``strength`` carries."""
    if strength is None:
        return 0.0
    return (HM_TRANSFER if to_manager else TRANSFER) * strength / STRENGTH_MAX


@dataclass(frozen=True)
class Route:
    """One way to a candidate."""

    #: ids from ``"me"`` to the candidate
    path: tuple[str, ...]
    #: the chance it ends in the referral (or the word reaching the hiring manager)
    chance: float
    #: what the person at the end can say about you: 0 .. 1
    vouch: float
    #: the contact who puts in a word beside your own request (a direct route only)
    supporter: str | None = None

    @property
    def is_introduction(self) -> bool:
        return len(self.path) > 2


class Voucher(NamedTuple):
    """One of your ties who can vouch for you, beside someone they know: how an
    introduction through them to that person begins."""

    bridge: str
    tie: TieStrength
    #: the strength of the bridge's link to the person
    strength: float | None
    #: the chance the bridge acts and the introduction goes through
    chance: float
    #: the share of the bridge's word about you that reaches the person
    vouch: float


class Vouchers:
    """For each person, your ties who can vouch for you (``bridges``) among the people
    they know, each as a :class:`Voucher`: worked out when first asked for and kept,
    since the routes to many candidates run through the same people.

    ``direct``, who each person knows among the people you know yourself
    (``knows.among``; the bridges are some of them), lets everyone else be passed over
    without reading their links: most of a large network.
    """

    def __init__(
        self,
        links: LinkStrengths,
        bridges: Mapping[str, TieStrength],
        direct: KnowsMatrix | None = None,
    ) -> None:
        self.links = links
        self.bridges = bridges
        self._onwards = links.knows if direct is None else direct
        self._rows: dict[str, tuple[Voucher, ...]] = {}

    def __call__(self, person: str) -> tuple[Voucher, ...]:
        """The vouchers beside ``person``, in the order of their row."""
        found = self._rows.get(person)
        if found is None:
            bridges = self.bridges
            found = self._rows[person] = tuple(
                self._voucher(bridge, tie, person)
                for bridge in self._onwards.get(person, {})
                if (tie := bridges.get(bridge)) is not None
            )
        return found

    def through(self, person: str, bridge: str) -> tuple[Voucher, ...]:
        """The voucher ``bridge`` beside ``person``, when they are one (read from
        ``person``'s links alone: an answer about one bridge needs no whole row)."""
        tie = self.bridges.get(bridge)
        if tie is None or bridge not in self.links.knows.get(person, {}):
            return ()
        return (self._voucher(bridge, tie, person),)

    def _voucher(self, bridge: str, tie: TieStrength, person: str) -> Voucher:
        # each link's strength is looked up once, for both its chance and its share
        strength = self.links.strength(bridge, person)
        return Voucher(
            bridge=bridge,
            tie=tie,
            strength=strength,
            chance=tie.willingness * hop_chance(strength),
            vouch=tie.strength * transfer_share(strength),
        )


def introductions(
    candidate: str,
    vouchers: Vouchers,
    *,
    manager: bool,
    through: str | None = None,
) -> Iterator[Route]:
    """Every introduction to ``candidate`` within MAX_HOPS steps whose first person is one
    of your ties who can vouch for you (``vouchers``), each once; only those whose first
    person is ``through``, when given."""
    links = vouchers.links
    receptive = 1.0 if manager else RECEPTIVE

    def starts(person: str) -> tuple[Voucher, ...]:
        return vouchers(person) if through is None else vouchers.through(person, through)

    for first in starts(candidate):
        vouch = first.vouch
        if manager:  # the hiring manager hears the bridge's word directly
            vouch = first.tie.strength * transfer_share(first.strength, to_manager=True)
        yield Route(
            path=(ME, first.bridge, candidate), chance=first.chance * receptive, vouch=vouch
        )
    for middle in links.knows.get(candidate, {}):
        onward = starts(middle)
        if not onward:
            continue
        # a link's strength is the same both ways: read from the candidate's side
        last = links.strength(candidate, middle)
        last_hop, last_transfer = hop_chance(last), transfer_share(last, to_manager=manager)
        for first in onward:
            if first.bridge != candidate:
                yield Route(
                    path=(ME, first.bridge, middle, candidate),
                    chance=first.chance * last_hop * receptive,
                    vouch=first.vouch * last_transfer,
                )


def supported(direct: Route, word: Route) -> Route:
    """Asking someone yourself while a friend puts in a word with them: either may work,
    and they can say the more of the two.

    >>> one = Route(path=("me", "c"), chance=0.5, vouch=0.4)
    >>> two = Route(path=("me", "b", "c"), chance=0.5, vouch=0.6)
    >>> supported(one, two)
    Route(path=('me', 'c'), chance=0.75, vouch=0.6, supporter='b')
    """
    return Route(
        path=direct.path,
        chance=1 - (1 - direct.chance) * (1 - word.chance),
        vouch=max(direct.vouch, word.vouch),
        supporter=word.path[1],
    )
