"""Fresh refusal probes (issue 9): small question files written from the corpus texts alone,
kept apart from eval/questions.jsonl (see eval/README.md, "Issue 9: a fresh probe set")."""
