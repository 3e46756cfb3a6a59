"""Spyglass: turn espionage news into a trustworthy, searchable database of espionage cases."""

__version__ = "0.1.0"
__all__ = ["__version__"]
