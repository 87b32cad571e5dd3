#!/usr/bin/env python3
"""Named-mention P/R/F1 of the dyad CLI on UNER English-PUD (PER/ORG/LOC, exact span match).

Optional tool, Python 3 standard library only; no test depends on it. See docs/evaluation.md
("UNER English-PUD") for the policy in full. In short:

* Data: en_pud-ud-test.iob2 from the UNER English-PUD folder. The "news half" is the 500
  sentences whose sent_id starts with "n" (the dataset README: "500 news `n...`, 500 Wikipedia
  `w...`"); `--split wiki` takes the "w" half, `--split all` both.
* Gold: each B-X I-X... run is one entity; its span runs from the first character of the
  first token to the last character of the last token in the sentence's `# text` line.
* Prediction: dyad's mentions of kind NAME (not rejected, actor not rejected), typed by
  their actor: PERSON -> PER; ORGANIZATION, GOVERNMENT, GROUP -> ORG; STATE, LOCATION -> LOC.
  Plural NAME mentions take the type of their first member.
* Matching: a prediction is correct if its start, end and mapped type equal a gold entity's
  (one-to-one). "span only" ignores the type. Scores are micro-averaged over all entities.
* dyad sees one document at a time (the sentences of one `newdoc`, joined by a single space),
  so that it can use the context; `--unit sentence` gives it one sentence at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

DEFAULT_DATA = "/work/shared/datasets/uner_english-pud"
DATA_FILE = "en_pud-ud-test.iob2"
TYPES = ("PER", "ORG", "LOC")
TYPE_MAP = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "GOVERNMENT": "ORG",
    "GROUP": "ORG",
    "STATE": "LOC",
    "LOCATION": "LOC",
}
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@dataclass
class Sentence:
    sent_id: str
    doc_id: str
    text: str
    tokens: list = field(default_factory=list)  # (form, tag)
    gold: set = field(default_factory=set)  # (start, end, type), offsets into text
    pred: set = field(default_factory=set)


# --------------------------------------------------------------------------- reading UNER


def read_uner(path: str) -> list[Sentence]:
    """Parses UNER IOB2 and resolves each entity to a character span of its sentence text."""
    sentences: list[Sentence] = []
    doc_id = ""
    cur: Sentence | None = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
            elif line.startswith("# sent_id"):
                cur = Sentence(line.split("=", 1)[1].strip(), doc_id, "")
                sentences.append(cur)
            elif line.startswith("# text"):
                assert cur is not None, f"{path}:{lineno}: text before sent_id"
                cur.text = line.split("=", 1)[1].strip()
            elif line and not line.startswith("#"):
                assert cur is not None, f"{path}:{lineno}: token before sent_id"
                cols = line.split("\t")
                cur.tokens.append((cols[1], cols[2]))
    for s in sentences:
        s.gold = entities(s, path)
    return sentences


def entities(s: Sentence, path: str) -> set:
    pos = 0
    spans = []
    for form, _tag in s.tokens:
        while pos < len(s.text) and s.text[pos].isspace():
            pos += 1
        if not s.text.startswith(form, pos):
            sys.exit(f"{path}: {s.sent_id}: token {form!r} not found at offset {pos} of the text")
        spans.append((pos, pos + len(form)))
        pos += len(form)
    out = set()
    start = etype = None
    end = 0
    for (a, b), (_form, tag) in zip(spans, s.tokens):
        if tag.startswith("I-") and etype == tag[2:]:
            end = b
            continue
        if etype is not None:
            out.add((start, end, etype))
            etype = None
        if tag.startswith(("B-", "I-")):  # an orphan I- starts an entity too
            start, end, etype = a, b, tag[2:]
    if etype is not None:
        out.add((start, end, etype))
    return out


# --------------------------------------------------------------------------- running dyad


def find_dyad(explicit: str | None) -> str:
    if explicit:
        return explicit
    for preset in ("release", "dev", "eval"):
        p = os.path.join(REPO, "build", preset, "bin", "dyad")
        if os.access(p, os.X_OK):
            return p
    p = shutil.which("dyad")
    if p:
        return p
    sys.exit("dyad binary not found: build it (cmake --workflow --preset release) or pass --dyad PATH")


def has_jsonl(dyad: str) -> bool:
    """True if this dyad understands `extract --jsonl -` (one JSON string per input line)."""
    try:
        r = subprocess.run([dyad, "extract", "--jsonl", "-"], input=json.dumps("Test.") + "\n",
                           capture_output=True, text=True, timeout=60)
    except OSError:
        return False
    if r.returncode != 0:
        return False
    try:
        return json.loads(r.stdout.splitlines()[0]).get("schema") == "dyad/1"
    except (ValueError, IndexError, AttributeError):
        return False


def extract_all(dyad: str, texts: list[str], force_single: bool) -> list[dict]:
    if not force_single and has_jsonl(dyad):
        inp = "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts)
        r = subprocess.run([dyad, "extract", "--jsonl", "--no-tokens", "-"], input=inp, capture_output=True,
                           text=True, encoding="utf-8")
        if r.returncode not in (0, 1):
            sys.exit(f"dyad extract --jsonl failed ({r.returncode}): {r.stderr.strip()}")
        docs = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
        if len(docs) != len(texts):
            sys.exit(f"dyad extract --jsonl returned {len(docs)} documents for {len(texts)} lines")
        return docs
    docs = []
    for t in texts:
        r = subprocess.run([dyad, "extract", "--no-tokens", "-"], input=t, capture_output=True, text=True,
                           encoding="utf-8")
        if r.returncode not in (0, 1):
            sys.exit(f"dyad extract failed ({r.returncode}): {r.stderr.strip()}")
        docs.append(json.loads(r.stdout))
    return docs


def named_mentions(doc: dict) -> list[tuple[int, int, str]]:
    """(start, end, PER/ORG/LOC) of every NAME mention dyad predicts."""
    actors = {a["id"]: a for a in doc.get("actors", []) if a.get("status") != "rejected"}
    out = []
    for m in doc.get("mentions", []):
        if m.get("kind") != "NAME" or m.get("status") == "rejected":
            continue
        ids = [m["actor"]] if m.get("actor") else list(m.get("members", []))
        ids = [i for i in ids if i in actors]
        if not ids:
            continue
        t = TYPE_MAP.get(actors[ids[0]].get("type", ""))
        if t:
            out.append((m["start"], m["end"], t))
    return out


# --------------------------------------------------------------------------- scoring


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(sentences: list[Sentence]) -> dict:
    counts = {t: [0, 0, 0] for t in TYPES + ("all", "span")}
    for s in sentences:
        for key, gold, pred in [("all", s.gold, s.pred),
                                ("span", {g[:2] for g in s.gold}, {p[:2] for p in s.pred})]:
            counts[key][0] += len(gold & pred)
            counts[key][1] += len(pred - gold)
            counts[key][2] += len(gold - pred)
        for t in TYPES:
            g = {e for e in s.gold if e[2] == t}
            p = {e for e in s.pred if e[2] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p - g)
            counts[t][2] += len(g - p)
    out = {}
    for k, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        out[k] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=DEFAULT_DATA, help=f"UNER English-PUD folder or .iob2 file (default {DEFAULT_DATA})")
    ap.add_argument("--dyad", help="dyad binary (default: build/{release,dev,eval}/bin/dyad, then PATH)")
    ap.add_argument("--split", choices=("news", "wiki", "all"), default="news", help="which half (default news)")
    ap.add_argument("--unit", choices=("document", "sentence"), default="document", help="text given to dyad per call")
    ap.add_argument("--no-jsonl", action="store_true", help="one `dyad extract -` call per text even if --jsonl exists")
    ap.add_argument("--json", nargs="?", const="-", metavar="FILE",
                    help="write the scores as JSON to FILE (the table still goes to stdout), or to stdout without FILE")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="also list the first N wrong or missed entities")
    args = ap.parse_args()

    path = args.data if args.data.endswith(".iob2") else os.path.join(args.data, DATA_FILE)
    if not os.path.exists(path):
        sys.exit(f"{path}: not found")
    sentences = read_uner(path)
    prefix = {"news": ("n",), "wiki": ("w",), "all": ("n", "w")}[args.split]
    sentences = [s for s in sentences if s.sent_id.startswith(prefix)]

    # Group into the units dyad sees; remember where each sentence starts in its unit's text.
    units: list[list[Sentence]] = []
    for s in sentences:
        if args.unit == "document" and units and units[-1][0].doc_id == s.doc_id:
            units[-1].append(s)
        else:
            units.append([s])
    texts, offsets = [], []
    for u in units:
        starts, parts, pos = [], [], 0
        for s in u:
            starts.append(pos)
            parts.append(s.text)
            pos += len(s.text) + 1
        texts.append(" ".join(parts))
        offsets.append(starts)

    dyad = find_dyad(args.dyad)
    docs = extract_all(dyad, texts, args.no_jsonl)
    unaligned = 0
    for u, starts, text, doc in zip(units, offsets, texts, docs):
        if doc.get("text") != text:
            unaligned += 1
            continue
        for a, b, t in named_mentions(doc):
            for s, base in zip(u, starts):
                if base <= a < base + len(s.text) + 1:
                    s.pred.add((a - base, b - base, t))  # a mention past the sentence end stays wrong
                    break
    if unaligned:
        print(f"warning: {unaligned} texts came back changed from dyad; their predictions are dropped", file=sys.stderr)

    scores = score(sentences)
    result = {"data": path, "split": args.split, "unit": args.unit, "sentences": len(sentences),
              "documents": len({s.doc_id for s in sentences}), "dyad": dyad,
              "summary": {f"{k.lower()}_f1": scores[k]["f1"] for k in TYPES} | {
                  "overall_f1": scores["all"]["f1"], "overall_precision": scores["all"]["precision"],
                  "overall_recall": scores["all"]["recall"], "span_only_f1": scores["span"]["f1"]},
              "scores": scores}
    if args.json and args.json != "-":
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
            f.write("\n")
    if args.json == "-":
        print(json.dumps(result, indent=2))
    else:
        print(f"UNER English-PUD, {args.split}: {result['sentences']} sentences, {result['documents']} documents "
              f"(dyad per {args.unit}: {dyad})")
        print(f"{'':22}{'gold':>6}{'pred':>6}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for key, label in [("PER", "PER"), ("ORG", "ORG"), ("LOC", "LOC"), ("all", "overall (typed)"),
                           ("span", "overall (span only)")]:
            c = result["scores"][key]
            print(f"{label:22}{c['tp'] + c['fn']:6}{c['tp'] + c['fp']:6}{c['tp']:6}{c['fp']:6}{c['fn']:6}"
                  f"{c['precision']:8.3f}{c['recall']:8.3f}{c['f1']:8.3f}")
    if args.errors:
        shown = 0
        for s in sentences:
            for kind, items in (("missed", s.gold - s.pred), ("wrong", s.pred - s.gold)):
                for a, b, t in sorted(items):
                    if shown < args.errors:
                        print(f"{s.sent_id}\t{kind}\t{t}\t{s.text[a:b]!r}", file=sys.stderr)
                        shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
