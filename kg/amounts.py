"""Amounts: the sums of money, shares and measures an article gives ("$12 billion", "27 percent",
"70 miles").

``find_amounts`` is a pure extractor over a parsed ``Doc``: the model's ``MONEY``, ``PERCENT``
and ``QUANTITY`` entities, cut to the amount itself.  A word that hedges it is left out ("about
70 miles", "more than $4 billion": the amount is "70 miles", "$4 billion"), a currency sign the
model left out is taken in ("£" of "£1.2bn"), a number the tokenizer split at its thousands
comma is joined ("10 , 000 acres"), and a measure that only qualifies a noun is no amount ("a
260-mile pipeline", "the 30-foot-tall statue").  ``amount_value`` reads the number and unit of
an amount ("$12 billion" -> ``12000000000 USD``), so that "$12bn" in another article is the same
value; it is empty where the words give no number ("a few dollars").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from spacy.tokens import Doc, Span

from . import _tokens
from .types import Mention

__all__ = ["AMOUNT_LABELS", "amount_value", "find_amounts"]

#: The model's labels of amounts; ``kg.resolve`` makes each mention a ``KG.Quantity``.
AMOUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY")
#: Words that hedge an amount rather than give it: "about", "more than", "up to", "nearly".
_HEDGES = frozenset({
    "about", "around", "roughly", "approximately", "some", "nearly", "almost", "over", "under",
    "more", "less", "fewer", "than", "up", "to", "at", "least", "most", "only", "just", "no",
    "as", "much", "many", "some", "an", "estimated", "a", "the", "another", "additional",
    "extra", "further", "still", "even", "well", "below", "above", "exactly", "barely", "by",
    "between", "from", "within", "record", "close", "nearly", "upwards", "excess",
})
#: Words between the two ends of a range: "3% to 3.5%", "between 20% and 30%".
_RANGE = frozenset({"to", "and", "or", "-", "–"})
#: Words that end an amount's span but are no part of it ("40 percent to").
_TRAILING = frozenset({"to", "and", "or", "of", "from", "in", "-", "–", ",", ".", "(", ")"})
_SIGNS = {"us$": "USD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
                   "euro": "EUR", "euros": "EUR", "yen": "JPY"}
_PERCENT = {"%", "percent", "per cent", "pc", "percentage points", "percentage point"}
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6, "mln": 10**6,
           "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12}
_NUMBER = re.compile(
    r"^(?P<sign>us\$|[$£€¥])?\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|mln|tn|m|k|b)\b)?\s*(?P<unit>.*)$")
#: Units written short or with an irregular plural: "97p", "912km", "50 feet".
_UNITS = {"p": "pence", "feet": "foot", "ft": "foot", "inches": "inch", "reais": "real",
          "km": "kilometre", "kilometres": "kilometre", "kilometers": "kilometre",
          "cm": "centimetre", "mm": "millimetre", "kg": "kilogram", "lb": "pound", "lbs": "pound",
          "mph": "mph", "sq": "square"}


_DIGIT = re.compile(r"\d")


def _joined(text: str) -> str:
    """ "10 , 000 acres" (a thousands comma set apart) -> "10,000 acres"."""
    return re.sub(r"(?<=\d) ?, ?(?=\d{3}\b)", ",", text)


def amount_value(text: str) -> str:
    """The number and unit of an amount, as ``"<decimal> <unit>"``; ``""`` where it has no number.

    >>> amount_value("$12 billion"), amount_value("£1.2bn"), amount_value("27 percent")
    ('12000000000 USD', '1200000000 GBP', '27 percent')
    >>> amount_value("10 , 000 acres"), amount_value("4.5bn euros"), amount_value("a few dollars")
    ('10000 acre', '4500000000 EUR', '')
    """
    low = _joined(" ".join(text.casefold().split()))
    match = _NUMBER.match(low)
    if match is None:
        return ""
    try:
        number = Decimal(match["num"].replace(",", "")) * _SCALES.get(match["scale"] or "", 1)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return ""
    unit = match["unit"].strip(" .")
    if match["sign"]:
        unit = _SIGNS[match["sign"]] if not unit or unit in _CURRENCY_WORDS else ""
    elif unit in _CURRENCY_WORDS:
        unit = _CURRENCY_WORDS[unit]
    elif unit in _PERCENT:
        unit = "percent"
    elif unit:
        words = [_UNITS.get(w, w) for w in unit.split()]
        last = words[-1]
        words[-1] = last[:-1] if last.endswith("s") and len(last) > 3 and not last.endswith("ss") else last
        unit = " ".join(words)
    if not unit or any(c.isdigit() for c in unit):  # no unit, or a range: "3% to 3.5%"
        return ""
    value = format(number.normalize(), "f")
    return f"{value} {unit}"


def _parts(doc: Doc, ent: Span) -> list[tuple[int, int]]:
    """The model's entity, cut in two where it is a range ("3% to 3.5%", "between 20% and
    30%"): each end is an amount."""
    start, end = ent.start, ent.end
    # "10 , 000 acres": the model tagged "000 acres"
    while (start >= 2 and doc[start - 1].text == "," and doc[start - 2].like_num
           and re.fullmatch(r"\d{3}", doc[start].text)):
        start -= 2
    while (end + 1 < len(doc) and doc[end].text == "," and doc[end - 1].text[-1:].isdigit()
           and re.fullmatch(r"\d{3}(?:\.\d+)?\.?", doc[end + 1].text)):
        end += 2  # "$160 , 000": the model tagged "$160"
    cuts = [i for i in range(start + 1, end - 1) if doc[i].lower_ in _RANGE
            and any(t.like_num for t in doc[start:i]) and any(t.like_num for t in doc[i + 1:end])]
    bounds = [start, *cuts, end]
    return [(a + (a != start), b) for a, b in zip(bounds, bounds[1:])]


def _cut(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The tokens of the amount in ``doc[start:end]``, or ``None`` where it gives none."""
    while start < end and (doc[start].lower_ in _HEDGES or doc[start].pos_ == "VERB") \
            and not doc[start].like_num:  # "about 70 miles", "fall 37%" (the verb the model took in)
        start += 1
    for i in range(start + 1, end):  # never across a sentence: "£300m. A 260-mile"
        if doc[i].is_sent_start:
            end = i
            break
    while end > start and doc[end - 1].lower_ in _TRAILING:
        end -= 1
    if start >= end or not any(t.like_num or _DIGIT.search(t.text) for t in doc[start:end]):  # "12bn"
        return None
    if any("-" in t.text or t.text in ("-", "–") for t in doc[start:end]) or (
            end < len(doc) and doc[end].text == "-"):
        return None  # "a 260-mile pipeline", "40 percent-60 percent": a qualifier or a range
    if start > 0 and doc[start - 1].is_currency and not doc[start].is_currency:
        start -= 1  # "£1.2bn": the model tagged "1.2bn"
    if end < len(doc) and doc[end].lower_ in _SCALES and (
            not doc[end - 1].whitespace_ or len(doc[end].text) > 2):
        end += 1  # "£600m": the model tagged "£600"
    if end < len(doc) and doc[end].lower_ in _CURRENCY_WORDS and not any(
            t.is_currency for t in doc[start:end]):
        end += 1  # "4.5bn euros"
    return start, end


def find_amounts(doc: Doc, doc_id: str, mentions: Iterable[Mention]) -> list[Mention]:
    """The amounts of money, shares and measures the article gives, as mentions labelled
    ``MONEY``, ``PERCENT`` or ``QUANTITY``; none overlaps a mention in ``mentions``."""
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    cuts = [(cut, ent.label_) for ent in doc.ents if ent.label_ in AMOUNT_LABELS
            for part in _parts(doc, ent) if (cut := _cut(doc, *part)) is not None]
    sent_of = _tokens.sentence_ids(doc) if cuts else []
    for (start, end), label in cuts:
        span = doc[start:end]
        a, b = span.start_char, span.end_char
        if any(a < e and s < b for s, e in taken):
            continue
        taken.append((a, b))
        out.append(Mention(doc_id, a, b, _tokens.text(doc, start, end), label, "",
                           sent_of[span.root.i], span.root.dep_))
    return out
