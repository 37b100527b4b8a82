"""The Textual user interface. Screens render core objects and post messages; they hold
no domain logic."""
