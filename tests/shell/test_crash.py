"""Unexpected errors never print or show what the user wrote."""

from app.shell.crash import describe


def test_crash_report_names_the_type_and_place_not_the_message():
    secret = "my-partner-said-something-private-5521"
    try:
        raise ValueError(f"fts5: syntax error near {secret}")
    except ValueError as exc:
        text = describe(type(exc), exc.__traceback__)
    assert "ValueError" in text
    assert "test_crash.py" in text
    assert secret not in text
