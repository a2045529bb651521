"""A whole number in an Excel import is read with the one rule of typed numbers
(`units.text.ungrouped`, decision 0079): "1.234" is Vietnamese grouping, 1234; "1.5" and
"1,5" are not whole numbers and are refused beside their cell, never read as 15."""

from __future__ import annotations

import pytest

from tests.test_nomination_import import (
    HEADER,
    MEMBER_HEADER,
    TTLDXS,
    problems,
    row,
    run,
    ward,  # noqa: F401  (fixture)
    xlsx,
)
from units.resources import NumberWidget
from units.sheets.columns import CellError, integer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "read"),
    [("1.234", 1234), ("1.234.567", 1234567), (" 12 ", 12), ("7", 7), (3.0, 3), (42, 42)],
)
def test_a_whole_number_is_read_with_its_thousands_grouped(typed, read):
    assert integer(typed, low=0, high=10**9, what="Số thành viên") == read


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1.5", "Số thành viên phải là số nguyên, không phải “1.5”."),
        ("1,5", "Số thành viên phải là số nguyên, không phải “1,5”."),
        ("1.234,5", "Số thành viên phải là số nguyên, không phải “1.234,5”."),
        (1.5, "Số thành viên phải là số nguyên, không phải “1,5”."),
        ("mười", "Số thành viên phải là số, không phải “mười”."),
        ("1.2.3", "Số thành viên phải là số, không phải “1.2.3”."),
    ],
)
def test_a_number_that_is_not_whole_is_refused_never_read_as_its_digits(typed, message):
    with pytest.raises(CellError) as refused:
        integer(typed, low=0, high=10**9, what="Số thành viên")
    assert str(refused.value) == message


def test_the_admins_import_reads_it_the_same_way():
    widget = NumberWidget(what="Năm sinh", low=1900)
    assert widget.clean("1.990") == 1990
    with pytest.raises(ValueError, match="phải là số nguyên, không phải “1.5”"):
        widget.clean("1.5")


def test_a_members_count_of_1_5_is_refused_beside_its_cell(ward):  # noqa: F811
    staff, commune = ward["staff"], ward["commune"]
    header = [*HEADER, *MEMBER_HEADER]
    content = xlsx(
        [
            [*row(TTLDXS, unit="ban-na-dong"), "1.5", None, None, None],  # 2
            [*row(TTLDXS, unit=commune.code), "1,5", None, None, None],  # 3
            [*row(TTLDXS, unit="ban-na-dong", year=row(TTLDXS)[1] - 1), 1.5, None, None, None],
            [*row(TTLDXS, unit=commune.code, year=row(TTLDXS)[1] - 1), "1.020", 3.0, 2, 1],
        ],
        header=header,
    )
    found = problems(run(staff, content, commune))
    assert found[2] == [("Số thành viên", "Số thành viên phải là số nguyên, không phải “1.5”.")]
    assert found[3] == [("Số thành viên", "Số thành viên phải là số nguyên, không phải “1,5”.")]
    assert found[4] == [("Số thành viên", "Số thành viên phải là số nguyên, không phải “1,5”.")]
    assert 5 not in found  # 1.020 members (grouped), 3 completed: read as 1020 and 3
