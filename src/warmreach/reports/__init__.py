"""Results as text for people and machines: tables, markdown and JSON; never files.

The words of every report live here: the analyses return structured results, and these
modules turn them into sentences, tables and the stable JSON of
``docs/output-format.md``.

Each name below is imported from its module when first used, so that a command loads
the words of its own report only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmreach._lazy import lazy_names

if TYPE_CHECKING:
    from warmreach.reports.analysis import (
        analysis_json,
        analysis_markdown,
        analysis_table,
        render_analysis,
    )
    from warmreach.reports.common import FORMATS, Format
    from warmreach.reports.gaps import gaps_json, gaps_markdown, gaps_table, render_gaps
    from warmreach.reports.plan import plan_json, plan_markdown, plan_table, render_plan
    from warmreach.reports.review import review_hint_text
    from warmreach.reports.summaries import import_summary_text, notice_problem, summary_text

__getattr__, __dir__ = lazy_names(
    globals(),
    {
        **dict.fromkeys(
            ["analysis_json", "analysis_markdown", "analysis_table", "render_analysis"],
            "warmreach.reports.analysis",
        ),
        **dict.fromkeys(["FORMATS", "Format"], "warmreach.reports.common"),
        **dict.fromkeys(
            ["gaps_json", "gaps_markdown", "gaps_table", "render_gaps"], "warmreach.reports.gaps"
        ),
        **dict.fromkeys(
            ["plan_json", "plan_markdown", "plan_table", "render_plan"], "warmreach.reports.plan"
        ),
        "review_hint_text": "warmreach.reports.review",
        **dict.fromkeys(
            ["import_summary_text", "notice_problem", "summary_text"],
            "warmreach.reports.summaries",
        ),
    },
)

__all__ = [
    "FORMATS",
    "Format",
    "analysis_json",
    "analysis_markdown",
    "analysis_table",
    "gaps_json",
    "gaps_markdown",
    "gaps_table",
    "import_summary_text",
    "notice_problem",
    "plan_json",
    "plan_markdown",
    "plan_table",
    "render_analysis",
    "render_gaps",
    "render_plan",
    "review_hint_text",
    "summary_text",
]
