"""A close's two columns read line by line: the signer's name lands on the "Lưu:" line
("- Lưu: VT Nguyễn Văn Bình"). It is the signer's, not a recipient's (decision 0066; found
on a scan in decision 0061's walk, where "VT" was also read "VL")."""

import pytest

from campaigns.importer import parse_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/QĐ-UBND
Lai Châu, ngày 20 tháng 5 năm 2024
QUYẾT ĐỊNH
Về việc tặng Bằng khen
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
QUYẾT ĐỊNH:
Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 05 tập thể.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận: KT. CHỦ TỊCH
- Như Điều 3; PHÓ CHỦ TỊCH
"""


@pytest.mark.parametrize("scanned", [False, True])
@pytest.mark.parametrize(
    "line,archive",
    [
        ("- Lưu: VT Nguyễn Văn Bình", "Lưu: VT"),
        ("- Lưu: VL Nguyễn Văn Bình", "Lưu: VL"),
        ("- Lưu: VT, TĐKT(03b). Giàng A Tính", "Lưu: VT, TĐKT(03b)"),
        ("- Lưu VT, NV. Lò Thị Mai Hương", "Lưu VT, NV"),
    ],
)
def test_the_signers_name_beside_the_archive_line_is_the_signers(line, archive, scanned):
    doc = parse_text(HEAD + line + "\n", scanned=scanned)
    assert doc.distribution == ["Như Điều 3", archive]
    assert doc.signer_name == line.split(archive.split()[-1])[-1].strip(" .,")
    assert (doc.signing_authority, doc.signer_title) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_an_archive_line_with_no_name_is_kept_whole():
    doc = parse_text(HEAD + "- Lưu: VT, VP UBND tỉnh.\nNguyễn Văn Bình\n")
    assert doc.distribution[-1] == "Lưu: VT, VP UBND tỉnh"
    assert doc.signer_name == "Nguyễn Văn Bình"
