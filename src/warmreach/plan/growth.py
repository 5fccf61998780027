"""Growing your network in the field you seek, with the minutes the targets leave.

A referral needs people in the field; where the week's asks and their preparation leave
minutes, or where nobody you know reaches a target at all, the plan spends them on the
people the gap report names: telling people in the field who can vouch for you that you
are aiming at it (``signal``), a first chat with people in the field or in the role you
want whom you barely know (``info-chat``), and asking your ties in the fields next to it
whom they know there (``grow``). They are taken most relevant first (they hold the role
you want, then the more senior, then those whose dealings with you an import found, then
the stronger tie), never by name, one short message each (MESSAGE minutes). Their value
is the network they grow, not an interview chance this week: their gain is 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from warmreach.gaps.people import FieldPeople, Person
from warmreach.matching import holds_any, title_rank
from warmreach.model import Contact
from warmreach.plan.result import Item, Step
from warmreach.plan.steps import MESSAGE
from warmreach.scoring import Action, GrowthKind, Reason, ReferralModel
from warmreach.text import join_words

#: the kind of growth step for each reason
_ACTIONS: Final[dict[GrowthKind, Action]] = {
    "field-signal": "signal",
    "field-chat": "info-chat",
    "field-bridge": "grow",
}


@dataclass(frozen=True, kw_only=True)
class _Grow:
    contact: Contact
    kind: GrowthKind
    key: tuple[float, ...]


def growth_steps(
    model: ReferralModel,
    field: FieldPeople,
    *,
    busy: Iterable[str],
    minutes: int,
    roles: Sequence[str],
) -> list[Step]:
    """The growth steps that fit in ``minutes``, most relevant first, with nobody of
    ``busy`` (people the week already talks to)."""
    taken = set(busy)
    words = join_words(list(field.field.asked)) or join_words(list(field.field.roles))
    found: dict[str, _Grow] = {}
    contacts = model.network.contacts_by_id
    for person, kind in _candidates(model, field):
        if person.contact in taken or person.contact in found:
            continue
        contact = contacts[person.contact]
        found[person.contact] = _Grow(
            contact=contact, kind=kind, key=_relevance(model, contact, person, kind, roles)
        )
    steps: list[Step] = []
    for grow in sorted(found.values(), key=lambda grow: (grow.key, grow.contact.id)):
        if minutes < MESSAGE:
            break
        minutes -= MESSAGE
        contact = grow.contact
        holds = holds_any(contact.title, tuple(roles))
        reason = Reason.of(grow.kind, field=words, title=contact.title, role=int(holds))
        steps.append(
            Step(
                contact=contact.id,
                name=contact.name,
                action=_ACTIONS[grow.kind],
                minutes=MESSAGE,
                gain=0.0,
                items=(Item(action=_ACTIONS[grow.kind]),),
                tell=("aspiration",) if grow.kind == "field-signal" else (),
                reasons=(reason,),
            )
        )
    return steps


def _candidates(model: ReferralModel, field: FieldPeople) -> Iterable[tuple[Person, GrowthKind]]:
    """People in the field who can vouch but do not know your aim; people in the field or
    in the role you want whom you barely know; your ties next to the field who can vouch."""
    ties = model.ties
    contacts = model.network.contacts_by_id
    for person in (*field.contacts_in_field, *field.role_holders):
        tie = ties.get(person.contact)
        if tie is None:
            continue
        if tie.can_vouch and "aspiration" not in tie.told:
            yield person, "field-signal"
        elif not tie.can_vouch and not tie.is_stale:
            yield person, "field-chat"
    for person in field.adjacent:
        tie = ties.get(person.contact)
        if tie is not None and tie.can_vouch and contacts[person.contact].is_direct:
            yield person, "field-bridge"


def _relevance(
    model: ReferralModel,
    contact: Contact,
    person: Person,
    kind: GrowthKind,
    roles: Sequence[str],
) -> tuple[float, ...]:
    """Most relevant first: in the role you want, then in the field rather than next to
    it, the more senior, those whose dealings with you an import found, the stronger tie."""
    title = contact.title
    holds = holds_any(title, tuple(roles))
    rank = title_rank(str(title)) if title else 0
    return (
        0 if holds else 1,
        1 if kind == "field-bridge" else 0,
        -rank,
        0 if contact.evidence else 1,
        -person.tie,
    )


__all__ = ["growth_steps"]
