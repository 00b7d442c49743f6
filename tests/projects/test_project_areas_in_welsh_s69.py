"""A Cardiff and Swansea office's projects, their Areas covered typed as the region's bilingual papers name them
("Caerdydd", "Abertawe", "Ynys Mon" without its circumflex): each was said to be "not an area this file knows", and
the board report for Swansea counted Cardiff's project as its own (a project naming no known area is the office's
own), since only the English name was read. A Welsh name is its principal area's, as Office Details and Find read it."""

from safer_desk.services import projects as service
from safer_desk.services.projects import Project
from safer_desk.services import reference as ref
from safer_desk.services.report import report_areas
from safer_desk.services.report_sections.projects import projects_in_areas


def test_welsh_names_of_areas_covered_are_the_districts_they_name(store):
    ref.set_office_scope(store, districts=["Cardiff", "Swansea", "Isle of Anglesey"])
    ids = service.add_projects(store, [Project(id="p1", title="Cardiff night safety", areas=("Caerdydd",)),
                                       Project(id="p2", title="Swansea bay outreach", areas=("Abertawe",)),
                                       Project(id="p3", title="Anglesey refuge", areas=("Ynys Mon",))])
    projects = [service.get_project(store, i) for i in ids]
    known = service.known_area_names(store)
    assert [service.areas_not_known(p, known) for p in projects] == [[], [], []]
    swansea = projects_in_areas(store, projects, report_areas(store, "Swansea"))
    assert [p.title for p in swansea] == ["Swansea bay outreach"]
    anglesey = projects_in_areas(store, projects, report_areas(store, "Isle of Anglesey"))
    assert [p.title for p in anglesey] == ["Anglesey refuge"]
