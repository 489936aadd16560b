"""A grouped bar chart (one group per month, one bar per service) as plain geometry for an inline
SVG template: drawn on the server, no JavaScript or charting library."""

import math
from dataclasses import dataclass

# Okabe–Ito colours: told apart by people with the common colour-vision deficiencies.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442")

PLOT_LEFT, PLOT_TOP, PLOT_HEIGHT = 48, 16, 220
BAR_WIDTH, BAR_GAP, GROUP_GAP = 14, 2, 24
LEGEND_ROW = 22
MIN_WIDTH = 360


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    colour: str
    title: str  # read by screen readers and shown on hover


def tick_step(maximum: int) -> int:
    """A round step giving at most five grid lines above zero."""
    if maximum <= 5:
        return 1
    raw = maximum / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= raw)


def grouped_bar_chart(group_labels, series_labels, values):
    """values[g][s] is the value of series s in group g; returns what the SVG template draws."""
    series_count = max(1, len(series_labels))
    group_width = series_count * (BAR_WIDTH + BAR_GAP) - BAR_GAP
    plot_width = max(MIN_WIDTH - PLOT_LEFT - 8, len(group_labels) * (group_width + GROUP_GAP) + GROUP_GAP)
    maximum = max((value for row in values for value in row), default=0)
    step = tick_step(maximum)
    top = max(step, math.ceil(maximum / step) * step)
    scale = PLOT_HEIGHT / top
    baseline = PLOT_TOP + PLOT_HEIGHT

    bars, x_labels = [], []
    for group_index, (group_label, row) in enumerate(zip(group_labels, values, strict=True)):
        group_x = PLOT_LEFT + GROUP_GAP + group_index * (group_width + GROUP_GAP)
        x_labels.append({"x": group_x + group_width // 2, "text": group_label})
        for series_index, value in enumerate(row):
            height = round(value * scale)
            bars.append(
                Bar(
                    x=group_x + series_index * (BAR_WIDTH + BAR_GAP),
                    y=baseline - height,
                    width=BAR_WIDTH,
                    height=height,
                    colour=SERIES_COLOURS[series_index % len(SERIES_COLOURS)],
                    title=f"{group_label}, {series_labels[series_index]}: {value}",
                )
            )
    y_ticks = [{"y": baseline - round(value * scale), "value": value} for value in range(0, top + 1, step)]
    legend_top = baseline + 40
    legend = [
        {
            "y": legend_top + index * LEGEND_ROW,
            "colour": SERIES_COLOURS[index % len(SERIES_COLOURS)],
            "label": label,
        }
        for index, label in enumerate(series_labels)
    ]
    return {
        "width": PLOT_LEFT + plot_width + 8,
        "height": legend_top + len(series_labels) * LEGEND_ROW,
        "plot_left": PLOT_LEFT,
        "plot_right": PLOT_LEFT + plot_width,
        "baseline": baseline,
        "label_y": baseline + 20,
        "legend_x": PLOT_LEFT,
        "bars": bars,
        "x_labels": x_labels,
        "y_ticks": y_ticks,
        "legend": legend,
    }
