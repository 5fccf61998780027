"""Generate a large synthetic network file for benchmarks, deterministically.

    python sample_networks/generate.py --contacts 30000 --links 10 --output big.yaml

The same arguments give the same file, byte for byte. People and companies are
invented (see ``warmreach.synthetic``). Needs warmreach installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from warmreach.synthetic import generate_network


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=1000, help="people in the network")
    parser.add_argument("--links", type=int, default=5, help="people each contact knows")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument("--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite --output if it exists")
    args = parser.parse_args(argv)
    if args.output is not None and args.output.exists() and not args.force:
        parser.error(f"{args.output} exists; pass --force to overwrite it")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = "# Synthetic network made by sample_networks/generate.py; every person is invented.\n"
    text += yaml.dump(
        generate_network(args.contacts, args.links, args.seed),
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=120,
    )
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
