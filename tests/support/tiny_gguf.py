"""Write a tiny random-weight GGUF chat model for tests.

The test machine has no internet access at run time, so tests cannot download real model
weights. Yet the answer pipeline has to be exercised against a real llama.cpp server. This
module writes, in well under a megabyte, a 2-layer "llama" model whose GGUF carries everything
llama.cpp and llama-cpp-python need to serve ``/v1/chat/completions``:

* a GPT-2 style byte-level BPE vocabulary (all 256 byte tokens plus a few merges), so any
  English or Chinese text tokenizes;
* ChatML special tokens and a ChatML ``tokenizer.chat_template``;
* weights drawn from a fixed seed, so the file is byte-for-byte deterministic.

The output is noise, but the weights are arranged so that it is never empty: residual-stream
dimension 0 carries a large constant, and the output matrix uses that dimension to push every
token that is not printable ASCII (control tokens, EOS, stray UTF-8 bytes) far down. A reply
therefore always runs to ``max_tokens`` and decodes to printable ASCII text.
"""

from __future__ import annotations

from pathlib import Path

import gguf
import numpy as np

N_EMBD = 64
N_LAYERS = 2
N_HEADS = 4
N_HEADS_KV = 4
N_FF = 128
N_CTX_TRAIN = 32768  # only an upper bound for the server's --n_ctx
SEED = 20240601

SPECIAL_TOKENS = ("<|endoftext|>", "<|im_start|>", "<|im_end|>")
WORDS = (  # a few merged English tokens so output looks word-ish; bytes cover everything else
    "the", "and", "of", "to", "in", "is", "for", "on", "with", "that", "policy", "data",
    "digital", "city", "government", "plan", "development", "project", "support", "service",
    "industry", "intelligence", "model", "information",
)  # fmt: skip
CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def _byte_to_unicode() -> dict[int, str]:
    """GPT-2's reversible byte -> printable unicode character mapping."""
    printable = [*range(ord("!"), ord("~") + 1), *range(0xA1, 0xAD), *range(0xAE, 0x100)]
    mapping = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in mapping:
            mapping[b] = chr(256 + extra)
            extra += 1
    return mapping


def _vocab() -> tuple[list[str], list[int], list[str], list[bool]]:
    """Return tokens, token types, merges, and whether each token decodes to printable ASCII."""
    b2u = _byte_to_unicode()
    tokens = [b2u[b] for b in range(256)]
    printable = [0x20 <= b <= 0x7E for b in range(256)]
    merges: list[str] = []
    for word in WORDS:
        pieces = list(b2u[0x20] + word)  # "Ġword": the word preceded by a space
        merged = pieces[0]
        for piece in pieces[1:]:
            if merged + piece not in tokens:
                merges.append(f"{merged} {piece}")
                tokens.append(merged + piece)
                printable.append(True)
            merged += piece
    types = [int(gguf.TokenType.NORMAL)] * len(tokens)
    tokens += SPECIAL_TOKENS
    types += [int(gguf.TokenType.CONTROL)] * len(SPECIAL_TOKENS)
    printable += [False] * len(SPECIAL_TOKENS)
    return tokens, types, merges, printable


def write_tiny_gguf(path: Path) -> Path:
    """Write the tiny chat model to ``path`` (deterministically) and return ``path``."""
    tokens, types, merges, printable = _vocab()
    n_vocab = len(tokens)
    rng = np.random.default_rng(SEED)

    def rand(*shape: int, std: float = 0.02) -> np.ndarray:
        return (rng.standard_normal(shape) * std).astype(np.float32)

    tensors: dict[str, np.ndarray] = {}
    embd = rand(n_vocab, N_EMBD, std=1.0)
    embd[:, 0] = 8.0  # constant residual component read by the output matrix, see docstring
    tensors["token_embd.weight"] = embd
    head_dim = N_EMBD // N_HEADS
    for i in range(N_LAYERS):
        blk = f"blk.{i}"
        tensors[f"{blk}.attn_norm.weight"] = np.ones(N_EMBD, dtype=np.float32)
        tensors[f"{blk}.attn_q.weight"] = rand(N_EMBD, N_EMBD)
        tensors[f"{blk}.attn_k.weight"] = rand(N_HEADS_KV * head_dim, N_EMBD)
        tensors[f"{blk}.attn_v.weight"] = rand(N_HEADS_KV * head_dim, N_EMBD)
        tensors[f"{blk}.attn_output.weight"] = rand(N_EMBD, N_EMBD)
        tensors[f"{blk}.ffn_norm.weight"] = np.ones(N_EMBD, dtype=np.float32)
        tensors[f"{blk}.ffn_gate.weight"] = rand(N_FF, N_EMBD)
        tensors[f"{blk}.ffn_up.weight"] = rand(N_FF, N_EMBD)
        tensors[f"{blk}.ffn_down.weight"] = rand(N_EMBD, N_FF)
    tensors["output_norm.weight"] = np.ones(N_EMBD, dtype=np.float32)
    output = rand(n_vocab, N_EMBD, std=0.3)
    output[:, 0] = np.where(np.array(printable), 0.0, -4.0)
    tensors["output.weight"] = output

    writer = gguf.GGUFWriter(path, "llama")
    writer.add_name("policykb-tiny-random")
    writer.add_context_length(N_CTX_TRAIN)
    writer.add_embedding_length(N_EMBD)
    writer.add_block_count(N_LAYERS)
    writer.add_feed_forward_length(N_FF)
    writer.add_head_count(N_HEADS)
    writer.add_head_count_kv(N_HEADS_KV)
    writer.add_rope_dimension_count(head_dim)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_vocab_size(n_vocab)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("gpt-2")  # llama.cpp spells it "gpt-2"; "gpt2" is rejected
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_bos_token_id(tokens.index("<|endoftext|>"))
    writer.add_eos_token_id(tokens.index("<|im_end|>"))
    writer.add_add_bos_token(False)
    writer.add_chat_template(CHAT_TEMPLATE)
    for name, tensor in tensors.items():
        writer.add_tensor(name, tensor)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
