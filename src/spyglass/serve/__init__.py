"""serve stage: the web dashboard and JSON API over the store (``create_app``)."""

from spyglass.serve.app import create_app

__all__ = ["create_app"]
