"""Session 70: the web page of the board report, printed from a browser, could leave a table's title alone at the foot
of a page and a table's Total row alone at the top of the next, away from the figures it adds up: nothing in its
print rules asked otherwise, while the PDF keeps both with their table (sessions 67-68). The rules now ask the
browser to keep a heading with what follows it and a Total row with the row before it."""

from __future__ import annotations

import re

from safer_desk.exchange.report_html import CSS


def _rules() -> dict[str, str]:
    """Each selector list of the page's style sheet and its declarations (the last rule of a selector wins)."""
    css = re.sub(r"@media[^{]*\{(.*)\}\s*$", r"\1", re.sub(r"\s+", " ", CSS))
    return {sel.strip(): body for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)}


def _declared(selector: str, prop: str) -> str:
    found = [body for sel, body in _rules().items() if selector in [s.strip() for s in sel.split(",")]]
    values = [m for body in found for m in re.findall(rf"(?:^|;)\s*{re.escape(prop)}\s*:\s*([^;]+)", body)]
    return values[-1].strip() if values else ""


def test_a_table_title_and_a_section_heading_stay_with_what_follows():
    for heading in ("h2", "h3"):
        assert _declared(heading, "break-after") == "avoid"
        assert _declared(heading, "page-break-after") == "avoid"  # the older name, for older browsers


def test_a_total_row_stays_with_the_row_before_it():
    assert _declared("tr.total", "break-before") == "avoid"
    assert _declared("tr.total", "page-break-before") == "avoid"

