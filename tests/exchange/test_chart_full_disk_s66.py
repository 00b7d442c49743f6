"""Round s66: Indicators > Export Chart… onto a full disk.

The picture was written by Qt straight into the temporary file beside the target, by writes Safer Desk never saw: a
disk that filled part way left a cut-short SVG (Qt's SVG writer reports no failure) moved over the chart sent last
month, and a PNG Qt could not save said only "could not write …chart.png", not why. The picture is now drawn in
memory and written as every export is (each write checked): the disk full is said, the earlier chart stays as it was,
and no temporary file is left beside it.
"""

from __future__ import annotations

import pytest

from tests.safety.test_full_disk import _DiskFull, no_temporaries

EARLIER = b"last month's chart\n"


@pytest.mark.parametrize("name", ["chart.svg", "chart.png"])
def test_a_chart_exported_onto_a_full_disk_says_so_and_leaves_the_earlier_one(demo_window, prompts, tmp_path,
                                                                               monkeypatch, name):
    from safer_desk.storage import safe_write

    tab = demo_window.show_tab("indicators")
    tab.select_indicator("All crime")
    target = tmp_path / name
    target.write_bytes(EARLIER)
    monkeypatch.setattr(safe_write, "os", _DiskFull("write"))
    prompts.file_names.append(str(target))
    tab.export_chart()
    assert prompts.infos == []
    ((title, text),) = prompts.errors
    assert title == "Chart not exported"
    assert text == (f"{name} could not be written to {tmp_path}: the disk is full. "
                    f"Nothing was changed (the earlier {name} is as it was).")
    assert target.read_bytes() == EARLIER
    assert no_temporaries(tmp_path) == []


@pytest.mark.parametrize("name,start", [("chart.svg", b"<?xml"), ("chart.png", b"\x89PNG\r\n\x1a\n")])
def test_a_chart_exported_is_the_whole_picture(demo_window, prompts, tmp_path, name, start):
    tab = demo_window.show_tab("indicators")
    tab.select_indicator("All crime")
    prompts.file_names.append(str(tmp_path / name))
    tab.export_chart()
    data = (tmp_path / name).read_bytes()
    assert data.startswith(start) and prompts.errors == []
    assert data.rstrip().endswith(b"</svg>") if name.endswith(".svg") else data.endswith(b"IEND\xaeB`\x82")
    assert "All crime" in tab.chart.data.title and no_temporaries(tmp_path) == []
