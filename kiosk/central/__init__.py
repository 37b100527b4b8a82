"""The organisation's view: many kiosks, one PostgreSQL.

Each kiosk's SQLite stays the store of record. ``outbox`` reads what is ready to leave the
kiosk (and what the configuration allows out), ``sync`` and ``bundle`` deliver it exactly
once, ``schema`` keeps the central database's versioned schema, ``report`` reads either
database and writes the organisation's report, ``demo`` fills a data directory to try it.
psycopg is imported only by ``pg``, and only when a central database is used.
"""
