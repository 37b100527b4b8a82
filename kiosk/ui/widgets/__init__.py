"""Widgets the screens compose: they post messages up and never import a screen or the app."""
