"""SSI Desktop: track, understand and raise your LinkedIn Social Selling Index, locally."""

APP_NAME = "SSI Desktop"
ORG_NAME = "SSI Desktop"
ORG_DOMAIN = "ssi-desktop.app"

#: The same as pyproject.toml's version (tests/test_version.py keeps them equal). A literal,
#: not importlib.metadata: that import alone cost 30–40 ms of every start (benchmarks/).
__version__ = "0.1.0"
