"""Compare warmreach's ranking with simple structural baselines on Krackhardt's managers.

    python benchmarks/krackhardt.py DATA_FOLDER

Krackhardt's "high-tech managers" (Krackhardt 1987, Cognitive social structures, Social
Networks 9: 104-134) are 21 managers of one company, with who goes to whom for advice,
who is whose friend, and who reports to whom, and each manager's department and level.
The data are public (UCINET's sample data, R's xUCINET and igraphdata packages, the
statnet and Stanford SNA labs) but are not part of warmreach: put them in DATA_FOLDER as
``advice.txt``, ``friendship.txt`` and ``reportto.txt`` (21 lines of 21 zeros and ones:
row i, column j is 1 when manager i names manager j) and ``attributes.csv`` (a header,
then one row per manager with ``Level`` and ``Department``, as xUCINET writes it).

Each manager in turn is the job seeker; each department other than theirs, with its head
as hiring manager, is the target. The seeker's ties come from the data (a mutual
friendship is trust 4, a one-sided one 3, an advice tie alone 2; someone who asks the
seeker for advice knows their work 3, someone the seeker asks knows it 1), and so do the
links between the others (friendship 4 or 3, reporting 3, advice 2). Printed: how
warmreach's order of the other managers compares with two baselines, personalised
PageRank from the target department and the number of contacts shared with the seeker,
as the mean Spearman correlation and the mean overlap of the top five, over all
seeker-target pairs; and, for each ranking, how often its first person is on the target
department and what share of its top five could vouch for the seeker.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import numpy.typing as npt
from _common import table

from warmreach.model import Company, Contact, Link, Me, Network, Opening, Team
from warmreach.scoring import ReferralModel

AS_OF = dt.date(2026, 11, 25)


def _matrix(path: Path) -> npt.NDArray[np.int_]:
    return np.loadtxt(path, dtype=int)


def _ranks(values: list[float]) -> npt.NDArray[np.float64]:
    """Ranks, 1 for the largest, ties sharing their mean rank."""
    order = np.argsort([-value for value in values], kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(1, len(values) + 1)
    for value in set(values):
        same = [index for index, other in enumerate(values) if other == value]
        ranks[same] = ranks[same].mean()
    return ranks


def spearman(one: list[float], two: list[float]) -> float:
    a, b = _ranks(one), _ranks(two)
    if a.std() == 0 or b.std() == 0:
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def top_overlap(one: list[float], two: list[float], people: list[str], k: int = 5) -> float:
    def top(values: list[float]) -> set[str]:
        return {people[i] for i in sorted(range(len(values)), key=lambda i: (-values[i], i))[:k]}

    return len(top(one) & top(two)) / k


def network_for(
    seeker: int,
    advice: npt.NDArray[np.int_],
    friends: npt.NDArray[np.int_],
    reports: npt.NDArray[np.int_],
    departments: list[int],
    levels: list[int],
) -> Network:
    size = len(departments)
    ids = [f"m{i + 1:02d}" for i in range(size)]
    teams = sorted({f"dept-{d}" for d in departments})
    contacts = []
    for i in range(size):
        if i == seeker:
            continue
        mutual = friends[i, seeker] and friends[seeker, i]
        one_way = friends[i, seeker] or friends[seeker, i]
        asked = advice[i, seeker] or advice[seeker, i]
        trust = 4 if mutual else 3 if one_way else 2 if asked else 0
        work = 3 if advice[i, seeker] else 1 if advice[seeker, i] else 0
        links = []
        for j in range(i + 1, size):
            if j == seeker:
                continue
            strength = max(
                4
                if friends[i, j] and friends[j, i]
                else 3
                if friends[i, j] or friends[j, i]
                else 0,
                3 if reports[i, j] or reports[j, i] else 0,
                2 if advice[i, j] or advice[j, i] else 0,
            )
            if strength:
                links.append(Link(contact=ids[j], strength=strength))
        title = {1: "CEO", 2: "Director"}.get(levels[i], "Manager")
        contacts.append(
            Contact(
                id=ids[i],
                name=ids[i].upper(),
                company="firm",
                team=f"dept-{departments[i]}",
                title=title,
                trust=trust,
                knows_my_work=work if trust else 0,
                told=("role", "aspiration", "availability") if trust else (),
                knows=tuple(links),
            )
        )
    company = Company(
        id="firm", name="Firm", teams=tuple(Team(id=team, name=team) for team in teams)
    )
    return Network(me=Me(name=ids[seeker].upper()), companies=(company,), contacts=tuple(contacts))


def personal_pagerank(
    network: Network, seeds: set[str], alpha: float = 0.85, rounds: int = 200
) -> dict[str, float]:
    """Personalised PageRank over the links between contacts (weighted by strength),
    restarting at ``seeds``: the power iteration, with NumPy."""
    ids = [contact.id for contact in network.contacts]
    where = {person: index for index, person in enumerate(ids)}
    weights = np.zeros((len(ids), len(ids)))
    for contact in network.contacts:
        for link in contact.knows:
            i, j = where[contact.id], where[link.contact]
            weights[i, j] = weights[j, i] = max(weights[i, j], float(link.strength or 3))
    totals = weights.sum(axis=1, keepdims=True)
    step = np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)
    restart = np.array([1.0 if person in seeds else 0.0 for person in ids])
    restart /= restart.sum()
    rank = np.full(len(ids), 1 / len(ids))
    for _ in range(rounds):
        dangling = rank[totals[:, 0] == 0].sum()
        rank = alpha * (rank @ step + dangling * restart) + (1 - alpha) * restart
    return dict(zip(ids, rank.tolist(), strict=True))


def baselines(
    network: Network, target: Opening, model: ReferralModel
) -> dict[str, dict[str, float]]:
    pagerank = personal_pagerank(network, set(model.hiring_team(target)))
    direct = model.direct
    knows = model.knows
    mutual = {
        contact.id: float(len(knows[contact.id].keys() & direct) + (contact.id in direct))
        for contact in network.contacts
    }
    return {"PageRank from the target team": pagerank, "contacts shared with you": mutual}


def without_links(network: Network) -> Network:
    """The network with every link between colleagues removed (your own ties kept)."""
    return dataclasses.replace(
        network,
        contacts=tuple(dataclasses.replace(contact, knows=()) for contact in network.contacts),
    )


def links_matter(
    advice: npt.NDArray[np.int_],
    friends: npt.NDArray[np.int_],
    reports: npt.NDArray[np.int_],
    departments: list[int],
    levels: list[int],
    heads: dict[int, int],
) -> str:
    """How much who knows whom inside the company moves warmreach's order: the Spearman
    correlation of the order with every link between colleagues and without any, and of
    the score with the number of colleagues a person is linked to among people of one
    trust (who differ only in their links), for a department as the target (its head the
    hiring manager) and for the whole company with no team named."""
    names = ("a department, its head hiring", "the company, no team named")
    found: dict[str, list[float]] = {name: [] for name in names}
    central: dict[str, list[float]] = {name: [] for name in names}
    for seeker in range(len(departments)):
        network = network_for(seeker, advice, friends, reports, departments, levels)
        contacts = network.contacts_by_id
        bare = without_links(network)
        aims = [
            (names[0], Opening(company="firm", team=f"dept-{d}", hiring_manager=f"m{h + 1:02d}"))
            for d, h in sorted(heads.items())
            if d != departments[seeker] and h != seeker
        ]
        aims.append((names[1], Opening(company="firm")))
        for name, target in aims:
            model = ReferralModel(network, as_of=AS_OF)
            linked = {i.contact.id: i.score for i in model.evaluate(target)}
            alone = {
                i.contact.id: i.score for i in ReferralModel(bare, as_of=AS_OF).evaluate(target)
            }
            people = sorted(linked)
            found[name].append(spearman([linked[p] for p in people], [alone[p] for p in people]))
            for trust in sorted({contacts[p].trust for p in people}):
                same = [p for p in people if contacts[p].trust == trust]
                if len(same) >= 3:
                    degree = [float(len(model.knows.get(p, {}))) for p in same]
                    central[name].append(spearman([linked[p] for p in same], degree))
    return table(
        [
            ("target", 32),
            ("Spearman, with and without links", 33),
            ("score and links, equal trust", 29),
            ("pairs", 6),
        ],
        [
            [name, *(f"{np.mean(d[name]):.2f}" for d in (found, central)), str(len(found[name]))]
            for name in names
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    args = parser.parse_args()
    advice = _matrix(args.data / "advice.txt")
    friends = _matrix(args.data / "friendship.txt")
    reports = _matrix(args.data / "reportto.txt")
    with (args.data / "attributes.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    departments = [int(row["Department"]) for row in rows]
    levels = [int(row["Level"]) for row in rows]
    heads = {departments[i]: i for i in range(len(rows)) if levels[i] == 2}
    found: dict[str, list[tuple[float, float]]] = {}
    names = ["warmreach", "PageRank from the target team", "contacts shared with you"]
    on_team_first = dict.fromkeys(names, 0)
    askable_top = dict.fromkeys(names, 0.0)
    pairs = 0
    for seeker in range(len(rows)):
        for department, head in sorted(heads.items()):
            if department == departments[seeker] or head == seeker:
                continue
            network = network_for(seeker, advice, friends, reports, departments, levels)
            target = Opening(
                company="firm", team=f"dept-{department}", hiring_manager=f"m{head + 1:02d}"
            )
            model = ReferralModel(network, as_of=AS_OF)
            ours = {item.contact.id: item.score for item in model.evaluate(target)}
            people = sorted(ours)
            mine = [ours[person] for person in people]
            team = {c.id for c in network.contacts if c.team == target.team}
            pairs += 1
            askable = {
                person for person in people if person in model.ties and model.ties[person].can_vouch
            }
            for name, values in [("warmreach", ours), *baselines(network, target, model).items()]:
                ordered = sorted(people, key=lambda person: (-values[person], person))
                on_team_first[name] += ordered[0] in team
                askable_top[name] += len(set(ordered[:5]) & askable) / 5
                if name == "warmreach":
                    continue
                theirs = [values[person] for person in people]
                found.setdefault(name, []).append(
                    (spearman(mine, theirs), top_overlap(mine, theirs, people))
                )
    print(links_matter(advice, friends, reports, departments, levels, heads))
    print()
    header = [("baseline", 32), ("Spearman", 9), ("top-5 overlap", 14), ("pairs", 6)]
    lines = [
        [
            name,
            f"{np.mean([s for s, _ in values]):.2f}",
            f"{np.mean([o for _, o in values]):.2f}",
            str(len(values)),
        ]
        for name, values in found.items()
    ]
    print(table(header, lines))
    print()
    print(
        table(
            [
                ("ranking", 32),
                ("first is on the target team", 28),
                ("top 5: can vouch for you", 25),
            ],
            [
                [name, f"{on_team_first[name]}/{pairs}", f"{askable_top[name] / pairs:.2f}"]
                for name in names
            ],
        )
    )


if __name__ == "__main__":
    main()
