"""This week's networking: the conversations that raise your chance of a referral most for
the time you have, and what they queue for later weeks.

- :mod:`~warmreach.plan.targets`: what the plan aims at, weighted, and whether it is open;
- :mod:`~warmreach.plan.value`: the week's value, the chance of an interview per target;
- :mod:`~warmreach.plan.steps`: the kinds of step, each with its action, its effect on
  the network and the facts of its reason;
- :mod:`~warmreach.plan.pricing`: what each ask is worth, on the network as a step leaves it;
- :mod:`~warmreach.plan.choose`: choosing within the minutes;
- :mod:`~warmreach.plan.result`: what a plan returns;
- :mod:`~warmreach.plan.week`: the week's plan, :func:`plan_actions`.

``docs/plan.md`` explains the model with a worked example.

This module holds only what the command line reads at start (:data:`DEFAULT_HOURS`);
each name lives in its module (``from warmreach.plan.week import plan_actions``), so that
a command that does not plan does not load the planner.
"""

from __future__ import annotations

from typing import Final

#: hours a week when none are given
DEFAULT_HOURS: Final = 2.0

__all__ = ["DEFAULT_HOURS"]
