"""``warta serve``: the HTTP API and web pages over a store (needs ``pip install 'warta[serve]'``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import MissingExtraError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from ..config import Config
    from ..store import Store

INSTALL_HINT = "pip install 'warta[serve]'"


def require_serve_extra() -> None:
    """Raise MissingExtraError naming the install command when FastAPI/uvicorn are missing."""
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError(
            f"warta serve needs FastAPI and uvicorn ({exc.name} is missing): {INSTALL_HINT}"
        ) from None


def create_app(store: Store, config: Config | None = None, token: str | None = None) -> FastAPI:
    """The web app (imported lazily: the core install has no FastAPI)."""
    require_serve_extra()
    from .app import create_app as _create

    return _create(store, config, token)


__all__: list[str] = ["INSTALL_HINT", "create_app", "require_serve_extra"]
