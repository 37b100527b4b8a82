"""Which address a phone on the same network reaches this machine at.

The host name often maps to 127.0.1.1 (Debian's default), which means nothing to a phone.
The interface that carries the default route is the one the room's Wi-Fi reaches, and the
kernel names it when a UDP socket is "connected" towards an outside address: that only
looks up a route and sends no packet.
"""

from __future__ import annotations

import ipaddress
import socket

# Documentation addresses (RFC 5737 / 3849): never answered, only used to pick a route.
PROBE_V4 = "203.0.113.1"
PROBE_V6 = "2001:db8::1"
WILDCARDS = ("", "0.0.0.0", "::")


def route_address(probe: str) -> str | None:
    """The local address the kernel would send from towards ``probe``; None without a route."""
    family = socket.AF_INET6 if ":" in probe else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect((probe, 9))
            return sock.getsockname()[0]
    except OSError:
        return None


def usable_by_phones(address: str | None) -> bool:
    """An address another device on the network can reach (not loopback, not unset,
    not an automatic link-local address)."""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:  # a host name: phones resolve it themselves
        return address.lower() not in ("localhost", "localhost.localdomain")
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local or ip.is_multicast)


def lan_address(probes: tuple[str, ...] = (PROBE_V4, PROBE_V6)) -> str | None:
    """This machine's address on the local network, or None when it has none a phone
    could use (no network, or only loopback)."""
    for probe in probes:
        address = route_address(probe)
        if usable_by_phones(address):
            return address
    return None


def public_host(listen_host: str, probes: tuple[str, ...] = (PROBE_V4, PROBE_V6)) -> str | None:
    """The host phones use for a server listening on ``listen_host``; None when phones
    cannot reach it (it listens on loopback only, or the machine has no network)."""
    if listen_host in WILDCARDS:
        return lan_address(probes)
    return listen_host if usable_by_phones(listen_host) else None


def base_url(host: str, port: int) -> str:
    """``http://host:port/``, with brackets round an IPv6 address."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
