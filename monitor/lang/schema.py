"""The lexicon schema: which keys a `data/<lang>.yaml` may hold, of what shape, and the canonical
concepts every language must name.

In: the parsed YAML of one lexicon (and its text, to point at lines). Out: nothing when it is
valid; otherwise a LexiconError naming the file, the line and the key ("recipents" is unknown,
did you mean "recipients"?). `missing_concepts` lists, per section, the canonical concepts a
language lacks, so that a concept added to one language is added to all (a test holds them equal).

Places are checked for shape only: their keys are the countries and regions a language names.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from monitor.errors import did_you_mean
from monitor.models import CATEGORIES

# Shapes: "bool", "int", "str", "list" (of regex strings), "keyed" (name -> list of regexes),
# "numbers" (word or regex -> number).
SCHEMA: dict[str, str] = {
    "cjk": "bool",
    "nouns_capitalised": "bool",
    "stopwords": "list",
    "categories": "keyed",
    "numbers": "numbers",
    "units": "numbers",
    "numeral_chars": "str",
    "numeral_values": "numbers",
    "ages": "list",
    "retention_states": "keyed",
    "negators": "list",
    "modals": "list",
    "negator_exceptions": "list",
    "negation_continuers": "list",
    "list_exceptions": "list",
    "negator_after_words": "int",
    "actions": "keyed",
    "processing": "list",
    "user_duties": "list",
    "user_modals": "list",
    "data_nouns": "list",
    "definition_verbs": "list",
    "document_names": "list",
    "warranty_terms": "list",
    "contract_withdrawal": "list",
    "request_nouns": "list",
    "notice_events": "list",
    "deletion": "list",
    "document_titles": "list",
    "clause_breaks": "list",
    "recipients": "keyed",
    "data_types": "keyed",
    "rights": "keyed",
    "places": "keyed",
    "breach": "list",
    "breach_states": "keyed",
    "breach_notice": "list",
    "controller": "list",
    "change_notice": "keyed",
    "update_stamp": "list",
    "pointers": "list",
    "contents_headings": "list",
    "form_labels": "list",
    "language_versions": "list",
    "describes": "list",
    "security_measures": "keyed",
    "months": "list",
    "purposes": "keyed",
    "conditions": "keyed",
    "possessives": "keyed",
    "conjunctions": "list",
    "subject_pronouns": "list",
    "item_open_ends": "list",
    "place_prepositions": "list",
    "outside_places": "list",
    "journeys": "list",
    "enablers": "list",
    "data_sources": "list",
    "catch_all_items": "list",
    "enabling_use": "list",
    "given_to_us": "list",
    "frequencies": "list",
    "reviews": "list",
    "processed_by": "list",
    "residence_scope": "list",
    "availability_scope": "list",
    "source_markers": "list",
    "partial_scope": "list",
    "whole_scope": "list",
    "any_time": "list",
    "defaults": "keyed",
    "number_agreement": "list",
    "scope_words": "list",
    "list_openers": "list",
    "until_words": "list",
    "back_references": "list",
    "liability_disclaimers": "list",
    "consent_buttons": "list",
    "legal_grounds": "list",
    "negative_prefixes": "list",
    "waived_conditions": "list",
    "aims": "list",
    "keep_verbs": "list",
    "supervisory_authorities": "list",
    "service_complaints": "list",
    "without_safeguards": "list",
    "reassurances": "list",
    "others_modals": "list",
    "record_verbs": "list",
    "override_grounds": "list",
    "business_transfers": "list",
    "period_references": "list",
    "term_definitions": "list",
    "continued_use": "list",
}

# Keys a language may leave out: Chinese has no month names, number words or stop words (it is
# told by its script), Latin languages no numeral characters; only verb-second languages look
# after the verb (and tell a verb by the subject pronoun that follows it); only a language that
# capitalises every noun says so (nouns_capitalised).
OPTIONAL = frozenset(
    {
        "numeral_chars",
        "numeral_values",
        "negator_after_words",
        "months",
        "stopwords",
        "numbers",
        "subject_pronouns",
        "nouns_capitalised",
        "language_versions",
        "place_prepositions",
        "number_agreement",
    }
)

# The kinds of data that are no special category: named, they are data all the same (an
# explanation says "new data collected", not "new sensitive data").
PLAIN_DATA_TYPES = frozenset(
    {
        "approximate location",
        "advertising id",
        "device identifiers",
        "ip address",
        "purchase history",
        "photos",
        "playlists",
    }
)

# The canonical concepts: every language names each of them (keys of the keyed sections).
CONCEPTS: dict[str, frozenset[str]] = {
    "categories": frozenset(CATEGORIES),
    "actions": frozenset({"sell", "share", "disclose", "rent", "transfer", "collect", "use"}),
    "retention_states": frozenset({"as_long_as_necessary", "until_deletion", "indefinite"}),
    "recipients": frozenset(
        {
            "advertisers",
            "affiliates",
            "data brokers",
            "partners",
            "service providers",
            "law enforcement",
            "third parties",
            "researchers",
            "insurers",
            "financial institutions",
        }
    ),
    "data_types": frozenset(
        {
            "biometric",
            "health",
            "precise location",
            "contacts",
            "financial",
            "children's data",
            "genetic",
            "religious",
            "political",
            "sexual orientation",
            "racial or ethnic origin",
            "trade union",
            "government id",
            "communications",
            "criminal records",
        }
    )
    | PLAIN_DATA_TYPES,
    "rights": frozenset(
        {
            "access",
            "rectification",
            "erasure",
            "portability",
            "objection",
            "restriction",
            "withdraw consent",
            "complaint",
            "opt-out of sale",
            "reject cookies",
            "opt-out",
            "settings opt-out",
            "account deletion",
            "account data deletion",
            "human review",
            "free of charge",
            "fee",
        }
    ),
    "breach_states": frozenset({"without undue delay", "promptly"}),
    "change_notice": frozenset(
        {"promise", "no_notice", "direct", "posted", "advance", "afterwards", "in_force"}
    ),
    "security_measures": frozenset(
        {
            "encryption",
            "end-to-end encryption",
            "access control",
            "pseudonymisation",
            "anonymisation",
            "firewall",
            "audits",
            "two-factor authentication",
            "backups",
            "security certification",
        }
    ),
    "purposes": frozenset(
        {
            "advertising",
            "marketing",
            "profiling",
            "AI training",
            "AI processing",
            "research",
            "analytics",
            "personalisation",
            "credit scoring",
        }
    ),
    "conditions": frozenset(
        {"limit", "consent", "explicit", "voluntary", "safeguard", "parental", "minimum", "supervision"}
    ),
    "possessives": frozenset({"user", "ours", "breaks"}),
}


class LexiconError(ValueError):
    """A lexicon file that does not follow the schema; the message names file and line."""


def validate(data: Mapping[str, Any], path: Path, text: str) -> None:
    """Raise LexiconError for the first key that is unknown or of the wrong shape."""
    for key, value in data.items():
        shape = SCHEMA.get(str(key))
        if shape is None:
            raise _error(path, text, [key], f'unknown key "{key}"{did_you_mean(str(key), SCHEMA)}')
        problem = _shape_problem(shape, value)
        if problem:
            raise _error(path, text, [key], f'"{key}" {problem}')
        if shape == "keyed" and key in CONCEPTS:
            for concept in value:
                if concept not in CONCEPTS[key]:
                    also = did_you_mean(str(concept), CONCEPTS[key])
                    raise _error(path, text, [key, concept], f'unknown {key} concept "{concept}"{also}')
    for key in SCHEMA:
        if key not in data and key not in OPTIONAL:
            raise LexiconError(f'{path}: required key "{key}" is missing')


def missing_concepts(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """Section -> the canonical concepts this lexicon does not name (empty when it names all)."""
    out: dict[str, list[str]] = {}
    for section, concepts in CONCEPTS.items():
        have = data.get(section) or {}
        lacking = sorted(c for c in concepts if not have.get(c))
        if lacking:
            out[section] = lacking
    return out


def _shape_problem(shape: str, value: Any) -> str | None:
    if shape == "bool":
        return None if isinstance(value, bool) else "must be true or false"
    if shape == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) else "must be a whole number"
    if shape == "str":
        return None if isinstance(value, str) else "must be a string"
    if shape == "list":
        return None if _strings(value) else "must be a list of quoted strings"
    if shape == "numbers":
        ok = isinstance(value, dict) and all(isinstance(v, int | float) for v in value.values())
        return None if ok else "must map words to numbers"
    if shape == "keyed":
        if not isinstance(value, dict):
            return "must map names to lists of patterns"
        for name, items in value.items():
            if not _strings(items):
                return f'entry "{name}" must be a list of quoted strings'
        return None
    return f"has an unknown shape {shape!r}"


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, str) for i in value)


def _error(path: Path, text: str, keys: list[Any], message: str) -> LexiconError:
    return LexiconError(f"{path}:{_line(text, keys)}: {message}")


def load_yaml(text: str) -> Any:
    """The plain data of a YAML text (libyaml when present: ~10x faster). PyYAML is imported on
    first use: a process whose lexicons all come from the start-up cache never imports it (its
    import costs about as many instructions as starting Python)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _line(text: str, keys: list[Any]) -> int:
    """The 1-based line where the mapping key path `keys` is written (0 if not found)."""
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return 0
    line = 0
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        for k, v in node.value:
            if k.value == str(key):
                line, node = k.start_mark.line + 1, v
                break
        else:
            break
    return line
