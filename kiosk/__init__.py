"""Innovationslek kiosk: method cards, votes and action plans for public-sector teams."""

__version__ = "0.1.0"
