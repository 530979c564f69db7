"""Spec §8 performance figures, each measured against a floor in the same run (``make bench``)."""
