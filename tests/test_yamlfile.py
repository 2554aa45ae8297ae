"""YAML nesting: the depth limit holds for every way of nesting, at its exact boundary
(the event pass that checks it is skipped only for text too short of indicators to nest)."""

import pytest

from quizgen.errors import QuizgenError
from quizgen.yamlfile import MAX_DEPTH, parse_yaml


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
