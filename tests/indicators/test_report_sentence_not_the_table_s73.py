"""Session 73: the board report's sentence for an indicator says what its summary row does not, not the row again.

Plymouth's 2016/17 section opened "All crime: Apr-16 to Nov-16: 12,586 in total, an increase of 570 (4.7%) on the
same period last year (worse)." over a table whose row reads "All crime | Apr-16 to Nov-16 | 12,586 | 12,016 | +570 |
+4.7%", and Suffolk's 2025/26 section was fifteen sentences ("Bicycle theft: Apr-25 to Dec-25: 322 in total.") each
its row's period and total word for word. The sentence now gives what the row does not (the change in words and
whether it is better or worse, the target so far, a comment): "All crime: An increase of 570 (4.7%) on the same
period last year (worse)."; an indicator whose row says it all has none.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report


def _paragraphs(store, year, area):
    [section] = [s for s in build_report(store, year=year, area=area, today=date(2026, 12, 7)).sections
                 if s.title == f"Indicators: {area}"]
    return section


def test_the_sentence_says_the_change_in_words_not_the_total_again(demo_store):
    section = _paragraphs(demo_store, "2016/17", "Plymouth")
    said = section.paragraphs
    assert "All crime: An increase of 570 (4.7%) on the same period last year (worse)." in said, said
    assert ("Police recorded hate crime: An increase of 68 (31.1%) on the same period last year (better)."
            in said), said
    assert any(p.startswith("L2 Level Two “ist” incidents reported: Against target (375 by Oct-16): amber")
               for p in said), said
    row = next(r for r in section.tables[0].rows if r[1] == "All crime")
    assert row[2:6] == ["Apr-16 to Nov-16", "12,586", "12,016", "+570"]  # the figures the sentence left to the table
    assert not [p for p in said if "12,586" in p or "Apr-16 to Nov-16:" in p], said


def test_an_indicator_whose_row_says_it_all_has_no_sentence(demo_store):
    section = _paragraphs(demo_store, "2025/26", "Babergh")
    assert section.tables[0].rows, "the summary table is there"
    assert not [p for p in section.paragraphs if " in total." in p or p.startswith("All crime:")], section.paragraphs


def test_a_rolling_figure_says_what_it_counts_beside_its_row(demo_store):
    """MARAC cases are a rolling 12 months: the row reads "Q1 2010/11 | 174"; the sentence said "In the 12 months to
    Q1 2010/11." once the figure was left to the row, a fragment."""
    section = _paragraphs(demo_store, "2010/11", "Suffolk")
    assert "Cases supported through MARAC: The figure is for the 12 months to Q1 2010/11." in section.paragraphs, \
        section.paragraphs
