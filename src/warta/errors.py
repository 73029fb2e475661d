"""Domain exceptions.  The CLI turns each into a one-line message; nothing expected tracebacks."""

from __future__ import annotations


class WartaError(Exception):
    """Base class for every error Warta raises on purpose."""


class ConfigError(WartaError):
    """An option has a value Warta cannot use (a usage error: exit code 2)."""


class InputError(WartaError):
    """One input cannot be read or used; the run reports it as skipped and goes on."""


class LanguageDataError(WartaError):
    """A per-language data file is missing or does not match its schema."""


class MissingExtraError(WartaError):
    """An optional dependency is needed; the message names the exact ``pip install``."""


class StoreError(WartaError):
    """The article store cannot be used (locked, read-only, newer schema, corrupt)."""
