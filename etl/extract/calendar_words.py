"""Weekday and month names, written once for every rule that needs them.

Lower-case tuples for word tests, and capitalised regex alternations for patterns over text
("said on Monday", "in early March"): news capitalises both, and a lower-case "may" or "march" is
far more often a verb than a date.
"""
from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")

WEEKDAY = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
MONTH = "(?:" + "|".join(m.capitalize() for m in MONTHS) + ")"
