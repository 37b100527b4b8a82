"""The domain core: pure Python, no Textual. Everything here is testable without a terminal."""
