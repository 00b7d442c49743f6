"""The Commissioning page on a 1366x768 screen: the projects' titles were cut at 320 pixels ("Suffolkwide Family
Intervention Project (ASB & PP…", "Projects to support the County Criminal Damage …") while the Committed column
beside them stood some 350 pixels wider than its figures. A title now takes the room the window has spare, up to
its whole; on a narrow window it still gives up width first (session 68)."""

from tests.window_sizes import columns_out_of_view, resize_window

LONG = "Suffolkwide Family Intervention Project (ASB & PPO Deter)"


def test_titles_are_whole_where_the_window_has_room(demo_window, qtbot):
    page = demo_window.show_tab("projects").show_commissioning()
    resize_window(demo_window, (1366, 768))
    needed = page.view.fontMetrics().horizontalAdvance(LONG) + 16
    assert page.view.columnWidth(page.TITLE) >= needed
    assert columns_out_of_view(page.view, ["Fund?", "Ref", "Project / initiative", "Cost", "Scale", "Committed"]) == []
    resize_window(demo_window, (1093, 582))  # a laptop at 125%: the title gives up width, the figures stay in view
    assert page.view.columnWidth(page.TITLE) < needed
    assert columns_out_of_view(page.view, ["Fund?", "Ref", "Project / initiative", "Cost", "Scale"]) == []
