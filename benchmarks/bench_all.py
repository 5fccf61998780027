"""Time every command on generated networks, with peak memory, next to the parsing floor.

    python benchmarks/bench_all.py                          # 1k, 10k, 30k contacts; 5 and 20 links
    python benchmarks/bench_all.py --sizes 1000 --link-counts 5

Each command runs in a fresh process, as a user runs it, so start-up and imports count:
``validate``, ``analyze`` cold (empty cache: the file is parsed) and warm (the validated
network comes from the cache), then ``gaps``, ``plan`` and ``render`` warm, ``render``
cold (``r. cold``: its own empty cache), ``import linkedin`` of an export with as many
rows as the network has contacts, and ``merge``: ``import linkedin --merge`` of another
export of that many new people into the file that import wrote, and ``after``: ``validate``
of the merged file right after (the merge leaves it in the cache). The floor is what
PyYAML's C loader alone needs to parse the same file, measured in the same run; ``ratio``
is cold ``analyze`` over that floor, ``merge ÷`` the merge over the fresh import. Seconds
(wall clock) and peak memory (MB, the process's maximum resident set).

Start-up comes first: for each command on the bundled sample network, the time Python
reports for its imports (``python -X importtime``, the sum over every module) and the
whole run, next to a Python that imports nothing; each in a cache folder where a first
run, not counted, has kept what warmreach works out once per machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import SIZES, table, write_network
from bench_import import write_export

AS_OF = "2026-11-25"
SAMPLE = Path(__file__).resolve().parent.parent / "sample_networks" / "career-switcher.yaml"
#: the commands whose start-up is measured, on the sample network
STARTS = {
    "analyze": ["analyze", str(SAMPLE), "--format", "json", "--as-of", AS_OF],
    "gaps": ["gaps", str(SAMPLE), "--format", "json", "--as-of", AS_OF],
    "plan": ["plan", str(SAMPLE), "--format", "json", "--as-of", AS_OF],
    "validate": ["validate", str(SAMPLE)],
    "schema": ["schema"],
}

#: run in the child: the command line after ``--``, then its peak memory on stderr
_PEAK = """
import resource, sys


def peak_kb():
    # Linux keeps ru_maxrss across exec (it would count this script's parent); VmHWM is
    # the process's own high-water mark
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""
_RUN_CLI = (
    _PEAK
    + """
import os
from warmreach import cli

exit_now = os._exit


def exit_after_peak(status):
    print("peak-kb", peak_kb(), file=sys.stderr, flush=True)
    exit_now(status)


# the command as users run it (`warmreach`, `python -m warmreach`): cli.run, which ends
# in os._exit once the streams are flushed; its peak memory is read just before
os._exit = exit_after_peak
cli.run()
"""
)
_RUN_FLOOR = (
    _PEAK
    + """
import yaml
with open(sys.argv[1], "rb") as stream:
    yaml.load(stream, Loader=yaml.CSafeLoader)
print("peak-kb", peak_kb(), file=sys.stderr)
"""
)


def run(script: str, args: list[str], cache: Path) -> tuple[float, float]:
    """Seconds and peak MB of ``script`` run with ``args`` in a fresh Python process."""
    env = {**os.environ, "WARMREACH_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    peak = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("peak-kb")
    )
    return seconds, peak / 1024


def imports(arguments: list[str] | None, cache: Path) -> tuple[float, float]:
    """Seconds Python spends importing (the sum of ``-X importtime``'s self times, which
    that option itself inflates a little) and seconds of the whole run without it, for one
    command in fresh processes (None: a Python that imports nothing), with ``cache`` as
    the cache folder."""
    script = "pass" if arguments is None else _RUN_CLI
    env = {**os.environ, "WARMREACH_CACHE_DIR": str(cache)}
    seconds = 0.0
    for option in (["-X", "importtime"], []):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, *option, "-c", script, *(arguments or [])],
            capture_output=True,
            text=True,
            env=env,
        )
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(arguments or [])} failed:\n{done.stderr}")
        if option:
            microseconds = sum(
                int(line.split("|")[0].split(":")[1])
                for line in done.stderr.splitlines()
                if line.startswith("import time:") and "self [us]" not in line
            )
    return microseconds / 1e6, seconds


def start_up(repeat: int = 5) -> str:
    """The start-up table: imports and whole runs per command, medians of ``repeat``, in
    a cache folder of their own where a first run, not counted, has kept what warmreach
    works out once per machine (as for every run after a user's first)."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        for name, arguments in [("python", None), *STARTS.items()]:
            imports(arguments, cache)
            runs = [imports(arguments, cache) for _ in range(repeat)]
            medians = [f"{statistics.median(run[part] for run in runs):.3f}" for part in (0, 1)]
            rows.append([name, *medians])
    return table([("command", 9), ("imports", 8), ("run", 6)], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--link-counts", type=int, nargs="+", default=[5, 20])
    args = parser.parse_args()
    print("start-up on the sample network, seconds (medians of 5)")
    print(start_up())
    print()
    times, memory = [], []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for links in args.link_counts:
            for size in args.sizes:
                path = write_network(folder, size, links)
                export = write_export(folder, size)
                (folder / "more").mkdir(exist_ok=True)
                more = write_export(folder / "more", size, seed=1, start=size)
                cache = folder / f"cache-{size}-{links}"
                limit = ["--max-size", "200"]
                network = [str(path), *limit]
                draw = ["--as-of", AS_OF, "--force", "--output", str(folder / "picture.png")]
                imported = ["--me", "Ana", "--force", "--output", str(folder / "imported.yaml")]
                imported += limit  # a merge of 100,000 into 100,000 writes 38 MB
                merged_file = [str(folder / "imported.yaml"), *limit]
                steps = {
                    "floor": (_RUN_FLOOR, [str(path)]),
                    "validate": (_RUN_CLI, ["--no-cache", "validate", *network]),
                    "analyze cold": (_RUN_CLI, ["analyze", *network, "--as-of", AS_OF]),
                    "analyze warm": (_RUN_CLI, ["analyze", *network, "--as-of", AS_OF]),
                    "gaps": (_RUN_CLI, ["gaps", *network, "--as-of", AS_OF]),
                    "plan": (_RUN_CLI, ["plan", *network, "--as-of", AS_OF]),
                    "render": (_RUN_CLI, ["render", *network, *draw]),
                    "render cold": (_RUN_CLI, ["render", *network, *draw]),
                    "import": (_RUN_CLI, ["import", "linkedin", str(export), *imported]),
                    "merge": (_RUN_CLI, ["import", "linkedin", str(more), *imported, "--merge"]),
                    "after": (_RUN_CLI, ["validate", *merged_file]),
                }
                first = folder / f"cache-render-{size}-{links}"  # empty: render parses the file
                measured = {
                    step: run(*command, first if step == "render cold" else cache)
                    for step, command in steps.items()
                }
                label = [f"{size:,}", str(links), f"{path.stat().st_size / 1e6:.1f}"]
                ratio = measured["analyze cold"][0] / measured["floor"][0]
                merged = measured["merge"][0] / measured["import"][0]
                times.append(
                    label
                    + [f"{seconds:.2f}" for seconds, _ in measured.values()]
                    + [f"{ratio:.2f}", f"{merged:.1f}"]
                )
                memory.append(label + [f"{peak:.0f}" for _, peak in measured.values()])
                print(f"measured {size:,} contacts, {links} links", file=sys.stderr)
    columns = [
        "floor", "validate", "cold", "warm", "gaps", "plan", "render", "r. cold", "import", "merge",
        "after",
    ]  # fmt: skip
    header = [("contacts", 9), ("links", 5), ("MB", 5)] + [(c, 8) for c in columns]
    print("seconds (analyze cold and warm; ratio = analyze cold / floor; merge ÷ import)")
    print(table([*header, ("ratio", 6), ("merge ÷", 8)], times))
    print()
    print("peak memory, MB")
    print(table(header, memory))


if __name__ == "__main__":
    main()
