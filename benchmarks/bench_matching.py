"""Time matching company names and industries in bulk, and print a table.

    python benchmarks/bench_matching.py              # 30,000 names against 5,000 companies
    python benchmarks/bench_matching.py --names 100000 --companies 10000

Company names are invented; the names to match are the companies written as people
write them (legal suffixes, other case, typos) and names of companies not in the
list. Seconds, best of ``--repeat``; every run starts from an empty cache.
"""

from __future__ import annotations

import argparse
import random

from _common import best_of, table

from warmreach.matching import CompanyMatcher, Taxonomy, company_id
from warmreach.synthetic import LEGAL, PREFIX, SUFFIX


def _companies(count: int, rng: random.Random) -> list[str]:
    words = [f"{prefix}{suffix}" for prefix in PREFIX for suffix in SUFFIX]
    names = sorted({f"{rng.choice(words)} {rng.choice(words).title()}" for _ in range(count * 2)})
    rng.shuffle(names)
    return names[:count]


def _written(name: str, rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.3:
        return f"{name} {rng.choice(LEGAL)}"
    if choice < 0.5:
        return name.upper()
    if choice < 0.7:
        index = rng.randrange(1, len(name) - 1)
        return name[:index] + name[index + 1 :]  # a letter dropped
    return name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=30_000)
    parser.add_argument("--companies", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(0)
    companies = _companies(args.companies, rng)
    strangers = _companies(args.names // 5, random.Random(1))
    names = [_written(rng.choice(companies), rng) for _ in range(args.names - len(strangers))]
    names += strangers
    rng.shuffle(names)

    def match_companies() -> list[str | None]:
        matcher = CompanyMatcher()
        for name in companies:
            matcher.add(name, company_id(name))
        return matcher.match_many(names)

    seconds, found = best_of(args.repeat, match_companies)
    linked = sum(1 for company in found if company is not None)
    taxonomy = Taxonomy.load()
    industries = [
        rng.choice(["cleantech", "Renewables", "Fin Tech", "Sofware", "Shipping", "Banking"])
        + f" {i % 50}"
        for i in range(args.names)
    ]
    industry_seconds, _ = best_of(args.repeat, lambda: taxonomy.match_many(industries))
    rows = [
        ["companies", f"{args.names:,}", f"{args.companies:,}", f"{seconds:.2f}", f"{linked:,}"],
        [
            "industries",
            f"{args.names:,}",
            f"{taxonomy.term_count:,}",
            f"{industry_seconds:.2f}",
            "",
        ],
    ]
    print(table([("kind", 10), ("names", 8), ("against", 8), ("seconds", 8), ("linked", 8)], rows))


if __name__ == "__main__":
    main()
