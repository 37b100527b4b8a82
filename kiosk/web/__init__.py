"""The plan viewer: one static HTML page that decodes a plan link in the browser, and a
tiny server that offers it on the local network when no hosted viewer is configured."""
