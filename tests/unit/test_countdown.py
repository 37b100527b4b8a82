from __future__ import annotations

import pytest

from kiosk.core.countdown import Countdown, TimedStep, TimerEvent


def make(clock, *seconds: float) -> Countdown:
    return Countdown([TimedStep(f"step {i}", s) for i, s in enumerate(seconds)], clock=clock)


def test_counts_down_from_the_deadline(clock):
    cd = make(clock, 120, 60)
    assert cd.remaining() == 120 and not cd.running
    cd.start()
    clock.advance(45.5)
    assert cd.remaining() == pytest.approx(74.5)
    assert cd.display_seconds() == 75  # rounded up while counting down


def test_pause_and_resume_freeze_time(clock):
    cd = make(clock, 120)
    cd.start()
    clock.advance(20)
    cd.pause()
    clock.advance(500)
    assert cd.remaining() == pytest.approx(100)
    cd.start()  # goes on from where it was paused
    clock.advance(10)
    assert cd.remaining() == pytest.approx(90)
    cd.toggle()
    assert not cd.running


def test_add_and_remove_a_minute(clock):
    cd = make(clock, 120)
    cd.start()
    clock.advance(100)
    cd.add(60)
    assert cd.remaining() == pytest.approx(80)
    assert cd.step_seconds == 180
    cd.add(-60)
    cd.add(-60)  # only 20 s were left: removing stops at zero, not in overtime
    assert cd.remaining() == pytest.approx(0)
    cd.pause()
    cd.add(60)
    assert cd.remaining() == pytest.approx(60)


def test_overtime_counts_past_zero(clock):
    cd = make(clock, 30)
    cd.start()
    clock.advance(95.2)
    assert cd.remaining() == pytest.approx(-65.2)
    assert cd.display_seconds() == -65
    assert cd.progress() == 1.0


def test_events_once_per_step(clock):
    cd = make(clock, 100, 100)
    cd.start()
    clock.advance(60)
    assert cd.poll() == []
    clock.advance(15)  # 25 s left
    assert cd.poll() == [TimerEvent("final_stretch", 0)]
    assert cd.poll() == []
    clock.advance(30)
    assert cd.poll() == [TimerEvent("step_end", 0)]
    clock.advance(30)
    assert cd.poll() == []
    cd.add(120)  # 85 s left again: both events are armed again
    clock.advance(60)
    assert cd.poll() == [TimerEvent("final_stretch", 0)]
    clock.advance(30)
    assert cd.poll() == [TimerEvent("step_end", 0)]


def test_skipping_a_step_past_both_thresholds_gives_one_step_end(clock):
    cd = make(clock, 100)
    cd.start()
    clock.advance(200)
    assert cd.poll() == [TimerEvent("step_end", 0)]


def test_next_and_previous(clock):
    cd = make(clock, 100, 50, 20)
    cd.start()
    clock.advance(30)
    cd.next()
    assert cd.index == 1 and cd.remaining() == pytest.approx(50) and cd.running
    assert cd.upcoming is not None and cd.upcoming.text == "step 2"
    cd.previous()
    assert cd.index == 0 and cd.remaining() == pytest.approx(100)
    cd.previous()
    assert cd.index == 0
    cd.goto(2)
    assert cd.upcoming is None
    cd.next()
    assert cd.finished and not cd.running
    cd.start()
    assert not cd.running  # a finished countdown does not start again by accident


def test_for_card_uses_injected_minute(clock):
    from kiosk.core.deck import MethodCard, Step

    card = MethodCard(
        id="x",
        title="x",
        phase="p",
        purpose="p",
        minutes=3,
        group_min=1,
        group_max=2,
        principles=("a",),
        steps=(Step("one", 1), Step("two", 2)),
    )
    cd = Countdown.for_card(card, seconds_per_minute=0.5, clock=clock)
    assert [s.seconds for s in cd.steps] == [0.5, 1.0]
    assert cd.planned_seconds() == 1.5


def test_empty_countdown_is_refused():
    with pytest.raises(ValueError):
        Countdown([])
