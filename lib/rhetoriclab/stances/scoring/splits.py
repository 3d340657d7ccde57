"""Deterministic halves of each dev set, by a stable hash of the item's key.

Half ``"a"`` is the development half: rules may be written while looking at it. Half ``"b"`` is the check
half: it is only scored, never read for rules, so a gain on "a" that does not hold on "b" is overfitting.
``"all"`` is both. The key is the PLOVER gold record's ``id``, the directed-sentiment sentence text (so the
same sentence with another entity pair stays in the same half), and the corpus sample's sentence ``id``.
The assignment is the parity of the first byte of the SHA-1 of the key (UTF-8): it never changes when items
are added or removed, and needs no seed.
"""

from __future__ import annotations

import hashlib

SPLITS = ("a", "b", "all")


def split_of(key: str) -> str:
    """"a" or "b" for an item key."""
    return "a" if hashlib.sha1(str(key).encode("utf-8")).digest()[0] % 2 == 0 else "b"


def in_split(key: str, split: str) -> bool:
    """Whether the item with ``key`` belongs to ``split`` ("a", "b" or "all")."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of: {', '.join(SPLITS)}")
    return split == "all" or split_of(key) == split
