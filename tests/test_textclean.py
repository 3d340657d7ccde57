"""The cleaned analysis text must always map back to the exact original characters."""

from pathlib import Path

import pytest

from rhetoriclab.textclean import clean_text, paragraph_spans

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"


def test_quotes_spaces_and_ellipsis_are_cleaned():
    c = clean_text("He said \u201chi\u2026\u201d \u2018ok\u2019\u00a0x")
    assert c.text == "He said \"hi...\" 'ok' x"


def test_every_cleaned_span_maps_to_the_same_words_in_the_original():
    original = "\u201cWe \u2026 do not want any conflicts,\u201d he said."
    c = clean_text(original)
    start = c.text.index("do not want")
    s, e = c.source_span(start, start + len("do not want any conflicts"))
    assert original[s:e] == "do not want any conflicts"
    # a span that covers the expanded ellipsis maps back to the single original character
    dots = c.text.index("...")
    assert original[slice(*c.source_span(dots, dots + 3))] == "\u2026"


def test_misused_left_single_quote_as_apostrophe_becomes_apostrophe():
    c = clean_text("Russia\u2018s orbit and he\u2018s escalated")
    assert c.text == "Russia's orbit and he's escalated"


def test_zero_width_characters_are_removed_but_offsets_survive():
    original = "Kyiv\u200b said\u00ad so"
    c = clean_text(original)
    assert c.text == "Kyiv said so"
    i = c.text.index("so")
    assert original[slice(*c.source_span(i, i + 2))] == "so"


def test_unwrap_lines_joins_hard_wrapped_lines_but_keeps_paragraphs():
    c = clean_text("one line\nwrapped here\n\nnext para", unwrap_lines=True)
    assert c.text == "one line wrapped here\n\nnext para"
    assert c.index is None  # one-for-one replacements keep every offset


def test_crlf_line_endings_keep_offsets():
    original = "First para.\r\n\r\nSecond \u201cpara\u201d."
    c = clean_text(original)
    i = c.text.index("para\"")
    assert original[slice(*c.source_span(i, i + 4))] == "para"


def test_clean_offset_is_the_inverse_of_source_offset():
    c = clean_text("a\u2026b")
    assert c.clean_offset(2) == c.text.index("b")
    assert c.source_offset(c.text.index("b")) == 2


@pytest.mark.parametrize("text", ["", "\n\n", "\u201d\u201c\u201d", "\u2026" * 5])
def test_degenerate_inputs_do_not_break_mapping(text):
    c = clean_text(text)
    assert c.index is None or len(c.index) == len(c.text)
    assert c.source_span(0, len(c.text)) == ((0, len(text)) if text else (0, 0))


def test_seed_article_paragraphs_and_round_trip():
    original = SEED.read_text(encoding="utf-8")
    c = clean_text(original)
    paras = paragraph_spans(c.text)
    assert len(paras) == 20  # headline twice + 18 body paragraphs
    for s, e in paras:
        os_, oe = c.source_span(s, e)
        assert clean_text(original[os_:oe]).text == c.text[s:e]
