"""The official list of Vietnam's administrative units (danh mục đơn vị hành chính),
read from the installed `vietnam-provinces` package: no network, no table of our own.

Codes are written as the General Statistics Office writes them: two digits for a
province ("12"), five for a commune, ward or special zone ("03408"). See
docs/decisions/0008-divisions.md for why this package.
"""

from __future__ import annotations

from dataclasses import dataclass

from vietnam_provinces import Province, VietNamDivisionType, Ward

from .text import normalize_search as normalize


@dataclass(frozen=True)
class Division:
    """One official unit: its code, its name as the list writes it, and its kind."""

    admin_code: str
    name: str  # "Xã Bình Lư", "Phường Tân Phong", "Lai Châu"
    division_type: str  # "xã", "phường", "đặc khu", "tỉnh", "thành phố trung ương"

    @property
    def bare_name(self) -> str:
        """The name without its type: "Bình Lư" (the place line of a document)."""
        prefix = self.division_type.capitalize() + " "
        return self.name[len(prefix) :] if self.name.startswith(prefix) else self.name

    @property
    def committee_name(self) -> str:
        """The People's Committee as the app names units: "UBND xã Bình Lư"."""
        return f"UBND {self.division_type} {self.bare_name}"


def province_code(code) -> str:
    return f"{int(code):02d}"


def ward_code(code) -> str:
    return f"{int(code):05d}"


def province_find(name: str) -> Division | None:
    """The province (or centrally run city) by name, with or without diacritics or
    its type: "Lai Châu", "lai chau", "Tỉnh Lai Châu"."""

    def bare(text: str) -> str:
        text = normalize(text)
        for prefix in ("tinh ", "thanh pho "):
            text = text.removeprefix(prefix)
        return text

    wanted = bare(name)
    for province in Province.iter_all():
        if bare(province.name) == wanted:
            return Division(
                province_code(province.code), province.name, province.division_type.value
            )
    return None


def province_names() -> list[str]:
    return sorted(p.name for p in Province.iter_all())


def wards_of(province: Division) -> list[Division]:
    """The province's communes, wards and special zones, by official code."""
    wards = Ward.iter_by_province(int(province.admin_code))
    return sorted(
        (Division(ward_code(w.code), w.name, w.division_type.value) for w in wards),
        key=lambda d: d.admin_code,
    )


WARD_TYPES = {VietNamDivisionType.XA.value, VietNamDivisionType.PHUONG.value}
