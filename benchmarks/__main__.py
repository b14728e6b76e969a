"""Every benchmark, one command: ``python -m benchmarks [NAME ...]`` (``make bench``).

With no names it runs the quick set (a few minutes on two cores); ``stream`` (a million
messages through ``dignity scan``, about fifteen minutes) runs only when named.
"""

from __future__ import annotations

import importlib
import sys

QUICK = ("scan", "pii", "text_model", "behaviour", "service")
ALL = (*QUICK, "stream")


def main(argv: list[str]) -> int:
    names = argv or list(QUICK)
    unknown = [name for name in names if name not in ALL]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(ALL)}")
        return 2
    missed = []
    for name in names:
        print(f"\n== benchmarks.{name} ==", flush=True)
        module = importlib.import_module(f"benchmarks.{name}")
        sys.argv = [f"benchmarks.{name}"]
        try:
            module.main()
        except SystemExit as verdict:  # a benchmark says whether its bar was met
            if verdict.code not in (0, None):
                missed.append(name)
    if missed:
        print(f"\nbars missed or runs failed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
