"""The flow diagram in a real browser, on a phone (375 px) and a desktop (1280 px): every arrow
points at the next stage, never into empty space at the end of a row."""

import pytest

from tests.service_requests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

STAGES = [f"ขั้นตอนที่ {number}" for number in range(1, 8)]  # seven: three rows on a desktop

# Each stage's box, and the direction its arrow points (read from the arrow's SVG path).
MEASURE = """() => [...document.querySelectorAll('.flow__stage')].map(stage => {
    const box = stage.getBoundingClientRect();
    const arrow = getComputedStyle(stage, '::after');
    const image = arrow.backgroundImage;
    const direction = arrow.content === 'none' || image === 'none' ? null
        : image.includes("M2 10h12") ? 'right' : image.includes("M22 10H10") ? 'left'
        : image.includes("M10 2h4") ? 'down' : 'unknown';
    return {left: box.left, right: box.right, top: box.top, bottom: box.bottom, direction};
})"""


def direction_to(stage, following):
    """Where the following stage lies, seen from this one."""
    if following["top"] >= stage["bottom"]:
        overlaps = following["left"] < stage["right"] and following["right"] > stage["left"]
        return "down" if overlaps else "elsewhere"
    return "right" if following["left"] >= stage["right"] else "left"


@pytest.fixture
def flow_page(page_tree):
    page = page_tree.service_pages["id-card"]
    page.body = [("flow_diagram", {"heading": "แผนผังขั้นตอน", "stages": STAGES})]
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("width", [375, 1280])
def test_every_arrow_points_at_the_next_stage(live_server, flow_page, width):
    url = live_server.url + flow_page.url
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url)
        stages = page.evaluate(MEASURE)
    assert len(stages) == len(STAGES)
    assert stages[-1]["direction"] is None
    for stage, following in zip(stages, stages[1:], strict=False):
        assert stage["direction"] == direction_to(stage, following)
    rows = len({round(stage["top"]) for stage in stages})
    assert rows == (len(STAGES) if width == 375 else 3)
