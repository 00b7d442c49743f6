"""Deleting a catalogue item that spend is keyed to (round 59): Del on Door chain asked "Delete Door chain from the
catalogue?", and only after Delete was pressed said it is on 7 spend lines and cannot be removed. A question whose
answer cannot be carried out is not asked: the refusal is said at once, and nothing changes."""

from __future__ import annotations

from safer_desk.services import funds


def _catalogue_page(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.select_table("Catalogue")
    return page


def test_an_item_spend_is_keyed_to_is_refused_without_a_question(demo_window, qtbot, prompts):
    page = _catalogue_page(demo_window, qtbot)
    assert page.items.select_where(lambda r: r["name"] == "Door chain")
    prompts.answers.append(True)  # were it asked, Delete would be pressed
    page.delete_item()
    assert prompts.questions == []
    assert prompts.errors == [("Delete catalogue item",
                               "Door chain is on 7 spend lines and cannot be removed from the catalogue.")]
    assert "Door chain" in [i["name"] for i in funds.list_items(demo_window.session.store)]


def test_an_item_with_no_spend_is_asked_about_and_deleted(demo_window, qtbot, prompts):
    page = _catalogue_page(demo_window, qtbot)
    funds.save_item(demo_window.session.store, "Window film", usual_price="£30")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and any(i["name"] == "Window film" for i in page.data.items),
                    timeout=10000)
    assert page.items.select_where(lambda r: r["name"] == "Window film")
    prompts.answers.append(True)
    page.delete_item()
    assert prompts.questions == [("Delete catalogue item", "Delete Window film from the catalogue?")]
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert "Window film" not in [i["name"] for i in funds.list_items(demo_window.session.store)]
