"""The Projects register and its editor, without Qt: selection, the edited project, paste, export.

Nothing is written until the person saves: "Add project" opens an empty editor for a
project that exists only here; Save adds it (one undoable Action), Discard forgets it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence

from safer_desk.domain.checks import Slip, date_slip
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import MoneyError, amounts_shown, format_money, parse_pence, searched_amount
from safer_desk.domain.periods import FinancialYear, PeriodError, format_uk_date, parse_uk_date
from safer_desk.domain.projects import (CRITERIA, CRITERIA_KEYS, SYMBOLS, CriterionValue, ProjectError, ProjectStatus,
                                        read_line_amount, ref_key, year_totals_words)
from safer_desk.domain.text import LazyPattern, as_typed, counted, found_as_typed, in_words, shortened, typed_name_key
from safer_desk.presenters.actions import Action, change_text, run_now, snapshot_action
from safer_desk.presenters.events import Event
from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter, correct_marked
from safer_desk.presenters.screens import ScreenPresenter
from safer_desk.services import projects as service
from safer_desk.services.provenance import (NOT_A_COUNTY_FILE, PROJECTS, RowOrigins, merged_into, row_origins,
                                            titles_said)
from safer_desk.services.projects import (ChangedInFile, FieldProblems, NoLongerInFile, PasteReading, Project,
                                         project_name)

T, LONG, MONEY, DATE = FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.MONEY, FieldKind.DATE
FUNDING_ROUTES = ("PRG &/or SSPB", "SSPB", "PRG", "OPCC")
CRITERION_LABELS = {"laa_outcome": "LAA2 outcome", "csp_priority": "CSP priority", "cross_cutting": "Cross cutting",
                    "additional": "Additional", "innovative": "Innovative"}


AREAS_EXAMPLE = "Countywide, or areas separated by ;"  # an office that names no areas yet
QUALIFIER_EXAMPLE = "qualifier, e.g. (in some areas)"  # an office of one area, or naming none yet
STEP_SHOWN_MOST = 80  # characters of a step Edit > Undo shows whole (ui.main_window.UNDO_TEXT_MOST)
STEP_NAME_LEAST = 24  # a project named in a step no shorter than this, its title cut at a word


def project_editor_fields() -> list[Field]:
    """The editor's fields in the order shown; labels carry their Alt letters (unique on the page)."""
    fields = [
        Field("title", "&Title", required=True),
        Field("ref", "Ref"),
        Field("status", "Stat&us", FieldKind.CHOICE, choices=tuple(ProjectStatus.choices())),
        Field("status_date", "since", DATE, placeholder="today if blank"),
        Field("funding_route", "Fundin&g route", FieldKind.EDITABLE_CHOICE,
              choices=tuple((r, r) for r in FUNDING_ROUTES)),
        Field("cost", "C&ost", FieldKind.COST, placeholder="£30,000 · £54,372 - £62,372 · Minimum £50,000"),
        Field("cost_note", "Cost note"),
        Field("capital", "Capital", MONEY),
        Field("revenue", "Revenue", MONEY),
        Field("start_date", "Start &date", DATE),
        Field("end_date", "End date", DATE),
    ]
    for key, _, title in CRITERIA:
        fields.append(Field(key, CRITERION_LABELS[key], FieldKind.CHOICE,
                            choices=tuple(CriterionValue.choices()), help=title))
        fields.append(Field(f"{key}_note", f"{CRITERION_LABELS[key]} qualifier",
                            placeholder=QUALIFIER_EXAMPLE,
                            help=f"{CRITERION_LABELS[key]} qualifier, as the paper writes it after the answer: "
                                 "“for one district only”, “(in some areas)”"))
    fields += [
        Field("lead_organisation", "&Lead organisation"),
        Field("officers", "Lead officers", LONG, placeholder="One a line: Name, Role, Organisation"),
        Field("areas", "Areas covered", placeholder=AREAS_EXAMPLE),
        Field("indicators", "Indicators", placeholder="NI 32; LT7"),
        Field("outcomes", "Outcomes", placeholder="separate with ;"),
        Field("priorities", "Priorities", placeholder="separate with ;"),
        Field("funding_sources", "Funding sources", LONG, placeholder="One a line: Source: £amount (or Tbc)"),
        Field("description", "Description", LONG),
        Field("notes", "Notes", LONG),
        Field("cost_lines", "Cost lines", FieldKind.CUSTOM),
    ]
    return fields


def editor_values(project: Project) -> dict[str, Any]:
    """A project as the editor's values (the service's text fields, criteria split into value and qualifier)."""
    values: dict[str, Any] = dict(service.project_fields(project))
    for key in CRITERIA_KEYS:
        c = project.criterion(key)
        values[key], values[f"{key}_note"] = c.value, c.qualifier
    values["cost_lines"] = tuple((line.financial_year, line.category, line.description, line.amount.text)
                                 for line in project.cost_lines)
    return values


def service_fields(values: dict[str, Any]) -> dict[str, str]:
    """The editor's values as the service reads them (a criterion as "√ for Ipswich only")."""
    out = {k: ("" if v is None else v) for k, v in values.items() if k != "cost_lines" and not k.endswith("_note")
           or k == "cost_note"}
    for key in CRITERIA_KEYS:
        value, note = values.get(key) or "", (values.get(f"{key}_note") or "").strip()
        # A qualifier without a value is passed on as it is, so the check says a value is needed.
        out[key] = f"{SYMBOLS[value]} {note}".strip() if value else note
    return out


class ProjectEditorPresenter(FormPresenter):
    """The editor of one project; ``project`` is the record as the file holds it (or the unsaved new one)."""

    save_words = "Save changes"  # its button: "then Save again" had the officer look for a Save button

    def __init__(self, owner: "ProjectsPresenter"):
        super().__init__(project_editor_fields(), save_fn=self._save, check_fn=self._check, today=owner.today)
        self.owner = owner
        self.project: Project | None = None
        self.is_new = False
        self.load_project(None)

    def load_project(self, project: Project | None, *, new: bool = False, chosen: int = 0) -> None:
        """``chosen``: the register's rows chosen, when none is shown here (two chosen said "Select a project …",
        as if the choice had not been taken)."""
        self.project, self.is_new = project, new
        self.enabled = project is not None
        self.read_only = self.owner.read_only
        if project is None:
            self.load({}, title="", heading=f"{chosen} projects chosen: choose one to edit it. Delete and Copy rows "
                      f"act on all {chosen}." if chosen > 1 else "Select a project in the register, or add one.")
        elif new:
            self.load(editor_values(project), title="New project", dirty=True,
                      heading="New project — not saved yet: give it a title, then Save changes.")
        else:
            self.load(editor_values(project), title=f"Project {project.title}", heading=self._heading(project))

    def _heading(self, project: Project) -> str:
        """"Editing 1. ELEV8", and in a county file where it came from ("… (merged from Babergh office)")."""
        came = self.owner.origins.phrase(project.id)
        return f"Editing {project_name(project)}" + (f" ({came})" if came else "")

    @property
    def warning(self) -> str:
        """The saved project's cost warning, and any area it names that the file does not know (the board report
        counts such a project as the office's own and says so: "“Ipswich, Babergh” is not an area this file knows
        (separate areas with “;”: Ipswich; Babergh).")."""
        if self.project is None or self.is_new:
            return ""
        said = [self.project.warning] if self.project.warning else []
        return " ".join(said + service.areas_not_known(self.project, self.owner.known_areas()))

    @property
    def areas_placeholder(self) -> str:
        """*Areas covered*'s example, in the office's own areas (``ProjectsPresenter.areas_example``)."""
        return self.owner.areas_example()

    @property
    def qualifier_placeholder(self) -> str:
        """A criterion's qualifier's example, in the office's own areas (``ProjectsPresenter.qualifier_example``)."""
        return self.owner.qualifier_example()

    @property
    def history(self) -> str:
        """The *History* line under Status: each status the saved project has had, with its date
        ("History: proposed 24/01/2017 → shortlisted 01/06/2024"); "" for a project not saved yet."""
        if self.project is None or self.is_new or not self.project.status_history:
            return ""
        steps = [f"{h.status} {format_uk_date(date.fromisoformat(h.changed_on))}" if h.changed_on else h.status
                 for h in self.project.status_history]
        return "History: " + " → ".join(steps)

    @property
    def funders_summary(self) -> str:
        """The funders' shares under "Funding sources" (presenters.funders.shares_summary): as typed, or as the file
        holds them while the field is unchanged (what Save keeps: an earlier version's funder is not read again)."""
        if not self.enabled:
            return ""
        # Loaded here, with the editor that shows it: not on the way to the register's first screen.
        from safer_desk.presenters.funders import shares_summary

        text = self.value("funding_sources") or ""
        held = None
        if self.project is not None and not self.is_new \
                and text.strip() == (self.saved_values.get("funding_sources") or "").strip():
            held = self.project.funding_sources
        return shares_summary(text, self.value("cost") or "", say_unread=not self.errors.get("funding_sources"),
                              held=held, start=str(self.value("start_date") or ""),
                              end=str(self.value("end_date") or ""), year_costs=self._year_costs())

    def _year_costs(self) -> dict[str, int]:
        """Each financial year's cost by the cost lines as typed (ELEV8's 2009/10 £46,500), for the years whose
        lines are all amounts that read (a queried line or a range leaves its year unweighed); none when a line gives
        no year (it may be any year's: a scenario counts it where the whole cost would be)."""
        years: dict[str, int | None] = {}
        for line in self.value("cost_lines") or ():
            if len(line) < 4 or not any((cell or "").strip() for cell in line):
                continue  # a line added and not typed in yet
            try:
                year = FinancialYear.parse(" ".join(line[0].split())).label
            except PeriodError:  # no year, or one that does not read
                return {}
            amount, so_far = read_line_amount(line[3]), years.get(year, 0)
            if so_far is None or amount.min_pence is None or amount.min_pence != amount.max_pence:
                years[year] = None
            else:
                years[year] = so_far + amount.min_pence
        return {year: pence for year, pence in years.items() if pence is not None}

    def set_cost_lines(self, lines: Sequence[Sequence[str]]) -> None:
        self.set_value("cost_lines", tuple(tuple(str(c or "") for c in line[:4]) for line in lines))

    def paste_cost_lines(self, table: Sequence[Sequence[str]], row: int = -1, column: int = 0) -> str:
        """Cells copied from Excel put into the cost lines as if typed (unsaved: Save or Revert), as Excel pastes: from
        the current ``row`` down (-1: after the last line), lines added as needed. Cells under headings (the grid's
        own copy: "Year", "Category", "Description", "Amount"; "Read as" and "Line" are the grid's, not typed) go in
        by heading; else a column goes into the current ``column``, a block into the line's fields from there (Year,
        Category, Description, Amount; from Year when it is wider than the fields left). A sheet's own headings are
        read too ("Item", "Cost", "FY", "£"); what is said of a column left out, or a first row of words above lines
        of figures taken as headings and left out, is returned ("" when nothing is)."""
        if not self.enabled or self.read_only:
            return ""
        rows = [list(cells) for cells in table]
        fields: list[int | None]
        said = ""
        if rows and _line_headings(rows[0]):
            headings = rows.pop(0)
            fields = [_line_field(cell) for cell in headings]
            other = [c.strip() for c, f in zip(headings, fields) if f is None and c.strip().casefold() not in
                     _LINE_GRID_WORDS]
            if other:
                which = "is not a heading" if len(other) == 1 else "are not headings"
                said = (f"{in_words([f'“{c}”' for c in other])} {which} of a cost line (Year, Category, Description, "
                        "Amount): left out.")
        else:
            if len(rows) > 1 and any(c.strip() for c in rows[0]) and not any(_figure(c) for c in rows[0]) \
                    and any(_figure(c) for cells in rows[1:] for c in cells):
                # Words above lines of figures ("When", "Spend"): the sheet's headings, not a line
                headings = rows.pop(0)
                said = (f"The first row ({', '.join(f'“{c.strip()}”' for c in headings if c.strip())}) was read as "
                        "headings and left out: the lines went in as Year, Category, Description, Amount.")
            width = max((len(cells) for cells in rows), default=0)
            first = min(max(column, 0), 3)
            first = first if first + width <= 4 else 0
            fields = list(range(first, min(first + width, 4)))
        if not rows or not any(f is not None for f in fields):
            return said
        lines = [list(line) for line in self.value("cost_lines") or ()]
        start = row if 0 <= row <= len(lines) else len(lines)
        for i, cells in enumerate(rows):
            while len(lines) <= start + i:
                lines.append(["", "", "", ""])
            for field, cell in zip(fields, cells):
                if field is not None:
                    lines[start + i][field] = cell.strip()
        self.set_cost_lines(lines)
        return said

    @property
    def cost_line_years(self) -> str:
        """Each year's cost lines added up, as typed ("By year: 2009/10 £46,500; 2010/11 £55,000"), under the grid:
        the figures a paper prints for each year, to check the lines against."""
        if not self.enabled:
            return ""
        lines = self.value("cost_lines") or ()
        return year_totals_words((line[0], read_line_amount(line[3])) for line in lines if len(line) > 3)

    def cost_line_messages(self) -> dict[int, str]:
        return {int(k.rsplit("_", 1)[1]): v for k, v in self.errors.items() if k.startswith("cost_line_")}

    def _check(self, parsed: dict[str, Any]) -> dict[str, str]:
        problems = {}
        if parsed.get("start_date") and parsed.get("end_date") and parsed["end_date"] < parsed["start_date"]:
            problems["end_date"] = "The project ends before it starts."
        return problems

    def validate(self) -> dict[str, Any] | None:
        """Read every field; a title typed that another project of the register has is asked about once beside it
        (``service.title_twin``): a scenario and the board report would count both."""
        parsed = super().validate()
        title = str(self.values.get("title") or "").strip()
        if parsed is not None and self.project is not None and title and self._typed("title"):
            twin = service.title_twin(self.owner.store, replace(self.project, title=title))
            if twin is not None:
                which = ", ".join(x for x in (f"ref {twin.ref}" if twin.ref else "",
                                              self.owner.origins.phrase(twin.id)) if x)
                which = f" ({which})" if which else ""
                self.slips["title"] = Slip(f"Another project{which} is titled “{twin.title}”: a scenario and the "
                                           "board report would count both.")
                self.changed.emit()
        if parsed is not None and (backwards := self._status_date_backwards(parsed)):
            self.slips["status_date"] = Slip(backwards)
            self.changed.emit()
        return parsed

    def _status_date_backwards(self, parsed: dict[str, Any]) -> str:
        """Why a *since* date typed now is queried: it is before the status it follows ("proposed 24/01/2017 →
        commissioned 01/01/2017" read backwards, a slip for 01/07/2017); "" when it is not. Asked, not refused: the
        earlier date may be the wrong one, and only this status's date is typed here."""
        when, status = parsed.get("status_date"), parsed.get("status")
        if self.project is None or self.is_new or not isinstance(when, date) or \
                not (self._typed("status_date") or self._typed("status")):
            return ""
        history = list(self.project.status_history)
        if history and history[-1].status == status:  # this status's own date retyped: the one before it
            history.pop()
        before = history[-1] if history else None
        if before is None or not before.changed_on or when.isoformat() >= before.changed_on:
            return ""
        on = format_uk_date(date.fromisoformat(before.changed_on))
        return (f"{format_uk_date(when)} is before {on}, when it was {before.status}: the History would read "
                "backwards. Is the date right?")

    def save(self) -> bool:
        """Validate and save (``FormPresenter.save``); a title asked about alone is said as a title, not a figure."""
        saved = super().save()
        if not saved and not self.errors and set(self.slips) in ({"title"}, {"status_date"}) \
                and self.form_message.startswith("Not saved yet"):  # no figure is queried: the title or date is
            what = "title" if "title" in self.slips else "date"
            self.form_message = f"Not saved yet: check the {what} queried below, then Save changes again to keep it."
            self.changed.emit()
        return saved

    def set_value(self, key: str, value: Any) -> None:
        """As typed; a new status empties "since" (its placeholder says today if blank) while it still holds the
        old status's date, which is put back if the status is changed back."""
        super().set_value(key, value)
        if key != "status" or not self.saved_values:
            return
        saved = self.saved_values.get("status_date", "")
        if value == self.saved_values.get("status") and not self.values.get("status_date"):
            super().set_value("status_date", saved)
        elif value != self.saved_values.get("status") and saved and self.values.get("status_date") == saved:
            super().set_value("status_date", "")

    def _save(self, values: dict[str, Any], parsed: dict[str, Any]) -> None:
        before = self.project
        if before is None:
            raise ValueError("there is no project to save")
        try:
            after = service.project_from_fields(service_fields(values), base=before,
                                                cost_lines=list(values.get("cost_lines") or ()),
                                                today=self.today(), new=self.is_new)
        except FieldProblems as exc:
            raise FormError(exc.by_field, correct_marked(exc.by_field)) from None
        except ProjectError as exc:
            raise FormError({}, f"Not saved: {exc}") from None
        if self.is_new or ref_key(after.ref) != ref_key(before.ref):  # a ref kept is not asked about: a county
            taken = service.ref_in_use(self.owner.store, after)    # file's merged districts may each have a "1"
            if taken:
                raise FormError({"ref": taken}, correct_marked({"ref": taken}))
        try:
            self.owner.save_project(after, new=self.is_new, loaded=None if self.is_new else before)
        except ChangedInFile as exc:  # a field typed in was changed in the file too: asked about once, beside it
            self.take_file(exc.current)
            raise FormError(exc.by_field, "Not saved: the file changed this project after you opened it (a merge of "
                                          "district files, or an undo). The fields marked were changed there too; "
                                          "the others now show what the file holds.") from None
        except FieldProblems as exc:  # the service's own checks (a ref another project was given meanwhile)
            raise FormError(exc.by_field, correct_marked(exc.by_field)) from None
        except NoLongerInFile as exc:
            self.taken_out()
            raise FormError({}, f"Not saved: {exc} What you typed is still here: Save changes adds it to the "
                                "register again; Revert forgets it.") from None

    def take_file(self, project: Project) -> list[str]:
        """The file's record under what is typed (it changed since it was read): the fields typed in keep what was
        typed, the others show the file's values, and a Save writes what was typed over the record as it is now.
        Returns the fields typed in that the file changed too, to something else (said beside them by the caller)."""
        fresh = editor_values(project)
        fresh = {f.key: fresh.get(f.key, "") for f in self.fields}
        typed = {k for k in fresh if self.values.get(k) != self.saved_values.get(k)}
        clashes = [k for k in fresh if k in typed and fresh[k] != self.saved_values.get(k)
                   and fresh[k] != self.values.get(k)]
        self.project = project
        self.values = {k: self.values.get(k, "") if k in typed else fresh[k] for k in fresh}
        self.saved_values = fresh
        self.title, self.heading = f"Project {project.title}", self._heading(project)
        self.errors, self.slips, self.form_message, self._confirmed = {}, {}, "", {}
        self.changed.emit()
        return clashes

    def taken_out(self) -> None:
        """The project was taken out of the file with changes typed in it: they are kept, as a project to add."""
        self.is_new = True
        # What the file held was asked about when it was typed (a date far from today): not asked again.
        self._confirmed = {k: str(v) for k, v in self.values.items() if v == self.saved_values.get(k)}
        self.saved_values = {}
        self.heading = "No longer in the file — not saved: Save changes adds it to the register again."
        self.changed.emit()

    def file_changed(self, project: Project | None) -> None:
        """The file changed under the editor (a merge of district files, a conflict decided, an undo made elsewhere):
        ``project`` is the record as the file holds it now (None: taken out). With nothing typed the editor shows
        it; what is typed is kept over it, and the person is told (beside each field typed in that the file changed
        too, with what the file holds now)."""
        if self.project is None or self.is_new or project == self.project:
            return
        if not self.is_dirty:
            self.load_project(project)
            return
        name = self.project.title
        if project is None:
            self.taken_out()
            self.form_message = (f"{name} is no longer in the file: a merge of district files, or an undo, took it "
                                 "out while you were editing it. What you typed is still here: Save changes adds it to "
                                 "the register again; Revert forgets it.")
            self.changed.emit()
            return
        clashes = self.take_file(project)
        self.errors = {key: f"Changed in the file too while you were editing: it now holds "
                            f"{service.held_text(project, self._service_key(key))}. What you typed is kept: Save "
                            "changes puts it in place of that; Revert takes the file's." for key in clashes}
        self.form_message = (f"The file changed {name} while you were editing it (a merge of district files, or an "
                             "undo). The fields you had not changed now show what it holds; what you typed is kept"
                             + (" (see the fields marked)." if clashes else "."))
        self.changed.emit()

    @staticmethod
    def _service_key(key: str) -> str:
        """The field a message's words come from: a criterion's qualifier is shown with its answer."""
        if key.endswith("_note") and key[:-5] in CRITERIA_KEYS:
            return key[:-5]
        return "status" if key == "status_date" else key


class ProjectsPresenter(ScreenPresenter):
    """The register: its rows, the filters, the selected project and its editor, and the actions."""

    tab = "projects"

    def __init__(self, store, *, perform: Callable[[Action], object] = run_now,
                 today: Callable[[], date] = date.today, read_only: bool | None = None):
        super().__init__(perform=perform)
        self.store = store
        self.today = today
        self.read_only = bool(store.read_only) if read_only is None else read_only
        self.rows: list[Project] = []
        # In a county file, the office each project came from (its *Merged from* column): read once per reload.
        self.origins: RowOrigins = NOT_A_COUNTY_FILE
        self.rows_changed = Event()  # ids re-read (None: every row)
        self.selection_changed = Event()  # the project id now selected (None: nothing)
        self.rows_chosen = Event()  # several projects chosen again (an undo or redo of a delete or paste of them)
        self._known_areas: dict[str, str] | None = None  # ``known_areas``: read again with the rows
        self._own_names: tuple[tuple[str, ...], bool] | None = None  # the examples' areas: read again with them too
        self._outside: tuple[frozenset[str], tuple[str, ...]] | None = None  # ``outside_areas``: read again with them
        self.editor: ProjectEditorPresenter = ProjectEditorPresenter(self)

    # -- rows --------------------------------------------------------------------------------------
    def project_count(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM projects") or 0)

    def reload(self) -> None:
        self.show_rows(service.load_projects(self.store), self.read_origins(self.store))

    @staticmethod
    def read_origins(store) -> RowOrigins:
        """Where each project came from (``store``: a reading connection on a worker thread, for a large register)."""
        return row_origins(store, PROJECTS)

    def merged_from(self, project: Project) -> str:
        """The project's *Merged from* words in a county file ("Babergh office"); "" in an office's own file."""
        return self.origins.of(project.id)

    def said(self, project: Project, most: int = 60) -> str:
        """A project as the register's questions and steps name it (Delete's question, Edit > Undo, History): its
        title; in a county file where another project has that title (two offices may each send an "Outreach worker"
        16), its ref and title and where it came from: "16. Outreach worker (merged from Babergh office)". A title
        pasted whole from a bid is cut at a word with "…": the line stays one the Edit menu and status bar can show.
        In an office's own file, where another project has the title (this year's "Outreach worker" 16 and next
        year's 17), its ref and title, as the Ref column tells them apart: "17. Outreach worker"."""
        rows = [p for p in self.rows if p.id != project.id] + [project]  # (one added or saved need not be in rows)
        if project.id not in titles_said(rows, self.origins):  # the one rule with Commissioning and the report
            return shortened(project.title, most)
        if self.origins.shown:
            return f"{shortened(project_name(project), most)} ({self.origins.phrase(project.id)})"
        return shortened(project_name(project), most)

    def file_changed(self) -> None:
        """The file changed under the register (a merge of district files, a conflict decided, an undo of a change
        made elsewhere): every row is read again, and the editor's project with it, what is typed kept (it says so:
        ``ProjectEditorPresenter.file_changed``)."""
        self.rows = service.load_projects(self.store)
        self.origins = self.read_origins(self.store)  # a merge brings rows from another office
        self._known_areas = self._own_names = self._outside = None  # and its areas (Office Details…)
        self.rows_changed.emit(None)
        editor = self.editor
        if editor.project is not None and not editor.is_new:
            fresh = self.project(editor.project.id)
            editor.file_changed(fresh)
            if fresh is None or editor.is_new:
                self.selected = None
        elif self.selected is not None and self.project(self.selected) is None:
            self.selected = None
        self.selection_changed.emit(self.selected)

    def show_rows(self, projects: Sequence[Project], origins: RowOrigins | None = None) -> None:
        """Show these projects (``origins``: where each came from, read with them; the ones held kept if None)."""
        self.rows = list(projects)
        self._known_areas = self._own_names = self._outside = None
        if origins is not None:
            self.origins = origins
        self.rows_changed.emit(None)
        if self.selected and self.project(self.selected) is None:
            self.select(None)

    def project(self, project_id: str | None) -> Project | None:
        for p in self.rows:
            if p.id == project_id:
                return p
        return None

    def refresh(self, ids: Sequence[str], select: str | Sequence[str] | None = None) -> None:
        """Re-read these projects after a change or its undo; select one of them when asked. Several named (the
        projects a delete or paste names): those in the register are all chosen (``rows_chosen``), none in the
        editor, as when they were chosen by hand."""
        fresh = {p.id: p for p in service.load_projects(self.store, list(ids))}
        kept = [fresh.pop(p.id, p) if p.id in ids else p for p in self.rows if p.id not in ids or p.id in fresh]
        self.rows = kept + [p for pid, p in fresh.items() if all(r.id != pid for r in kept)]
        self._outside = None  # a project's areas may have changed
        self.rows_changed.emit(list(ids))
        if select is not None and not isinstance(select, str):
            present = [i for i in select if self.project(i) is not None]
            select = present[0] if len(present) == 1 else None
            if len(present) > 1:
                self.rows_chosen.emit(present)
                self.select(None, chosen=len(present))
                return
        if select is not None and self.project(select) is not None:
            self.select(select)
        elif self.selected is not None and self.project(self.selected) is None:
            self.select(None)
        elif self.selected in ids:
            self.select(self.selected)

    def funding_routes(self) -> list[str]:
        return service.funding_routes(self.rows)

    def areas(self, own: bool = True) -> list[str]:
        """The register's area choice: the areas its projects name, and (``own``) each of the office's own districts
        whose county's county-wide projects count for it (Babergh's file, where no project names Babergh, offers
        Babergh: Suffolk's county-wide schemes are Babergh's too, as `projects --help` and its board report say).
        The window offers those after its first screen: they read the office's scope and the report's areas."""
        named = service.areas(self.rows)
        if not own:
            return named
        held = {a.casefold() for a in named}
        own = [name for name in self._own_area_names()[0] if name.casefold() not in held and self._in_area(name)]
        return sorted(named + own, key=str.casefold) if own else named

    def known_areas(self) -> dict[str, str]:
        """The areas the file knows (``service.known_area_names``), read once for each reading of the rows."""
        if self._known_areas is None:
            self._known_areas = service.known_area_names(self.store)
        return self._known_areas

    def _own_area_names(self) -> tuple[tuple[str, ...], bool]:
        """The office's districts this year by name, and whether it names a county: read once for both examples
        below, again when the rows are (Office Details… saved); none for an office naming no areas yet."""
        if self._own_names is None:
            from safer_desk.services import reference as ref

            scope = ref.office_scope(self.store)
            if not (scope.is_set or scope.is_county_file):
                self._own_names = ((), False)
            else:
                districts = ref.office_districts(self.store, FinancialYear.of(self.today()))
                self._own_names = (tuple(a.name for a in districts), ref.office_county(self.store) is not None)
        return self._own_names

    def outside_areas(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """In a county file, the projects of no area of the county's (those the board report's "All areas" leaves
        out: the example's Plymouth projects an office sent with its copy of the example) and the areas they name;
        none in an office's own file, whose register lists every project it holds as it always has."""
        if self._outside is None:
            self._outside = (frozenset(), ())
            # merged_into first: two queries, where the office's scope would load reference's classes on the way to
            # an office file's first screen (nothing is outside an office's own register)
            if self.rows and merged_into(self.store) and self._scope().is_county_file:
                from safer_desk.services.report import report_areas
                from safer_desk.services.reference import COUNTYWIDE_WORDS
                from safer_desk.services.report_sections.projects import origin_counties, projects_in_areas

                came_from = origin_counties(self.store)
                inside = {p.id for p in projects_in_areas(self.store, self.rows, report_areas(self.store, None),
                                                          came_from)}
                outside = [p for p in self.rows if p.id not in inside]
                # "Countywide" of another county's office is that county's: "Devon county-wide", not an area called
                # Countywide outside the county file's
                names = sorted({f"{county} county-wide" if a.strip().casefold() in COUNTYWIDE_WORDS else a.strip()
                                for p in outside for a in p.areas if a.strip()
                                for county in (sorted(came_from.get(p.id, ())) or ["another county's"])},
                               key=str.casefold)
                self._outside = (frozenset(p.id for p in outside), tuple(names))
        return self._outside

    def _scope(self):
        from safer_desk.services import reference as ref

        return ref.office_scope(self.store)

    def outside_areas_note(self) -> str:
        """What the register's "All areas" leaves out in a county file, and how to see it; "" when nothing."""
        ids, names = self.outside_areas()
        if not ids:
            return ""
        where = f" ({in_words(list(names[:3]) + ([f'{len(names) - 3} more'] if len(names) > 3 else []))})" \
            if names else ""
        return (f"{counted(len(ids), 'project')} of areas outside this county file's{where} "
                f"{'is' if len(ids) == 1 else 'are'} not listed under All areas, as the board report leaves "
                f"{'it' if len(ids) == 1 else 'them'} out: choose the area to see {'it' if len(ids) == 1 else 'them'}.")

    def outside_areas_filter(self) -> str:
        """All areas said as a filter (the register's Export… title) in a county file that leaves projects out; ""."""
        ids = self.outside_areas()[0]
        return (f"the county file's areas only, leaving out {counted(len(ids), 'project')} of other areas"
                if ids else "")

    def areas_example(self) -> str:
        """*Areas covered*'s example in the office's own areas: "Countywide; Cherwell" for an Oxfordshire office,
        "Plymouth" for a unitary naming no county (its county-wide is its whole area). "Countywide; Ipswich" was
        shown to every office, a Suffolk district to a Plymouth officer."""
        names, county = self._own_area_names()
        return "; ".join((["Countywide"] if county else []) + list(names[:1 if county else 2])) or AREAS_EXAMPLE

    def qualifier_example(self) -> str:
        """A criterion's qualifier's example in the office's own areas: "qualifier, e.g. for Cherwell only" for an
        office of several districts, "(in some areas)" for one of a single area (Plymouth) or naming none. "for Ipswich
        only" was shown to every office, a Suffolk district to a Plymouth or Cardiff officer."""
        names, _ = self._own_area_names()
        return f"qualifier, e.g. for {names[0]} only" if len(names) > 1 else QUALIFIER_EXAMPLE

    # -- selection ---------------------------------------------------------------------------------
    def select(self, project_id: str | None, *, chosen: int = 0) -> None:
        """Show a project in the editor (the window asks about unsaved edits before calling this); none, with how many
        rows are ``chosen`` when several are."""
        project = self.project(project_id)
        self.selected = project.id if project is not None else None
        self.editor.load_project(project, chosen=chosen)
        self.selection_changed.emit(self.selected)

    def show_chosen(self, chosen: int) -> None:
        """Rows chosen again with none shown in the editor (two, then three, then none): the editor says so."""
        if self.editor.project is None:
            self.editor.load_project(None, chosen=chosen)

    @property
    def selected_project(self) -> Project | None:
        return self.project(self.selected)

    def read_only_refusal(self) -> str:
        """What a change asked of a file open read-only is told (the buttons are greyed; a key or the Edit menu
        still asks)."""
        return (f"{Path(self.store.path).name} is open read-only: its projects can be read, copied and exported, not "
                "changed. To change them, open it again when nobody else has it open, or use File > Save a Copy… "
                "and work in the copy.")

    def add_project(self) -> None:
        """An empty editor for a new project, selected and shown; nothing is written until it is saved."""
        if self.read_only:
            return
        draft = Project(id=new_id(), title="", status=ProjectStatus.PROPOSED.value)
        self.selected = None
        self.editor.load_project(draft, new=True)
        self.selection_changed.emit(None)

    # -- actions -------------------------------------------------------------------------------------
    def rows_action(self, text: str, ids: Sequence[str], change: Callable[[], Any],
                    select: str | Sequence[str] | None) -> Action:
        """One undoable step on these projects: undo and redo put their rows back exactly as they were either side
        (ids, scenarios' ticks and budget lines' links included), the projects ``select`` names chosen again."""
        store, ids = self.store, tuple(ids)
        action = snapshot_action(
            text, key=ids, snap=lambda k: [service.snapshot(store, i) for i in k],
            restore=lambda snaps: service.restore_projects(store, snaps), absent=lambda k: None, change=change,
            after=lambda k: self.refresh(ids, select=select), tab=self.tab)
        action.page, action.keys = "register", ids
        return action

    def save_project(self, after: Project, *, new: bool, loaded: Project | None = None) -> None:
        """Add a project, or save a change of ``loaded`` (the record as the editor read it): only what differs from
        it is written, over the record as the file holds it then (``service.save_project``)."""
        store, pid = self.store, after.id
        held = None if new else self.project(pid)
        if held is not None and replace(after, updated_at=held.updated_at) == held \
                and (loaded is None or loaded == held):
            self.editor.mark_saved()  # Save with nothing changed: nothing written, no step to undo
            return
        if new:
            action = self.rows_action(f"Add project {self.said(after)}", [pid],
                                      lambda: service.add_projects(store, [after]), pid)
        else:
            action = self.rows_action(self.save_text(loaded or held, after), [pid],
                                      lambda: service.save_project(store, after, loaded=loaded), pid)
        typed_over = dict(self.editor.saved_values)
        self.editor.mark_saved()  # before the refresh that perform runs, which would otherwise ask about it
        try:
            self.perform(action)
        except BaseException:  # not written (the disk full …): what was typed is still unsaved, and is asked about
            self.editor.saved_values = typed_over
            self.editor.changed.emit()
            raise

    def save_text(self, before: Project | None, after: Project) -> str:
        """A save as Edit > Undo and the History of Changes name it, saying what changed ("Change cost of 17.
        Outreach worker to £30,000", "Change cost, status and 2 more of …"): "Save project …" told the officer
        nothing of which save of the day an undo would take back. A title changed alone names the project as it was
        ("Change title of Outreach worker to Outreach worker (IDVA)"); else as it is now, as the register lists it."""
        changed = service.changes_said(before, after) if before is not None else []
        if not changed:
            return f"Save project {self.said(after)}"
        named = before if [name for name, _value in changed] == ["title"] else after
        text = change_text(changed, self.said(named))
        if len(text) > STEP_SHOWN_MOST:  # the title cut to fit, from its start: Edit > Undo cut the line in its middle
            room = STEP_SHOWN_MOST - (len(text) - len(self.said(named)))  # ("… 2 more of… youth diversion programme…")
            text = change_text(changed, self.said(named, max(room, STEP_NAME_LEAST)))
        return text

    def accept_suggestion(self, line_index: int) -> None:
        """Read a queried cost line as its suggested figure ("£3.250" → £3,250), saved as one action."""
        project = self.editor.project
        if project is None or self.editor.is_new or self.read_only:
            return
        fixed = service.accept_line_suggestion(project, line_index)  # ProjectError: the caller says why
        figure = fixed.cost_lines[line_index].amount.text
        store = self.store
        self.perform(self.rows_action(f"Read cost line {line_index + 1} of {self.said(project)} as {figure}",
                                      [project.id], lambda: service.save_project(store, fixed, loaded=project),
                                      project.id))

    def delete(self, ids: Sequence[str]) -> None:
        ids = [i for i in ids if self.project(i) is not None]
        if not ids or self.read_only:
            return
        names = self.describe_many(ids)
        store = self.store
        self.perform(self.rows_action(f"Delete {names}", ids, lambda: service.delete_projects(store, ids), ids))

    def delete_question(self, ids: Sequence[str]) -> str:
        """What the window asks before deleting: the projects, and what else counts them (a saved scenario's
        committed total would drop without a word otherwise)."""
        names = self.describe_many(ids)
        text = f"Delete {names} from the register?"
        counted = service.what_counts(self.store, ids)
        if counted:
            some = service.how_many_counted(self.store, ids) if len(ids) > 1 else 1
            it = "it is" if len(ids) == 1 else "they are" if some == len(ids) else \
                f"{some} of them {'is' if some == 1 else 'are'}"  # not "they are" of three when two are
            text += (f" {it[0].upper()}{it[1:]} {' and '.join(counted)}, which will no longer count "
                     f"{'it' if some == 1 else 'them'}.")
        if back := self.origins.comes_back_words(list(ids)):  # a county file: an office's next export puts it back
            text += f" {back}"
        return text + f" (Edit > Undo puts {'it' if len(ids) == 1 else 'them'} back.)"

    def describe_many(self, ids: Sequence[str]) -> str:
        """The projects a delete names: one by its name, two or three by theirs ("2 projects (Suffolk Recre8 and
        Suffolk Strive)": "Delete 2 projects" read alike in Edit > Undo and the History for any two), more counted."""
        return self.named_few([p for p in map(self.project, ids) if p is not None], len(ids))

    def named_few(self, projects: Sequence[Project], count: int | None = None) -> str:
        """``count`` projects (all of them ``projects`` when it is None) as a delete or a paste names them: one by its
        name, two or three by theirs, more counted; counted too where some of them are not at hand."""
        count = len(projects) if count is None else count
        if len(projects) != count:
            return f"{count} project{'s' if count != 1 else ''}"
        if count == 1:
            return f"project {self.said(projects[0])}"
        if count <= 3:
            return f"{count} projects ({in_words([self.said(p) for p in projects])})"
        return f"{count} projects"

    def add_pasted(self, projects: Sequence[Project]) -> None:
        if not projects or self.read_only:
            return
        store, ids = self.store, [p.id for p in projects]
        self.perform(self.rows_action(f"Paste {self.named_few(list(projects))}", ids,  # which: "Paste 2 projects" alike
                                      lambda: service.add_projects(store, list(projects)), ids))

    def paste_preview(self, rows: Sequence[Sequence[str]]) -> "PastePreview":
        return PastePreview(service.read_paste(rows), today=self.today, existing=self.rows, known=self.known_areas)

    def export(self, target: Path | str, projects: Sequence[Project] | None = None, *, said: str = "") -> Path:
        """``said`` ("6 of 23 projects (as filtered: …)") goes in the workbook's title when a filter hides some. In a
        county file the export says where each project came from, as the register's *Merged from* column does (beside
        Areas covered; on the Cost lines sheet too, whose refs each merged office may have given)."""
        projects = list(self.rows if projects is None else projects)
        origins = self.origins
        if not origins.shown:
            return service.export_register(self.store, target, projects, said=said)
        from safer_desk.exchange.tables import UnsupportedFormat, write_table

        register, lines = service.register_sheets(projects, self.store.office_name, said=said)
        sheets = [origins.in_sheet(register, [p.id for p in projects], after="Areas covered"),
                  origins.in_sheet(lines, [p.id for p in projects for _ in p.cost_lines], after="Title")]
        try:
            return write_table(target, sheets)
        except UnsupportedFormat as exc:  # as service.export_register says it
            raise ProjectError(str(exc)) from None

    # -- filters ---------------------------------------------------------------------------------------
    def _in_area(self, area: str) -> frozenset[str] | None:
        """The county-wide projects a district, partnership or county's board report counts (those of its own county:
        "Ipswich" keeps Suffolk's county-wide schemes, not Plymouth's), kept by the filter beside those naming the area;
        None for a name that is no such area ("Countywide" itself), kept by the name typed alone."""
        from safer_desk.services.reference import COUNTYWIDE_WORDS
        from safer_desk.services.report import ReportAreaError, report_areas
        from safer_desk.services.report_sections.projects import projects_in_areas

        try:
            areas = report_areas(self.store, area)
        except ReportAreaError:
            return None
        if areas.kind == "office":
            return None
        county_wide = [p for p in self.rows if any(a.strip().casefold() in COUNTYWIDE_WORDS for a in p.areas)]
        return frozenset(p.id for p in projects_in_areas(self.store, county_wide, areas))

    def filter_predicate(self, status: str = "", route: str = "", criterion: str = "", area: str = "",
                         text: str = "") -> Callable[[Project], bool] | None:
        """Which rows the filters keep, or None when nothing filters (criterion "all" or "4" count √). The words
        searched are looked for in what the register shows of a project, its *Merged from* too in a county file
        ("Mid Suffolk office" finds what that office sent, as the column's own filter and the Reviews search do)."""
        typed = as_typed(service.search_folded((text or "").strip()))
        # An indicator's or target's code ("NI 30", "NI30", "LT-7") is looked for as a code, its letters and number
        # together with or without a space or dash: as two words, "NI 30" found a project costing £30,000 (and
        # "NI 17" the Plymouth projects of 2017), and "NI30" none of those linked to NI 30.
        codes = [re.compile(rf"(?<![a-z0-9]){m[1]}{_CODE_JOIN}?{m[2]}(?![0-9])")
                 for m in _INDICATOR_CODE.finditer(typed)]
        words = _INDICATOR_CODE.sub(" ", typed).split()
        # A financial year written with a dash ("2017-18", Word's "2017–18", "2017-2018") is the register's "2017/18",
        # and a year so written in a project ("Youth diversion 2020-21") is found by "2020/21" too.
        years = [FinancialYear.label_of_word(w) for w in words]
        words = [label or w for w, label in zip(words, years)]
        # In a county file "All areas" is the county's, as its board report's: a project of another area (an office's
        # copy of the example's Plymouth projects) is found by choosing its area.
        outside = self.outside_areas()[0] if not area else frozenset()
        if not any((status, route, criterion, area, words, codes, outside)):
            return None
        origins = self.origins
        # a county-wide project of the area's county covers it too, as its board report counts it
        in_area = self._in_area(area) if area else None
        came: dict[str, str] = {}  # each office's words as the search compares them, folded once for every row
        amount = _searched_amount(text)  # "£125k", "125000": the projects showing £125,000, as the papers write it
        # Each word that reads as an amount ("homeshield £125k", "OPCC 110000"): found as the amount it is, beside the
        # other words, as it is alone (the two together found nothing, though each alone found the project).
        money = {w: a for w in words if len(words) > 1 and (a := _searched_amount(w)) is not None}

        def by_words(text: str) -> bool:
            if any(years):
                text = _YEAR_WRITTEN.sub(lambda m: FinancialYear.label_of_word(m[0]) or m[0], as_typed(text))
            if found_as_typed(words, text):
                return True
            if not money:
                return False
            shown = amounts_shown(text)
            return found_as_typed([w for w in words if money.get(w) not in shown], text)

        def found(p: Project) -> bool:
            if not all(code.search(p.search_text) for code in codes):
                return False
            if not words or by_words(p.search_text):
                return True
            if amount is not None and amount in amounts_shown(p.search_text):
                return True
            if not origins.shown:  # an office's own file: nothing merged, nothing more to look in
                return False
            said = origins.of(p.id)
            if said not in came:
                came[said] = service.search_folded(said)
            return by_words(f"{p.search_text}\n{came[said]}")

        def accept(p: Project) -> bool:
            if status and p.status != status:
                return False
            if route and p.funding_route != route:
                return False
            if area and area not in p.areas and (in_area is None or p.id not in in_area):
                return False
            if p.id in outside:
                return False
            if criterion == "all" and p.criteria_met < 5:
                return False
            if criterion == "4" and p.criteria_met < 4:
                return False
            if criterion not in ("", "all", "4") and not p.criterion(criterion).met:
                return False
            return not (words or codes) or found(p)

        return accept


_YEAR_WRITTEN = LazyPattern(r"(?<![\d/])\d{4}[-/](?:\d{4}|\d{2})(?![\d/])")


_CODE_JOIN = r"[\s\-\u2010-\u2015]"  # "NI 30", "NI-30", "NI–30" (Word's dash)
_INDICATOR_CODE = LazyPattern(rf"(?<![a-z0-9£$€])([a-z]{{1,4}}){_CODE_JOIN}?(\d{{1,3}})(?![0-9])")
# "75000.5" too: the £75,000.50 a spreadsheet shows so (the export's Cost min, in Excel's General format)
_BARE_FIGURE = LazyPattern(r"\d[\d,]*(?:\.\d{1,2})?")


# A cost line's fields by the headings the grid copies and a sheet may use ("Item", "Cost", "FY", "£" …); "Read as"
# and "Line" are the grid's own.
_LINE_FIELDS = {"year": 0, "financial year": 0, "fy": 0, "category": 1, "type": 1, "description": 2, "item": 2,
                "detail": 2, "details": 2, "amount": 3, "cost": 3, "£": 3, "amount (£)": 3, "cost (£)": 3}
_LINE_GRID_WORDS = {"read as", "line", ""}


def _line_field(cell: str) -> int | None:
    return _LINE_FIELDS.get(" ".join(cell.split()).casefold())


def _line_headings(cells: Sequence[str]) -> bool:
    """Whether a row pasted into the cost lines is headings (the grid's Copy gives them, and a sheet's "Item", "Cost"),
    not a line: two a cost line has, any other cell words (a column of the sheet's own, left out)."""
    known = [c for c in cells if _line_field(c) is not None]
    return len({_line_field(c) for c in known}) >= 2 and not any(_figure(c) for c in cells if c not in known)


def _figure(cell: str) -> bool:
    """Whether a pasted cell is a cost line's year or amount (not a heading's words)."""
    text = cell.strip()
    if not text:
        return False
    try:
        FinancialYear.parse(text)
        return True
    except PeriodError:
        return read_line_amount(text).min_pence is not None


def _searched_amount(text: str) -> int | None:
    """The pence a register search means as money: written as money ("£125k", "2,500 GBP"), or a bare figure typed
    as a spreadsheet writes it ("125000" is the £125,000 the register shows; its words are searched as well)."""
    amount = searched_amount(text)
    typed = (text or "").strip()
    if amount is not None or not _BARE_FIGURE.fullmatch(typed):
        return amount
    try:
        return parse_pence(typed)
    except MoneyError:
        return None


class PastePreview:
    """Rows pasted from Excel before they are added: the mapping of columns to fields, changeable.

    When the first row looks like headings the register does not know, ``heading_row`` is
    None until the person says (``set_heading_row``); it is never added as a project.
    """

    def __init__(self, reading: PasteReading, *, today: Callable[[], date] = date.today,
                 existing: Sequence[Project] = (), known: Callable[[], dict[str, str]] | None = None):
        self.reading = reading
        self.known = known  # the areas the file knows (``ProjectsPresenter.known_areas``), read when first asked
        self.existing = existing  # the register's projects, to say which rows are in it already
        self.keys: list[str | None] = list(reading.keys)
        self.heading_row: bool | None = reading.heading_row
        self.today = today
        # The year a column of a funder's share ("OPCC contribution") is for, where its heading gives none: the year
        # the paste is made in until the officer chooses another (Plymouth's table of January 2017 is for 2017/18).
        self.share_year = FinancialYear.of(today()).label
        self.changed = Event()

    @property
    def needs_heading_answer(self) -> bool:
        return self.heading_row is None

    @property
    def column_count(self) -> int:
        return len(self.keys)

    def column_heading(self, c: int) -> str:
        if self.heading_row is not False and self.reading.rows:
            return self.reading.rows[0][c]
        return f"Column {c + 1}"

    def set_heading_row(self, is_heading: bool) -> None:
        self.heading_row = is_heading
        self.changed.emit()

    def set_key(self, column: int, key: str | None) -> None:
        """Send a column to a field ("" or None leaves it out); a field taken by another column is moved here."""
        key = key or None
        if key is not None and key != service.SHARE:  # (each funder's share column is its own)
            self.keys = [None if k == key else k for k in self.keys]
        self.keys[column] = key
        self.changed.emit()

    def data_rows(self) -> list[tuple[str, ...]]:
        rows = self.reading.rows
        return list(rows[1:] if self.heading_row else rows)

    def title(self) -> str:
        """"Paste 23 rows into the project register": the rows that would be projects, a heading row not counted
        (every row copied while it is not yet said whether the first is headings)."""
        rows = len(self.data_rows()) if self.heading_row is not None else len(self.reading.rows)
        return f"Paste {rows} row{'s' if rows != 1 else ''} into the project register"

    def problems(self) -> str:
        try:
            self.projects()
        except ProjectError as exc:
            return str(exc)
        return ""

    def projects(self) -> list[Project]:
        heading = self.heading_row
        if heading is None:
            raise ProjectError("Say whether the first row is headings before adding the rows.")
        projects = service.projects_from_reading(self.reading, self.keys, heading_row=heading, today=self.today(),
                                                 held=self.existing, share_year=self.share_year)
        return projects

    # -- a funder's share in a column ("OPCC contribution") ----------------------------------------------------
    def has_share_column(self) -> bool:
        return service.SHARE in self.keys

    def asks_share_year(self) -> bool:
        """Whether a column is read as a funder's share for the paste's year (its heading giving none)."""
        return any(not own for _, _, own in self._share_columns(own_years=True))

    def share_years(self) -> list[str]:
        """The years a share column can be for: two before the paste's year to two after, and the one chosen."""
        here = FinancialYear.of(self.today())
        years = [here.previous().previous(), here.previous(), here, here.next(), here.next().next()]
        return sorted({y.label for y in years} | {self.share_year})

    def set_share_year(self, year: str) -> None:
        self.share_year = FinancialYear.parse(year).label
        self.changed.emit()

    def _share_columns(self, *, own_years: bool = False) -> list[tuple[int, str, str]]:
        return service.share_columns(self.reading, self.keys, self.heading_row, "" if own_years else self.share_year)

    def shares_note(self) -> str:
        """What each share column is read as, before anything is added: "“OPCC contribution” is read as OPCC's share
        for 2017/18: £233,500 in 3 rows, and 5 rows not known yet (change the year under the rows if they are for
        another)." (that last said where its heading gives no year)."""
        said, rows = [], self.data_rows()
        for (c, funder, year), (_, _, own) in zip(self._share_columns(), self._share_columns(own_years=True)):
            if not funder:
                continue
            known, pence, unknown = 0, 0, 0
            for row in rows:
                cell = row[c].strip() if c < len(row) else ""
                if not cell:
                    continue
                problems: list = []
                read = service.parse_funding_sources(f"{funder}: {cell}", problems)
                if problems or not read:
                    continue  # said by the rows' problems
                if read[0].amount_pence is None:
                    unknown += 1
                else:
                    known, pence = known + 1, pence + read[0].amount_pence
            parts = [f"{format_money(pence)} in {known} row{'s' if known != 1 else ''}"] if known else []
            parts += [f"{unknown} row{'s' if unknown != 1 else ''} not known yet"] if unknown else []
            owner = f"{funder}'" if funder.endswith("s") else f"{funder}'s"
            when = f" for {year}" if year else ""
            said.append(f"“{self.column_heading(c)}” is read as {owner} share{when}"
                        + (f": {', and '.join(parts)}" if parts else "")
                        + ("" if own else " (change the year under the rows if they are for another)") + ".")
        return " ".join(said)

    def left_out(self) -> str:
        """Columns under a heading that no field takes, said so nothing is dropped without a word."""
        if not self.heading_row:
            return ""
        names = [self.column_heading(c) for c, key in enumerate(self.keys) if key is None and self.column_heading(c)]
        if not names:
            return ""
        # A second column of a field another column fills ("Title" beside "Project"): said as that, not as unknown.
        taken = {key: self.column_heading(c) for c, key in enumerate(self.keys) if key is not None}
        twice = {n: taken[service.field_of_heading(n)] for n in names if service.field_of_heading(n) in taken}
        unknown = [n for n in names if n not in twice]
        said = []
        if unknown:
            listed = ", ".join(f"“{n}”" for n in unknown)
            said.append(f"{listed} ({'a heading' if len(unknown) == 1 else 'headings'} the register does not know)")
        said += [f"“{n}” (its field is read from the column “{other}”)" for n, other in twice.items()]
        return f"Left out: {'; '.join(said)}; choose a field above a column to add it."

    def already_in_register(self) -> str:
        """Rows with the title of a project the register holds (rows copied out and pasted back): said, since Add makes
        second copies that a scenario and the report would count as well; not refused (a new bid may share a title)."""
        if "title" not in self.keys:
            return ""
        column = self.keys.index("title")
        held = {typed_name_key(p.title): p.title for p in self.existing}  # through Word: “curly” quotes, dashes
        found = [(n, held[key]) for n, row in enumerate(self.data_rows(), start=1)
                 if column < len(row) and (key := typed_name_key(row[column])) and key in held]
        if not found:
            return ""
        # The whole register pasted back is a few words, not every row and title: runs of rows, three titles.
        runs: list[list[int]] = []
        for n, _ in found:
            if runs and runs[-1][-1] == n - 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        parts = [p for run in runs for p in ([f"{run[0]} to {run[-1]}"] if len(run) > 2 else map(str, run))]
        which = f"Row {parts[0]} has" if len(found) == 1 else f"Rows {in_words(parts)} have"
        titles = [f"“{t}”" for t in dict.fromkeys(t for _, t in found)]
        named = ", ".join(titles) if len(titles) <= 3 else f"{', '.join(titles[:3])} and {len(titles) - 3} more"
        return (f"{which} the title of a project already in the register ({named}): Add makes a second copy of "
                f"{'it' if len(found) == 1 else 'each'}; to change a project, edit it in the register instead.")

    def areas_not_known(self) -> str:
        """Rows naming an area the file does not know ("Ipswich, Waveney": the register separates areas with ";"),
        said before they are added as the editor says it of a project: added without a word, the board report counted
        each as the office's own. Rows giving one message are said together ("Rows 1, 2, 3 and 37 more: …")."""
        if "areas" not in self.keys or self.known is None or self.heading_row is None:
            return ""
        column, known = self.keys.index("areas"), self.known()
        rows: dict[str, list[int]] = {}
        for n, row in enumerate(self.data_rows(), start=1):
            cell = row[column] if column < len(row) else ""
            if cell.strip():
                for said in service.areas_not_known(Project(id="", title="", areas=service.split_areas(cell)), known):
                    rows.setdefault(said, []).append(n)
        parts = []
        for said, numbers in list(rows.items())[:3]:
            which = f"Row {numbers[0]}" if len(numbers) == 1 else f"Rows {in_words(list(map(str, numbers)))}" \
                if len(numbers) <= 4 else f"Rows {', '.join(map(str, numbers[:3]))} and {len(numbers) - 3} more"
            parts.append(f"{which}: {said}")
        if len(rows) > 3:
            parts.append(f"And {len(rows) - 3} more areas this file does not know.")
        return " ".join(parts)

    def twice_in_rows(self) -> str:
        """Rows with the title of a row above them (a table copied twice over): said, as a register title is, since Add
        makes two projects that a scenario and the report would each count; not refused."""
        if "title" not in self.keys:
            return ""
        column, first, said = self.keys.index("title"), {}, []
        for n, row in enumerate(self.data_rows(), start=1):
            key = typed_name_key(row[column]) if column < len(row) else ""
            if key and key in first:
                above, title = first[key]
                said.append(f"Row {n} has the title of row {above} (“{title}”)")
            elif key:
                first[key] = (n, row[column].strip())
        if not said:
            return ""
        shown = "; ".join(said[:3]) + (f"; and {len(said) - 3} more rows" if len(said) > 3 else "")
        return (f"{shown}: Add makes two projects of {'it' if len(said) == 1 else 'each'}, which a scenario and the "
                "board report would each count.")

    def slips(self) -> list[str]:
        """Dates in the rows far from today, asked about before they are added."""
        found = []
        for n, row in enumerate(self.data_rows(), start=1):
            for c, key in enumerate(self.keys):
                if key in ("start_date", "end_date", "status_date") and c < len(row) and row[c]:
                    try:
                        slip = date_slip(parse_uk_date(row[c]), around=self.today(), years=10)
                    except PeriodError:
                        continue
                    if slip is not None:
                        found.append(f"Row {n}: {slip.message}")
        return found


