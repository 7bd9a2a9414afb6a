"""Read a Markdown file with YAML front matter, keeping the line of every key.

Contributors get errors that point at a line, so the YAML is composed once into
nodes (which carry positions) and then constructed into plain Python data.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .models import find_html, unsafe_markup_problem
from .names import BIDI_CONTROLS
from .problems import Problem

FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
# Limits that no real entry, explainer or article comes near, so that a hostile file is
# refused at once instead of slowing or crashing the build.
MAX_FILE_BYTES = 256_000
MAX_DEPTH = 8  # front matter nests three levels at most (article.notes.N.quote)
# pymdownx.snippets would copy another file of the repository into the page.
SNIPPET = re.compile(r"^\s*-{1,3}8<-{1,3}", re.MULTILINE)
# Markdown that costs Python-Markdown far more than its size: quotations or lists nested
# past its recursion limit, and paragraphs of open brackets (their cost grows with the
# square of their number: 4,000 take seconds).
MAX_NESTING = 20
NESTING = re.compile(r"^(?:\s*(?:>|[-*+](?=\s)|\d+[.)](?=\s)))+")
MAX_BRACKETS = 200
# Direction overrides and control characters (other than tab) change what a reader sees.
HIDDEN_IN_TEXT = re.compile(f"{BIDI_CONTROLS.pattern}|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# libyaml's parser when PyYAML was built with it (its wheels are): about ten times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A dotted path into the front matter: ("sources", 0, "url").
KeyPath = tuple[str | int, ...]


def dotted(key: KeyPath) -> str:
    """A key path as messages name a field: ``sources.0.url``."""
    return ".".join(map(str, key))


@dataclass
class Document:
    """A parsed file: front matter, body and where each front-matter key stands."""

    path: str
    meta: dict
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    node: yaml.Node | None = field(default=None, repr=False)  # the front matter, composed

    @functools.cached_property
    def lines(self) -> dict[KeyPath, int]:
        """The line of every key and item, worked out only when a message needs one."""
        lines: dict[KeyPath, int] = {}
        _record_lines(self.node, (), lines)
        return lines

    def line_at(self, offset: int) -> int:
        """The file line of a character offset in the body."""
        return self.body_line + self.body[:offset].count("\n")

    def line_of(self, key: KeyPath) -> int | None:
        """Line of the deepest known key on ``key``'s path (a value's own line when known)."""
        for end in range(len(key), 0, -1):
            if key[:end] in self.lines:
                return self.lines[key[:end]]
        return 2  # the first line of the front matter


def read_document(path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """Read the file at ``path``; return the document, or ``None`` with the problems that
    stopped it. ``shown`` is the path used in messages."""
    text, problems = read_text(path, shown)
    return parse_document(text, shown) if text is not None else (None, problems)


def read_text(
    path: Path, shown: str, max_bytes: int = MAX_FILE_BYTES
) -> tuple[str | None, list[Problem]]:
    """The file's text, if it is UTF-8 and no longer than ``max_bytes``; else the problem."""
    size = path.stat().st_size
    if size > max_bytes:
        return None, [
            Problem(
                shown,
                None,
                "",
                f"the file is {size // 1000} KB, more than the {max_bytes // 1000} KB "
                "a content file may hold",
                "shorten it, or split it in two",
            )
        ]
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown, line, "", "the file is not UTF-8 text", "save it with UTF-8 encoding")
        ]


def parse_document(text: str, shown: str) -> tuple[Document | None, list[Problem]]:
    """Split ``text`` into front matter and body; ``shown`` names it in messages."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.strip():
        return None, [Problem(shown, 1, "", "the file is empty", "fill it in from the template")]

    if not text.startswith("---\n"):
        return None, [
            Problem(
                shown,
                1,
                "",
                "no front matter",
                "start the file with a line '---', the YAML, then '---'",
            )
        ]
    closing = FENCE.search(text, 4)
    if closing is None:
        return None, [
            Problem(shown, 1, "", "the front matter is never closed", "end it with a line '---'")
        ]
    source = text[4 : closing.start()]
    body = text[closing.end() :].removeprefix("\n")
    body_line = text[: closing.end()].count("\n") + 2

    node, meta, problems = load_yaml(source, shown)
    if problems:
        return None, problems
    if not isinstance(meta, dict):
        return None, [
            Problem(
                shown,
                2,
                "",
                "the front matter is not a mapping of fields",
                "write 'field: value' lines",
            )
        ]
    document = Document(shown, meta, body, body_line, node)
    return document, body_problems(document)


def load_yaml(
    source: str, shown: str, *, whole_file: bool = False
) -> tuple[yaml.Node | None, object, list[Problem]]:
    """Compose, check (:func:`structure_problems`) and construct YAML: front matter, which
    starts on the line after the file's opening ``---``, or with ``whole_file`` a file of YAML
    alone. Returns the composed node, the data (``{}`` for none) and the problems that stopped
    it. The node's marks count lines as front matter does (a mark's line + 2 is the file's
    line), so :class:`Document` gives the file's own lines either way."""
    loader = Loader(source)
    node = None
    try:
        node = loader.get_single_node()
        if node is None:  # empty, or only comments
            return None, {}, []
        if whole_file:
            _shift_marks(node, -1)
        found = structure_problems(node, shown)
        if found:
            return None, None, found
        return node, construct(node, loader), []
    except ValueError as error:  # a well-formed but impossible date, e.g. 2024-02-30
        key, line = impossible_date(node, loader)
        return (
            None,
            None,
            [
                Problem(
                    shown,
                    line,
                    dotted(key),
                    f"is not a date that exists ({error})",
                    "check the day and the month (YYYY-MM-DD)",
                )
            ],
        )
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        first = 1 if whole_file else 2  # the file's line of the YAML's first line
        reason = getattr(error, "problem", None) or str(error)
        if "nesting depth" in reason:
            reason = f"the {'file' if whole_file else 'front matter'} nests too deeply"
        return (
            None,
            None,
            [
                Problem(
                    shown,
                    mark.line + first if mark is not None else first,
                    "",
                    f"YAML syntax error: {reason}",
                    "check indentation, colons and quotes on this line or the one before",
                )
            ],
        )
    finally:
        loader.dispose()


def _shift_marks(node: yaml.Node, lines: int) -> None:
    """Move the line of every node's mark by ``lines``."""
    seen: set[int] = set()
    pending = [node]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        mark = current.start_mark
        current.start_mark = yaml.Mark(
            mark.name, mark.index, mark.line + lines, mark.column, None, 0
        )
        if isinstance(current, yaml.MappingNode):
            pending += [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            pending += current.value


def impossible_date(node: yaml.Node, loader: yaml.BaseLoader) -> tuple[KeyPath, int | None]:
    """Where the date PyYAML could not build stands: its key path and line."""
    pending: deque[tuple[yaml.Node, KeyPath]] = deque([(node, ())])
    while pending:
        current, key = pending.popleft()
        if isinstance(current, yaml.ScalarNode) and current.tag.endswith(":timestamp"):
            try:
                loader.construct_yaml_timestamp(current)
            except ValueError:
                return key, current.start_mark.line + 2
        elif isinstance(current, yaml.MappingNode):
            pending += [(v, (*key, str(k.value))) for k, v in current.value]
        elif isinstance(current, yaml.SequenceNode):
            pending += [(item, (*key, i)) for i, item in enumerate(current.value)]
    return (), None


def _blocks(document: Document) -> list[tuple[int, str]]:
    """The body's blocks of lines between blank lines, each with its first line's number."""
    blocks, start, lines = [], document.body_line, []
    for number, line in enumerate([*document.body.split("\n"), ""], document.body_line):
        if line.strip():
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            blocks.append((start, "\n".join(lines)))
            lines = []
    return blocks


def structure_problems(node: yaml.Node | None, shown: str) -> list[Problem]:
    """Front matter a person writes has each key once, no YAML aliases (which can multiply a
    few lines into millions of values) and a few levels of nesting."""
    problems: list[Problem] = []
    seen: set[int] = set()
    pending = deque([(node, 1)] if node is not None else [])
    while pending:
        current, depth = pending.popleft()  # breadth first: an alias shows near the top
        line = current.start_mark.line + 2
        if id(current) in seen:
            return [
                Problem(
                    shown,
                    line,
                    "",
                    "YAML anchors and aliases (&name, *name) are not allowed here",
                    "write each value out in full",
                )
            ]
        seen.add(id(current))
        if depth > MAX_DEPTH:
            return [Problem(shown, line, "", "the front matter nests too deeply", "flatten it")]
        if isinstance(current, yaml.MappingNode):
            first_line: dict[object, int] = {}
            for key, value in current.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name in first_line:
                    problems.append(
                        Problem(
                            shown,
                            key.start_mark.line + 2,
                            str(name),
                            f"is given twice (first on line {first_line[name]})",
                            "keep one of the two",
                        )
                    )
                first_line.setdefault(name, key.start_mark.line + 2)
                pending.append((value, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            pending += [(item, depth + 1) for item in current.value]
    return problems


def body_problems(document: Document) -> list[Problem]:
    """Raw HTML (tags, script links), characters that change what a reader sees of the text
    (direction overrides, control characters), snippet markers that would pull another file
    into the page, and Markdown that would cost far more than its size."""
    problems = []
    found = find_html(document.body)
    if found:
        message, fix = unsafe_markup_problem(found)
        problems.append(
            Problem(document.path, document.line_at(found.start()), "body", message, fix)
        )
    for number, line in enumerate(document.body.split("\n"), document.body_line):
        control = HIDDEN_IN_TEXT.search(line)
        if control:
            char = control.group()
            problems.append(
                Problem(
                    document.path,
                    number,
                    "body",
                    f"contains an invisible control character "
                    f"(U+{ord(char):04X} {unicodedata.name(char, 'control')})",
                    "retype the line",
                )
            )
    for number, block in _blocks(document):
        depth = NESTING.match(block)
        if depth and len(re.findall(r">|[-*+]\s|\d+[.)]\s", depth.group())) > MAX_NESTING:
            problems.append(
                Problem(
                    document.path,
                    number,
                    "body",
                    f"quotations or lists nest more than {MAX_NESTING} levels deep",
                    "flatten them",
                )
            )
        if block.count("[") > MAX_BRACKETS:
            problems.append(
                Problem(
                    document.path,
                    number,
                    "body",
                    f"one paragraph holds {block.count('[')} brackets '[', more than the "
                    f"{MAX_BRACKETS} Markdown can read quickly",
                    "split the paragraph, or write fewer links",
                )
            )
    for marker in SNIPPET.finditer(document.body):
        problems.append(
            Problem(
                document.path,
                document.line_at(marker.start()),
                "body",
                "a snippet marker (--8<--) would copy another file into the page",
                "write the text itself",
            )
        )
    return problems


STR, SEQ, MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))


def construct(node: yaml.Node, loader: yaml.BaseLoader) -> object:
    """The data of a composed node, as ``loader.construct_document`` gives it, but faster:
    plain strings, lists and mappings are built here, and everything else (numbers, dates,
    booleans, null, merge keys, other tags) by PyYAML's own constructor.

    A node met twice (a YAML alias) gives the same object both times, as with PyYAML, so
    aliases nested in aliases cannot multiply the work.
    """
    built: dict[int, object] = {}

    def build(node: yaml.Node) -> object:
        if id(node) in built:
            return built[id(node)]
        if isinstance(node, yaml.ScalarNode) and node.tag == STR:
            return node.value
        if isinstance(node, yaml.SequenceNode) and node.tag == SEQ:
            items: list = []
            built[id(node)] = items
            items.extend(build(item) for item in node.value)
            return items
        if (
            isinstance(node, yaml.MappingNode)
            and node.tag == MAP
            and all(isinstance(k, yaml.ScalarNode) and k.tag == STR for k, _ in node.value)
        ):
            mapping: dict = {}
            built[id(node)] = mapping
            for key, value in node.value:
                mapping[key.value] = build(value)
            return mapping
        built[id(node)] = value = loader.construct_object(node, deep=True)
        return value

    return build(node)


class FromFile:
    """Content read from ``file`` that can say on which line a front-matter key stands, by
    reading the file again: messages about one file found by looking at others are rare,
    so the lines are not kept."""

    file: str

    def line_of(self, *key: str | int) -> int | None:
        """The file line of a front-matter key, for messages."""
        if not self.file:
            return None
        document, _ = read_document(Path(self.file), self.file)
        return document.lines.get(key) if document is not None else None


def _record_lines(
    node: yaml.Node | None,
    key: KeyPath,
    lines: dict[KeyPath, int],
    seen: set[int] | None = None,
) -> None:
    """Remember the file line (1-based, after the opening fence) of every key and item.
    A node reached again through a YAML alias is not walked twice."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*key, str(key_node.value))
            lines[child] = key_node.start_mark.line + 2
            _record_lines(value_node, child, lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*key, index)
            lines[child] = item.start_mark.line + 2
            _record_lines(item, child, lines, seen)
