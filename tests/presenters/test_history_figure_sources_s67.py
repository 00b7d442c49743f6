"""Session 67: where an indicator figure came from was said in the History as the file stores it. Importing a sheet
over the example's Plymouth figures read "Changed the source of indicator figure of Plymouth, All crime, Apr 2016 from
seed 003 to file:figs.csv", and typing over one "… from seed 003 to typed"; the Indicators tab, and the command line's
own list of what an import replaced, say "Board paper (seed 003)" and "Imported from figs.csv". The History now says
the source in those words."""

from __future__ import annotations

from safer_desk.presenters.history import history_lines
from safer_desk.services import indicators as svc


def figure_ids(store) -> tuple[str, str]:
    indicator = store.scalar("SELECT id FROM indicators WHERE name = 'All crime'")
    area = store.scalar("SELECT area_id FROM indicator_values WHERE indicator_id = ? AND period = '2016-04' "
                        "AND source = 'seed 003'", (indicator,))
    return indicator, area


def test_a_figure_s_source_is_said_as_the_indicators_tab_says_it(demo_store):
    indicator, area = figure_ids(demo_store)
    svc.save_values(demo_store, indicator, area, [svc.PeriodValue("2016-04", 1500.0)], source="file:figs.csv",
                    require_red_comments=False)
    details = history_lines(demo_store)[0].details
    assert ("Changed the source of indicator figure of Plymouth, All crime, Apr 2016 from board paper (seed 003) to "
            "imported from figs.csv") in details, details
    svc.save_values(demo_store, indicator, area, [svc.PeriodValue("2016-04", 1510.0)], require_red_comments=False)
    line = history_lines(demo_store)[0]
    assert ("Changed the source of indicator figure of Plymouth, All crime, Apr 2016 from imported from figs.csv to "
            "typed") in line.details, line.details
    assert "file:" not in line.search_text and "seed 003 to" not in line.search_text


def test_a_figure_added_says_its_source_in_words(demo_store):
    indicator, area = figure_ids(demo_store)
    svc.save_values(demo_store, indicator, area, [svc.PeriodValue("2030-04", 12.0)], source="file:figs.csv",
                    require_red_comments=False)
    detail = history_lines(demo_store)[0].details[0]
    assert detail.startswith("Added indicator figure of Plymouth, All crime, Apr 2030") and detail.endswith(
        "source imported from figs.csv"), detail
