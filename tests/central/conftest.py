"""Fixtures for the organisation's view: a real PostgreSQL server per test run, a fresh
central database per test, and demo kiosks."""

from __future__ import annotations

import pytest

from .pg_server import PgServer, find_bin


@pytest.fixture(scope="session")
def pg_server():
    bin_dir = find_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed; apt-get install postgresql")
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
    server = PgServer(bin_dir)
    yield server
    server.close()


@pytest.fixture
def central_url(pg_server):
    """A new, empty database on the shared server, with the central schema."""
    from kiosk.central import schema

    url = pg_server.new_database()
    schema.init(url)
    return url


@pytest.fixture
def empty_url(pg_server):
    return pg_server.new_database()
