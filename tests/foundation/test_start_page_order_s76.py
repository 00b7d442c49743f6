"""The start page's steps in the guide's order. docs/user-guide.md, "Your first day": look around the example, then
**say whose file it is, before anything else** (Set Your Districts and Partnerships…), then put your work in (police
data, the first project). Walked on a new file under Xvfb, the page listed Set Your Districts… last, under Import
Police Data… and Add the First Project, so a new officer going down it imported first and named the office last."""

from safer_desk.presenters.start import Step, start_page


def test_a_district_office_new_file_says_whose_file_it_is_before_the_work(store):
    assert start_page(store).steps == (Step.EXAMPLE, Step.PLACES, Step.POLICE, Step.PROJECT)


def test_the_window_lists_the_steps_top_down_in_that_order(window, store):
    window.set_store(store)
    window.show()
    banner = window.start_banner
    rows = {step: banner.grid.getItemPosition(banner.grid.indexOf(button))[0] for step, button in
            banner.buttons.items()}
    assert sorted(rows, key=rows.get) == [Step.EXAMPLE, Step.PLACES, Step.POLICE, Step.PROJECT]
    # Tab goes down the page in the same order, from the example to the first project.
    steps = {button: step for step, button in banner.buttons.items()}
    order, widget = [Step.EXAMPLE], banner.button(Step.EXAMPLE).nextInFocusChain()
    while len(order) < 4 and widget is not banner.button(Step.EXAMPLE):
        if widget in steps:
            order.append(steps[widget])
        widget = widget.nextInFocusChain()
    assert order == [Step.EXAMPLE, Step.PLACES, Step.POLICE, Step.PROJECT]
