"""The kinds of step a plan is made of, each in its own module: its option (what it does
to the network, the facts its reason names) and its finder.

- :mod:`~warmreach.plan.steps.base`: what every kind shares (:class:`Option`, the
  minutes of a conversation, what a step does to a person);
- :mod:`~warmreach.plan.steps.search`: what the finders share (the asks worth pricing,
  the ties to build);
- one module per kind: :mod:`~warmreach.plan.steps.ask` (``ask-referral``,
  ``reach-out``, ``ask-intro``), :mod:`~warmreach.plan.steps.signal`,
  :mod:`~warmreach.plan.steps.info_chat`, :mod:`~warmreach.plan.steps.nurture`,
  :mod:`~warmreach.plan.steps.grow`, :mod:`~warmreach.plan.steps.follow_up`.

Every module of this package but ``base`` and ``search`` declares one kind (its ``KIND``
and its ``find``); they are found here, so adding a kind is its module, its action in
:data:`~warmreach.scoring.results.Action` (whose order breaks ties between steps) and its
words in :mod:`warmreach.reports.steps`.

>>> [kind.__name__ for kind in STEP_KINDS]
['FollowUpOption', 'AskOption', 'SignalOption', 'InfoChatOption', 'NurtureOption', 'GrowOption']
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Sequence
from typing import Final

from warmreach.model import Network
from warmreach.plan.steps.ask import AskOption
from warmreach.plan.steps.base import (
    CALL,
    COFFEE,
    EXTRA_ITEM,
    MESSAGE,
    AskSpec,
    Context,
    Doing,
    Effect,
    Facts,
    Later,
    Option,
    RelationshipOption,
    TargetedOption,
    ask_action,
    built,
    told,
)
from warmreach.plan.steps.follow_up import FollowUpOption
from warmreach.plan.steps.grow import GrowOption, someone_known, someone_known_id
from warmreach.plan.steps.info_chat import InfoChatOption
from warmreach.plan.steps.nurture import NurtureOption
from warmreach.plan.steps.search import Search
from warmreach.plan.steps.signal import SignalOption, ready
from warmreach.plan.targets import Target
from warmreach.scoring import ACTIONS, Action

Finder = Callable[[Search, Sequence[Option]], list[Option]]
_SHARED: Final = frozenset({"base", "search"})


def _kinds() -> list[tuple[type[Option], Finder]]:
    """Every kind of step of this package with its finder, in the order of their actions
    (each finder sees the options those before it found)."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        if module.name in _SHARED:
            continue
        declared = importlib.import_module(f"{__name__}.{module.name}")
        found.append((declared.KIND, declared.find))
    return sorted(found, key=lambda pair: ACTIONS.index(pair[0].actions[0]))


_FOUND: Final = _kinds()
#: every kind of step, in the order of their actions
STEP_KINDS: Final[tuple[type[Option], ...]] = tuple(kind for kind, _ in _FOUND)
#: every action a step of the plan can take, in the order of ties
STEP_ACTIONS: Final[tuple[Action, ...]] = tuple(
    action for action in ACTIONS if any(action in kind.actions for kind in STEP_KINDS)
)


def find_options(search: Search) -> list[Option]:
    """Every option of the week, in a stable order."""
    options: list[Option] = []
    for _, find in _FOUND:
        options += find(search, options)
    return options


def apply_option(
    network: Network,
    option: Option,
    targets: Sequence[Target],
    *,
    as_of: dt.date,
    succeeded: bool = False,
    record: bool = True,
) -> Network:
    """The network once ``option`` is done on ``as_of``, its ask recorded; with
    ``succeeded``, as it hopes to leave it; without ``record``, as its asks are priced
    (nothing recorded, the tie as old as it was: see :class:`Doing`)."""
    doing = Doing(targets, as_of, succeeded=succeeded, record=record)
    return option.effect(network, doing).apply(network)


__all__ = [
    "CALL",
    "COFFEE",
    "EXTRA_ITEM",
    "MESSAGE",
    "STEP_ACTIONS",
    "STEP_KINDS",
    "AskOption",
    "AskSpec",
    "Context",
    "Doing",
    "Effect",
    "Facts",
    "Finder",
    "FollowUpOption",
    "GrowOption",
    "InfoChatOption",
    "Later",
    "NurtureOption",
    "Option",
    "RelationshipOption",
    "Search",
    "SignalOption",
    "TargetedOption",
    "apply_option",
    "ask_action",
    "built",
    "find_options",
    "ready",
    "someone_known",
    "someone_known_id",
    "told",
]
