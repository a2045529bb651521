"""The session's time of day, as people write it, for the minutes (decision 0027)."""

from __future__ import annotations

import datetime

import pytest

from awards.forms import SessionForm


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("08:00", (8, 0)),
        ("8:05", (8, 5)),
        ("14h30", (14, 30)),
        ("14h", (14, 0)),
        ("14 giờ 30", (14, 30)),
    ],
)
def test_the_time_of_the_session_is_read_as_written(typed, time):
    assert SessionForm.base_fields["starts_at"].clean(typed) == datetime.time(*time)


def test_a_time_that_does_not_exist_is_refused_in_vietnamese():
    from django import forms

    with pytest.raises(forms.ValidationError) as refused:
        SessionForm.base_fields["starts_at"].clean("25:00")
    assert refused.value.messages == ["Ghi giờ họp theo dạng giờ:phút, ví dụ 08:00 hoặc 14h30."]
