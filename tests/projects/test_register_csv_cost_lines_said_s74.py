"""s74: Export… of the register to CSV said "Saved 23 projects to register.csv." and nothing more, while the CSV held
the projects' table only: ELEV8's Yr1/Yr2 breakdown and the other cost lines (the workbook's Cost lines sheet) were
left out unsaid, and pasted back the register had none. The message now says which were left out and where they
are; a workbook export says nothing more."""

from __future__ import annotations

from safer_desk.services import projects as svc


def _exported(demo_window, prompts, target):
    page = demo_window.show_tab("projects").register
    prompts.file_names.append(str(target))
    page.export_register()
    assert target.is_file() and len(prompts.infos) == 1
    return prompts.infos[0][1]


def test_a_csv_export_says_the_cost_lines_it_leaves_out(demo_window, prompts, tmp_path):
    projects = svc.load_projects(demo_window.session.store)
    lines = sum(len(p.cost_lines) for p in projects)
    having = sum(1 for p in projects if p.cost_lines)
    assert lines > having > 1
    target = tmp_path / "register.csv"
    said = _exported(demo_window, prompts, target)
    assert said == (f"Saved {len(projects)} projects to {target}. A CSV file holds one table: the {lines} cost lines "
                    f"of {having} projects are not in it (an Excel workbook, .xlsx, has them on its Cost lines sheet).")


def test_a_workbook_export_says_nothing_more(demo_window, prompts, tmp_path):
    target = tmp_path / "register.xlsx"
    said = _exported(demo_window, prompts, target)
    assert said.endswith(f" to {target}.") and "cost lines" not in said


def test_the_words_for_projects_without_cost_lines():
    assert svc.left_out_of_one_table([], "register.csv") == ""
