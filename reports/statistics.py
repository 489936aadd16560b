"""Summary figures of times to completion.

- Median: the middle value of the sorted times; for an even count, the mean of the two middle
  values (so it may end in .5).
- 90th percentile: nearest rank: the value at rank ⌈0.9 × n⌉ of the n times sorted ascending
  (1-based), always one of the observed times: of 10 times the 9th smallest, of 5 the largest.
"""

import math
import statistics
from collections.abc import Sequence


def median(values: Sequence[int]) -> float | None:
    return statistics.median(values) if values else None


def nearest_rank_percentile(values: Sequence[int], percent: int) -> int | None:
    if not values:
        return None
    rank = max(1, math.ceil(percent / 100 * len(values)))
    return sorted(values)[rank - 1]
