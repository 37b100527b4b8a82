"""The modes as data: every spec is complete and the places that list modes use them."""

from __future__ import annotations

import pytest

from kiosk.core.config import load_config
from kiosk.core.modes import MODE_NAMES, MODES, mode_spec, modes_where


@pytest.mark.parametrize("spec", MODES, ids=lambda m: m.name)
def test_each_spec_is_a_whole_flow(spec):
    assert spec.steps[1] == "vote" and spec.steps[-2] == "plan" and spec.steps[-1] == "share"
    assert spec.first_step == spec.steps[0]
    assert spec.plan_kind in ("mini", "full")
    assert spec.hand_size >= 1
    assert not (spec.idle_reset and spec.resumable)  # nobody comes back to an idle visitor's session


def test_names_are_unique_and_known_everywhere(tmp_path):
    assert len(set(MODE_NAMES)) == len(MODES)
    for name in MODE_NAMES:
        assert mode_spec(name).name == name
        path = tmp_path / f"{name}.toml"
        path.write_text(f'mode = "{name}"\n', encoding="utf-8")
        config, problems = load_config(path)
        assert problems == [] and config.mode == name
    with pytest.raises(KeyError):
        mode_spec("party")


def test_modes_where():
    assert modes_where(resumable=True) == ("workshop", "checkin")
    assert modes_where(idle_reset=True) == ("walkup",)
