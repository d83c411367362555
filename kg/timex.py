"""Normalise time expressions against the article's date.

"Thursday" in an article dated 2022-02-25 is 2022-02-24; "February 2014" is the
month ``2014-02``; "earlier this week" the interval 2022-02-21..2022-02-25;
"late last year" 2021-09-01..2021-12-31; "2014 and 2015" two years.

dateparser (with the article date as its relative base, preferring the past,
as news reports the past) does the day-precise expressions the rules here do
not: "two days ago", "3 February 2022".  It returns nothing for
periods with modifiers ("earlier this week", "late last year") or for lists of
years ("2014 and 2015"), it fills a missing day with the base's day
("February 2014" -> 2014-02-25), and a weekday that is the article's own day
("Friday" in a Friday article) becomes the week before; those cases are
handled by the rules here, which also keep the precision (year, month, day)
dateparser drops, and are tried first because they are ~100x faster.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

__all__ = ["CALENDAR", "MONTHS", "Timex", "VAGUE_DATE", "WEEKDAYS", "YEAR_TOKEN", "clock_times",
           "date_value", "normalize", "written_dates"]

#: A date mention must name a point of the calendar: a month, a weekday or a year (or a day
#: written "9/11"); numbers with a dash alone are scores or models ("6-1 6-0", "England
#: 18-17", "777-200LR"), not dates.
YEAR_TOKEN = re.compile(r"(1[89]|20)\d\d")
_ABBRS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"  # months, as dates abbreviate them
CALENDAR = re.compile(
    rf"\b({_ABBRS})\b\.?|january|february|march|"
    r"april|june|july|august|september|october|november|december|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|\b1\d\d\d\b|\b20\d\d\b|\b\d\d?/\d\d?\b", re.I)
#: ...and not be counted back from the day of writing ("two years ago", "this month").
VAGUE_DATE = re.compile(r"\b(ago|later|earlier|today|tonight|yesterday|tomorrow|this|next|"
                        r"last|past|coming|recent|age)\b", re.I)

#: Month names and abbreviations, lower-cased -> month number.
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_YEAR = r"(?:1[89]|20)\d\d"
_MON = rf"(?:{_ABBRS})[a-z]*\.?"
_MONTH = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?"  # a month's name, whole or short
#: Dates written with numbers that the small model reads as numbers or names: ISO
#: "2022-02-25" and wire copy's "7 Apr 94" (a two-digit year only where the date ends a
#: phrase, as in a dateline: "7 Apr 94 --", so that "on 5 May 10 people died" is no date).
_WRITTEN_DATE = re.compile(
    rf"(?<![\w-])(?:{_YEAR}-[01]\d-[0-3]\d|[0-3]?\d {_MON} (?:{_YEAR}|\d\d(?=\s*(?:--|[-–(),.;:\n]|$"
    r"|pp?\.? \d|(?:morning|evening|afternoon) edition)))"  # a press review's "23 Mar 94 p 3"
    rf"|[0-3]?\d {_MONTH}(?= \( ?(?-i:[A-Z]))|{_MONTH} [0-3]?\d(?= \( ?(?-i:[A-Z]))"  # a wire's "Cairo, 2 May (MENA)"
    r")(?![\w-])", re.I)
_ZONE = r"(?:GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|CST|CDT|MST|MDT)\b"
#: A time of day: with its zone ("1700 GMT" is no year 1700), or on a 12-hour clock ("4:45 a.m.",
#: "7 p.m. EST", and as CoNLL04 writes them "4 : 45 a.m.").
_CLOCK = re.compile(rf"(?<![\w-])(?:[0-2]\d[0-5]\d {_ZONE}|(?:1[0-2]|0?[1-9])(?: ?[:.] ?[0-5]\d)? ?"
                    rf"(?:[ap]\. ?m\b(?: ?\.)?|[ap]m\b|[AP]\.M\.)(?: {_ZONE})?)")


def written_dates(text: str) -> list[tuple[int, int]]:
    """Character spans of dates written with numbers: "2022-02-25", "7 Apr 94".

    >>> t = "Moscow 1700 GMT 7 Apr 94 -- On 2022-02-25 and on 5 May 10 people"
    >>> [t[a:b] for a, b in written_dates(t)]
    ['7 Apr 94', '2022-02-25']
    >>> t = "Moscow IZVESTIYA in Russian 23 Mar 94 p 3"  # a press review's source and page
    >>> [t[a:b] for a, b in written_dates(t)]
    ['23 Mar 94']
    >>> t = "Ulaanbaatar, 29 Apr (XINHUA) -- on 5 May (when) Saint-Gall, Feb 2 (AFP)"  # a wire's dateline
    >>> [t[a:b] for a, b in written_dates(t)]
    ['29 Apr', 'Feb 2']
    """
    return [m.span() for m in _WRITTEN_DATE.finditer(text)]


def clock_times(text: str) -> list[tuple[int, int]]:
    """Character spans of times of day with a zone or on a 12-hour clock.

    >>> t = "at 1700 GMT, at 4:45 a.m., 2 a.m. EST, 10 : 15 p.m . and 7pm; not 1700 or I am 5 am"
    >>> [t[a:b] for a, b in clock_times(t)]
    ['1700 GMT', '4:45 a.m.', '2 a.m. EST', '10 : 15 p.m .', '7pm', '5 am']
    """
    return [m.span() for m in _CLOCK.finditer(text)]


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised time: ``value`` typed as xsd ``datatype`` (date, gYearMonth, gYear),
    or an interval ``begin``..``end`` (inclusive dates) when no single value fits."""

    value: str = ""
    datatype: str = ""
    begin: dt.date | None = None
    end: dt.date | None = None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _period(unit: str, which: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The whole last/this/next week, month or year around ``anchor``."""
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
    if unit == "week":
        start = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        return start, start + dt.timedelta(days=6)
    if unit == "month":
        month0 = anchor.year * 12 + anchor.month - 1 + step
        y, m = divmod(month0, 12)
        return dt.date(y, m + 1, 1), _month_end(y, m + 1)
    y = anchor.year + step
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _part(begin: dt.date, end: dt.date, modifier: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """Narrow a period by "early", "mid", "late" (thirds: of a year, four months each),
    "earlier" (up to the anchor) or "later" (from it)."""
    if modifier == "earlier":
        return begin, min(end, anchor)
    if modifier == "later":
        return max(begin, anchor), end
    if modifier not in ("early", "mid", "late"):
        return begin, end
    i = ("early", "mid", "late").index(modifier)
    if (begin.month, begin.day, end.month, end.day) == (1, 1, 12, 31):
        return dt.date(begin.year, 4 * i + 1, 1), _month_end(begin.year, 4 * i + 4)
    third = ((end - begin).days + 1) // 3
    lo = begin + dt.timedelta(days=third * i)
    return lo, end if i == 2 else lo + dt.timedelta(days=third - 1)


_RELATIVE = re.compile(
    r"(?:(early|mid|late|earlier|later)[\s-]+)?(?:in\s+)?(last|past|previous|this|next|coming)\s+"
    r"(week|month|year)$")
_MONTH_YEAR = re.compile(rf"(?:(early|mid|late)[\s-]+)?([a-z]+)\.?,?\s+({_YEAR})$")
#: A date without its year, then the year counted from the article's: "July last year", "12 April
#: this year", "January of next year".
_OF_A_YEAR = re.compile(r"(.+?),? (?:of )?(last|this|next) year")
_STEP = {"last": -1, "this": 0, "next": 1}
_YEARS = re.compile(rf"(?:(?:early|mid|late)[\s-]+)?((?:{_YEAR})(?:\s*(?:,|and|or|to|-|–)\s*(?:{_YEAR}))*)$")


@functools.cache
def _dateparser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past",
                                                      "RETURN_TIME_AS_PERIOD": True})


#: Weekday names, lower-cased -> weekday number (Monday 0).
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_DAYS_OFF = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def normalize(text: str, anchor: dt.date | None = None) -> list[Timex]:
    """Normalised values of a time expression, ``[]`` if it cannot be pinned down (cached)."""
    return list(_normalize(text, anchor))


@functools.lru_cache(maxsize=4096)
def _normalize(text: str, anchor: dt.date | None) -> tuple[Timex, ...]:
    return tuple(_rules(text, anchor))


def _rules(text: str, anchor: dt.date | None = None) -> list[Timex]:
    """Normalised values of a time expression, ``[]`` if it cannot be pinned down.

    >>> normalize("Thursday", dt.date(2022, 2, 25))
    [Timex(value='2022-02-24', datatype='date', begin=None, end=None)]
    >>> [t.value for t in normalize("2014 and 2015")]
    ['2014', '2015']
    >>> normalize("late last year", dt.date(2022, 2, 25))[0].begin
    datetime.date(2021, 9, 1)
    >>> normalize("1700 GMT", dt.date(2022, 2, 25))  # a time of day: its day is not given
    []
    """
    if _CLOCK.fullmatch(text.strip()):  # a time of day, not the year 1700
        return []
    t = re.sub(r"['’]s$", "", re.sub(r"\s+", " ", text.strip().lower()))
    t = re.sub(r"^(?:(?:as of|on|in|of|since|by|until|during|from|the) )+", "", t)
    if m := _YEARS.match(t):
        years = re.findall(_YEAR, m.group(1))
        if len(years) == 1 and (mod := re.match(r"(early|mid|late)", t)):
            y = int(years[0])
            b, e = _part(dt.date(y, 1, 1), dt.date(y, 12, 31), mod.group(1), dt.date(y, 12, 31))
            return [Timex(begin=b, end=e)]
        return [Timex(y, "gYear") for y in years]
    if (m := _MONTH_YEAR.match(t)) and m.group(2) in MONTHS:
        year, month = int(m.group(3)), MONTHS[m.group(2)]
        if m.group(1):
            b, e = _part(dt.date(year, month, 1), _month_end(year, month), m.group(1), _month_end(year, month))
            return [Timex(begin=b, end=e)]
        return [Timex(f"{year}-{month:02d}", "gYearMonth")]
    if anchor is not None and (m := _OF_A_YEAR.fullmatch(t)) and any(
            w.rstrip(".,") in MONTHS for w in m.group(1).split()):  # "july last year", "12 april this year"
        year = anchor.year + _STEP[m.group(2)]
        return _rules(f"{m.group(1).rstrip(',')} {year}")
    if anchor is not None and (m := re.fullmatch(r"(last|this|next) ([a-z]+)\.?", t)) and m.group(2) in MONTHS:
        month = MONTHS[m.group(2)]  # "last september": the latest before this month; "next may"
        year = anchor.year + _STEP[m.group(1)] * (month >= anchor.month if m.group(1) == "last"
                                                   else month <= anchor.month)
        return [Timex(f"{year}-{month:02d}", "gYearMonth")]
    if anchor is not None and (m := _RELATIVE.match(t)):
        begin, end = _period(m.group(3), m.group(2), anchor)
        if m.group(1):
            begin, end = _part(begin, end, m.group(1), anchor)
        if m.group(3) == "year" and not m.group(1):
            return [Timex(str(begin.year), "gYear")]
        if m.group(3) == "month" and not m.group(1):
            return [Timex(f"{begin.year}-{begin.month:02d}", "gYearMonth")]
        return [Timex(begin=begin, end=end)]
    if anchor is not None and t in _DAYS_OFF:
        return [Timex((anchor + dt.timedelta(days=_DAYS_OFF[t])).isoformat(), "date")]
    if anchor is not None and (m := re.fullmatch(r"(last |this |next )?([a-z]+)", t)) \
            and m.group(2) in WEEKDAYS:  # news tells the past: the latest such day
        back = (anchor.weekday() - WEEKDAYS[m.group(2)]) % 7
        day = anchor - dt.timedelta(days=back)
        if m.group(1) == "next ":
            day = anchor + dt.timedelta(days=(WEEKDAYS[m.group(2)] - anchor.weekday()) % 7 or 7)
        return [Timex(day.isoformat(), "date")]
    if anchor is not None and t in MONTHS:  # "December": the latest December up to now
        month = MONTHS[t]
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return [Timex(f"{year}-{month:02d}", "gYearMonth")]
    if anchor is not None and (m := re.fullmatch(r"(\d{1,2}) ([a-z]+)\.?|([a-z]+)\.? (\d{1,2})", t)):
        day_s, month_s = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if month_s in MONTHS:
            month, day = MONTHS[month_s], int(day_s)
            for year in (anchor.year, anchor.year - 1):
                try:
                    when = dt.date(year, month, day)
                except ValueError:
                    return []
                if when <= anchor + dt.timedelta(days=7):  # near-future dates stay this year
                    return [Timex(when.isoformat(), "date")]
            return []
    if (m := _DAY_PART.fullmatch(t)) and m.group(1) in WEEKDAYS:
        return _rules(m.group(1), anchor)  # "Tuesday morning": the day's date (not "that November
        # day", which may be any November: "that November day in 1963")
    if m := _DAY_RANGE.fullmatch(t):  # "July 1-2", "6 to 9 January 1990": from the first to the last
        month, first, last, year = (m.group(1), m.group(2), m.group(3), m.group(4)) if m.group(1) else (
            m.group(7), m.group(5), m.group(6), m.group(8))
        ends = [_rules(f"{d} {month}{year or ''}", anchor) for d in (first, last)]
        if all(len(e) == 1 and e[0].datatype == "date" for e in ends) and ends[0][0].value < ends[1][0].value:
            return [Timex(begin=dt.date.fromisoformat(ends[0][0].value),
                          end=dt.date.fromisoformat(ends[1][0].value))]
        return []
    for parts in _listed(t):  # "June 30 and July 1-2", "5 and 6 March", "Monday and Tuesday"
        found = [_days(_rules(part, anchor)) for part in parts]
        if all(found):
            return [x for f in found for x in f]
    if re.fullmatch(r"\d{4}-\d\d-\d\d", t):
        try:
            return [Timex(dt.date.fromisoformat(t).isoformat(), "date")]
        except ValueError:
            return []
    if not re.search(r"\d|day|yesterday|today|tonight|tomorrow|week|month|year|ago|"
                     + "|".join(MONTHS), t):
        return []
    return _by_dateparser(text, anchor)


#: A part of a day after its weekday ("Tuesday morning", "late Monday night").
_DAY_PART = re.compile(r"(?:early |late )?([a-z]+) (?:morning|afternoon|evening|night)")
#: A month's or weekday's name.
_NAMED = re.compile(rf"\b(?:{_ABBRS}|january|february|march|april|june|july|august|september|october|"
                    r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
#: A run of days of one month: "July 1-2", "6 to 9 January", "March 5-7, 1990".
_DAY_RANGE = re.compile(r"([a-z]+)\.? (\d{1,2}) ?(?:-|–|to) ?(\d{1,2})(,? \d{4})?|"
                        r"(\d{1,2}) ?(?:-|–|to) ?(\d{1,2}) ([a-z]+)\.?(,? \d{4})?")


def _listed(t: str) -> list[list[str]]:
    """Ways to read a list of dates: as written, each naming its month or weekday ("march 1990
    and april 1990", "monday, tuesday and friday"), then each with the month and year written
    once for all ("5 and 6 march" -> "5 march", "6 march"; "march 5 and 6, 1990" -> "march 5,
    1990", "march 6, 1990").  No list without "and": "jan. 5, 1990" is one date."""
    if " and " not in t:
        return []
    parts = [p for p in re.split(r",? and |, ", t) if p]
    named = [parts] if all(_NAMED.search(p) for p in parts) else []
    year = re.search(rf",? ({_YEAR})$", t)
    tail = f", {year.group(1)}" if year else ""
    shared = [p for p in re.split(r",? and |, ", t[:year.start()] if year else t) if p]
    if shared[-1].split()[-1] in MONTHS and all(p.isdigit() for p in shared[:-1]):
        shared = [f"{p} {shared[-1].split()[-1]}" for p in shared[:-1]] + [shared[-1]]
    elif shared[0].split()[0] in MONTHS and all(p.isdigit() for p in shared[1:]):
        shared = [shared[0]] + [f"{shared[0].split()[0]} {p}" for p in shared[1:]]
    return [*named, *([[p + tail for p in shared]] if all(_NAMED.search(p) for p in shared) else [])]


def _days(times: list[Timex]) -> list[Timex]:
    """Single values as they are, a run of up to a week as its days; else nothing."""
    if len(times) == 1 and times[0].begin and times[0].end and (times[0].end - times[0].begin).days < 7:
        n = (times[0].end - times[0].begin).days
        return [Timex((times[0].begin + dt.timedelta(days=k)).isoformat(), "date") for k in range(n + 1)]
    return times if times and all(x.value for x in times) else []


def _by_dateparser(text: str, anchor: dt.date | None) -> list[Timex]:
    if anchor is None and not re.search(_YEAR, text):
        return []  # "Thursday" with no article date: unknown
    base = dt.datetime.combine(anchor or dt.date.today(), dt.time())
    parser = _dateparser()
    parser._settings.RELATIVE_BASE = base  # one parser, re-anchored per call
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):
        return []
    if data.date_obj is None:
        return []
    day = data.date_obj.date()
    if data.period == "year":
        return [Timex(str(day.year), "gYear")]
    if data.period == "month":
        return [Timex(f"{day.year}-{day.month:02d}", "gYearMonth")]
    if data.period == "day":
        return [Timex(day.isoformat(), "date")]
    return []


def date_value(text: str) -> str:
    """An ISO value for a date written out in full, else ``""``.

    >>> date_value("February 2014"), date_value("2022-02-25"), date_value("in 2015"), date_value("Thursday")
    ('2014-02', '2022-02-25', '2015', '')
    >>> date_value("7 Apr 94"), date_value("12 Sept. 2001"), date_value("3 May 21")
    ('1994-04-07', '2001-09-12', '2021-05-03')
    """
    t = text.casefold().strip()
    if m := re.fullmatch(r"(?:in |of )?((?:19|20)\d\d)", t):
        return m.group(1)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        try:
            return dt.date(*map(int, m.groups())).isoformat()
        except ValueError:
            return ""
    if m := re.fullmatch(r"(?:early |late |mid-)?([a-z]+),? ((?:19|20)\d\d)", t):
        if m.group(1) in MONTHS:
            return f"{m.group(2)}-{MONTHS[m.group(1)]:02d}"
    if m := re.fullmatch(r"(\d{1,2}) ([a-z]+)\.?,? ((?:19|20)?\d\d)|([a-z]+)\.? (\d{1,2}),? "
                         r"((?:19|20)\d\d)", t):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (
            m.group(5), m.group(4), m.group(6))
        if len(year) == 2:  # wire copy's "7 Apr 94"
            year = ("19" if int(year) >= 30 else "20") + year
        if month in MONTHS:
            try:
                return dt.date(int(year), MONTHS[month], int(day)).isoformat()
            except ValueError:
                return ""
    return ""
