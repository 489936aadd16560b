"""Typed text folded into plain-text e-mails: one line where one is expected, quoted otherwise."""

import pytest

from service_requests.mail_text import one_line, quoted


@pytest.mark.parametrize(
    ("typed", "line"),
    [
        ("นางสาววิลัยวรรณ  สุภชาติ", "นางสาววิลัยวรรณ สุภชาติ"),
        ("วิลัยวรรณ\r\nSubject: x", "วิลัยวรรณ Subject: x"),
        ("a\u2028b\u0085c\x0bd\x0ce", "a b c d e"),
        ("ศักดิ์ชัย\x00\x1b[31m", "ศักดิ์ชัย [31m"),
        ("\tณัฐธิดา\n", "ณัฐธิดา"),
    ],
)
def test_one_line_leaves_no_line_break_or_control_character(typed, line):
    assert one_line(typed) == line


@pytest.mark.parametrize(
    "separator", ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"]
)
def test_every_kind_of_line_break_starts_a_quoted_line(separator):
    assert quoted(f"กรุณาแก้ไข{separator}Subject: x") == "> กรุณาแก้ไข\n> Subject: x"


def test_blank_lines_stay_inside_the_quote_and_edges_are_trimmed():
    assert quoted("\nบรรทัดแรก\n\n  บรรทัดที่สอง  \n") == "> บรรทัดแรก\n>\n>   บรรทัดที่สอง"


def test_an_empty_message_is_one_empty_quoted_line():
    assert quoted("") == ">"
