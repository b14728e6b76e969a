"""Every benchmark, one command: ``python -m benchmarks`` (``make bench``)."""

from __future__ import annotations

from benchmarks import pii, scan


def main() -> None:
    print("== dignity scan: throughput and peak memory ==")
    scan.print_table(scan.run(10_000))
    print("\n== private information: dignity.pii.v1 vs Presidio ==")
    pii.main()


if __name__ == "__main__":
    main()
