"""Tests of spyglass.understand.tables."""
