"""Tests of spyglass.understand.quantities."""
