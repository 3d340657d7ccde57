"""Actors: who a mention refers to and which state or organisation it speaks for."""

from rhetoriclab.actors.registry import (
    ActorMatch,
    ActorMention,
    ActorRegistry,
    RegistryError,
    default_registry,
)
from rhetoriclab.actors.sectors import SECTORS, sector_for

__all__ = [
    "SECTORS",
    "ActorMatch",
    "ActorMention",
    "ActorRegistry",
    "RegistryError",
    "default_registry",
    "sector_for",
]
