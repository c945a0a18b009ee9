"""Who reported and where: the agency's type and name, and DOPA codes of its place.

Analysts join reports by agency and by administrative code, not by free text: "เทศบาลตำบล
แม่จัน" in one year and "ทต.แม่จัน" in the next are one agency. The type is read from the full
name or its usual abbreviation; the codes come from the geothai gazetteer (77 provinces, 928
districts, 7,436 subdistricts with the Department of Provincial Administration's codes, MIT
and CC-BY, no dependencies), matched on the names the document prints. A name that matches
no place, or more than one, leaves its code null with a warning: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import geothai

from itaparse.models import ParseWarning
from itaparse.thai.text import closest

# (type, its spellings: the full word first, then abbreviations), most specific first.
_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("เทศบาลนคร", ("เทศบาลนคร", "ทน.")),
    ("เทศบาลเมือง", ("เทศบาลเมือง", "ทม.")),
    ("เทศบาลตำบล", ("เทศบาลตำบล", "ทต.")),
    ("องค์การบริหารส่วนตำบล", ("องค์การบริหารส่วนตำบล", "อบต.")),
    ("องค์การบริหารส่วนจังหวัด", ("องค์การบริหารส่วนจังหวัด", "อบจ.")),
    ("กรุงเทพมหานคร", ("กรุงเทพมหานคร", "กทม.")),
    ("เมืองพัทยา", ("เมืองพัทยา",)),
    ("โรงพยาบาล", ("โรงพยาบาลส่งเสริมสุขภาพตำบล", "รพ.สต.", "โรงพยาบาล", "รพ.")),
    ("สถานศึกษา", ("มหาวิทยาลัย", "วิทยาลัย", "โรงเรียน", "สถานศึกษา")),
    ("ส่วนราชการ", ("สำนักงาน", "สำนัก", "กรม", "กระทรวง")),
)
# Types whose name is a place: the tambon (or town) the agency is named after.
_TAMBON_LEVEL = ("เทศบาลตำบล", "องค์การบริหารส่วนตำบล", "เทศบาลเมือง", "เทศบาลนคร")
_LEVEL_WORDS = re.compile(r"^(?:จังหวัด|จ\.|อำเภอ|อ\.|เขต|ตำบล|ต\.|แขวง)\s*")


@dataclass
class Identity:
    agency_type: str | None = None
    agency_name: str | None = None
    agency_key: str | None = None
    province_code: str | None = None
    district_code: str | None = None
    subdistrict_code: str | None = None
    warnings: list[ParseWarning] = field(default_factory=list)


def agency_type(agency: str | None) -> tuple[str | None, str | None]:
    """(type, name without it) of an agency as printed: "ทต.แม่จัน" -> ("เทศบาลตำบล", "แม่จัน");
    a name of no known type is ("other", the name)."""
    if not agency:
        return None, None
    text = " ".join(agency.split())
    for kind, spellings in _TYPES:
        for spelling in spellings:
            if text.startswith(spelling):
                name = text[len(spelling) :].strip(" .")
                if kind in ("กรุงเทพมหานคร", "เมืองพัทยา"):
                    name = kind
                return kind, name or text
    return "other", text


def _bare(name: str | None) -> str:
    """A place name as geothai spells it: without the level word, spaces or a final dot."""
    if not name:
        return ""
    text = _LEVEL_WORDS.sub("", "".join(name.split())).strip(".")
    return text


def _nearest(name: str, places: list[Any]) -> list[Any]:
    """The places named `name`; failing that, those one letter in four away from it (a
    damaged text layer drops or swaps marks: "สระบรี" for "สระบุรี"), if the nearest is alone."""
    exact = [p for p in places if p.name_th == name]
    if exact or len(name) < 3:
        return exact
    near = set(closest(name, (p.name_th for p in places), max(1, len(name) // 4)))
    return [p for p in places if p.name_th in near]


def _warn(code: str, message: str) -> ParseWarning:
    return ParseWarning(code=code, message=message)


def identify(agency: str | None, district: str | None, province: str | None) -> Identity:
    """Type, name, key and codes of the agency named in a report's title block."""
    kind, name = agency_type(agency)
    found = Identity(agency_type=kind, agency_name=name)
    province_name, district_name = _bare(province), _bare(district)
    provinces = []
    if province_name:
        provinces = _nearest(province_name, list(geothai.provinces()))
        if not provinces:
            found.warnings.append(_warn("geo-unresolved", f"no province named {province!r}"))
    if kind == "กรุงเทพมหานคร" and not provinces:
        provinces = _nearest("กรุงเทพมหานคร", list(geothai.provinces()))
    districts: list[Any] = []
    if district_name:
        pool = (
            list(geothai.districts(provinces[0].code))
            if len(provinces) == 1
            else [d for p in geothai.provinces() for d in geothai.districts(p.code)]
        )
        names = [district_name]
        if district_name == "เมือง" and len(provinces) == 1:
            names = [f"เมือง{provinces[0].name_th}"]  # "อำเภอเมือง จังหวัดตาก"
        districts = [d for n in names for d in _nearest(n, pool)]
        if len(districts) > 1:
            where = ", ".join(d.code for d in districts)
            found.warnings.append(
                _warn("geo-ambiguous", f"district {district!r} could be any of {where}")
            )
            districts = []
        elif not districts:
            found.warnings.append(_warn("geo-unresolved", f"no district named {district!r}"))
    if len(districts) == 1 and not provinces:
        provinces = [geothai.province(districts[0].province_code)]  # the district says which
    if len(provinces) == 1:
        found.province_code = provinces[0].code
    if len(districts) == 1:
        found.district_code = districts[0].code
        if kind in _TAMBON_LEVEL and name:
            tambons = [s for s in geothai.subdistricts(districts[0].code) if s.name_th == name]
            if len(tambons) == 1:
                found.subdistrict_code = tambons[0].code
            elif len(tambons) > 1:
                found.warnings.append(
                    _warn("geo-ambiguous", f"more than one tambon {name!r} in the district")
                )
    if kind and name:
        found.agency_key = f"{kind}|{name}|{found.province_code or '-'}"
    return found
