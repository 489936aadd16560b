"""The system check that tells an administrator the printouts will be slow on this machine."""

from django.core import checks

from printing.checks import check_font_subsetting, font_subsetting_messages


def test_a_machine_without_the_harfbuzz_subsetter_gets_a_warning_with_the_package_to_install():
    messages = font_subsetting_messages(None)
    assert [message.id for message in messages] == ["printing.W001"]
    assert messages[0].level == checks.WARNING
    assert "libharfbuzz-subset0" in messages[0].hint


def test_a_machine_with_the_subsetter_gets_no_warning():
    loaded_library = object()  # what WeasyPrint's ffi.harfbuzz_subset holds when it found one
    assert font_subsetting_messages(loaded_library) == []


def test_the_check_runs_with_djangos_checks():
    assert check_font_subsetting in checks.registry.registry.get_checks()
