"""The Redistribute page on a laptop (1093x582): every partnership's name read whole beside its share."""


def test_the_names_sharing_back_the_retained_money_are_read_whole(qtbot, demo_window):
    """Found by a coordinator: the page listed "Suffolk Coast…" beside its £8,097 while the Share column took
    most of the table's width: the page never sized its columns to the names, as the other pages do."""
    demo_window.resize(1093, 582)
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    qtbot.waitExposed(demo_window)
    tab.pages.setCurrentIndex(tab.pages.indexOf(tab.redistribute_view.parentWidget()))
    view, model = tab.redistribute_view, tab.redistribute_model
    assert [r[0] for r in model.rows][3] == "Suffolk Coastal CSP"
    metrics = view.fontMetrics()
    for r in range(model.rowCount()):
        name = model.index(r, 0).data()
        assert view.columnWidth(0) >= metrics.horizontalAdvance(name) + 12, name
