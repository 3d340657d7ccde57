"""Rhetoric Lab: who said what, the stances actors take, and rhetoric over time."""

from rhetoriclab.documents import Corpus, Document, LoadError, Problem
from rhetoriclab.loaders import load_path, load_paths

__version__ = "0.1.0"

__all__ = ["Corpus", "Document", "LoadError", "Problem", "__version__", "load_path", "load_paths"]
