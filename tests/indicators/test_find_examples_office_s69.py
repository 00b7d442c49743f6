"""Find on the Indicators tab of a Gwynedd office, given a name no area has, said "type part of a district's,
partnership's or county's name (Plymouth, Suffolk)": the example areas were Suffolk's papers', shown to every office.
They are now the office's own areas, as the filter and name examples of Office Details are."""

from datetime import date

from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import reference as ref


def test_find_s_examples_are_the_office_s_own_areas(store):
    ref.set_office_scope(store, districts=["Ynys Môn", "Gwynedd"], county="Gwynedd")
    found, why = IndicatorsPresenter(store, today=lambda: date(2026, 11, 28)).find_area("Llandudnoo")
    assert found is None
    assert why == ("No area's name contains “Llandudnoo”: type part of a district's, partnership's or county's name "
                   "(Gwynedd, Isle of Anglesey), or choose one from the Area list."), why


def test_a_file_naming_no_office_areas_keeps_the_general_examples(store):
    found, why = IndicatorsPresenter(store, today=lambda: date(2026, 11, 28)).find_area("Llandudnoo")
    assert found is None and "(Plymouth, Suffolk)" in why, why
