"""The kiosk configuration (``kiosk.toml``); command-line flags override it."""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tomli_w

from .deck import LANGUAGES
from .fields import Fields
from .modes import MODE_NAMES
from .pin import hash_problem
from .problems import Problem
from .tomlfile import TomlSource, read_toml


@dataclass(frozen=True)
class Config:
    mode: str = ""  # empty: the start screen offers the modes
    kiosk: bool = False
    language: str = "sv"
    decks: tuple[str, ...] = ("innovationslek",)
    theme: str = ""  # empty: kiosk-dark, or console on TERM=linux
    idle_seconds: int = 90
    share_idle_seconds: int = 45
    data_dir: str = ""  # empty: the platform's user data directory
    pin_hash: str = ""
    viewer_url: str = ""  # empty: the kiosk serves the viewer itself
    viewer_host: str = "0.0.0.0"  # [network] host: where the kiosk's server listens
    viewer_port: int = 8765  # [network] port; 0 lets the system pick a free one
    advertise_host: str = ""  # [network] advertise: the host name or address phones use, if not found
    wifi_ssid: str = ""  # a hotspot's name and password: the lobby shows a Wi-Fi join QR
    wifi_password: str = ""
    strict_join: bool = False  # the join QR admits one phone and is then redrawn
    token_margin: int = 3  # phone tokens per round: the group size plus this
    export_walkup_text: bool = False
    private_exports: bool = False  # exported files readable by the kiosk's user only (0600)
    seed: int | None = None
    central: Any = field(default=None)  # kiosk.central.settings.CentralSettings, from [central]

    def with_overrides(self, **overrides: Any) -> Config:  # command-line flags: each field's own type
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in overrides.items() if k in known and v is not None})


def load_config(path: Path | str) -> tuple[Config, list[Problem]]:
    source, data, problems = read_toml(path)
    if data is None or source is None:
        return Config(), problems
    f = Fields(source, data, problems, where="config", span=source.table_span(""))
    base = Config()
    mode = f.choice("mode", MODE_NAMES, required=False, default="")
    kiosk = data.get("kiosk", False)
    f.used.add("kiosk")
    if not isinstance(kiosk, bool):
        f.report("kiosk", "must be true or false")
        kiosk = False
    flag = data.get("export_walkup_text", False)
    f.used.add("export_walkup_text")
    if not isinstance(flag, bool):
        f.report("export_walkup_text", "must be true or false")
        flag = False
    network = _network(f, source, problems, base)
    private = data.get("private_exports", False)
    f.used.add("private_exports")
    if not isinstance(private, bool):
        f.report("private_exports", "must be true or false")
        private = False
    config = Config(
        mode=mode,
        kiosk=kiosk,
        language=f.choice("language", LANGUAGES, required=False, default=base.language),
        decks=tuple(f.text_list("decks", required=False) or base.decks),
        theme=f.text("theme", required=False),
        idle_seconds=f.integer("idle_seconds", required=False, minimum=5, maximum=3600, default=base.idle_seconds),
        share_idle_seconds=f.integer(
            "share_idle_seconds", required=False, minimum=5, maximum=3600, default=base.share_idle_seconds
        ),
        data_dir=f.text("data_dir", required=False),
        pin_hash=f.text("pin_hash", required=False),
        viewer_url=f.text("viewer_url", required=False),
        viewer_host=network.get("host") or f.text("viewer_host", required=False) or base.viewer_host,
        viewer_port=network.get(
            "port", f.integer("viewer_port", required=False, minimum=0, maximum=65535, default=base.viewer_port)
        ),
        advertise_host=network.get("advertise", ""),
        wifi_ssid=network.get("wifi_ssid", ""),
        wifi_password=network.get("wifi_password", ""),
        strict_join=network.get("strict_join", False),
        token_margin=network.get("token_margin", base.token_margin),
        export_walkup_text=flag,
        central=_central(f, flag),
        private_exports=private,
    )
    if config.viewer_url:
        problem = viewer_url_problem(config.viewer_url)
        if problem:
            f.report("viewer_url", problem)
    if "viewer_host" in data and not host_is_usable(config.viewer_host):
        f.report("viewer_host", f"'{config.viewer_host}' is not an IP address or a host name (e.g. 0.0.0.0)")
    if config.pin_hash:
        problem = hash_problem(config.pin_hash)
        if problem:
            f.report("pin_hash", f"{problem}; set the PIN again with innovationslek set-pin")
    f.finish()
    return config, problems


_HEADER = re.compile(r"^\s*\[")


def set_top_level_key(text: str, key: str, value: str) -> str:
    """``text`` with ``key = "value"`` at its top level, every comment and line kept: the
    key's line is replaced if there is one, else the line goes before the first table."""
    new_line = tomli_w.dumps({key: value}).strip()
    own_line = re.compile(rf'^\s*(?:{re.escape(key)}|"{re.escape(key)}")\s*=')
    lines = text.splitlines()
    first_table = next((i for i, line in enumerate(lines) if _HEADER.match(line)), len(lines))
    for i in range(first_table):
        if own_line.match(lines[i]):
            lines[i] = new_line
            break
    else:
        lines.insert(first_table, new_line)
    result = "\n".join(lines) + "\n"
    try:
        if tomllib.loads(result).get(key) == value:
            return result
    except tomllib.TOMLDecodeError:
        pass
    data = tomllib.loads(text)  # an unusual layout: write the settings again, without comments
    data[key] = value
    return tomli_w.dumps(data)


_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def host_is_usable(host: str) -> bool:
    """An IP address, or a host name made of valid labels (not one that only looks like
    an address: 999.1.1.1)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    return 0 < len(host) <= 253 and all(_HOST_LABEL.match(label) for label in labels) and not labels[-1].isdigit()


def viewer_url_problem(url: str) -> str | None:
    """Why the plan links cannot be built on ``url``, or None."""
    if not url.startswith(("https://", "http://")):
        return "must start with https:// (or http:// on a local network)"
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return "must not hold spaces, line breaks or control characters"
    parts = urlsplit(url)
    if parts.fragment or "#" in url:
        return "must not hold '#': the plan travels after it"
    try:
        host = parts.hostname
    except ValueError:
        host = None
    if not host or not host_is_usable(host.strip("[]")):
        return "has no usable host name"
    return None


def _central(f: Fields, walkup_text: bool) -> Any:
    from ..central.settings import parse_central  # the [central] table is that package's business

    return parse_central(f, walkup_text=walkup_text)


def _network(f: Fields, source: TomlSource, problems: list[Problem], base: Config) -> dict:
    """The ``[network]`` table: host, port, advertise, wifi_ssid, wifi_password, strict_join,
    token_margin (only the keys that are set)."""
    table = f.table_at("network", required=False)
    if not table:
        return {}
    n = Fields(source, table, problems, where="[network]", span=source.table_span("network"))
    found: dict = {}
    if "host" in table:
        found["host"] = n.text("host", required=False)
        if not host_is_usable(found["host"]):
            n.report("host", f"'{found['host']}' is not an IP address or a host name (e.g. 0.0.0.0)")
    if "port" in table:
        found["port"] = n.integer("port", required=False, minimum=0, maximum=65535, default=base.viewer_port)
    found["advertise"] = n.text("advertise", required=False)
    if found["advertise"] and not host_is_usable(found["advertise"]):
        n.report("advertise", f"'{found['advertise']}' is not an IP address or a host name")
    found["wifi_ssid"] = n.text("wifi_ssid", required=False, max_len=32)
    found["wifi_password"] = n.text("wifi_password", required=False, max_len=63)
    if found["wifi_password"] and not found["wifi_ssid"]:
        n.report("wifi_password", "needs wifi_ssid as well")
    strict = table.get("strict_join", False)
    n.used.add("strict_join")
    if not isinstance(strict, bool):
        n.report("strict_join", "must be true or false")
        strict = False
    found["strict_join"] = strict
    found["token_margin"] = n.integer(
        "token_margin", required=False, minimum=0, maximum=1000, default=base.token_margin
    )
    n.finish()
    return found
