"""The Decree-30 way of writing numbers and dates, in core/domain (numbering.py, dates.py),
the one place the renderer, the signing step and the lists take them from. Tables
written by hand from Decree 30/2020/NĐ-CP, Phụ lục I: "Đối với những số chỉ ngày nhỏ
hơn 10 và tháng 1, 2 phải ghi thêm số 0 ở trước"; numbers below 10 get a leading zero."""

from __future__ import annotations

import datetime as dt

import pytest

from eoffice_client.core.domain.dates import decree30_date_text, decree30_day, decree30_month
from eoffice_client.core.domain.numbering import NotationError, code_text, format_number

DATES = [
    (dt.date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
    (dt.date(2026, 1, 31), "ngày 31 tháng 01 năm 2026"),
    (dt.date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
    (dt.date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
    (dt.date(2025, 9, 9), "ngày 09 tháng 9 năm 2025"),
    (dt.date(2025, 10, 10), "ngày 10 tháng 10 năm 2025"),
    (dt.date(2025, 10, 13), "ngày 13 tháng 10 năm 2025"),
    (dt.date(2025, 12, 1), "ngày 01 tháng 12 năm 2025"),
    (dt.date(2025, 12, 25), "ngày 25 tháng 12 năm 2025"),
]


@pytest.mark.parametrize(("day", "text"), DATES)
def test_decree30_date(day: dt.date, text: str) -> None:
    assert decree30_date_text(day) == text


@pytest.mark.parametrize(("day", "text"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"),
                                           (31, "31")])
def test_day_gets_a_zero_below_ten(day: int, text: str) -> None:
    assert decree30_day(day) == text


@pytest.mark.parametrize(("month", "text"), [(1, "01"), (2, "02"), (3, "3"), (9, "9"),
                                             (10, "10"), (12, "12")])
def test_month_gets_a_zero_only_for_january_and_february(month: int, text: str) -> None:
    assert decree30_month(month) == text


@pytest.mark.parametrize("day", [0, 32])
def test_impossible_day_refused(day: int) -> None:
    with pytest.raises(ValueError):
        decree30_day(day)


@pytest.mark.parametrize("month", [0, 13])
def test_impossible_month_refused(month: int) -> None:
    with pytest.raises(ValueError):
        decree30_month(month)


@pytest.mark.parametrize(("number", "text"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"),
                                              (123, "123"), (2440, "2440")])
def test_number_gets_a_zero_below_ten(number: int, text: str) -> None:
    assert format_number(number) == text


@pytest.mark.parametrize(("number", "notation", "text"), [
    (5, "QĐ-UBND", "05/QĐ-UBND"),
    (9, "UBND-VP", "09/UBND-VP"),
    (10, "QĐ-UBND", "10/QĐ-UBND"),
    (2440, "PLX-HĐQT", "2440/PLX-HĐQT"),
    (None, "UBND-VP", "UBND-VP"),  # not numbered yet: the notation alone
    (7, "", "07"),
])
def test_code_text(number: int | None, notation: str, text: str) -> None:
    assert code_text(number, notation) == text


def test_number_below_one_refused() -> None:
    with pytest.raises(NotationError):
        format_number(0)
