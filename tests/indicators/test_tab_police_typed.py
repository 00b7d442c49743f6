"""A police.uk import from the window keeps typed figures and asks before replacing them (issues 13/14, window part)."""

from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.ui.indicators.menu import start_import
from tests.indicators.police_helpers import street_file, suffolk_row


def typed_babergh_burglary(store, value):
    svc.save_values(store, "indicator:burglary", "district:babergh", [PeriodValue("2025-01", value)])


def burglary(store):
    return store.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:burglary' AND "
                        "area_id = 'district:babergh' AND period = '2025-01'")


def import_two_burglaries(window, qtbot, prompts, tmp_path):
    path = street_file(tmp_path, "2025-01-suffolk-street.csv",
                       [suffolk_row(crime_id="a"), suffolk_row(crime_id="b")])
    start_import(window, [str(path)])
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=30000)
    assert not prompts.errors


def test_the_window_asks_before_replacing_a_typed_figure_and_keeps_it_when_told(demo_window, qtbot, prompts,
                                                                                  tmp_path):
    store = demo_window.session.store
    typed_babergh_burglary(store, 99)
    prompts.answers[:] = [False]  # "Keep typed figures"
    import_two_burglaries(demo_window, qtbot, prompts, tmp_path)
    title, text = prompts.questions[-1]
    assert title == "Typed figures kept"
    assert "Burglary, Babergh, Jan-25: typed 99, police.uk 2" in text
    assert burglary(store) == 99


def test_replacing_typed_figures_is_one_undoable_action(demo_window, qtbot, prompts, tmp_path):
    store = demo_window.session.store
    typed_babergh_burglary(store, 99)
    prompts.answers[:] = [True]  # "Replace with police.uk counts"
    import_two_burglaries(demo_window, qtbot, prompts, tmp_path)
    qtbot.waitUntil(lambda: burglary(store) == 2, timeout=10000)
    assert demo_window.undo_action.text() == "&Undo replace 1 typed figure with police.uk counts"
    demo_window.undo_action.trigger()
    assert burglary(store) == 99


def test_undoing_the_replacement_puts_the_typed_figures_back_exactly(demo_window, qtbot, prompts, tmp_path):
    """The undo wrote the typed value back through save_values: the row under a new id and, when the typed figure
    had a comment, whatever the replacement left of it."""
    store = demo_window.session.store
    svc.save_values(store, "indicator:burglary", "district:babergh",
                    [PeriodValue("2025-01", 99, comment="Two burglaries recorded late")])
    query = ("SELECT * FROM indicator_values WHERE indicator_id = 'indicator:burglary' "
             "AND area_id = 'district:babergh' AND period = '2025-01'")
    typed = tuple(store.one(query))
    prompts.answers[:] = [True]  # "Replace with police.uk counts"
    import_two_burglaries(demo_window, qtbot, prompts, tmp_path)
    qtbot.waitUntil(lambda: burglary(store) == 2, timeout=10000)
    replaced = tuple(store.one(query))
    demo_window.undo_action.trigger()
    assert tuple(store.one(query)) == typed
    demo_window.redo_action.trigger()
    assert tuple(store.one(query)) == replaced


def test_undo_does_not_go_back_past_an_import_that_changed_the_figures_outside_it(demo_window, qtbot, prompts,
                                                                                   tmp_path):
    """Undo of a step made before a police.uk import put back the figures as they were before the import: the
    imported months' figures were deleted although their counts were held (an indicator deleted, then the import,
    then Undo: 42 figures gone). An import is not a step of Edit > Undo, so the steps before it are closed."""
    from safer_desk.presenters.actions import Action

    store = demo_window.session.store
    from safer_desk.ui.kit.undo import push_action

    before = burglary(store)
    push_action(demo_window.session.undo_stack, Action(
        "type a figure", do=lambda: typed_babergh_burglary(store, 99), undo=lambda: None))
    assert demo_window.undo_action.isEnabled()
    prompts.answers[:] = [False]  # "Keep typed figures"
    import_two_burglaries(demo_window, qtbot, prompts, tmp_path)
    assert not demo_window.undo_action.isEnabled()
    assert "Edit > Undo" in prompts.infos[-1][1]
    assert burglary(store) == 99 and before != 99
