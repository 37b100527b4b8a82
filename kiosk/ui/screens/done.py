"""The end of a flow: build the plan's link and show the share screen."""

from __future__ import annotations

from ...core.i18n import t
from ...core.link import encode_link
from ...core.logfile import log_exception
from ...web.server import ViewerServerError
from .share import ShareScreen


def share_screen_for(app) -> ShareScreen:
    """The plan's link points at the configured viewer, or at the kiosk's own server
    (started on first use). With the kiosk's server there is also a short link
    (``/p/CODE``) for a screen too small for the full code. When phones cannot reach
    this machine (no network, or listening on loopback only), no QR code is drawn and
    the screen says why; a server that cannot start is said on screen too."""
    session = app.session
    note, short, reachable = "", "", True
    base = app.config.viewer_url
    if not base:
        try:
            server = app.web_server()
        except ViewerServerError as exc:
            log_exception(exc, app.data_dir)
            note = t(app.language, "share.no_server", reason=str(exc), code=session.plan_code)
            base, reachable = "http://127.0.0.1/", False
        else:
            public = server.public_url()
            base = public or server.local_url()
            if public:
                short = f"{public}p/{session.plan_code}"
            else:
                reachable = False
                note = t(app.language, "phone.unreachable")
    return ShareScreen(encode_link(session.plan, session.deck, base), note, short_link=short, reachable=reachable)
