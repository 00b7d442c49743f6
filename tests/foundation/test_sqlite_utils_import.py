"""sqlite-utils is loaded without pandas and numpy, even where they are installed beside Safer Desk.

sqlite-utils imports both whenever it finds them (only to know their column types), which cost half a second
of every new file, police import and merge in an environment that has them. Stand-in packages on the path
make the test mean the same on a machine with or without the real ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _stand_ins(folder: Path) -> None:
    for name in ("pandas", "numpy"):
        package = folder / name
        package.mkdir()
        (package / "__init__.py").write_text(
            "import os\n"
            f"open(os.environ['STAND_IN_LOG'], 'a', encoding='utf-8').write('{name}\\n')\n", encoding="utf-8")


def _run(tmp_path: Path, code: str) -> tuple[list[str], str]:
    stand_ins = tmp_path / "site"
    stand_ins.mkdir()
    _stand_ins(stand_ins)
    log = tmp_path / "imported.txt"
    log.write_text("", encoding="utf-8")
    env = dict(os.environ, STAND_IN_LOG=str(log),
               PYTHONPATH=os.pathsep.join([str(stand_ins), str(ROOT), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    return log.read_text(encoding="utf-8").split(), done.stdout


def test_making_a_file_and_asking_for_sqlite_utils_loads_neither_pandas_nor_numpy(tmp_path):
    imported, out = _run(tmp_path, """
        import sys
        from pathlib import Path
        from safer_desk.storage.store import create_file, open_store
        path = create_file(Path("office.sqlite"), "Babergh office")
        store = open_store(path)
        print(store.db["meta"].count > 0, "pandas" in sys.modules, "numpy" in sys.modules)
        import sqlite_utils.db
        print(sqlite_utils.db.pd, sqlite_utils.db.np)
        store.close()
    """)
    assert imported == []
    assert out.split() == ["True", "False", "False", "None", "None"]


def test_pandas_stays_importable_for_anyone_else_in_the_process(tmp_path):
    imported, out = _run(tmp_path, """
        import sys
        from safer_desk.storage.store import import_sqlite_utils
        import_sqlite_utils()
        import pandas, numpy  # the program's own sqlite-utils went without them; anyone else may import them
        print(sys.modules["pandas"] is pandas, sys.modules["numpy"] is numpy, pandas is not None)
    """)
    assert sorted(imported) == ["numpy", "pandas"]
    assert out.split() == ["True", "True", "True"]
