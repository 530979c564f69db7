"""SSI Desktop: track, understand and raise your LinkedIn Social Selling Index, locally."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "SSI Desktop"
ORG_NAME = "SSI Desktop"
ORG_DOMAIN = "ssi-desktop.app"

try:
    __version__ = version("ssi-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
