"""The ``[central]`` table of kiosk.toml: where to sync and what may leave the kiosk.

    [central]
    url = "postgresql://kiosk:secret@central.example.org/innovationslek"
    interval_minutes = 15      # background sync; 0 = only by hand (innovationslek sync)
    send_who = false           # the names in a plan's "who" stay on the kiosk by default

Walk-up visitors' free text follows ``export_walkup_text`` at the top level, as for the
file export: it leaves the kiosk only where the kiosk already allows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.fields import Fields
from ..core.problems import Problem
from ..core.tomlfile import read_toml

URL_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class CentralSettings:
    url: str = ""
    interval_minutes: int = 15
    send_who: bool = False
    send_walkup_text: bool = False

    @property
    def background(self) -> bool:
        return bool(self.url) and self.interval_minutes > 0


def parse_central(fields: Fields, *, walkup_text: bool = False) -> CentralSettings:
    """Read the ``[central]`` table through ``fields`` (the top-level table's reader)."""
    table = fields.table_at("central", required=False)
    if not table:
        return CentralSettings(send_walkup_text=walkup_text)
    f = Fields(fields.source, table, fields.problems, where="[central]", span=fields.source.table_span("central"))
    url = f.text("url", required=False)
    if url and not url.startswith(URL_SCHEMES):
        f.report("url", "must start with postgresql://")
        url = ""
    interval = f.integer("interval_minutes", required=False, minimum=0, maximum=24 * 60, default=15)
    send_who = f.table.get("send_who", False)
    f.used.add("send_who")
    if not isinstance(send_who, bool):
        f.report("send_who", "must be true or false")
        send_who = False
    f.finish()
    return CentralSettings(url=url, interval_minutes=interval, send_who=send_who, send_walkup_text=walkup_text)


def load_central(path: Path | str | None) -> tuple[CentralSettings, list[Problem]]:
    """The central settings of a kiosk.toml (defaults when there is no file)."""
    if path is None or not Path(path).is_file():
        return CentralSettings(), []
    source, data, problems = read_toml(path)
    if data is None or source is None:
        return CentralSettings(), problems
    top = Fields(source, data, problems, where="config", span=source.table_span(""))
    walkup = data.get("export_walkup_text", False) is True
    return parse_central(top, walkup_text=walkup), problems
