"""Tests of spyglass.understand.cases."""
