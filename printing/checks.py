"""System checks for what the printouts need from the machine."""

from django.core import checks

SUBSETTER_HINT = (
    "Install HarfBuzz's subsetter (Debian/Ubuntu: libharfbuzz-subset0; scripts/setup.sh does it when "
    "it may). Without it WeasyPrint subsets the embedded fonts with fontTools, which makes every PDF "
    "about ten times slower, and WeasyPrint's next releases require it."
)


def font_subsetting_messages(harfbuzz_subset) -> list[checks.CheckMessage]:
    """A warning when WeasyPrint found no HarfBuzz subsetter (`harfbuzz_subset` is what it loaded)."""
    if harfbuzz_subset is not None:
        return []
    return [
        checks.Warning(
            "WeasyPrint found no HarfBuzz subsetter (libharfbuzz-subset): printouts are slow.",
            hint=SUBSETTER_HINT,
            id="printing.W001",
        )
    ]


def check_font_subsetting(app_configs=None, **kwargs):
    from weasyprint.text import ffi  # deferred like printing.rendering's WeasyPrint

    return font_subsetting_messages(ffi.harfbuzz_subset)
