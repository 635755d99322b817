"""The answer cache follows the user layer when another process changes it (issue 11, item 3)."""
from __future__ import annotations

import subprocess
import sys

from gazetteer import Gazetteer


def test_resolve_follows_a_correction_made_by_another_process(tmp_path, gz):
    user = tmp_path / "user.sqlite"
    g = Gazetteer(gz.path, user)
    g.add("Camp Fixme", 33.0, 44.0, "base", id="user:camp-fixme", source="test")
    g.close()
    mine = Gazetteer(gz.path, user)
    assert mine.resolve("Camp Fixme").lat == 33.0
    code = (f"from gazetteer import Gazetteer; g = Gazetteer({str(gz.path)!r}, {str(user)!r});"
            "g.add('Camp Fixme', 35.0, 44.0, 'base', id='user:camp-fixme', source='test')")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
    assert mine.get("user:camp-fixme").lat == 35.0
    assert mine.resolve("Camp Fixme").lat == 35.0
    assert mine.candidates("Camp Fixme")[0].place.lat == 35.0
    mine.close()
