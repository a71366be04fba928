"""Reading the register of actors: the real file, and every fault of shape, in one line."""

from __future__ import annotations

import re

import pytest
from sources import ACTORS, expect_error, line_of, mutate

from analysis import paths
from analysis.errors import RegisterError
from analysis.text.register import ACTOR_TYPES, Register, parse_register

PATH = "seeds/actors.yaml"
PENA = "  - id: pena-nieto\n    name: Enrique Peña Nieto\n    type: person\n"
ALIASES = "[Enrique Pena Nieto, Pena Nieto]"
DESCRIPTION = "    description: President of Mexico, 2012\u20132018.\n"
LAST = "    description: North, Central and South America together.\n"


# --- the real register ---------------------------------------------------------------------


def test_the_register_loads(register: Register) -> None:
    assert register.path == str(paths.ACTORS)
    assert len(register) >= 40
    assert {a.type for a in register} == set(ACTOR_TYPES)


def test_names_are_regularised_with_diacritics(register: Register) -> None:
    names = {a.id: a.name for a in register}
    assert names["pena-nieto"] == "Enrique Peña Nieto"
    assert names["calderon"] == "Felipe Calderón"
    assert names["ciudad-juarez"] == "Ciudad Juárez"
    assert names["murillo-karam"] == "Jesús Murillo Karam"
    assert names["mazatlan"] == "Mazatlán"
    assert names["guzman"] == "Joaquín Guzmán Loera"


def test_every_actor_is_described_on_one_line(register: Register) -> None:
    for actor in register:
        assert actor.description and "\n" not in actor.description, actor.id
        assert actor.name and (actor.aliases or actor.patterns), actor.id


def test_aliases_keep_the_spelling_of_the_text(register: Register) -> None:
    aliases = register.alias_map()
    assert aliases["Pena Nieto"] == "pena-nieto"
    assert aliases["Juarez"] == "ciudad-juarez"
    assert aliases["America"] == "united-states"
    assert "Peña Nieto" not in aliases


def test_demonyms_are_not_aliases(register: Register) -> None:
    aliases = register.alias_map()
    for demonym in ("American", "Mexican", "Sinaloan", "Italian"):
        assert demonym not in aliases
    # the plural noun names the people, a group, not the country
    assert register.actor(aliases["Americans"]).type == "group"


def test_every_rule_of_the_header_gives_its_reason() -> None:
    header = paths.ACTORS.read_text(encoding="utf-8").split("\nactors:")[0]
    rules = re.split(r"\n#   \* ", header.split("# How forms are matched")[1])[1:]
    assert len(rules) >= 15
    for rule in rules:
        assert "Reason:" in rule, rule[:60]


def test_lookup_by_id(register: Register) -> None:
    assert register.actor("mexico").type == "place"
    with pytest.raises(KeyError):
        register.actor("nobody")


def test_parse_keeps_file_order_and_plain_strings() -> None:
    register = parse_register(ACTORS, path=PATH)
    assert [a.id for a in register][:2] == ["guzman", "pena-nieto"]
    guzman = register.actor("guzman")
    assert guzman.aliases == ("Joaquin \u201cEl Chapo\u201d Guzman", "Guzman", "El Chapo", "Chapo")
    assert all(type(a) is str for a in (*guzman.aliases, guzman.id, guzman.name, guzman.type))


# --- every fault, on the real register ------------------------------------------------------

# Each case: (old snippet of the real file, its replacement, a snippet of the changed file on
# the line the error names, the pattern of the message).
CASES = {
    "unknown type": (
        PENA,
        PENA.replace("person", "president"),
        "type: president",
        r"actor pena-nieto\.type: 'president' is not one of person, organisation, government, "
        r"group, place$",
    ),
    "id used twice": (
        "  - id: pena-nieto",
        "  - id: guzman\n",
        "  - id: guzman\n\n",
        r"actor id 'guzman' is used twice \(first at line \d+\)$",
    ),
    "alias of another actor": (
        ALIASES,
        "[Enrique Pena Nieto, Pena Nieto, Guzman]",
        "Pena Nieto, Guzman]",
        r"actor pena-nieto: alias 'Guzman' is already an alias of actor guzman \(line \d+\)$",
    ),
    "alias twice in one actor": (
        ALIASES,
        "[Enrique Pena Nieto, Pena Nieto, Pena Nieto]",
        "[Enrique Pena Nieto, Pena",
        r"alias 'Pena Nieto' is already an alias of actor pena-nieto",
    ),
    "alias with outer space": (
        ALIASES,
        "[Enrique Pena Nieto, ' Pena Nieto']",
        "' Pena Nieto'",
        r"actor pena-nieto: alias ' Pena Nieto' has leading or trailing space$",
    ),
    "aliases not a list": (
        ALIASES,
        "Pena Nieto",
        "aliases: Pena Nieto",
        r"actor pena-nieto\.aliases: must be a list, not text$",
    ),
    "alias not text": (
        ALIASES,
        "[Enrique Pena Nieto, 1985]",
        "1985]",
        r"actor pena-nieto\.aliases\[1\]: must be text, not a whole number$",
    ),
    "missing id": (
        "  - id: pena-nieto\n    name:",
        "  - name:",
        "name: Enrique Peña Nieto",
        r"actors\[1\]: has no 'id'$",
    ),
    "missing description": (
        DESCRIPTION,
        "",
        "  - id: pena-nieto",
        r"actor pena-nieto: has no 'description'$",
    ),
    "surname not the end of the name": (
        "    name: Enrique Peña Nieto\n",
        "    name: Enrique Peña Nieto\n    surname: Enrique Peña\n",
        "surname: Enrique Peña",
        r"actor pena-nieto: surname 'Enrique Peña' is not the end of the name "
        r"'Enrique Peña Nieto'$",
    ),
    "empty name": (
        "    name: Enrique Peña Nieto",
        "    name: '  '",
        "name: '  '",
        r"actor pena-nieto\.name: is empty$",
    ),
    "name not text": (
        "    name: Enrique Peña Nieto",
        "    name: [Enrique]",
        "name: [Enrique]",
        r"actor pena-nieto\.name: must be text, not a list$",
    ),
    "unknown field, near one": (
        DESCRIPTION,
        DESCRIPTION + "    alias: Enrique\n",
        "alias: Enrique",
        r"actor pena-nieto: unknown key 'alias' \(did you mean 'aliases'\?\)$",
    ),
    "unknown field, none near": (
        DESCRIPTION,
        DESCRIPTION + "    born: 1966\n",
        "born: 1966",
        r"actor pena-nieto: unknown key 'born' \(keys: id, name, type, aliases, description, "
        r"patterns, surname\)$",
    ),
    "key twice": (
        DESCRIPTION,
        DESCRIPTION + "    name: Peña\n",
        "name: Peña\n",
        r"key 'name' is given twice \(first at line \d+\)$",
    ),
    "id not a slug": (
        "  - id: pena-nieto",
        "  - id: Pena_Nieto",
        "id: Pena_Nieto",
        r"actors\[1\]\.id: 'Pena_Nieto' must be a slug of lower-case letters, digits and hyphens$",
    ),
    "actor not a mapping": (
        LAST,
        LAST + "  - just a name\n",
        "just a name",
        r"actors\[\d+\]: must be a mapping, not text$",
    ),
    "no aliases and no patterns": (
        ALIASES,
        "[]",
        "  - id: pena-nieto",
        r"actor pena-nieto has no aliases: list the forms as they stand in the text$",
    ),
    "pattern not a regular expression": (
        ALIASES,
        f"{ALIASES}\n    patterns: ['Pe[nñ']",
        "patterns: [",
        r"actor pena-nieto: pattern 'Pe\[nñ' is not a regular expression \(unterminated",
    ),
    "pattern matching the empty text": (
        ALIASES,
        f"{ALIASES}\n    patterns: ['(?:x)?']",
        "patterns: [",
        r"actor pena-nieto: pattern '\(\?:x\)\?' matches the empty text$",
    ),
    "patterns not a list": (
        ALIASES,
        f"{ALIASES}\n    patterns: Pena",
        "patterns: Pena",
        r"actor pena-nieto\.patterns: must be a list, not text$",
    ),
    "empty pattern": (
        ALIASES,
        f"{ALIASES}\n    patterns: ['']",
        "patterns: [",
        r"actor pena-nieto\.patterns\[0\]: is empty$",
    ),
    "alias (YAML)": (ALIASES, "*pena", "*pena", r"aliases \(\*name\) are not allowed"),
    "invalid YAML": (
        ALIASES,
        "[Enrique Pena Nieto, Pena Nieto",
        "description: President of Mexico, 2012",
        r"not valid YAML: ",
    ),
}


@pytest.mark.parametrize(("old", "new", "at", "pattern"), CASES.values(), ids=CASES.keys())
def test_each_fault_of_shape(old: str, new: str, at: str, pattern: str) -> None:
    text = mutate(ACTORS, old, new)
    expect_error(
        RegisterError,
        lambda: parse_register(text, path=PATH),
        path=PATH,
        line=line_of(text, at),
        pattern=pattern,
    )


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("actors: []\n", r":1: actors: must have at least 1 item\(s\), not 0$"),
        ("- Mexico\n", r":1: must be a mapping, not a list$"),
        ("", r":1: has no 'actors'$"),
    ],
    ids=["no actors", "a list", "empty"],
)
def test_a_register_without_actors(text: str, pattern: str) -> None:
    expect_error(
        RegisterError, lambda: parse_register(text, path=PATH), path=PATH, line=1, pattern=pattern
    )


def test_patterns_may_stand_for_aliases() -> None:
    text = mutate(ACTORS, ALIASES, "[]\n    patterns: ['Pe[nñ]a Nieto']")
    assert parse_register(text, path=PATH).actor("pena-nieto").patterns == ("Pe[nñ]a Nieto",)
