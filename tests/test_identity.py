"""Who reported and where: agency type, name, key and DOPA codes (itaparse.identity)."""

from __future__ import annotations

import pytest

from itaparse.identity import agency_type, identify


@pytest.mark.parametrize(
    ("printed", "kind", "name"),
    [
        ("เทศบาลตำบลแม่จัน", "เทศบาลตำบล", "แม่จัน"),
        ("ทต.แม่จัน", "เทศบาลตำบล", "แม่จัน"),
        ("ทต. แม่จัน", "เทศบาลตำบล", "แม่จัน"),
        ("เทศบาลนครแม่สอด", "เทศบาลนคร", "แม่สอด"),
        ("ทน.แม่สอด", "เทศบาลนคร", "แม่สอด"),
        ("เทศบาลเมืองท่าช้าง", "เทศบาลเมือง", "ท่าช้าง"),
        ("ทม.ท่าช้าง", "เทศบาลเมือง", "ท่าช้าง"),
        ("องค์การบริหารส่วนตำบลคลองหนึ่ง", "องค์การบริหารส่วนตำบล", "คลองหนึ่ง"),
        ("อบต.คลองหนึ่ง", "องค์การบริหารส่วนตำบล", "คลองหนึ่ง"),
        ("องค์การบริหารส่วนจังหวัดตาก", "องค์การบริหารส่วนจังหวัด", "ตาก"),
        ("อบจ.ตาก", "องค์การบริหารส่วนจังหวัด", "ตาก"),
        ("กรุงเทพมหานคร", "กรุงเทพมหานคร", "กรุงเทพมหานคร"),
        ("เมืองพัทยา", "เมืองพัทยา", "เมืองพัทยา"),
        ("โรงพยาบาลพิชัย", "โรงพยาบาล", "พิชัย"),
        ("รพ.พิชัย", "โรงพยาบาล", "พิชัย"),
        ("รพ.สต.บ้านนา", "โรงพยาบาล", "บ้านนา"),
        ("โรงเรียนบ้านนา", "สถานศึกษา", "บ้านนา"),
        ("สำนักงานสาธารณสุขจังหวัดตาก", "ส่วนราชการ", "สาธารณสุขจังหวัดตาก"),
        ("มูลนิธิบ้านนา", "other", "มูลนิธิบ้านนา"),
    ],
)
def test_agency_type_from_full_names_and_abbreviations(printed: str, kind: str, name: str) -> None:
    assert agency_type(printed) == (kind, name)


def test_the_same_agency_has_the_same_key_however_it_is_written() -> None:
    full = identify("เทศบาลตำบลแม่จัน", "อำเภออุ้มผาง", "จังหวัดตาก")
    short = identify("ทต.แม่จัน", "อ.อุ้มผาง", "จ.ตาก")
    assert full.agency_key == short.agency_key == "เทศบาลตำบล|แม่จัน|63"
    assert (full.province_code, full.district_code, full.subdistrict_code) == (
        "63",
        "6308",
        "630804",
    )


def test_damaged_names_resolve_to_the_one_place_they_are_near() -> None:
    found = identify("เทศบาลตำบลหัวหิน", "เมืองสระบรี", "สระบรี")  # SARA U lost
    assert (found.province_code, found.district_code, found.warnings) == ("19", "1901", [])


def test_a_district_named_like_its_province() -> None:
    found = identify("เทศบาลตำบลบ้านสวน", "เมือง", "ชลบุรี")  # "อำเภอเมือง จังหวัดชลบุรี"
    assert (found.province_code, found.district_code, found.subdistrict_code) == (
        "20",
        "2001",
        "200105",
    )


def test_the_district_tells_the_province_when_it_is_unique() -> None:
    found = identify("อบต.คลองหนึ่ง", "คลองหลวง", None)
    assert (found.province_code, found.district_code) == ("13", "1302")


def test_a_district_name_of_several_provinces_is_left_out_with_a_warning() -> None:
    found = identify("อบต.บ้านนา", "เฉลิมพระเกียรติ", None)
    assert (found.province_code, found.district_code) == (None, None)
    assert [w.code for w in found.warnings] == ["geo-ambiguous"]
    assert found.agency_key == "องค์การบริหารส่วนตำบล|บ้านนา|-"


def test_a_tambon_of_two_districts_needs_its_district() -> None:
    # หนองปรือ is a tambon of บางละมุง and of พนัสนิคม (ชลบุรี).
    assert identify("เทศบาลเมืองหนองปรือ", "บางละมุง", "ชลบุรี").subdistrict_code == "200402"
    assert identify("เทศบาลเมืองหนองปรือ", "พนัสนิคม", "ชลบุรี").subdistrict_code == "200613"
    found = identify("เทศบาลเมืองหนองปรือ", None, "ชลบุรี")
    assert (found.province_code, found.district_code, found.subdistrict_code) == ("20", None, None)


def test_a_name_that_is_no_place_is_left_out_with_a_warning() -> None:
    found = identify("เทศบาลตำบลแม่จัน", "ไม่มีอำเภอนี้เลย", "ไม่มีจังหวัดนี้")
    assert (found.province_code, found.district_code) == (None, None)
    assert [w.code for w in found.warnings] == ["geo-unresolved", "geo-unresolved"]
