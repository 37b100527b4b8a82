"""The address phones reach the kiosk at: the interface of the default route, never
loopback; with no network, the CLI and screens say so instead of printing a dead link."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from kiosk.cli import build_parser, resolve_config
from kiosk.core.config import load_config
from kiosk.web.address import base_url, lan_address, public_host, route_address, usable_by_phones
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "plan.toml"


def kernel_source_address() -> str | None:
    """What `ip route get` says the kernel would send from (a second opinion)."""
    if shutil.which("ip") is None:
        return None
    out = subprocess.run(["ip", "-4", "route", "get", "203.0.113.1"], capture_output=True, text=True).stdout.split()
    return out[out.index("src") + 1] if "src" in out else None


def test_lan_address_is_the_default_route_interface():
    expected = kernel_source_address()
    if expected is None:
        pytest.skip("no default route or no `ip` tool on this machine")
    assert lan_address() == expected
    assert usable_by_phones(expected)


def test_loopback_is_never_offered_to_phones():
    assert route_address("127.0.0.1") == "127.0.0.1"
    assert lan_address(probes=("127.0.0.1", "::1")) is None  # only loopback found: no address
    assert public_host("127.0.0.1") is None
    assert public_host("::1") is None
    assert public_host("localhost") is None
    assert public_host("0.0.0.0", probes=("127.0.0.1",)) is None
    assert public_host("192.168.1.20") == "192.168.1.20"
    for address in ("0.0.0.0", "::", "169.254.3.4", "fe80::1", "", None):
        assert not usable_by_phones(address)
    assert usable_by_phones("10.0.0.7") and usable_by_phones("2001:db8::7") and usable_by_phones("kiosk.local")


def test_base_url_brackets_ipv6():
    assert base_url("192.168.1.20", 8765) == "http://192.168.1.20:8765/"
    assert base_url("2001:db8::7", 8765) == "http://[2001:db8::7]:8765/"


def in_empty_network(*command: str) -> subprocess.CompletedProcess:
    """Run in a fresh network namespace (only a loopback that is down): a machine
    with no network at all."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare here")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot make a network namespace here (needs root or user namespaces)")
    return subprocess.run(["unshare", "-n", *command], capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_no_network_means_no_address():
    result = in_empty_network(sys.executable, "-c", "from kiosk.web.address import lan_address; print(lan_address())")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None"


def test_plan_link_without_base_says_phones_cannot_reach(tmp_path):
    result = in_empty_network(
        sys.executable, str(ROOT / "run.py"), "--data-dir", str(tmp_path), "plan", "link", str(EXAMPLE)
    )
    assert result.returncode == 1 and result.stdout == ""
    assert "phones cannot reach this machine: set viewer_url or connect to a network" in result.stderr
    assert "Traceback" not in result.stderr
    # An explicit --base still works without a network.
    result = in_empty_network(
        sys.executable,
        str(ROOT / "run.py"),
        "--data-dir",
        str(tmp_path),
        "plan",
        "link",
        str(EXAMPLE),
        "--base",
        "https://example.org/",
    )
    assert result.returncode == 0 and result.stdout.startswith("https://example.org/#")


def test_plan_link_on_loopback_only_is_refused(tmp_path):
    (tmp_path / "kiosk.toml").write_text('[network]\nhost = "127.0.0.1"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--data-dir", str(tmp_path), "plan", "link", str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1 and "phones cannot reach this machine" in result.stderr


def test_network_table_and_listen_flag(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[network]\nhost = "192.168.1.20"\nport = 0\nwifi_ssid = "Verkstad"\n'
        'wifi_password = "hemligt123"\nstrict_join = true\ntoken_margin = 5\n',
        encoding="utf-8",
    )
    config, problems = load_config(path)
    assert problems == []
    assert (config.viewer_host, config.viewer_port, config.wifi_ssid, config.wifi_password) == (
        "192.168.1.20",
        0,
        "Verkstad",
        "hemligt123",
    )
    assert config.strict_join and config.token_margin == 5
    path.write_text('[network]\nport = 70000\nstrict_join = "ja"\nfoo = 1\n', encoding="utf-8")
    _, problems = load_config(path)
    assert len(problems) == 3 and all(p.line > 0 for p in problems)
    args = build_parser().parse_args(["--listen", "127.0.0.1:0", "--config", str(path.with_name("none.toml"))])
    assert args.listen == ("127.0.0.1", 0)
    args = build_parser().parse_args(["--listen", "[::]:8765"])
    config, _ = resolve_config(args)
    assert (config.viewer_host, config.viewer_port) == ("::", 8765)


def test_bad_listen_flag_is_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--listen", "nowhere"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2 and "is not HOST:PORT" in result.stderr and "Traceback" not in result.stderr
