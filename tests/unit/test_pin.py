import pytest

from kiosk.core.pin import MAX_WAIT, PinError, PinGate, hash_pin, verify_pin


def test_hash_is_salted_and_verifies():
    one, two = hash_pin("2468"), hash_pin("2468")
    assert one != two and "2468" not in one
    assert verify_pin("2468", one) and verify_pin("2468", two)
    assert not verify_pin("2469", one)
    assert not verify_pin("2468", "garbage") and not verify_pin("2468", "")


@pytest.mark.parametrize("pin", ["", "123", "12a4", "1234567890123"])
def test_pin_format(pin):
    with pytest.raises(PinError):
        hash_pin(pin)


def test_wrong_pins_never_open_and_slow_down(clock):
    gate = PinGate(hash_pin("2468"))
    waits = []
    for guess in ("0000", "1111", "2222", "3333", "4444"):
        assert gate.attempt(guess, clock()) is False
        waits.append(gate.wait(clock()))
        clock.advance(gate.wait(clock()))
    assert waits == [1, 2, 4, 8, 16]
    # The right PIN while still waiting is refused too, and the wait grows.
    gate.attempt("0000", clock())
    assert gate.attempt("2468", clock()) is False
    assert gate.wait(clock()) == 64
    clock.advance(64)
    assert gate.attempt("2468", clock()) is True
    assert gate.failures == 0 and gate.wait(clock()) == 0


def test_wait_is_capped(clock):
    gate = PinGate(hash_pin("2468"))
    for _ in range(30):
        gate.attempt("0000", clock())
        clock.advance(gate.wait(clock()))
    gate.attempt("0000", clock())
    assert gate.wait(clock()) == MAX_WAIT


def test_no_pin_configured_never_opens(clock):
    assert PinGate("").attempt("", clock()) is False
