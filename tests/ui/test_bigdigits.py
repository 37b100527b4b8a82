from kiosk.ui.widgets.bigdigits import FONT, GLYPH_H, GLYPH_W, dots, render_big


def test_font_is_complete_and_regular():
    for ch in "0123456789:- ":
        assert len(FONT[ch]) == GLYPH_H and all(len(row) == GLYPH_W for row in FONT[ch])


def test_scale_repeats_dots():
    one = dots("1", 1)
    three = dots("1", 3)
    assert len(three) == 3 * len(one) and len(three[0]) == 3 * len(one[0])
    assert three[0][6] == one[0][2]  # the top of the 1 stem, three dots wide


def test_half_blocks_two_dot_rows_per_line():
    lines = render_big("8", 1)
    assert len(lines) == 4  # 7 dot rows, padded to 8, two per line
    assert set("".join(lines)) <= set(" ▀▄█")
    assert lines[0] == "▄▀▀▀▄"
