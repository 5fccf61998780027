"""A plain-Python reference for ``warmreach analyze``'s core question, with the standard
library only: the best route from you to each person at one company.

    python benchmarks/reference_paths.py NETWORK.json COMPANY [TOP]

It reads the network as JSON (the benchmarks write the generated network as JSON, which
is also YAML, so warmreach reads the very same file), links you to each contact you trust
and contacts to whom they know (both ways), weighs each step by ``-ln`` of the chance it
carries a request, and runs one Dijkstra from you; it prints the ``TOP`` people at the
company with the likeliest routes. It is what a careful programmer would write in an
afternoon: no scoring model, no reasons, no validation, no fuzzy company names beyond
dropping a legal suffix. ``bench_reference.py`` times it against warmreach.
"""

from __future__ import annotations

import heapq
import json
import math
import sys
from pathlib import Path

LEGAL = {"ab", "inc.", "inc", "gmbh", "ltd", "llc", "s.a."}


def company_key(name: str) -> str:
    """A company name without case and a trailing legal form."""
    words = name.lower().split()
    while len(words) > 1 and words[-1] in LEGAL:
        words.pop()
    return " ".join(words)


def best_routes(tree: dict[str, object], company: str, top: int) -> list[dict[str, object]]:
    """The ``top`` people at ``company`` with the likeliest routes from you."""
    contacts = tree["contacts"]
    assert isinstance(contacts, list)
    names = [contact["name"] for contact in contacts]
    number = {name: index for index, name in enumerate(names)}
    edges: list[dict[int, float]] = [{} for _ in contacts]
    start: dict[int, float] = {}
    for index, contact in enumerate(contacts):
        trust = contact.get("trust", 1)
        if trust:
            work = contact.get("knows_my_work", 0)
            chance = trust / 5 * (0.6 + 0.4 * work / 5)
            start[index] = -math.log(chance)
        for known in contact.get("knows", ()):
            name, strength = (
                (known, None) if isinstance(known, str) else (known["name"], known.get("strength"))
            )
            other = number.get(name)
            if other is None or other == index:
                continue
            cost = -math.log(0.8 * (strength or 2) / 5)
            if cost < edges[index].get(other, math.inf):
                edges[index][other] = edges[other][index] = cost
    distance = dict(start)
    previous: dict[int, int] = {}
    queue = [(cost, index) for index, cost in start.items()]
    heapq.heapify(queue)
    done: set[int] = set()
    while queue:
        cost, index = heapq.heappop(queue)
        if index in done:
            continue
        done.add(index)
        for other, step in edges[index].items():
            if cost + step < distance.get(other, math.inf):
                distance[other] = cost + step
                previous[other] = index
                heapq.heappush(queue, (cost + step, other))
    wanted = company_key(company)
    found = []
    for index, contact in enumerate(contacts):
        if company_key(str(contact.get("company", ""))) != wanted or index not in distance:
            continue
        path = [index]
        while path[-1] in previous:
            path.append(previous[path[-1]])
        found.append(
            {
                "name": names[index],
                "chance": round(math.exp(-distance[index]), 4),
                "path": ["me", *(names[step] for step in reversed(path))],
            }
        )
    found.sort(key=lambda person: (-float(str(person["chance"])), str(person["name"])))
    return found[:top]


def main() -> None:
    path, company = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    tree = json.loads(Path(path).read_text(encoding="utf-8"))
    json.dump(best_routes(tree, company, top), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
