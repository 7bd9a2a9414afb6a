"""A site's ``mkdocs.yml``, as the companion's own commands read it (``companion check``,
``companion zensical``): MkDocs' tags (``!ENV``, ``!relative``, Python names) are kept as
written, so that a configuration read here can be written back for another host."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"


@dataclass
class Tagged:
    """A value under a YAML tag this module does not interpret, kept as written."""

    tag: str
    value: Any


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when built with it
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        value: Any = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


def _write_tag(dumper: yaml.SafeDumper, tagged: Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, tagged.value)


_Loader.add_multi_constructor("!", _keep_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_Dumper.add_representer(Tagged, _write_tag)


def read_config(path: Path) -> dict:
    """``mkdocs.yml`` as data, its tags kept for writing back."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def dump_config(config: dict) -> str:
    """``config`` as YAML, its tags as they were read."""
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def companion_options(config: dict) -> dict:
    """The ``companion`` plugin's options, or none."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("companion"), dict):
            return plugin["companion"]
    return {}


def content_folders(config: dict) -> tuple[str, str]:
    """The glossary and docs folders a configuration names (the plugin's ``glossary_dir``
    and MkDocs' ``docs_dir``), or the defaults; a value left to a tag (``!ENV``) counts as
    unset."""
    glossary = companion_options(config).get("glossary_dir")
    docs = config.get("docs_dir")
    return (
        glossary if isinstance(glossary, str) and glossary else "glossary",
        docs if isinstance(docs, str) and docs else "docs",
    )


def map_data_of(root: Path) -> str:
    """The map's data file under ``root``, as the plugin's ``map_data`` names it."""
    config_file = root / CONFIG_FILE
    try:
        config = read_config(config_file) if config_file.is_file() else {}
    except yaml.YAMLError:
        config = {}
    value = companion_options(config).get("map_data")
    return value if isinstance(value, str) and value else "data/map.json"


def folders_of(root: Path) -> tuple[str, str]:
    """The content folders of the site under ``root``, as its ``mkdocs.yml`` names them."""
    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        return content_folders({})
    try:
        return content_folders(read_config(config_file))
    except yaml.YAMLError:
        return content_folders({})  # MkDocs itself will say what is wrong with it
