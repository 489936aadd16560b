"""The office's phone numbers as people dial them: one free-text setting ("045-511019, 081 234 5678
ต่อ 12") read as separate numbers, each with the tel: address a phone can call."""

import re
from dataclasses import dataclass

# Between numbers: a comma, semicolon, slash, new line, or the word "or" in Thai or English.
SEPARATORS = re.compile(r"\s*(?:[,;/\n]|\bor\b|หรือ)\s*", re.IGNORECASE)
# An extension ("ต่อ 12", "ext. 12") is dialled after a pause, which tel: writes as a comma.
EXTENSION = re.compile(r"\s*(?:ต่อ|ext\.?|x)\s*(\d+)\s*$", re.IGNORECASE)
MIN_DIGITS = 3  # short numbers like 1111 are numbers too; "ชั้น 2" is not


@dataclass(frozen=True)
class PhoneNumber:
    text: str  # as the office wrote it
    tel: str  # the tel: address, or "" when the text is not a number


def phone_numbers(text: str) -> list[PhoneNumber]:
    numbers = []
    for part in SEPARATORS.split(text or ""):
        part = part.strip()
        if not part:
            continue
        extension = EXTENSION.search(part)
        main = part[: extension.start()] if extension else part
        digits = re.sub(r"[^\d+]", "", main)
        dialable = len(re.sub(r"\D", "", digits)) >= MIN_DIGITS and not re.search(r"[^\d\s().+-]", main)
        tel = f"tel:{digits}{',' + extension.group(1) if extension else ''}" if dialable else ""
        numbers.append(PhoneNumber(text=part, tel=tel))
    return numbers
