"""Where a sentence's leading dateline ends: a wire dateline or a paper's publication stamp
gives when the report was filed, not when its events happened."""

from __future__ import annotations

import re

# A wire dateline opening the sentence: "NEW DELHI, Feb 20 —", "YEREVAN, Feb 12 (Ledger) —";
# or an online paper's publication stamp left at the head of the lead by cleaning ("Saturday
# 15 January 2005 16.18 GMT"). Its date is when the report was filed, not when the event
# happened.
_WIRE = (
    r"[A-ZÀ-Ý][A-ZÀ-Ý .'’-]+,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*"
    r"(?:\([^)\n]{1,60}\)\s*)?[—–-]{1,2}\s"
)
_STAMP = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]{2,8} \d{4} "
    r"\d{1,2}[.:]\d{2} [A-Z]{3,4}\s"
)
_DATELINE = re.compile(rf"\s*(?:{_WIRE}|{_STAMP})")


def dateline_end(sentence: str, offset: int) -> int:
    """Where a leading dateline ends (clean-text offset), or ``offset`` when there is none:
    a date in the dateline dates the event only when the sentence gives no other."""
    m = _DATELINE.match(sentence)
    return offset + m.end() if m else offset


# A report's opening dateline with no date: the wire's capitals and a dash or the outlet
# ("BAGHDAD -", "CAIRO, Egypt (CNN) --"), or a place in lower case or capitals and a colon, as
# South Asian papers file ("ahmedabad: the police ...", "NEW DELHI: ..."); a capitalised
# word before a colon is a rubric or a speaker ("Analysis:", "Blair said:"), not a place.
_FILED = re.compile(
    r"\s*(?:[A-Z][A-Z .'’-]+(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)*)?"
    r"(?: \([^)\n]{1,40}\))? ?(?:--|—|–|-) "
    r"|(?:[a-z][a-z.'’-]*(?:[ /-][a-z][a-z.'’-]*){0,3}"
    r"|[A-Z][A-Z.'’-]+(?:[ /-][A-Z][A-Z.'’-]+){0,3})"
    r"(?: \([a-z ]{1,30}\))? ?:(?!\d)"
    rf"|{_WIRE})"
)


def opens_with_dateline(text: str) -> bool:
    """Does the article open with a dateline, dated or not: filed as a report from a place?"""
    return _FILED.match(text[:80]) is not None
