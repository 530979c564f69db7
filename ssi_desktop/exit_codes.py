"""The exit codes of the ``ssi-desktop`` command and the app (spec §4), shared by both."""

#: Bad input or usage: the message names the field and why; nothing was written.
EXIT_BAD_INPUT = 2
#: The store cannot be used: the message says why and where; the file was left as it was.
EXIT_STORE = 3
