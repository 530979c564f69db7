"""The tabs of the main window: the dashboard and its panels, a pillar, Readings, History,
Record, and the tables and panels they show."""
