"""What the sample reports say and how each is laid out (used by generate.py).

The wording is made up in the style of real municipal ITA reports; each sample varies what
clerks vary: font and size, page orientation, Thai or Arabic digits, how periods and scores
are written, cover pages, other tables, rows split over two table rows.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADER = (
    "มาตรการ/ แนวทาง",
    "วิธีดำเนินการ",
    "ผู้รับผิดชอบ",
    "ระยะเวลา ดำเนินการ",
    "ผลการดำเนินงาน",
    "ผลลัพธ์/ความสำเร็จ",
)
FY68 = ("2024-10-01", "2025-09-30")


@dataclass
class M:
    title: str
    methods: list[str]
    responsible: str
    period: str
    start: str | None
    end: str | None
    results: list[str]
    outcomes: list[str]
    score: float | None
    split_rows: bool = False  # lay the row out as two table rows, first column merged


@dataclass
class C:
    title: str
    measures: list[M]


@dataclass
class Sample:
    name: str
    font: str
    size: int
    landscape: bool
    thai_digits: bool
    agency: str
    district: str
    province: str
    year: int
    categories: list[C]
    cover_page: bool = True
    score_summary_table: bool = False
    header_labels: tuple[str, ...] = HEADER
    clean_pdf: bool = False  # drawn by fpdf2 (a PDF whose text layer needs no repair), no DOCX
    legacy_doc: bool = False  # also saved as Word 97 .doc


SERVICE = M(
    title="มาตรการยกระดับคุณภาพการให้บริการประชาชน",
    methods=[
        "จัดทำคู่มือการให้บริการประชาชนทุกงานบริการและติดประกาศ ณ จุดให้บริการอย่างชัดเจน",
        "กำหนดระยะเวลาแล้วเสร็จของแต่ละงานบริการและแจ้งให้ผู้รับบริการทราบล่วงหน้า",
        "สำรวจความพึงพอใจของผู้รับบริการทุกไตรมาสและนำผลมาปรับปรุงการให้บริการ",
    ],
    responsible="สำนักปลัด",
    period="ต.ค. 67 - ก.ย. 68",
    start=FY68[0],
    end=FY68[1],
    results=[
        "จัดทำคู่มือการให้บริการประชาชนครบทุกงานบริการจำนวน 12 งานและติดประกาศแล้ว",
        "ผู้รับบริการได้รับแจ้งระยะเวลาแล้วเสร็จทุกรายและงานบริการแล้วเสร็จตามกำหนด",
        "สำรวจความพึงพอใจครบทั้ง 4 ไตรมาส มีผู้ตอบแบบสำรวจทั้งสิ้น 1,250 ราย",
    ],
    outcomes=[
        "ประชาชนได้รับบริการที่สะดวกรวดเร็วและเป็นธรรม",
        "หน่วยงานผ่านการประเมินตัวชี้วัดการให้บริการอยู่ที่ 91.25 คะแนน",
    ],
    score=91.25,
)

EPROCUREMENT = M(
    title="มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้างและการใช้จ่ายงบประมาณ",
    methods=[
        "เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีบนเว็บไซต์หลักของหน่วยงานภายในเดือนแรกของปีงบประมาณ",
        "สรุปผลการจัดซื้อจัดจ้างรายเดือนและรายงานต่อผู้บริหารพร้อมเผยแพร่ให้ประชาชนทราบ",
        "วิเคราะห์ผลการจัดซื้อจัดจ้างประจำปีเพื่อหาจุดที่ต้องปรับปรุงและกำหนดแนวทางแก้ไข",
        "เปิดช่องทางให้ประชาชนสอบถามและร้องเรียนเกี่ยวกับการจัดซื้อจัดจ้างได้ทุกช่องทาง",
    ],
    responsible="กองคลัง",
    period="1 ต.ค. 2567 – 30 ก.ย. 2568",
    start=FY68[0],
    end=FY68[1],
    results=[
        "เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีแล้วเมื่อเดือนตุลาคมและปรับปรุงแผนอีก 2 ครั้ง",
        "สรุปผลการจัดซื้อจัดจ้างครบทั้ง 12 เดือนและเผยแพร่บนเว็บไซต์ของหน่วยงาน",
        "จัดทำรายงานการวิเคราะห์ผลการจัดซื้อจัดจ้างประจำปีเสนอผู้บริหารแล้ว",
        "ไม่มีเรื่องร้องเรียนเกี่ยวกับการจัดซื้อจัดจ้างตลอดปีงบประมาณ",
    ],
    outcomes=[
        "การจัดซื้อจัดจ้างเป็นไปอย่างโปร่งใสตรวจสอบได้",
        "ประชาชนเข้าถึงข้อมูลการใช้จ่ายงบประมาณได้ง่ายขึ้น",
        "หน่วยงานผ่านการประเมินด้านการจัดซื้อจัดจ้างอยู่ที่ 100 คะแนน",
    ],
    score=100.0,
)

ASSETS = M(
    title="มาตรการกำกับดูแลการใช้ทรัพย์สินของทางราชการ",
    methods=[
        "จัดทำแนวทางปฏิบัติการขออนุญาตยืมทรัพย์สินของทางราชการและแจ้งเวียนทุกกอง",
        "ตรวจสอบพัสดุและครุภัณฑ์ประจำปีและจัดทำทะเบียนคุมให้เป็นปัจจุบัน",
    ],
    responsible="ทุกกอง/ฝ่าย",
    period="ตลอดปีงบประมาณ พ.ศ. 2568",
    start=FY68[0],
    end=FY68[1],
    results=[
        "แจ้งเวียนแนวทางปฏิบัติการขออนุญาตยืมทรัพย์สินของทางราชการครบทุกกองแล้ว",
        "ตรวจสอบพัสดุประจำปีแล้วเสร็จและปรับปรุงทะเบียนคุมครุภัณฑ์ครบถ้วน",
    ],
    outcomes=[
        "บุคลากรใช้ทรัพย์สินของทางราชการอย่างถูกต้องตามระเบียบ",
        "ไม่มีข้อร้องเรียนเรื่องการนำทรัพย์สินของทางราชการไปใช้ประโยชน์ส่วนตน",
    ],
    score=None,
)

INTEGRITY = M(
    title="มาตรการป้องกันการรับสินบนและส่งเสริมวัฒนธรรมไม่รับของขวัญ",
    methods=[
        "ประกาศนโยบาย No Gift Policy ของผู้บริหารและเผยแพร่ผ่านเว็บไซต์และเพจ Facebook",
        "จัดกิจกรรมสร้างจิตสำนึกให้บุคลากรทุกระดับปฏิเสธการรับของขวัญและประโยชน์อื่นใด",
        "จัดทำช่องทางแจ้งเบาะแสการเรียกรับสินบนที่ปกปิดชื่อผู้แจ้งได้",
    ],
    responsible="สำนักปลัด",
    period="ตุลาคม 2567 - กันยายน 2568",
    start=FY68[0],
    end=FY68[1],
    results=[
        "ประกาศนโยบาย No Gift Policy แล้วเมื่อวันที่ 15 ตุลาคม 2567",
        "จัดกิจกรรมสร้างจิตสำนึกแล้ว 2 ครั้ง มีบุคลากรเข้าร่วม 86 คน",
        "เปิดช่องทางแจ้งเบาะแสทางเว็บไซต์และตู้รับเรื่องแล้ว",
    ],
    outcomes=[
        "บุคลากรรับรู้และปฏิบัติตามนโยบายไม่รับของขวัญ",
        "หน่วยงานผ่านการประเมินด้านการป้องกันการทุจริตอยู่ที่ 87.50 คะแนน",
    ],
    score=87.5,
)

WEB = M(
    title="มาตรการปรับปรุงการเผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์หลักของหน่วยงาน",
    methods=[
        "ปรับปรุงโครงสร้างเว็บไซต์ให้ค้นหาข้อมูลตามหัวข้อการประเมินได้สะดวก",
        "มอบหมายผู้รับผิดชอบการปรับปรุงข้อมูลของแต่ละกองให้เป็นปัจจุบันทุกเดือน",
        "ตรวจสอบความครบถ้วนของข้อมูลก่อนเผยแพร่ทุกครั้ง",
    ],
    responsible="กองยุทธศาสตร์และงบประมาณ",
    period="ม.ค. 68 - มิ.ย. 68",
    start="2025-01-01",
    end="2025-06-30",
    results=[
        "ปรับปรุงโครงสร้างเว็บไซต์แล้วเสร็จในเดือนมีนาคม",
        "ทุกกองปรับปรุงข้อมูลของตนเป็นประจำทุกเดือน",
        "ข้อมูลที่เผยแพร่ผ่านการตรวจสอบครบถ้วนทุกรายการ มีผู้เข้าชมเว็บไซต์ 24,547 ครั้ง",
    ],
    outcomes=[
        "ประชาชนค้นหาข้อมูลข่าวสารของหน่วยงานได้ง่ายและรวดเร็ว",
        "หน่วยงานผ่านการประเมินการเปิดเผยข้อมูลอยู่ที่ 95.50 คะแนน",
    ],
    score=95.5,
)

PERSONNEL = M(
    title="มาตรการสร้างความโปร่งใสในการบริหารงานบุคคล",
    methods=[
        "ประกาศหลักเกณฑ์การสรรหา การเลื่อนตำแหน่ง และการพิจารณาความดีความชอบให้บุคลากรทราบ",
        "แต่งตั้งคณะกรรมการพิจารณาผลการปฏิบัติงานที่มีผู้แทนจากทุกกอง",
        "เปิดเผยผลการพิจารณาเลื่อนขั้นเงินเดือนให้บุคลากรตรวจสอบได้",
        "รับฟังความคิดเห็นของบุคลากรต่อการบริหารงานบุคคลปีละ 2 ครั้ง",
    ],
    responsible="สำนักปลัด (งานการเจ้าหน้าที่)",
    period="1 ตุลาคม 2567 ถึง 31 มีนาคม 2568",
    start="2024-10-01",
    end="2025-03-31",
    results=[
        "ประกาศหลักเกณฑ์ทั้งสามเรื่องแล้วและแจ้งเวียนให้บุคลากรทุกคนลงนามรับทราบ",
        "คณะกรรมการพิจารณาผลการปฏิบัติงานประชุมแล้ว 2 ครั้ง",
        "เปิดเผยผลการพิจารณาเลื่อนขั้นเงินเดือนรอบเมษายนแล้ว",
        "รับฟังความคิดเห็นของบุคลากรแล้ว 1 ครั้ง มีผู้ให้ความเห็น 64 คน",
    ],
    outcomes=[
        "บุคลากรเชื่อมั่นในความเป็นธรรมของการบริหารงานบุคคล",
        "หน่วยงานผ่านการประเมินด้านการบริหารงานบุคคลอยู่ที่ 89.75 คะแนน",
    ],
    score=89.75,
    split_rows=True,
)

CATEGORIES = [
    C("การปฏิบัติงานและการให้บริการที่โปร่งใส", [SERVICE, WEB]),
    C("การใช้งบประมาณและการจัดซื้อจัดจ้าง", [EPROCUREMENT]),
    C("การใช้ทรัพย์สินของทางราชการและการบริหารงานบุคคล", [ASSETS, PERSONNEL]),
    C("การป้องกันการทุจริตและการรับสินบน", [INTEGRITY]),
]


def _thai(m: M) -> M:
    """The same measure written with Thai digits, as most municipalities do."""
    from dataclasses import replace

    from pythainlp.util import arabic_digit_to_thai_digit as th

    return replace(
        m,
        title=th(m.title),
        methods=[th(x) for x in m.methods],
        period=th(m.period),
        results=[th(x) for x in m.results],
        outcomes=[th(x) for x in m.outcomes],
    )


SAMPLES = [
    Sample(
        name="landscape-laksaman-thai-digits",
        font="Laksaman",
        size=14,
        landscape=True,
        thai_digits=True,
        agency="เทศบาลตำบลบ้านสวน",
        district="เมืองชลบุรี",
        province="ชลบุรี",
        year=2568,
        categories=[C(c.title, [_thai(m) for m in c.measures]) for c in CATEGORIES],
    ),
    Sample(
        name="portrait-garuda-arabic-digits",
        font="Garuda",
        size=12,
        landscape=False,
        thai_digits=False,
        agency="องค์การบริหารส่วนตำบลหนองบัว",
        district="หนองบัวระเหว",
        province="ชัยภูมิ",
        year=2568,
        categories=CATEGORIES[::-1],
    ),
    Sample(
        name="landscape-kinnari-summary-table",
        font="Kinnari",
        size=16,
        landscape=True,
        thai_digits=True,
        agency="เทศบาลเมืองท่าข้าม",
        district="พุนพิน",
        province="สุราษฎร์ธานี",
        year=2568,
        categories=[C(c.title, [_thai(m) for m in c.measures]) for c in CATEGORIES[1:]],
        score_summary_table=True,
    ),
    Sample(
        name="portrait-loma-no-cover",
        font="Loma",
        size=14,
        landscape=False,
        thai_digits=False,
        agency="เทศบาลนครแม่สอด",
        district="แม่สอด",
        province="ตาก",
        year=2568,
        categories=[CATEGORIES[2], CATEGORIES[0]],
        cover_page=False,
        legacy_doc=True,
    ),
    Sample(
        name="fpdf-clean-text-layer",
        font="Garuda",
        size=10,
        landscape=True,
        thai_digits=True,
        agency="องค์การบริหารส่วนตำบลนาดี",
        district="นาดี",
        province="ปราจีนบุรี",
        year=2568,
        categories=[C(c.title, [_thai(m) for m in c.measures]) for c in CATEGORIES[:2]],
        clean_pdf=True,
    ),
]
