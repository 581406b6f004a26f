"""The model server: an OpenAI-compatible chat client (llama.cpp, vLLM, SGLang, Ollama), its
context window and token counts, and the split of a reasoning model's thinking from its answer.
Answering and conversation both talk to the model through it; it knows nothing of passages or
citations.

May import: the shared base only. Never ``app.store``, ``app.answering`` or ``app.http``.
"""
