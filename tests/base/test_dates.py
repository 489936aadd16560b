"""Dates the Thai way (Buddhist Era, Thai month abbreviations, Bangkok time) and plainly in English."""

import datetime

from django.template import Context, Template
from django.utils import translation

import pytest

from base.dates import format_date, format_datetime, format_datetime_range

# 04:10 UTC is 11:10 in Bangkok, the moment of the SPEC's reference code 1120250331111014.
SUBMITTED_AT = datetime.datetime(2025, 3, 31, 4, 10, tzinfo=datetime.UTC)


def render(template_code, language, **context):
    with translation.override(language):
        return Template("{% load dates %}" + template_code).render(Context(context))


def test_a_datetime_in_thai_has_the_buddhist_year_and_bangkok_time():
    assert render("{{ value|display_datetime }}", "th", value=SUBMITTED_AT) == "31 มี.ค. 2568, 11:10 น."


def test_a_datetime_in_english_has_the_common_era_year_and_bangkok_time():
    assert render("{{ value|display_datetime }}", "en", value=SUBMITTED_AT) == "31 Mar 2025, 11:10"


def test_a_date_in_thai():
    assert render("{{ value|display_date }}", "th", value=datetime.date(2025, 3, 31)) == "31 มี.ค. 2568"


def test_a_date_in_english():
    assert render("{{ value|display_date }}", "en", value=datetime.date(2025, 3, 31)) == "31 Mar 2025"


def test_the_date_of_a_datetime_is_the_bangkok_date():
    late_evening_utc = datetime.datetime(2025, 12, 31, 18, 30, tzinfo=datetime.UTC)
    assert render("{{ value|display_date }}", "th", value=late_evening_utc) == "1 ม.ค. 2569"


def test_a_date_given_to_display_datetime_shows_without_a_time():
    assert render("{{ value|display_datetime }}", "th", value=datetime.date(2025, 3, 31)) == "31 มี.ค. 2568"


@pytest.mark.parametrize("template_code", ["{{ value|display_date }}", "{{ value|display_datetime }}"])
@pytest.mark.parametrize("language", ["th", "en"])
def test_no_date_shows_nothing(template_code, language):
    assert render(template_code, language, value=None) == ""


def test_an_explicit_language_wins_over_the_active_one():
    with translation.override("th"):
        assert format_datetime(SUBMITTED_AT, "en") == "31 Mar 2025, 11:10"
        assert format_date(datetime.date(2025, 3, 31), "en") == "31 Mar 2025"
    with translation.override("en"):
        assert format_datetime(SUBMITTED_AT, "th") == "31 มี.ค. 2568, 11:10 น."


@pytest.mark.parametrize(
    ("month", "abbreviation"),
    [(1, "ม.ค."), (2, "ก.พ."), (4, "เม.ย."), (6, "มิ.ย."), (9, "ก.ย."), (12, "ธ.ค.")],
)
def test_thai_month_abbreviations(month, abbreviation):
    assert format_date(datetime.date(2025, month, 15), "th") == f"15 {abbreviation} 2568"


def test_a_range_on_one_day_gives_the_day_once():
    ends = SUBMITTED_AT + datetime.timedelta(hours=2)
    assert format_datetime_range(SUBMITTED_AT, ends, "th") == "31 มี.ค. 2568, 11:10–13:10 น."
    assert format_datetime_range(SUBMITTED_AT, ends, "en") == "31 Mar 2025, 11:10–13:10"


def test_a_range_across_days_gives_both_in_full():
    ends = SUBMITTED_AT + datetime.timedelta(days=1)
    assert (
        format_datetime_range(SUBMITTED_AT, ends, "th") == "31 มี.ค. 2568, 11:10 น. – 1 เม.ย. 2568, 11:10 น."
    )
