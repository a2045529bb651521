"""The grounds a decision cites ("Căn cứ …"): laws named rather than numbered, and which
citations are its legal basis. Almost every Decree 30 decision opens with "Căn cứ Luật Tổ
chức chính quyền địa phương ngày 19 tháng 6 năm 2015;": the reader listed none of them
(decision 0066)."""

import datetime

import pytest

from campaigns.importer import parse_text

D = datetime.date

DECISION = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG THÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 11/2024/QĐ-UBND
Đồng Tháp, ngày 20 tháng 5 năm 2024
QUYẾT ĐỊNH
Ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh Đồng Tháp
ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa
phương ngày 22 tháng 11 năm 2019;
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;
Căn cứ Luật Tổ chức Chính phủ;
Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;
Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 10 tháng 5 năm 2024.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh Đồng Tháp, thực hiện theo Luật Thi đua, khen thưởng.
Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 6 năm 2024.
"""


def cited(doc):
    return [(r["doc_type"], r["name"], r["number"], r["symbol"], r["date"]) for r in doc.references]


def test_laws_named_in_the_grounds_are_listed_with_their_dates():
    doc = parse_text(DECISION)
    refs = cited(doc)
    assert ("Luật", "Tổ chức chính quyền địa phương", None, None, D(2015, 6, 19)) in refs
    assert (
        "Luật",
        "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
        "địa phương",
        None,
        None,
        D(2019, 11, 22),
    ) in refs
    assert ("Luật", "Thi đua, khen thưởng", None, None, D(2022, 6, 15)) in refs
    # named and numbered: one reference, with its number
    assert ("Luật", "Ban hành văn bản quy phạm pháp luật", "80", "2015/QH13", None) in refs
    # no date at all, still a ground
    assert ("Luật", "Tổ chức Chính phủ", None, None, None) in refs
    # listed in the order the decision cites them
    assert [r[1] or r[0] for r in refs][:3] == [
        "Tổ chức chính quyền địa phương",
        "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
        "địa phương",
        "Thi đua, khen thưởng",
    ]


def test_what_the_grounds_cite_is_the_legal_basis_and_the_rest_is_cited():
    doc = parse_text(DECISION)
    basis = {(r["doc_type"], r["number"] or r["name"]): r["grounds"] for r in doc.references}
    assert basis[("Nghị định", "98")] is True
    assert basis[("Luật", "Thi đua, khen thưởng")] is True
    assert basis[("Tờ trình", "45")] is False  # "Theo đề nghị … tại Tờ trình số 45"


def test_a_law_named_in_the_body_without_a_date_is_no_reference():
    doc = parse_text(DECISION)
    # "thực hiện theo Luật Thi đua, khen thưởng." in Điều 1 is the same law, not a new one
    assert [r["name"] for r in doc.references].count("Thi đua, khen thưởng") == 1


@pytest.mark.parametrize(
    "line,name,date",
    [
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", "Tổ chức chính quyền địa phương", D(2015, 6, 19)),
        ("Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;", "Tổ chức HĐND và UBND", D(2003, 11, 26)),
        ("Căn cứ Luật Đất đai năm 2003;", "Đất đai năm 2003", None),
        ("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;", "Lao động", D(2019, 11, 20)),
        ("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 09 tháng 12 năm 2020;", "Ưu đãi người có công với cách mạng", D(2020, 12, 9)),
    ],
)  # fmt: skip
def test_the_shapes_laws_are_cited_in(line, name, date):
    text = DECISION.replace("Căn cứ Luật Tổ chức Chính phủ;", line)
    found = {r["name"]: r["date"] for r in parse_text(text).references if r["name"]}
    assert found.get(name, "missing") == date


def test_the_review_lists_a_named_law_as_a_clerk_writes_it():
    from django.template import Context, Template

    ref = {"doc_type": "Luật", "name": "Thi đua, khen thưởng", "number": None, "symbol": None,
           "date": "2022-06-15", "issuer": None, "grounds": True}  # fmt: skip
    html = Template("{% load documents %}{{ ref|citation }}").render(Context({"ref": ref}))
    assert html == "Luật Thi đua, khen thưởng ngày 15/06/2022"


def test_a_draft_made_from_the_reading_keeps_the_grounds_as_its_legal_basis():
    from campaigns.importing import parsed_parts
    from campaigns.models import DocumentReference

    parsed = parse_text(DECISION).as_contract()
    rows = parsed_parts(parsed, matches=[None] * len(parsed["references"]), parent=None)[
        "references"
    ]
    law = next(r for r in rows if r["subject"] == "Thi đua, khen thưởng")
    assert law["relation"] == DocumentReference.Relation.LEGAL_BASIS
    assert law["doc_type"] == "Luật" and law["number"] == ""
    proposal = next(r for r in rows if r["doc_type"] == "Tờ trình")
    assert proposal["relation"] == DocumentReference.Relation.CITED
    # printed as a clerk writes it, the name once
    reference = DocumentReference(**{k: v for k, v in law.items() if k != "linked_campaign_id"})
    assert str(reference) == "Luật Thi đua, khen thưởng ngày 15/06/2022"
    decree = next(r for r in rows if r["doc_type"] == "Nghị định")
    assert str(
        DocumentReference(**{k: v for k, v in decree.items() if k != "linked_campaign_id"})
    ) == ("Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ")
