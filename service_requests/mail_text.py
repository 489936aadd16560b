"""What people typed (names, officers' messages, reasons), folded into plain-text e-mails so that
it stays what it is: one line where the mail expects one, and a quoted block that none of its
lines can leave, so a line "Subject: ..." in a message reads as part of the message."""

import unicodedata

QUOTE_PREFIX = "> "


def _without_controls(text: str) -> str:
    """Control characters (NUL, ESC, DEL, the C1 set...) become spaces; a tab is one too."""
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)


def one_line(value) -> str:
    """The text on one line: line breaks, runs of whitespace and control characters are a space."""
    return " ".join(_without_controls(str(value)).split())


def quoted(value) -> str:
    """Every line of the text behind "> " (blank lines too), trailing spaces trimmed, control
    characters gone; splitlines() also breaks on \\r, \\v, \\f, \\x85 and the Unicode separators,
    so no kind of line break starts an unquoted line."""
    lines = str(value).strip("\r\n").splitlines() or [""]
    return "\n".join((QUOTE_PREFIX + _without_controls(line)).rstrip() for line in lines)
