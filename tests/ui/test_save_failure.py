"""A failed save is one failure: the screen says so, and nothing is stored."""

from __future__ import annotations

from kiosk.core.i18n import t


def message(app) -> str:
    return app.screen.status  # the screen's status line


async def test_three_saves_on_a_failing_disk_store_nothing(make_app, store, tmp_path):
    (tmp_path / "data" / "plans").write_text("not a folder", encoding="utf-8")  # the plan files cannot be written
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.session.cast({"level": "limited", **{p: 3 for p in app.session.deck.model.principle_ids}})
        await pilot.press("ctrl+r", "right", "enter", "enter", "c")  # the results, the deal, on to the plan
        await pilot.pause()
        app.screen.query_one("#what").value = "Prova ett nytt formulär"
        for _ in range(3):
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert type(app.screen).__name__ == "PlanScreen"
            assert message(app) == t("sv", "plan.not_saved")
        assert store.db.execute("SELECT COUNT(*) FROM plans").fetchone()[0] == 0
        assert store.session(app.session.id).status == "open" and app.session.plan is None
        (tmp_path / "data" / "plans").unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ShareScreen"
        assert store.db.execute("SELECT COUNT(*) FROM plans").fetchone()[0] == 1
