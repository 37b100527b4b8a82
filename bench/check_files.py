"""How ``innovationslek check`` scales with many problems in one deck file: every card id
used twice, or an emoji in every card title. Each size is measured against a clean deck
of the same size, interleaved in the same run; linear checking keeps the ratio flat as
the deck grows. Nothing here passes or fails.

    python bench/check_files.py            # 1,000 / 4,000 / 8,000 cards, 3 runs each
    python bench/check_files.py --quick    # one run each
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from kiosk.core.checking import check_paths  # noqa: E402
from run import generated_deck  # noqa: E402


def variants(cards: int) -> dict[str, str]:
    clean = generated_deck(cards)
    half = cards // 2
    duplicated = clean
    for i in range(half):  # card-(half+i) becomes card-i: every id of the first half used twice
        duplicated = duplicated.replace(f'id = "card-{half + i}"\n', f'id = "card-{i}"\n', 1)
    emoji = clean.replace('title = "Kort ', 'title = "\U0001f680 Kort ')
    return {"clean": clean, "duplicates": duplicated, "emoji": emoji}


def timed(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    problems = check_paths([str(path)])
    return (time.perf_counter() - start) * 1000, len(problems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeats = 1 if args.quick else 3
    print(f"{'cards':>6}  {'kind':<10}  {'problems':>8}  {'median ms':>10}  {'clean ms':>9}  ratio")
    with tempfile.TemporaryDirectory() as tmp:
        for cards in (1000, 4000, 8000):
            files = {}
            for kind, text in variants(cards).items():
                files[kind] = Path(tmp) / f"{kind}-{cards}.sv.toml"
                files[kind].write_text(text, encoding="utf-8")
            times: dict[str, list[float]] = {kind: [] for kind in files}
            counts = {}
            for _ in range(repeats):
                for kind, path in files.items():  # interleaved: the machine's load hits all alike
                    ms, counts[kind] = timed(path)
                    times[kind].append(ms)
            clean = statistics.median(times["clean"])
            for kind in ("duplicates", "emoji"):
                median = statistics.median(times[kind])
                print(
                    f"{cards:>6}  {kind:<10}  {counts[kind]:>8}  {median:>10.0f}  {clean:>9.0f}  {median / clean:.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
