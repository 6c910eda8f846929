"""The members area of the desktop app."""
