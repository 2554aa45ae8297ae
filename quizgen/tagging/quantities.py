"""QUANTITY recogniser: numbers in digits or words, with qualifier, currency and unit.

norm is the value as text ("10000", "1500000", "0.5"); a vague amount ("ribuan") is its lower
bound with "+" ("1000+"); a range "15-25 orang" is "15-25". Scores and formations ("4-0",
"5-3-2") and numbers glued to a name ("JKS 56") are not quantities.
"""

from __future__ import annotations

from .context import Found, Sentence
from .lexicon import Phrases


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(round(v, 6))


class _Numbers:
    def __init__(self, data: dict) -> None:
        self.group = str(data.get("group_mark", "."))
        self.decimal = str(data.get("decimal_mark", ","))
        self.words = {str(k).lower(): float(v) for k, v in (data.get("words") or {}).items()}
        self.mult = {str(k).lower(): float(v) for k, v in (data.get("multipliers") or {}).items()}
        self.adds = {str(x).lower() for x in data.get("adds") or []}
        self.vague: Phrases[float] = Phrases()
        for k, v in (data.get("vague") or {}).items():
            self.vague.add(str(k), float(v))
        self.qualifiers: Phrases[bool] = Phrases()
        for q in data.get("qualifiers") or []:
            self.qualifiers.add(str(q), True)
        self.currencies = {str(x).lower() for x in data.get("currencies") or []}
        self.units = {str(x).lower() for x in data.get("units") or []}
        self.rates: Phrases[bool] = Phrases()
        for r in data.get("rates") or []:
            self.rates.add(str(r), True)
        self.not_after = {str(x).lower() for x in data.get("not_after") or []}
        self.max_unit = int(data.get("max_unit_words", 2))
        self.starts = set(self.words) | set(self.vague.first)  # words a number may start with
        self.currency_units = {str(x).lower() for x in data.get("currency_units") or []}

    def digits(self, text: str) -> float | None:
        t = text.replace(self.group, "") if text.count(self.group) and self._grouped(text) else text
        t = t.replace(self.decimal, ".")
        try:
            return float(t)
        except ValueError:
            return None

    def _grouped(self, text: str) -> bool:
        parts = text.split(self.group)
        return all(len(p) == 3 for p in parts[1:])


def find_quantities(s: Sentence, claimed: set[int]) -> list[Found]:
    nums = s.lex.derived("numbers", lambda lex: _Numbers(lex.quantities))
    out: list[Found] = []
    i = s.start
    starts = nums.starts
    while i < s.n:
        t = s.toks[i]
        if not (t.num or t.low in starts):
            i += 1  # no number starts here
            continue
        f = _at(s, i, nums, claimed) if i not in claimed and i not in s.taken else None
        if f:
            out.append(f)
            i = f.b
        else:
            i += 1
    return out


def _value(s: Sentence, i: int, nums: _Numbers) -> tuple[int, float, bool] | None:
    """(end, value, vague) of a number starting at i."""
    t = s.toks[i]
    vg = nums.vague.match(s.toks, i)
    if vg:
        return vg[0], vg[1], True
    if t.num:
        v = nums.digits(t.text)
        j = i + 1
        if v is not None and _spaced_decimal(s, i, nums):
            v = nums.digits(t.text + nums.decimal + s.toks[i + 2].text)  # "Rp 2, 4 triliun"
            j = i + 3
    elif t.low in nums.words:
        v = nums.words[t.low]
        j = i + 1
    else:
        return None
    if v is None:
        return None
    while j < s.n and s.toks[j].low in nums.mult:
        m = s.toks[j].low
        v = v + nums.mult[m] if m in nums.adds else v * nums.mult[m]
        j += 1
    return j, v, False


def _spaced_decimal(s: Sentence, i: int, nums: _Numbers) -> bool:
    """A decimal mark written with a space after it, then a multiplier: "2, 4 triliun"."""
    toks = s.toks
    if i + 3 >= s.n or nums.decimal in toks[i].text:
        return False
    mark, frac, mult = toks[i + 1], toks[i + 2], toks[i + 3]
    return (
        mark.text == nums.decimal and mark.glued and frac.num and not frac.glued
        and frac.text.isdigit() and len(frac.text) <= 3 and mult.low in nums.mult
    )


def _at(s: Sentence, i: int, nums: _Numbers, claimed: set[int]) -> Found | None:
    toks = s.toks
    got = _value(s, i, nums)
    if not got:
        return None
    end, value, vague = got
    if toks[i].num and end < s.n and toks[end].glued and toks[end].word:
        return None  # "2pm", "5G": a number glued to letters
    prev = toks[i - 1] if i > s.start else None
    if prev and (prev.low in nums.not_after or prev.glued and toks[i].glued and prev.text in "-/"):
        return None
    if prev and prev.text == "." and i - 2 >= s.start and toks[i - 2].low in nums.not_after:
        return None  # "No. 31"
    if prev and toks[i].num and prev.word and prev.cap and not prev.low in nums.currencies:
        return None  # "Asian Games 2018", "JKS 56"
    if prev and prev.text == "(" and end < s.n and toks[end].text in ")-":
        return None  # an age or a formation in brackets
    attrs: dict[str, str] = {}
    norm = _fmt(value) + ("+" if vague else "")
    if vague:
        attrs["qualifier"] = " ".join(t.text for t in toks[i:end])
    if end + 1 < s.n and toks[end].text in "-–" and toks[end].glued and toks[end + 1].num:
        hi = nums.digits(toks[end + 1].text)
        unit_end = _unit(s, end + 2, nums, claimed)
        if hi is None or unit_end == end + 2:
            return None  # a score "4-0" or a bare range
        norm = f"{norm}-{_fmt(hi)}"
        end = end + 2
    start = i
    q = _qualifier(s, i, nums)
    if q is not None:
        start = q
        attrs["qualifier"] = " ".join(t.text for t in toks[q:i])
    if start > s.start and toks[start - 1].low in nums.currencies:
        start -= 1
        attrs["currency"] = toks[start].text
        q = None if "qualifier" in attrs else _qualifier(s, start, nums)
        if q is not None:  # "sekitar Rp 2,4 triliun"
            attrs["qualifier"] = " ".join(t.text for t in toks[q:start])
            start = q
    unit_end = _unit(s, end, nums, claimed)
    if unit_end > end:
        attrs["unit"] = " ".join(t.text for t in toks[end:unit_end])
    has_mult = end - i > 1
    if not (unit_end > end or "currency" in attrs or vague or (toks[i].num and (has_mult or q is not None))):
        return None
    if toks[i].num and not attrs.get("unit") and len(toks[i].text) == 4 and 1900 <= value <= 2100:
        return None  # a year
    attrs["value"] = norm
    return Found(start, max(end, unit_end), "QUANTITY", norm, attrs)


def _qualifier(s: Sentence, i: int, nums: _Numbers) -> int | None:
    for n in range(min(nums.qualifiers.longest, i - s.start), 0, -1):
        m = nums.qualifiers.match(s.toks, i - n, i)
        if m and m[0] == i:
            return i - n
    return None


def _unit(s: Sentence, j: int, nums: _Numbers, claimed: set[int]) -> int:
    """End of the unit after a number at j (j itself when there is none)."""
    toks, lex = s.toks, s.lex

    def content(k: int) -> bool:
        t = toks[k] if k < s.n else None
        return bool(
            t and t.word and not t.cap and k not in claimed and k not in s.taken
            and t.low not in lex.function and t.low not in nums.words and t.low not in nums.mult
            and not lex.verb_like(t.low)  # "Rp 2,4 triliun | menjadi"
        )

    if j < s.n and (toks[j].low in nums.units) and j not in claimed:
        end = j + 1
        if toks[j].low in nums.currency_units:
            pl = lex.places.match(toks, end)
            if pl and pl[1].kind == "country" and toks[end].cap:
                return pl[0]  # "dollar AS": the country's PLACE span gives way (see tag.py)
        r = nums.rates.match(toks, end)
        return r[0] if r else end
    end = j
    while end < s.n and end - j < nums.max_unit and content(end):
        end += 1
    if end > j and end + 1 < s.n and toks[end].low in {"dan", "atau"} and content(end + 1):
        k = end + 1
        while k < s.n and k - end - 1 < nums.max_unit and content(k):
            k += 1
        end = k
    return end
