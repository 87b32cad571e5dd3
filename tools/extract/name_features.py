#!/usr/bin/env python3
"""Regenerate core/data/name_features.tsv: counts that type an unknown capitalised name as a
person, organisation or place (a naive Bayes model over the name's words, endings and the words
around it), from the NER training data in ../shared/datasets:

  UNER English-EWT train (preliminary, normalised) and dev (CC BY-SA 4.0)
  Wikigold (CC BY 4.0; MISC entities are ignored)

UNER English-PUD, the evaluation set, is never read.

Usage: python3 tools/extract/name_features.py [DATASETS_DIR] > core/data/name_features.tsv
       python3 tools/extract/name_features.py --eval   # train on EWT train + Wikigold, test on EWT dev
Python 3 standard library only. The feature definitions must match Gazetteer/mentions.cpp
(name_features in core/src/mentions.cpp).
"""
import collections
import math
import os
import sys
import unicodedata

CLASSES = ("PER", "ORG", "LOC")
MIN_COUNT = 3


def fold(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def is_word(tok):
    return any(c.isalnum() for c in tok)


def features(tokens, b, e):
    """Features of the entity tokens[b:e] in its sentence."""
    words = [fold(t) for t in tokens[b:e] if is_word(t)]
    if not words:
        return []
    f = ["w=" + w for w in words]
    f.append("f=" + words[0])
    f.append("l=" + words[-1])
    last = words[-1]
    if len(last) >= 4:
        f.append("s3=" + last[-3:])
    if len(last) >= 3:
        f.append("s2=" + last[-2:])
    prev = fold(tokens[b - 1]) if b > 0 else "<s>"
    nxt = fold(tokens[e]) if e < len(tokens) else "</s>"
    f.append("p=" + prev)
    f.append("n=" + nxt)
    n = len(words)
    f.append("len=%d" % min(n, 4))
    raw = [t for t in tokens[b:e] if is_word(t)]
    if len(raw) == 1 and raw[0].isupper() and sum(c.isalpha() for c in raw[0]) >= 2:
        f.append("caps")
    return f


def read_iob2(path):
    """Sentences as (tokens, [(type, b, e)])."""
    sents, toks, tags = [], [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if toks:
                    sents.append((toks, spans(tags)))
                toks, tags = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            toks.append(cols[1])
            tags.append(cols[2])
    if toks:
        sents.append((toks, spans(tags)))
    return sents


def read_wikigold(path):
    sents, toks, tags = [], [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("-DOCSTART-"):
                if toks:
                    sents.append((toks, spans(io_to_iob2(tags))))
                toks, tags = [], []
                continue
            tok, tag = line.rsplit(" ", 1)
            toks.append(tok)
            tags.append(tag)
    if toks:
        sents.append((toks, spans(io_to_iob2(tags))))
    return sents


def io_to_iob2(tags):
    out, prev = [], "O"
    for t in tags:
        if t == "O":
            out.append("O")
        else:
            typ = t[2:]
            out.append(("I-" if prev == typ else "B-") + typ)
        prev = t[2:] if t != "O" else "O"
    return out


def spans(tags):
    out, b, typ = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != typ):
            if b is not None and typ in CLASSES:
                out.append((typ, b, i))
            b, typ = (i, t[2:]) if t != "O" else (None, None)
    return out


def train(sents):
    counts = collections.defaultdict(lambda: [0, 0, 0])
    prior = [0, 0, 0]
    for toks, ents in sents:
        for typ, b, e in ents:
            k = CLASSES.index(typ)
            prior[k] += 1
            for f in features(toks, b, e):
                counts[f][k] += 1
    return prior, counts


def informative(c, prior, total):
    """A feature whose types differ from the overall mix (KL divergence above a small bound)."""
    n = sum(c)
    kl = 0.0
    for k in range(3):
        p = (c[k] + 0.5) / (n + 1.5)
        q = prior[k] / total
        kl += p * math.log(p / q)
    return kl > 0.08


def classify(prior, counts, feats, vocab):
    total = [sum(c[k] for c in counts.values()) for k in range(3)]
    best, best_score = None, -1e18
    for k in range(3):
        s = math.log(prior[k] / sum(prior))
        for f in feats:
            c = counts.get(f)
            if c is None:
                continue
            s += math.log((c[k] + 0.5) / (total[k] + 0.5 * vocab))
        if s > best_score:
            best, best_score = CLASSES[k], s
    return best


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    here = os.path.dirname(os.path.abspath(__file__))
    data = args[0] if args else os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "datasets"))
    ewt_train = read_iob2(os.path.join(data, "uner_english-ewt", "en_ewt-ud-train.2022-prelim.normalized.iob2"))
    ewt_dev = read_iob2(os.path.join(data, "uner_english-ewt", "en_ewt-ud-dev.iob2"))
    wiki = read_wikigold(os.path.join(data, "wikigold", "wikigold.conll.txt"))
    if "--eval" in sys.argv:
        prior, counts = train(ewt_train + wiki)
        total = sum(prior)
        counts = {f: c for f, c in counts.items() if sum(c) >= MIN_COUNT and informative(c, prior, total)}
        ok = n = 0
        for toks, ents in ewt_dev:
            for typ, b, e in ents:
                n += 1
                ok += classify(prior, counts, features(toks, b, e), len(counts)) == typ
        print("EWT dev type accuracy: %.3f (%d entities, %d features)" % (ok / n, n, len(counts)))
        return
    prior, counts = train(ewt_train + ewt_dev + wiki)
    out = sys.stdout
    out.write("# Counts that type an unknown name (person, organisation, place) by naive Bayes; see\n")
    out.write("# name_features in core/src/mentions.cpp. Generated by tools/extract/name_features.py from\n")
    out.write("# UNER English-EWT train+dev (CC BY-SA 4.0) and Wikigold (CC BY 4.0); do not edit by hand.\n")
    out.write("# The row <prior> counts the names of each type.\n")
    out.write("feature\tper\torg\tloc\n")
    out.write("<prior>\t%d\t%d\t%d\n" % tuple(prior))
    total = sum(prior)
    for f in sorted(counts):
        c = counts[f]
        if sum(c) < MIN_COUNT or "\t" in f or not informative(c, prior, total):
            continue
        out.write("%s\t%d\t%d\t%d\n" % (f, c[0], c[1], c[2]))


if __name__ == "__main__":
    main()
