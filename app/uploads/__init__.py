"""Documents uploaded from the page or the API into a collection: each file checked (name,
type, size, archive) before anything is written, kept under DATA_DIR/uploads in a directory
of its own, and ingested in the background by the ``policykb ingest`` command in a child
process (app/ never imports ingest/), which writes each document atomically.

May import: app.db and app.accounts.
"""
