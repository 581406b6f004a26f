"""Mode ``generate``: answers written by a locally served open model, checked against citations.

answerer.py picks the sentences the model reads and puts everything together on top of the
extractive answer (which is also every fallback); prompt.py frames them as numbered passages
fitted to the context window (app/llm talks to the server); grounding.py checks the reply
sentence by sentence, with check.py the one check of a sentence against its passages
(app.figure_forms reads the figures both sides state, comparable_words.py their words).
"""
