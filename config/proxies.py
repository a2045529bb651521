"""Who sent a request: the one place that reads a client's address.

`X-Forwarded-For` is written by whoever sends the request, so it says nothing unless a
proxy we run wrote it. `client_ip` trusts it only from the addresses in
`settings.TRUSTED_PROXIES` (IPs or CIDR networks, from the environment; empty by
default): then it walks the header from the right, past our own proxies, and takes the
first address that is not one of them. nginx's `$proxy_add_x_forwarded_for` appends the
address it saw, so everything to the left of that is the sender's own claim and is never
used. Rate limits (public comments) and login throttling (django-axes) both key on it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """`["127.0.0.1", "10.0.0.0/8"]` as networks; ValueError names a bad entry."""
    networks = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as exc:
            raise ValueError(f"TRUSTED_PROXIES: '{value}' is not an IP address or network") from exc
    return tuple(networks)


@lru_cache(maxsize=8)
def _trusted(values: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_networks(values)


def _parse(value: str) -> Address | None:
    """An address as a proxy writes it: bare, or with a port (`1.2.3.4:80`, `[::1]:80`).
    IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is the IPv4 address it carries."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # IPv4 with a port; IPv6 has at least two colons
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, unless that is a trusted proxy; then the
    rightmost X-Forwarded-For entry that is not a trusted proxy. None when unknown
    (a request built in a test has no REMOTE_ADDR)."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return None
    networks = _trusted(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not networks or not _is_trusted(remote, networks):
        return str(remote)
    nearest = remote  # the closest hop known for sure
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        if not entry.strip():
            continue
        address = _parse(entry)
        if address is None:
            # Garbage where a proxy of ours should have written an address: nothing
            # further left can be trusted. Count the request against the last hop.
            return str(nearest)
        if not _is_trusted(address, networks):
            return str(address)
        nearest = address
    return str(nearest)
