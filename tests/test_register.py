"""Reading the register of actors: the real file, and each validation error."""

from __future__ import annotations

import re

import pytest

from analysis import paths
from analysis.errors import RegisterError
from analysis.text.register import ACTOR_TYPES, Register, load_register, parse_register

PATH = "seeds/actors.yaml"

VALID = """\
# a small register
actors:
  - id: guzman
    name: Joaquín Guzmán Loera
    type: person
    aliases: [Guzman, El Chapo]
    description: Mexican drug trafficker.
  - id: mexico
    name: Mexico
    type: place
    aliases:
      - Mexico
    description: The United Mexican States.
"""


def line_of(text: str, snippet: str) -> int:
    """1-based line of ``text`` on which ``snippet`` stands."""
    assert text.count(snippet) == 1, snippet
    return text[: text.index(snippet)].count("\n") + 1


def mutate(old: str, new: str) -> str:
    assert VALID.count(old) == 1, old
    return VALID.replace(old, new)


def expect_error(text: str, line: int | None, pattern: str) -> None:
    with pytest.raises(RegisterError) as err:
        parse_register(text, path=PATH)
    message = str(err.value)
    where = f"{PATH}:{line}: " if line is not None else f"{PATH}: "
    assert message.startswith(where), message
    assert re.search(pattern, message), message
    assert "\n" not in message


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
    register = parse_register(VALID, path=PATH)
    assert [a.id for a in register] == ["guzman", "mexico"]
    guzman = register.actor("guzman")
    assert guzman.aliases == ("Guzman", "El Chapo")
    assert all(type(a) is str for a in (*guzman.aliases, guzman.id, guzman.name))


# --- validation errors, one by one ---------------------------------------------------------


def test_unknown_type() -> None:
    text = mutate("type: place", "type: country")
    expect_error(
        text,
        line_of(text, "type: country"),
        r"actor mexico: unknown type 'country' \(one of person, organisation, government, "
        r"group, place\)",
    )


def test_duplicate_id() -> None:
    text = mutate("  - id: mexico", "  - id: guzman")
    second = text.index("  - id: guzman", text.index("  - id: guzman") + 1)
    expect_error(
        text, text[:second].count("\n") + 1, r"actor id 'guzman' is used twice \(first at line 3\)"
    )


def test_duplicate_alias_across_actors() -> None:
    text = mutate("      - Mexico\n", "      - Mexico\n      - Guzman\n")
    expect_error(
        text,
        line_of(text, "      - Guzman"),
        r"actor mexico: alias 'Guzman' is already an alias of actor guzman \(line 6\)",
    )


def test_duplicate_alias_within_an_actor() -> None:
    text = mutate("aliases: [Guzman, El Chapo]", "aliases: [Guzman, Guzman]")
    expect_error(text, 6, r"actor guzman: alias 'Guzman' is already an alias of actor guzman")


def test_empty_aliases() -> None:
    text = mutate("aliases: [Guzman, El Chapo]", "aliases: []")
    expect_error(text, 3, r"actor guzman has no aliases")


def test_patterns_may_stand_for_aliases() -> None:
    text = mutate("aliases: [Guzman, El Chapo]", "aliases: []\n    patterns: ['Guzm[aá]n']")
    assert parse_register(text, path=PATH).actor("guzman").patterns == ("Guzm[aá]n",)
    assert parse_register(VALID, path=PATH).actor("guzman").patterns == ()


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        ("'Guzm[an'", r"actor guzman: pattern 'Guzm\[an' is not a regular expression"),
        ("'(?:x)?'", r"actor guzman: pattern '\(\?:x\)\?' matches the empty text"),
        ("''", r"actor guzman: pattern '' must be non-empty text"),
    ],
)
def test_bad_patterns(patterns: str, message: str) -> None:
    text = mutate("aliases: [Guzman, El Chapo]", f"aliases: [Guzman]\n    patterns: [{patterns}]")
    expect_error(text, 7, message)


def test_patterns_must_be_a_list() -> None:
    text = mutate("aliases: [Guzman, El Chapo]", "aliases: [Guzman]\n    patterns: Guzman")
    expect_error(text, 7, r"actor guzman: 'patterns' must be a list of regular expressions")


MISSING = {
    "name": ("    name: Mexico\n", ""),
    "type": ("    type: place\n", ""),
    "aliases": ("    aliases:\n      - Mexico\n", ""),
    "description": ("    description: The United Mexican States.\n", ""),
}


@pytest.mark.parametrize("field", sorted(MISSING))
def test_missing_field(field: str) -> None:
    text = mutate(*MISSING[field])
    expect_error(text, line_of(text, "id: mexico"), rf"actor mexico has no '{field}'$")


def test_missing_id() -> None:
    text = mutate("  - id: mexico\n    name: Mexico", "  - name: Mexico")
    expect_error(text, line_of(text, "name: Mexico"), r"an actor has no 'id'$")


def test_empty_field() -> None:
    text = mutate("name: Mexico", "name: '  '")
    expect_error(text, line_of(text, "id: mexico"), r"actor mexico: 'name' is empty")


def test_unknown_field() -> None:
    text = mutate("type: place", "type: place\n    kind: country")
    expect_error(text, line_of(text, "id: mexico"), r"an actor has an unknown field 'kind'")


def test_id_must_be_a_slug() -> None:
    text = mutate("id: mexico", "id: Mexico_1")
    expect_error(text, line_of(text, "id: Mexico_1"), r"actor id 'Mexico_1' must be a slug")


def test_aliases_must_be_a_list() -> None:
    text = mutate("aliases: [Guzman, El Chapo]", "aliases: Guzman")
    expect_error(text, 6, r"actor guzman: 'aliases' must be a list of forms")


def test_alias_must_be_text() -> None:
    text = mutate("aliases: [Guzman, El Chapo]", "aliases: [Guzman, 1985]")
    expect_error(text, 3, r"actor guzman: alias 1985 must be non-empty text")


def test_alias_must_not_have_outer_space() -> None:
    text = mutate("aliases: [Guzman, El Chapo]", "aliases: [Guzman, ' El Chapo']")
    expect_error(text, 6, r"alias ' El Chapo' has leading or trailing space")


def test_field_must_be_text() -> None:
    text = mutate("name: Mexico", "name: [Mexico]")
    expect_error(text, line_of(text, "id: mexico"), r"actor mexico: 'name' must be text")


def test_actor_must_be_a_mapping() -> None:
    text = VALID + "  - just a name\n"
    expect_error(text, line_of(text, "just a name"), r"an actor must be a mapping")


def test_register_must_list_actors() -> None:
    expect_error("actors: []\n", 1, r"the register lists no actors")
    expect_error("- Mexico\n", 1, r"the register must be a mapping with a list 'actors'")


def test_invalid_yaml_names_the_line() -> None:
    text = mutate("type: person", "type: [person")
    with pytest.raises(RegisterError) as err:
        parse_register(text, path=PATH)
    assert re.match(rf"{re.escape(PATH)}:\d+: ", str(err.value))
    assert "\n" not in str(err.value)


def test_load_errors(tmp_path) -> None:
    missing = tmp_path / "none.yaml"
    with pytest.raises(RegisterError, match=r"none\.yaml: register file not found"):
        load_register(missing)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("actors: [Pe\u00f1a]".encode("latin-1"))
    with pytest.raises(RegisterError, match=r"latin\.yaml: register file is not valid UTF-8"):
        load_register(latin)
