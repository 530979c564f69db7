"""Dialogs that the shell opens: backups, calibration, goal, help, imports, first run, and
opening or recovering the store."""
