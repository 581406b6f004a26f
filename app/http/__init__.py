"""HTTP: the FastAPI application and everything it serves.

- ``factory``: ``create_app(settings)`` and the one error handler.
- ``deps``: the ``Annotated[..., Depends]`` aliases for components built in the lifespan.
- ``routes``: ``/api/ask``, ``/api/search``, ``/api/documents``, ``/healthz``.
- ``streaming``: ``/api/ask/stream`` (server-sent events).
- ``openai_compat``: ``/v1/models`` and ``/v1/chat/completions``.
- ``web``: the page for officials and trainers, static files from ``web/``.

Routes stay thin: they validate, call ``app.services.Services`` and shape the response.
May import: everything in ``app`` except the CLI.
"""
