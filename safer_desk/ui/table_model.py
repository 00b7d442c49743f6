"""Kept for the tabs not yet moved to the kit: everything here lives in ``safer_desk.ui.kit.tables``."""

from safer_desk.ui.kit.tables import (  # noqa: F401
    CENTER, COPY_ROLE, LEFT, RAW_ROLE, RIGHT, ROW_ROLE, Column, RawSortFilterProxy, RowTableModel, SortProxy,
    money_column, sort_key,
)
