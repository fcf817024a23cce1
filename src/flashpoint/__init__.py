"""flashpoint: news reports of armed conflict in, event data out."""

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # `flashpoint.extract(text, published=...)` without importing spaCy at package import.
    if name == "extract":
        import importlib

        return importlib.import_module("flashpoint.extract")
    raise AttributeError(name)
