"""Language packs: everything a language needs lives as data in quizgen/lang/<code>/.

The engine asks a pack for named data (`pack.data("boilerplate")` reads
`boilerplate.yaml`) and never names a language itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..errors import QuizgenError
from ..yamlfile import YamlDoc, load_yaml

LANG_DIR = Path(__file__).parent


def available() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


class LanguagePack:
    def __init__(self, code: str, root: Path) -> None:
        self.code = code
        self.root = root
        self._docs: dict[str, YamlDoc] = {}

    def doc(self, name: str) -> YamlDoc:
        if name not in self._docs:
            path = self.root / f"{name}.yaml"
            if not path.exists():
                raise QuizgenError(
                    f"{path}: language pack '{self.code}' has no '{name}' data; add {path.name}"
                )
            self._docs[name] = load_yaml(path)
        return self._docs[name]

    def data(self, name: str, default: Any = ...) -> Any:
        """The parsed contents of <name>.yaml in this pack."""
        doc = self._docs.get(name)  # asked for thousands of times a run: no file test then
        if doc is not None:
            return doc.data
        if default is not ... and not (self.root / f"{name}.yaml").exists():
            return default
        return self.doc(name).data

    def template_files(self) -> list[Path]:
        return sorted((self.root / "templates").glob("*.yaml"))

    def __repr__(self) -> str:
        return f"LanguagePack({self.code!r})"


@cache
def load_language(code: str) -> LanguagePack:
    root = LANG_DIR / code
    if not code.replace("_", "").isalnum() or not root.is_dir():
        raise QuizgenError(
            f"unknown language '{code}'; available: {', '.join(available())}"
            f" (add quizgen/lang/{code}/ to support it)"
        )
    return LanguagePack(code, root)


def answer_words(pack: LanguagePack) -> tuple[str, str]:
    """The words for true and false, e.g. ("Benar", "Salah"): a true/false item's answer
    is one of them."""
    labels = pack.data("labels")
    return str(labels["answer_true"]), str(labels["answer_false"])
