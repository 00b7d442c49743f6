"""Office Details' district filter takes a name as the command line does (session 69): "Rhondda Cynon Taff" (the
last letter doubled, as often typed) and "The Vale of Glamorgan" (a leading "The") matched nothing, though
``safer-desk office --district`` finds the second and suggests "Rhondda Cynon Taf" for the first."""

from datetime import date

from safer_desk.presenters.office import OfficePresenter

TODAY = lambda: date(2026, 11, 28)  # noqa: E731


def names(rows):
    return [r.name for r in rows]


def test_a_leading_the_is_read_as_the_ons_name_without_it(store):
    picker = OfficePresenter(store, today=TODAY).district_picker()
    picker.set_filter("The Vale of Glamorgan")
    assert names(picker.rows()) == ["Vale of Glamorgan"]
    assert picker.filter_note().startswith('1 of ')
    picker.set_filter("the vale")
    assert names(picker.rows()) == ["Vale of Glamorgan", "Vale of White Horse"]


def test_a_whole_name_typed_a_letter_wrong_shows_the_name_meant_and_says_so(store):
    picker = OfficePresenter(store, today=TODAY).district_picker()
    picker.set_filter("Rhondda Cynon Taff")
    assert names(picker.rows()) == ["Rhondda Cynon Taf"]
    assert picker.filter_note() == ('No district\'s name contains "Rhondda Cynon Taff": showing the nearest, '
                                    'Rhondda Cynon Taf. Press Esc to clear the filter.')
    picker.set_filter("Ipswitch")
    assert names(picker.rows()) == ["Ipswich"]
    picker.set_filter("narnia")  # nothing near: nothing shown, as before
    assert picker.rows() == [] and "No district's name contains \"narnia\"" in picker.filter_note()
    picker.set_filter("Waveney")  # merged into East Suffolk: said so, never Waverley (Surrey), the nearest name
    assert picker.rows() == [] and picker.filter_note().startswith("Waveney is part of East Suffolk now")
    picker.set_filter("suff")  # a part of names still finds those that hold it, not the nearest whole name
    assert names(picker.rows()) == ["East Suffolk", "Mid Suffolk", "West Suffolk"]
