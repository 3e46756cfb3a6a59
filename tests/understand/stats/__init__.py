"""Tests of spyglass.understand.stats."""
