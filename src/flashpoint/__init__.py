"""flashpoint: news reports of armed conflict in, event data out."""

__version__ = "0.1.0"
