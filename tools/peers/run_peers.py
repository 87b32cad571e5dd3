#!/usr/bin/env python3
"""Codes the validation sentences of earlier event coders with dyad and scores the agreement.

An optional tool (Python 3 standard library only), not a test dependency. It reads the peer data
in ../shared/peers (never copied into dyad), runs `dyad extract --jsonl -` once per suite and
reports, per suite:

  plover     PLOVER_GSR_CAMEO.txt: 322 gold records (CAMEO-manual examples) with a PLOVER event
             (0.5b1 names mapped: DEMAND=REQUEST, DISAPPROVE/INVESTIGATE=ACCUSE, FIGHT=ASSAULT)
             and source/target country codes. Scored per record: the gold type is among dyad's
             relations; also with the source, and with source and target, matching by country.
  petr2-gsr  universal-petrarch/PETR2_GSR_validation.xml: GigaWord/AFP sentences with the events
             PETRARCH-2 codes with its CAMEO dictionaries. Scored per expected event: CAMEO root,
             PLOVER type (CAMEO2PLOVER-2021.txt), dyad (source and target country), all three.
  tabari     tabari/Validate.text, the standard records before FINAL-01, and
  petr-unit  petrarch2/PETR.UnitTest.records.xml: feature tests with fictional actors (Arnor,
             Gondor, ...) and the codes of their demo verb dictionaries (not CAMEO 1.1 throughout).
             Scored like petr2-gsr; dyad's actors are given the suite's codes by looking their
             mention text up in the suite's own actor dictionary.

Usage:
  python3 tools/peers/run_peers.py [--dyad build/release/bin/dyad] [--peers ../shared/peers]
                                   [--suite plover,petr2-gsr,tabari,petr-unit] [--out tools/peers/results]
Writes <out>/summary.md (the table) and <out>/<suite>.jsonl (one line per record: its id, what the
suite expects, dyad's relations, the hits; --with-text adds the text), and prints the table.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PLOVER_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


# [SECTION] running dyad

def find_dyad(explicit):
    if explicit:
        return explicit
    for preset in ("release", "dev", "rel", "eval"):
        p = os.path.join(ROOT, "build", preset, "bin", "dyad")
        if os.access(p, os.X_OK):
            return p
    sys.exit("run_peers.py: no dyad binary found; build one or pass --dyad")


def extract_all(dyad, texts):
    """One dyad/1 document per text, in order (dyad extract --jsonl)."""
    data = "".join(json.dumps(t) + "\n" for t in texts).encode("utf-8")
    proc = subprocess.run([dyad, "extract", "--jsonl", "--no-tokens", "-"], input=data, capture_output=True)
    lines = proc.stdout.decode("utf-8").splitlines()
    if len(lines) != len(texts):
        sys.exit("run_peers.py: dyad returned %d records for %d texts\n%s" % (len(lines), len(texts), proc.stderr.decode()))
    return [json.loads(line) for line in lines]


def relations_of(doc, codebook=None):
    """dyad's relations as dicts with actor codes (ISO3 country, or the actor's code)."""
    actors = {a["id"]: a for a in doc.get("actors", [])}
    mentions = {m["id"]: m for m in doc.get("mentions", [])}

    def code(actor_id, mention_id):
        a = actors.get(actor_id, {})
        c = a.get("country") or (a.get("code") or "")[:3]
        if codebook is not None:
            for text in (mentions.get(mention_id, {}).get("text", ""), a.get("name", "")):
                hit = codebook.lookup(text)
                if hit:
                    return hit
        return c

    out = []
    for r in doc.get("relations", []):
        out.append({
            "source": code(r["source"], r.get("source_mention", "")),
            "target": code(r["target"], r.get("target_mention", "")),
            "source_name": actors.get(r["source"], {}).get("name", ""),
            "target_name": actors.get(r["target"], {}).get("name", ""),
            "type": r["type"], "cameo": r["cameo"], "trigger": r["trigger"]["text"],
        })
    return out


# [SECTION] CAMEO -> PLOVER

class CameoToPlover:
    def __init__(self, path):
        self.table = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
                if m:
                    self.table.setdefault(m.group(1), m.group(2))

    def __call__(self, code):
        code = code.strip()
        for n in range(len(code), 1, -1):
            t = self.table.get(code[:n])
            if t:
                return t
        return ""


# [SECTION] actor dictionaries of the fictional suites

class Codebook:
    """Name -> code from a TABARI/PETRARCH actor dictionary (NAME_WORDS [CODE] lines)."""

    def __init__(self):
        self.names = {}

    def add_tabari(self, path):
        with open(path, encoding="latin-1") as f:
            for line in f:
                m = re.match(r"^([A-Z0-9][A-Z0-9_'.\- ]*?)\s*\[([A-Z]{3,})[\] ]", line)
                if m:
                    self.names.setdefault(self.norm(m.group(1).replace("_", " ")), m.group(2)[:3])

    def add_petrarch(self, path):
        with open(path, encoding="latin-1") as f:
            current = None
            for line in f:
                line = line.rstrip("\n")
                m = re.match(r"^([A-Z0-9][A-Z0-9_'.\-]*)\s*(?:\[([A-Z]{3,})[^\]]*\])?", line)
                if m and not line.startswith(("+", "#", "<", " ")):
                    current = m.group(2)[:3] if m.group(2) else None
                    if current:
                        self.names.setdefault(self.norm(m.group(1).replace("_", " ")), current)
                    continue
                m = re.match(r"^\+([A-Z0-9][A-Z0-9_'.\-]*)", line)
                if m and current:
                    self.names.setdefault(self.norm(m.group(1).replace("_", " ")), current)
                m = re.match(r"^\s+\[([A-Z]{3,})", line)
                if m and current is None:
                    current = m.group(1)[:3]

    @staticmethod
    def norm(s):
        return re.sub(r"[^A-Z0-9 ]", "", s.upper()).strip()

    def lookup(self, text):
        t = self.norm(text)
        if not t:
            return ""
        if t in self.names:
            return self.names[t]
        words = t.split()
        for n in range(len(words), 0, -1):  # longest prefix, then each word
            k = " ".join(words[:n])
            if k in self.names:
                return self.names[k]
        for w in words:
            if w in self.names:
                return self.names[w]
        return ""


# [SECTION] suites

def suite_plover(args, dyad):
    path = os.path.join(args.peers, "plover", "PLOVER_GSR_CAMEO.txt")
    records = [r for r in json.load(open(path, encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    docs = extract_all(dyad, [r["text"] for r in records])
    counts = collections.Counter()
    details = []
    for rec, doc in zip(records, docs):
        gold = PLOVER_OLD_NAMES.get(rec["event"], rec["event"])
        src = {a.get("code", "")[:3] for a in rec["source"]} if isinstance(rec.get("source"), list) else set()
        tgt = {a.get("code", "")[:3] for a in rec["target"]} if isinstance(rec.get("target"), list) else set()
        rels = relations_of(doc)
        typed = [r for r in rels if r["type"] == gold]
        type_hit = bool(typed)
        src_hit = any(r["source"] in src for r in typed)
        full_hit = any(r["source"] in src and (not tgt or r["target"] in tgt) for r in typed)
        counts["records"] += 1
        counts["any"] += bool(rels)
        counts["type"] += type_hit
        counts["type+source"] += src_hit
        counts["type+source+target"] += full_hit
        counts["with_target"] += bool(tgt)
        details.append({"id": rec["id"], "text": rec["text"], "gold": {"type": gold, "source": sorted(src), "target": sorted(tgt)},
                        "dyad": rels, "hit": {"type": type_hit, "source": src_hit, "full": full_hit}})
    n = counts["records"]
    rows = [("plover", "PLOVER GSR (CAMEO-manual examples)", n, [
        ("records with any dyad relation", counts["any"], n),
        ("gold PLOVER type among dyad's relations", counts["type"], n),
        ("... and a source of the gold country", counts["type+source"], n),
        ("... and the gold target too (when there is one)", counts["type+source+target"], n),
    ])]
    return rows, details


def parse_tabari(path):
    """(id, text, [(src, tgt, code)], kind) for the standard records (before FINAL-01)."""
    text = open(path, encoding="latin-1").read()
    out = []
    for m in re.finditer(r"^(\d{6})\s+(\S+)\s*\n(.*?)/\*(.*?)\*/", text, re.S | re.M):
        rid, body, comment = m.group(2), m.group(3), m.group(4)
        if rid.startswith("FINAL"):
            break
        sentence = " ".join(body.split())
        if not sentence or rid.startswith(("START", "TIME")):
            continue
        if "{ OPTION" in comment:
            continue
        events = []
        kind = "events"
        for e in re.finditer(r"(-?)\{([^}]*)\}", comment):
            skip, inner = e.group(1), e.group(2).strip()
            if skip:
                continue
            if inner.startswith("---"):
                kind = "none"
            elif inner.startswith("+++") or inner.startswith("###"):
                kind = "skip"
            else:
                parts = [p.strip() for p in inner.split("/")]
                if len(parts) >= 3:
                    events.append((parts[0], parts[1], parts[2].split()[0]))
        if kind == "skip" or (kind == "events" and not events):
            continue
        out.append((rid, sentence, events if kind == "events" else [], kind))
    return out


def parse_petrarch(path, gsr):
    text = open(path, encoding="utf-8").read()
    out = []
    pattern = (r'<Sentence[^>]*id="([^"]+)"[^>]*/>(.*?)<Text>(.*?)</Text>' if gsr
               else r'<Sentence[^>]*id="([^"]+)"[^>]*>(.*?)<Text>(.*?)</Text>')
    for m in re.finditer(pattern, text, re.S):
        rid, head, body = m.group(1), m.group(2), " ".join(m.group(3).split())
        if "<Sentence" in head:  # a record without text: skip to the next header
            continue
        if 'error="' in head:
            continue
        events = [(e.group(2), e.group(3), e.group(1)) for e in
                  re.finditer(r'<EventCoding\s+eventcode="([^"]*)"\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"', head)]
        events += [(e.group(1), e.group(2), e.group(3)) for e in
                   re.finditer(r'<EventCoding\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"\s+eventcode="([^"]*)"', head)]
        kind = "none" if 'noevents="True"' in head else "events"
        if kind == "events" and not events:
            continue
        out.append((rid, body, events, kind))
    return out


def score_cameo_suite(name, title, records, docs, to_plover, codebook):
    counts = collections.Counter()
    details = []
    for (rid, sentence, events, kind), doc in zip(records, docs):
        rels = relations_of(doc, codebook)
        if kind == "none":
            counts["none_records"] += 1
            counts["none_clean"] += not rels
            details.append({"id": rid, "text": sentence, "expected": "no event", "dyad": rels, "hit": not rels})
            continue
        counts["event_records"] += 1
        counts["event_records_any"] += bool(rels)
        hits = []
        for src, tgt, code in events:
            root = code[:2]
            plover = to_plover(code)
            h_root = any(r["cameo"][:2] == root for r in rels)
            h_plover = any(r["type"] == plover for r in rels)
            dy = [r for r in rels if r["source"] and r["target"] and src[:3] == r["source"] and tgt[:3] == r["target"]]
            h_dyad = bool(dy)
            h_full_root = any(r["cameo"][:2] == root for r in dy)
            h_full_plover = any(r["type"] == plover for r in dy)
            counts["events"] += 1
            counts["root"] += h_root
            counts["plover"] += h_plover
            counts["dyad"] += h_dyad
            counts["full_root"] += h_full_root
            counts["full_plover"] += h_full_plover
            hits.append({"expected": [src, tgt, code, plover], "root": h_root, "plover": h_plover, "dyad": h_dyad,
                         "full_root": h_full_root, "full_plover": h_full_plover})
        details.append({"id": rid, "text": sentence, "dyad": rels, "events": hits})
    n = counts["events"]
    rows = [(name, title, n, [
        ("expected events whose CAMEO root dyad codes", counts["root"], n),
        ("expected events whose PLOVER type dyad codes", counts["plover"], n),
        ("expected events with dyad's source and target", counts["dyad"], n),
        ("... and the same CAMEO root", counts["full_root"], n),
        ("... and the same PLOVER type", counts["full_plover"], n),
        ("records with events where dyad codes any", counts["event_records_any"], counts["event_records"]),
        ("records with no event where dyad codes none", counts["none_clean"], counts["none_records"]),
    ])]
    return rows, details


def suite_petr2_gsr(args, dyad, to_plover):
    path = os.path.join(args.peers, "universal-petrarch", "PETR2_GSR_validation.xml")
    records = parse_petrarch(path, gsr=True)
    docs = extract_all(dyad, [r[1] for r in records])
    return score_cameo_suite("petr2-gsr", "PETRARCH-2 GSR validation (GigaWord/AFP)", records, docs, to_plover, None)


def suite_tabari(args, dyad, to_plover):
    path = os.path.join(args.peers, "tabari", "Validate.text")
    records = parse_tabari(path)
    book = Codebook()
    book.add_tabari(os.path.join(args.peers, "tabari", "TABARI.Demo.actors"))
    docs = extract_all(dyad, [r[1] for r in records])
    return score_cameo_suite("tabari", "TABARI validation suite (fictional actors, demo codes)", records, docs, to_plover, book)


def suite_petr_unit(args, dyad, to_plover):
    path = os.path.join(args.peers, "petrarch2", "PETR.UnitTest.records.xml")
    records = parse_petrarch(path, gsr=False)
    book = Codebook()
    book.add_petrarch(os.path.join(args.peers, "petrarch2", "PETR.Validate.actors.txt"))
    docs = extract_all(dyad, [r[1] for r in records])
    return score_cameo_suite("petr-unit", "PETRARCH unit records (fictional actors, demo codes)", records, docs, to_plover, book)


# [SECTION] main

def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "n/a"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dyad")
    ap.add_argument("--peers", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "peers")))
    ap.add_argument("--suite", default="plover,petr2-gsr,tabari,petr-unit")
    ap.add_argument("--out", default=os.path.join(ROOT, "tools", "peers", "results"))
    ap.add_argument("--with-text", action="store_true",
                    help="also write each record's text into <suite>.jsonl (keep such files out of the repository: "
                         "the peer data is GPL / CC BY-SA)")
    args = ap.parse_args()
    if not os.path.isdir(args.peers):
        sys.exit("run_peers.py: no peer data at %s (pass --peers)" % args.peers)
    dyad = find_dyad(args.dyad)
    to_plover = CameoToPlover(os.path.join(args.peers, "plover", "CAMEO2PLOVER-2021.txt"))
    runners = {
        "plover": lambda: suite_plover(args, dyad),
        "petr2-gsr": lambda: suite_petr2_gsr(args, dyad, to_plover),
        "tabari": lambda: suite_tabari(args, dyad, to_plover),
        "petr-unit": lambda: suite_petr_unit(args, dyad, to_plover),
    }
    os.makedirs(args.out, exist_ok=True)
    lines = ["| suite | measure | dyad | of | % |", "|---|---|---:|---:|---:|"]
    for name in [s.strip() for s in args.suite.split(",") if s.strip()]:
        if name not in runners:
            sys.exit("run_peers.py: unknown suite %s" % name)
        rows, details = runners[name]()
        with open(os.path.join(args.out, name + ".jsonl"), "w", encoding="utf-8") as f:
            for d in details:
                if not args.with_text:
                    d = {k: v for k, v in d.items() if k != "text"}
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        for suite, title, n, measures in rows:
            for label, a, b in measures:
                lines.append("| %s | %s | %d | %d | %s |" % (title, label, a, b, pct(a, b)))
    version = subprocess.run([dyad, "--version"], capture_output=True, text=True).stdout.strip()
    table = "\n".join(lines)
    with open(os.path.join(args.out, "summary.md"), "w", encoding="utf-8") as f:
        f.write("# dyad on the peer suites\n\n%s, `python3 tools/peers/run_peers.py`\n\n%s\n" % (version, table))
    print(table)


if __name__ == "__main__":
    main()
