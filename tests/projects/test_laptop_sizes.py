"""Issue 15 on the register: at a laptop's logical size the columns an officer reads stay in view."""

import pytest

from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, columns_out_of_view, resize_window, rows_in_view

KEY_COLUMNS = ["Ref", "Project / initiative", "Status", "Cost", "Met"]


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_register_key_columns_and_rows_in_view(demo_window, size):
    page = demo_window.show_tab("projects").register
    resize_window(demo_window, size)
    assert columns_out_of_view(page.view, KEY_COLUMNS) == []
    assert rows_in_view(page.view) >= 5
