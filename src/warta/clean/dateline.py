"""Datelines at the start of the first body paragraph: "JAKARTA, KOMPAS.com - ...".

The regexes live in ``lang/<code>/credits.toml`` (key ``dateline``) with named groups ``place``
and/or ``outlet``; the matched prefix is cut from the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from .credits import clean_name, normalise_outlet
from .rules import Rules


@dataclass(frozen=True)
class Dateline:
    """A dateline cut from the start of a paragraph."""

    prefix: str  # the text cut, as it was
    rest: str  # the paragraph without it
    place: str | None
    outlet: str | None  # normalised


def split_dateline(line: str, rules: Rules) -> Dateline | None:
    """The dateline at the start of ``line``, or None when it does not start with one."""
    for pattern in rules.datelines:
        m = pattern.match(line)
        if m is None:
            continue
        groups = m.groupdict()
        place = clean_name(groups["place"]) if groups.get("place") else None
        if place and place.isupper():  # "SUKAMAJU" / "CIBEREUM HILIR" -> "Cibereum Hilir"
            place = place.title()
        outlet = normalise_outlet(groups["outlet"]) if groups.get("outlet") else None
        if not place and not outlet:
            continue
        return Dateline(m.group().strip(), line[m.end() :].strip(), place or None, outlet or None)
    return None
