"""Printing the day's schedule: one pill-card renderer (PDF, printer, preview) and calendar
reminders (.ics)."""
