"""S76 (funds): a county file's pilot, merged from an office that gave July 2018's one victim together with August
(the merged row dated at the stretch's last month, Aug-18, as `safer-desk merge` put it), said under the Per month
table "* Aug-18 also holds spend of Jul-18 to Aug-18": August holding August's spend "also", as though it held two
other months. A row dated at the last month of its stretch now names the months before it only ("Aug-18 also holds
spend of Jul-18"), as one dated at the first names those after it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
JUL, AUG, SEP = Month(2018, 7), Month(2018, 8), Month(2018, 9)


def _figures(store, merged):
    f = funds.fund_figures(store, funds.fund_by_name(store, PILOT).id, today=date(2018, 11, 20))
    return replace(f, merged=merged)


def test_a_row_dated_at_the_last_month_of_its_stretch_names_the_months_before_it(demo_store):
    f = _figures(demo_store, {AUG: (JUL, AUG)})
    assert f.merged_words(AUG).startswith("Aug-18 also holds spend of Jul-18, merged"), f.merged_words(AUG)
    f = _figures(demo_store, {SEP: (JUL, SEP)})
    assert f.merged_words(SEP).startswith("Sep-18 also holds spend of Jul-18 to Aug-18, merged")


def test_a_row_dated_at_the_first_month_still_names_those_after_it(demo_store):
    f = _figures(demo_store, {JUL: (JUL, AUG)})
    assert f.merged_words(JUL).startswith("Jul-18 also holds spend of Aug-18, merged")
    f = _figures(demo_store, {JUL: (JUL, SEP)})
    assert f.merged_words(JUL).startswith("Jul-18 also holds spend of Aug-18 to Sep-18, merged")
