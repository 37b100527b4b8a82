"""The end of a flow: build the plan's link and show the share screen."""

from __future__ import annotations

from ...core.i18n import t
from ...core.link import encode_link
from ...core.logfile import log_exception
from ...web.server import ViewerServerError
from .share import ShareScreen


def share_screen_for(app) -> ShareScreen:
    """The plan's link points at the configured viewer, or at the kiosk's own viewer
    server (started on first use); a server that cannot start is said on screen."""
    session = app.session
    note = ""
    base = app.config.viewer_url
    if not base:
        try:
            base = app.viewer_base_url()
        except ViewerServerError as exc:
            log_exception(exc, app.data_dir)
            note = t(app.language, "share.no_server", reason=str(exc), code=session.plan_code)
            base = "http://127.0.0.1/"
    return ShareScreen(encode_link(session.plan, session.deck, base), note)
