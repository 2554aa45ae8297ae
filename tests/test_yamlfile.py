"""YAML limits. Nesting: the depth limit holds for every way of nesting, at its exact
boundary (the event pass that checks it is skipped only for text too short of indicators
to nest). A key given twice in one mapping, a value over MAX_VALUE_CHARS, and (in banks and
decks) anchors and aliases are refused with the line."""

import re

import pytest

from quizgen.errors import QuizgenError
from quizgen.yamlfile import MAX_DEPTH, MAX_VALUE_CHARS, parse_yaml


def flow(n: int) -> str:
    return "[" * n + "]" * n


def block_map(n: int) -> str:
    return "".join("  " * i + "a:\n" for i in range(n - 1)) + "  " * (n - 1) + "a: 1\n"


def compact_seq(n: int) -> str:
    return "- " * n + "x\n"


def flow_map(n: int) -> str:
    return "{a: " * n + "1" + "}" * n


@pytest.mark.parametrize("make", [flow, block_map, compact_seq, flow_map])
def test_yamlfile_depth_limit_at_its_boundary(make):
    parse_yaml(make(MAX_DEPTH), "x.yaml")  # accepted
    with pytest.raises(QuizgenError, match=f"nested over {MAX_DEPTH} levels deep"):
        parse_yaml(make(MAX_DEPTH + 1), "x.yaml")


def nested_under_b(make, depth: int) -> str:
    """A document whose line 2 opens `depth` levels under key b (block forms indented)."""
    if make in (flow, flow_map):
        return "a: 1\nb: " + make(depth)
    return "a: 1\nb:\n" + "".join("  " + line + "\n" for line in make(depth).splitlines())


@pytest.mark.parametrize("make,depth", [(flow, 2_000), (flow, 50_000), (flow_map, 2_000),
                                        (flow_map, 50_000), (block_map, 2_000),
                                        (compact_seq, 2_000), (compact_seq, 20_000)])
def test_yamlfile_depth_message_is_ours_past_the_parsers_own_limit(make, depth):
    """libyaml (PyYAML 6.0.4's wheels) refuses deep nesting by itself while reading ahead;
    the message is still quizgen's, naming the line where nesting passes the limit."""
    with pytest.raises(QuizgenError) as exc:
        parse_yaml(nested_under_b(make, depth), "x.yaml", first_line=10)
    assert re.match(r"x\.yaml:\d+: YAML nested over 100 levels deep; flatten", str(exc.value))
    line = int(str(exc.value).split(":")[1])
    expected = {flow: 11, flow_map: 11, compact_seq: 12, block_map: 11 + MAX_DEPTH}[make]
    assert line == expected


def test_yamlfile_size_limit_is_checked_before_parsing(monkeypatch):
    monkeypatch.setattr("quizgen.yamlfile.MAX_CHARS", 1000)
    with pytest.raises(QuizgenError, match=r"^x\.yaml: YAML text of 0 million characters, over"
                                           r" the 0 million limit; split it"):
        parse_yaml("a: " + "x" * 1000, "x.yaml")


def test_yamlfile_syntax_errors_are_one_line_with_the_line():
    # the unclosed list opens on line 3; the parser notices at the end of the text, line 4
    with pytest.raises(QuizgenError, match=r"^x\.yaml:[34]: YAML syntax error: .+; check"
                                           r" indentation, colons and quotes$"):
        parse_yaml("a: 1\nb: 2\nc: [1, 2\n", "x.yaml")


def test_yamlfile_key_given_twice_is_refused_with_both_lines() -> None:
    with pytest.raises(QuizgenError, match=r"^x\.yaml:4: key 'b' is given twice in one mapping"
                       r" \(also at line 2\); keep one of them$"):
        parse_yaml("a: 1\nb: 2\nc: 5\nb: 4\n", "x.yaml")


def test_yamlfile_same_key_in_two_mappings_is_fine() -> None:
    assert parse_yaml("- {id: 1}\n- {id: 2}\n", "x.yaml").data == [{"id": 1}, {"id": 2}]


def test_yamlfile_value_over_the_limit_is_refused() -> None:
    parse_yaml("a: " + "x" * MAX_VALUE_CHARS, "x.yaml")  # accepted
    with pytest.raises(QuizgenError, match=rf"^x\.yaml:2: a value of {MAX_VALUE_CHARS + 1}"
                       " characters, over the"):
        parse_yaml("a: 1\nb: " + "x" * (MAX_VALUE_CHARS + 1), "x.yaml")


@pytest.mark.parametrize("text, line, what", [
    ("a: &x 1\nb: *x\n", 1, "anchor"),
    ("a: [1, &x 2]\n", 1, "anchor"),
    ("a: 1\nb: \"&x *y\"\nc:\n  - &z {k: v}\n", 4, "anchor"),
])
def test_yamlfile_anchors_refused_where_asked(text: str, line: int, what: str) -> None:
    parse_yaml(text, "x.yaml")  # templates and language data may use them
    with pytest.raises(QuizgenError, match=rf"^x\.yaml:{line}: a YAML {what} \('&name'\) is not"
                       " allowed in this file; write the value out instead$"):
        parse_yaml(text, "x.yaml", aliases=False)


def test_yamlfile_ampersand_and_star_in_text_are_not_anchors() -> None:
    text = "a: 'Kim &Lavrov'\nb: \"*catatan\"\nc: AT&T *x\n"
    assert parse_yaml(text, "x.yaml", aliases=False).data["c"] == "AT&T *x"
