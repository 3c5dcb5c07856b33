"""PLOVER event-type classifier: the fine-tuned MiniLM encoder run with onnxruntime.

Needs only onnxruntime, tokenizers and numpy; the model is built by ``tacitus train``
(``tacitus.events.training``).
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from tacitus.errors import ModelNotFound

__all__ = ["DEFAULT_MODEL_DIR", "EventClassifier", "TypePrediction"]

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "model"
_MODEL_FILE = "model.onnx"
_TOKENIZER_FILE = "tokenizer.json"
_LABELS_FILE = "labels.json"


# Environment variable with the onnxruntime threads of the default classifier (default 2).
THREADS_ENV = "TACITUS_CLASSIFIER_THREADS"


@dataclass(frozen=True, slots=True)
class TypePrediction:
    """The event type of one text, with calibrated probabilities over the 16 PLOVER types."""

    event_type: str
    probability: float
    probs: dict[str, float]
    mode: str | None = None


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class EventClassifier:
    """Classify sentences or clauses into PLOVER event types (and modes)."""

    _default: EventClassifier | None = None
    _lock = threading.Lock()

    def __init__(self, model_dir: Path | str = DEFAULT_MODEL_DIR, *, threads: int = 2) -> None:
        model_dir = Path(model_dir)
        missing = [n for n in (_MODEL_FILE, _TOKENIZER_FILE, _LABELS_FILE) if not (model_dir / n).is_file()]
        if missing:
            raise ModelNotFound(
                f"The event classifier model is incomplete in {model_dir} (missing: {', '.join(missing)}). "
                "Reinstall tacitus, or rebuild it with: tacitus train --data ../shared/data "
                f"--out {model_dir}"
            )
        import onnxruntime as ort
        from tokenizers import Tokenizer

        meta = json.loads((model_dir / _LABELS_FILE).read_text(encoding="utf-8"))
        self.model_dir = model_dir
        self.types: list[str] = list(meta["types"])
        self.modes: list[str] = list(meta["modes"])
        self.temperature = float(meta.get("temperature", 1.0))
        self.max_len = int(meta.get("max_len", 80))
        self.version: str = str(meta.get("format", "tacitus.EventClassifier.v1"))
        mode_index = {m: i for i, m in enumerate(self.modes)}
        # Modes a type may take: the empty mode ("none specific") and those seen with it.
        self._allowed_modes: dict[str, np.ndarray] = {
            t: np.array([mode_index[""]] + [mode_index[m] for m in meta.get("type_modes", {}).get(t, [])])
            for t in self.types
        }
        self._tokenizer = Tokenizer.from_file(str(model_dir / _TOKENIZER_FILE))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        self._cls_sep = (self._tokenizer.token_to_id("[CLS]"), self._tokenizer.token_to_id("[SEP]"))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        # Spinning worker threads burn the cores that other coding processes (local or Dask
        # workers) need; without spinning several processes share the machine fairly.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        self._session: Any = ort.InferenceSession(
            str(model_dir / _MODEL_FILE), sess_options=opts, providers=["CPUExecutionProvider"]
        )

    @classmethod
    def default(cls) -> EventClassifier:
        """The packaged model, loaded once per process."""
        with cls._lock:
            if cls._default is None:
                # Worker processes that share the machine ask for fewer threads each.
                threads = int(os.environ.get(THREADS_ENV, "2") or 2)
                cls._default = cls(DEFAULT_MODEL_DIR, threads=max(1, threads))
            return cls._default

    def _ids(self, text: str) -> list[int]:
        ids = self._tokenizer.encode(text).ids
        if len(ids) > self.max_len:
            ids = ids[: self.max_len - 1] + [self._cls_sep[1]]  # keep [SEP] last, as in training
        return ids

    def logits(self, texts: Sequence[str], *, batch_size: int = 32) -> tuple[np.ndarray, np.ndarray]:
        """Raw type and mode logits, in input order."""
        n = len(texts)
        t_out = np.zeros((n, len(self.types)), dtype=np.float32)
        m_out = np.zeros((n, len(self.modes)), dtype=np.float32)
        if not n:
            return t_out, m_out
        encoded = [self._ids(t) for t in texts]
        # Sort by length so each batch pads only to its own longest text.
        order = sorted(range(n), key=lambda i: len(encoded[i]))
        for s in range(0, n, batch_size):
            idx = order[s : s + batch_size]
            width = max(len(encoded[i]) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                ids[r, : len(encoded[i])] = encoded[i]
                mask[r, : len(encoded[i])] = 1
            tl, ml = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
            t_out[idx] = tl
            m_out[idx] = ml
        return t_out, m_out

    def predict(self, texts: Sequence[str], *, batch_size: int = 32) -> list[TypePrediction]:
        """One prediction per text: type, calibrated probability, all type probabilities, mode."""
        if isinstance(texts, str):
            raise TypeError("predict() takes a sequence of texts, not a single string")
        type_logits, mode_logits = self.logits(texts, batch_size=batch_size)
        probs = _softmax(type_logits / self.temperature)
        out: list[TypePrediction] = []
        for r in range(len(texts)):
            k = int(probs[r].argmax())
            event_type = self.types[k]
            allowed = self._allowed_modes[event_type]
            mode: str | None = None
            if len(allowed) > 1:
                best = self.modes[int(allowed[int(mode_logits[r, allowed].argmax())])]
                mode = best.lower() or None
            out.append(
                TypePrediction(
                    event_type=event_type,
                    probability=float(probs[r, k]),
                    probs={t: float(p) for t, p in zip(self.types, probs[r])},
                    mode=mode,
                )
            )
        return out
