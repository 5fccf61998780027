"""When analyze and plan should point to ``warmreach review``: most ties to the targets
are unknown, and answers would change the advice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from warmreach.graph import NetworkIndex
from warmreach.model import Contact, Evidence, Network, Opening
from warmreach.review.queue import review_queue
from warmreach.scoring import default_targets

#: analyze and plan point to ``review`` when at least this many of the targets' candidates,
#: and at least half, are people whose tie to you the file and the evidence leave unknown
HINT_PEOPLE: Final = 3


def review_hint(
    network: Network,
    targets: Sequence[Opening] | None = None,
    *,
    as_of: dt.date,
    index: NetworkIndex | None = None,
) -> tuple[int, int]:
    """(how many of the targets' candidates have a tie the file leaves unknown, how many
    people's answers would change the advice); (0, 0) when too few ties are unknown for a
    review to be the next step."""
    chosen = list(default_targets(network) if targets is None else targets)
    index = index or NetworkIndex.build(network)
    people = {
        person
        for target in chosen
        for person in (*index.staff.get(target.company, ()), target.hiring_manager)
        if person is not None
    }
    contacts = network.contacts_by_id
    unknown = sum(1 for person in people if _unknown_tie(contacts[person]))
    if unknown < HINT_PEOPLE or 2 * unknown < len(people):
        return (0, 0)
    return (unknown, len(review_queue(network, chosen, as_of=as_of, index=index)))


def _unknown_tie(contact: Contact) -> bool:
    """Whether neither the file nor the evidence says how well you know ``contact``."""
    if contact.trust_written and not contact.is_direct:
        return False  # written as known of only
    evidence = Evidence.total(contact.evidence) if contact.evidence else None
    return not contact.trust_written and (evidence is None or not evidence.shows_a_tie)


__all__ = ["HINT_PEOPLE", "review_hint"]
