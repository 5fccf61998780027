"""What you aim at, in the taxonomy's terms, and the one rule of what is in it.

:func:`target_field` reads the industries and fields you seek ("Climate Tech", "Solar
Energy") as canonical ones; :meth:`TargetField.contains` says whether an industry is in
that field and :meth:`TargetField.adjacent` whether it is next to it, for every part of
warmreach that asks (the gap report, the plan's targets, the picture's colours, imports).

>>> from warmreach.matching.taxonomy import Taxonomy
>>> taxonomy = Taxonomy.load()
>>> field = target_field(taxonomy, ["Climate Tech"], ["Product Manager"], strict=True)
>>> field.contains(taxonomy.match("solar power")), field.contains(taxonomy.match("fintech"))
(True, False)
>>> field.adjacent(taxonomy.match("utilities")), field.names
(True, ('Climate Tech',))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from warmreach.errors import UnknownName
from warmreach.matching.names import hint
from warmreach.matching.taxonomy import IndustryMatch, Taxonomy


@dataclass(frozen=True, kw_only=True)
class TargetField:
    """What you aim at, in canonical terms."""

    #: the field as asked (``Climate Tech``)
    asked: tuple[str, ...]
    #: canonical fields covered (those asked for as a whole field)
    fields: tuple[str, ...]
    #: canonical industries covered
    industries: tuple[str, ...]
    #: roles you want
    roles: tuple[str, ...]
    #: the fields next to the fields covered, whose people can bridge you in
    adjacent_fields: tuple[str, ...] = ()
    #: the canonical names of what was asked, in the order asked
    names: tuple[str, ...] = ()

    def contains(self, match: IndustryMatch | None) -> bool:
        """Whether an industry (or a whole field, for a text that names one) is in the
        field you aim at."""
        if match is None:
            return False
        if match.industry is not None:
            return match.industry in self.industries
        return match.field in self.fields

    def adjacent(self, match: IndustryMatch | None) -> bool:
        """Whether an industry is next to the field you aim at (and not in it)."""
        return (
            match is not None and match.field in self.adjacent_fields and not self.contains(match)
        )


def target_field(
    taxonomy: Taxonomy, names: Sequence[str], roles: Sequence[str], strict: bool
) -> TargetField:
    """The canonical fields and industries ``names`` cover; an unknown name is an error
    when ``strict``, else skipped."""
    fields: dict[str, None] = {}  # in the order asked
    industries: set[str] = set()
    named: dict[str, None] = {}
    for name in names:
        covered = taxonomy.field_of(name)
        if covered is None:
            if strict:
                known = [field.name for field in taxonomy.fields.values()]
                near = hint(name, known)
                raise UnknownName(f"'{name}' is not an industry or field warmreach knows{near}")
            continue
        industries |= covered[0]
        fields.update(dict.fromkeys(sorted(covered[1])))
        named[taxonomy.name_of(name)] = None
    around = {other for field in fields for other in taxonomy.fields[field].adjacent}
    return TargetField(
        asked=tuple(names),
        fields=tuple(fields),
        industries=tuple(sorted(industries)),
        roles=tuple(roles),
        adjacent_fields=tuple(sorted(around - set(fields))),
        names=tuple(named),
    )


__all__ = ["TargetField", "target_field"]
