"""The baseline: a minimal Textual app with a few widgets, started the same way as the
kiosk so that start-up, memory and key latency can be compared on the same machine."""

from textual.app import App, ComposeResult
from textual.widgets import Button, Footer, Header, Static


class MinimalApp(App):
    BINDINGS = [("space", "count", "Count")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Minimal baseline app", id="title")
        yield Button("Press me")
        yield Static("0", id="count")
        yield Footer()

    def action_count(self) -> None:
        count = self.query_one("#count", Static)
        count.update(str(int(str(count.render())) + 1))


if __name__ == "__main__":
    MinimalApp().run()
