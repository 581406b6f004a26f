"""The audit log of every answer given (who, when, what was asked and answered, each citation
with its document's version) and users' feedback on those answers.

May import: app.db and app.accounts; the HTTP layer hands it plain values.
"""
