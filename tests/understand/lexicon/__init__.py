"""Tests of spyglass.understand.lexicon."""
