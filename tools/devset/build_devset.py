#!/usr/bin/env python3
"""Build the dyad dev set: tests/data/dev/src/*.ann -> tests/data/dev/<stem>.json + <stem>.txt.

The .ann markup is described in tests/data/dev/README.md. Every source file is validated
strictly; all problems are reported as `file:line: message` and the exit status is 1 when
any file fails. Nothing is written unless every file passes.

Usage:
  python3 tools/devset/build_devset.py            # validate, write JSON/TXT, refresh README stats
  python3 tools/devset/build_devset.py --check    # validate only, write nothing
  python3 tools/devset/build_devset.py --dir D    # use D instead of tests/data/dev

Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import re
import sys

SCHEMA = "dyad/1"
GENERATOR = "dyad devset"
ANNOTATOR = "dyad devset (hand)"
HEADER_KEYS = ("title", "date", "url", "notes")

ACTOR_TYPES = ("PERSON", "STATE", "GOVERNMENT", "ORGANIZATION", "GROUP", "LOCATION")
MENTION_KINDS = ("NAME", "NOMINAL", "PRONOUN")
MODALITIES = ("asserted", "planned", "hypothetical", "reported")

# PLOVER type -> quad class.
QUAD = {
    "AGREE": "VERBAL_COOPERATION",
    "CONSULT": "VERBAL_COOPERATION",
    "SUPPORT": "VERBAL_COOPERATION",
    "CONCEDE": "VERBAL_COOPERATION",
    "COOPERATE": "MATERIAL_COOPERATION",
    "AID": "MATERIAL_COOPERATION",
    "RETREAT": "MATERIAL_COOPERATION",
    "REQUEST": "VERBAL_CONFLICT",
    "ACCUSE": "VERBAL_CONFLICT",
    "REJECT": "VERBAL_CONFLICT",
    "THREATEN": "VERBAL_CONFLICT",
    "PROTEST": "MATERIAL_CONFLICT",
    "SANCTION": "MATERIAL_CONFLICT",
    "MOBILIZE": "MATERIAL_CONFLICT",
    "COERCE": "MATERIAL_CONFLICT",
    "ASSAULT": "MATERIAL_CONFLICT",
}
PLOVER_TYPES = tuple(QUAD)

# PLOVER type -> CAMEO prefixes a code may start with. CAMEO 08 is split between CONCEDE
# (081-083) and RETREAT (084-087), so those two need a 3-digit code.
CAMEO_PREFIXES = {
    "AGREE": ("03",),
    "CONSULT": ("04",),
    "SUPPORT": ("05",),
    "CONCEDE": ("081", "082", "083"),
    "COOPERATE": ("06",),
    "AID": ("07",),
    "RETREAT": ("084", "085", "086", "087"),
    "REQUEST": ("10", "02"),
    "ACCUSE": ("09", "11"),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "PROTEST": ("14",),
    "SANCTION": ("16",),
    "MOBILIZE": ("15",),
    "COERCE": ("17",),
    "ASSAULT": ("18", "19", "20"),
}

# Words a NOMINAL span must not start with (convention 6).
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
               "their", "our", "my", "your"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their",
            "theirs", "we", "our", "ours", "us", "i", "me", "my", "himself",
            "herself", "itself", "themselves", "ourselves"}
# Titles and honorifics that stay outside NAME spans (convention 2).
# Only words that are never the first word of an organisation's name.
TITLES = {"mr.", "mrs.", "ms.", "dr.", "gen.", "brig.", "col.", "lt.", "capt.", "sen.", "rep.",
          "president", "minister", "colonel", "sheikh", "ambassador", "spokesman",
          "spokeswoman", "chancellor"}

ACTOR_ID = re.compile(r"A[1-9][0-9]*\Z")
TRIGGER_ID = re.compile(r"T[1-9][0-9]*\Z")
LABEL = re.compile(r"(?:(?P<actors>A[1-9][0-9]*(?:\+A[1-9][0-9]*)*)(?::(?P<kind>[A-Z]+))?"
                   r"|(?P<trigger>T[1-9][0-9]*))\Z")
LABEL_TEXT = re.compile(r"\{[A-Za-z0-9+:]*\}")
STRAY = re.compile(r"\{(?:A|T)[0-9][^}]*\}|\]\{")
ISO3 = re.compile(r"[A-Z]{3}\Z")
SECTOR = re.compile(r"[A-Z]{3}\Z")
CODE = re.compile(r"[A-Z]{3}(?:[A-Z]{3})*\Z")
CAMEO = re.compile(r"[0-9]{2,4}\Z")
RELATION_ARROW = re.compile(r"(?P<src>\S+)\s*->\s*(?P<tgt>\S+)\Z")


class AnnError(Exception):
    pass


def utf16_len(s):
    """Length of s in UTF-16 code units (astral characters count 2)."""
    return sum(2 if ord(c) > 0xFFFF else 1 for c in s)


class Article:
    """One parsed and validated .ann file."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.errors = []
        self.warnings = []
        self.meta = {k: "" for k in HEADER_KEYS}
        self.text = ""
        self.spans = []      # dicts: kind ('mention'|'trigger'), start, end, line, label info
        self.actors = collections.OrderedDict()   # A-id -> dict
        self.relations = []  # dicts in line order
        self.relation_triggers = set()  # trigger ids on relation lines, valid or not
        self.line_starts = []  # (text offset, source line) where each source line begins
        self.doc = None

    def err(self, line, msg):
        self.errors.append("%s:%s: %s" % (self.path, line, msg))

    def warn(self, line, msg):
        self.warnings.append("%s:%s: warning: %s" % (self.path, line, msg))

    # ------------------------------------------------------------------ parsing
    def parse(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                raw = f.read()
        except UnicodeDecodeError as e:
            self.err(1, "not valid UTF-8 (%s)" % e)
            return
        if raw.startswith("\ufeff"):
            self.err(1, "file starts with a byte order mark; save as UTF-8 without BOM")
            raw = raw[1:]
        if "\r" in raw:
            self.err(1, "carriage return found; use LF line endings")
            raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        lines = raw.split("\n")
        seps = [i for i, l in enumerate(lines) if l.strip() == "---"]
        if len(seps) != 3:
            self.err(1, "expected exactly three '---' separator lines (header / text / actors / "
                        "relations), found %d" % len(seps))
            return
        s1, s2, s3 = seps
        self.parse_header(lines[:s1], 1)
        self.parse_text(lines[s1 + 1:s2], s1 + 2)
        self.parse_actors(lines[s2 + 1:s3], s2 + 2)
        self.parse_relations(lines[s3 + 1:], s3 + 2)
        self.validate()

    def parse_header(self, lines, first):
        seen = set()
        for i, line in enumerate(lines):
            ln = first + i
            if not line.strip():
                continue
            m = re.match(r"([a-z]+):(.*)\Z", line)
            if not m:
                self.err(ln, "malformed header line %r (expected 'key: value')" % line)
                continue
            key, value = m.group(1), m.group(2).strip()
            if key not in HEADER_KEYS:
                self.err(ln, "unknown header key %r (allowed: %s)" % (key, ", ".join(HEADER_KEYS)))
                continue
            if key in seen:
                self.err(ln, "duplicate header key %r" % key)
            seen.add(key)
            self.meta[key] = value
        if not self.meta["title"]:
            self.err(first, "header has no title")
        if self.meta["date"] and not re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", self.meta["date"]):
            self.err(first, "date %r is not YYYY-MM-DD" % self.meta["date"])

    def parse_text(self, lines, first):
        """Strip markup. Paragraphs are separated by blank lines; lines inside a paragraph are
        joined with one space. Offsets are code points into the final text."""
        paragraphs = []   # list of list of (line_no, content)
        cur = []
        for i, line in enumerate(lines):
            if line.strip():
                cur.append((first + i, line.strip()))
            elif cur:
                paragraphs.append(cur)
                cur = []
        if cur:
            paragraphs.append(cur)
        if not paragraphs:
            self.err(first, "article text is empty")
            return
        out = []
        pos = 0
        for p, para in enumerate(paragraphs):
            if p:
                out.append("\n\n")
                pos += 2
            for j, (ln, content) in enumerate(para):
                if j:
                    out.append(" ")
                    pos += 1
                self.line_starts.append((pos, ln))
                plain = self.parse_line(content, ln, pos)
                out.append(plain)
                pos += len(plain)
        self.text = "".join(out)

    def parse_line(self, s, ln, base):
        """Return the plain text of one source line; record spans with offsets from base."""
        out = []
        i = 0
        n = len(s)
        open_at = None      # index in out-text where the current [ started
        open_col = None
        while i < n:
            c = s[i]
            if c == "\\" and i + 1 < n and s[i + 1] in "[]\\":
                out.append(s[i + 1])
                i += 2
                continue
            if c == "[":
                if open_at is not None:
                    # Report, then continue as if the inner '[' opened the span, so that the
                    # rest of the line is still checked.
                    self.err(ln, "column %d: '[' inside a span opened at column %d: markup "
                                 "must not nest or overlap (write a literal '[' as '\\[')"
                             % (i + 1, open_col))
                open_at = sum(len(x) for x in out)
                open_col = i + 1
                i += 1
                continue
            if c == "]" and open_at is not None:
                lm = LABEL_TEXT.match(s, i + 1)
                if not lm:
                    self.err(ln, "column %d: ']' of the span opened at column %d is not "
                                 "followed by a '{LABEL}'" % (i + 1, open_col))
                    open_at = None
                    i += 1
                    continue
                close = lm.end() - 1
                label = s[i + 2:close]
                covered_start = open_at
                covered = "".join(out)[covered_start:]
                self.add_span(label, base + covered_start, covered, ln, open_col)
                open_at = None
                i = close + 1
                continue
            out.append(c)
            i += 1
        if open_at is not None:
            self.err(ln, "column %d: '[' is never closed" % open_col)
        plain = "".join(out)
        m = STRAY.search(plain)
        if m:
            self.err(ln, "stray markup %r in text (a label without its '[...]' span?)" % m.group(0))
        return plain

    def add_span(self, label, start, covered, ln, col):
        m = LABEL.match(label)
        if not m:
            self.err(ln, "column %d: malformed label {%s} (expected {A1}, {A1:NOMINAL}, "
                         "{A1+A2:NOMINAL} or {T1})" % (col, label))
            return
        if not covered:
            self.err(ln, "column %d: empty span {%s}" % (col, label))
            return
        if covered != covered.strip():
            self.err(ln, "column %d: span %r starts or ends with whitespace" % (col, covered))
            return
        span = {"start": start, "end": start + len(covered), "text": covered, "line": ln,
                "col": col}
        if m.group("trigger"):
            span["kind"] = "trigger"
            span["trigger"] = m.group("trigger")
        else:
            members = m.group("actors").split("+")
            if len(set(members)) != len(members):
                self.err(ln, "column %d: repeated actor in {%s}" % (col, label))
                return
            kind = m.group("kind") or "NAME"
            if kind not in MENTION_KINDS:
                self.err(ln, "column %d: unknown mention kind %r (allowed: %s)"
                         % (col, kind, ", ".join(MENTION_KINDS)))
                return
            span["kind"] = "mention"
            span["members"] = members
            span["mkind"] = kind
            self.check_mention_form(span)
        self.spans.append(span)

    def check_mention_form(self, span):
        """Conventions 2 and 6, mechanically checkable part."""
        t, ln, kind = span["text"], span["line"], span["mkind"]
        words = t.split()
        first = words[0].lower()
        if kind == "PRONOUN":
            if t.lower() not in PRONOUNS:
                self.err(ln, "PRONOUN mention %r is not a pronoun" % t)
        elif kind == "NOMINAL":
            if first in DETERMINERS and len(words) > 1:
                self.err(ln, "NOMINAL mention %r starts with %r: leave articles, demonstratives "
                             "and possessive determiners outside the span" % (t, words[0]))
        elif kind == "NAME":
            if first in ("the",) and len(words) > 1:
                self.err(ln, "NAME mention %r starts with 'the': leave it outside" % t)
            if first in TITLES and len(words) > 1:
                self.err(ln, "NAME mention %r starts with the title %r: titles stay outside "
                             "NAME spans" % (t, words[0]))
        if re.search(r"['’]s?\Z", t) and kind != "PRONOUN":
            self.err(ln, "mention %r ends with a possessive; leave 's outside" % t)

    def parse_actors(self, lines, first):
        for i, line in enumerate(lines):
            ln = first + i
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 6:
                self.err(ln, "actor line needs 6 fields 'ID | name | TYPE | country | sector | "
                             "code', got %d" % len(parts))
                continue
            aid, name, atype, country, sector, code = parts
            if not ACTOR_ID.match(aid):
                self.err(ln, "malformed actor id %r (expected A1, A2, ...)" % aid)
                continue
            if aid in self.actors:
                self.err(ln, "actor %s defined twice (first on line %d)"
                         % (aid, self.actors[aid]["line"]))
                continue
            if not name:
                self.err(ln, "actor %s has no canonical name" % aid)
            if atype not in ACTOR_TYPES:
                self.err(ln, "actor %s: unknown TYPE %r (allowed: %s)"
                         % (aid, atype, " ".join(ACTOR_TYPES)))
            if country and not ISO3.match(country):
                self.err(ln, "actor %s: country %r is not an ISO3 code" % (aid, country))
            if sector and not SECTOR.match(sector):
                self.err(ln, "actor %s: sector %r is not three capital letters" % (aid, sector))
            if code and not CODE.match(code):
                self.err(ln, "actor %s: code %r is not a sequence of 3-letter parts" % (aid, code))
            if code and country and sector and code != country + sector:
                self.err(ln, "actor %s: code %r should be country + sector %r"
                         % (aid, code, country + sector))
            if code and country and not sector and code != country:
                self.err(ln, "actor %s: code %r should be the country %r (no sector)"
                         % (aid, code, country))
            if atype == "STATE" and (not country or code != country or sector):
                self.err(ln, "actor %s: a STATE needs country = code = ISO3 and no sector" % aid)
            self.actors[aid] = {"line": ln, "name": name, "type": atype, "country": country,
                                "sector": sector, "code": code}

    def parse_relations(self, lines, first):
        for i, line in enumerate(lines):
            ln = first + i
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 6:
                self.err(ln, "relation line needs 6 fields 'TRIGGER | SOURCE -> TARGET | TYPE | "
                             "CAMEO | modality | negated=yes|no', got %d" % len(parts))
                continue
            tid, arrow, ptype, cameo, modality, neg = parts
            self.relation_triggers.add(tid)
            ok = True
            if not TRIGGER_ID.match(tid):
                self.err(ln, "malformed trigger id %r" % tid)
                ok = False
            m = RELATION_ARROW.match(arrow)
            if not m:
                self.err(ln, "malformed 'SOURCE -> TARGET' %r" % arrow)
                ok = False
            else:
                src, tgt = m.group("src"), m.group("tgt")
                for a in (src, tgt):
                    if not ACTOR_ID.match(a):
                        self.err(ln, "source/target %r is not a single actor id (write one "
                                     "relation line per member of a plural mention)" % a)
                        ok = False
                if ok and src == tgt:
                    self.err(ln, "source and target are the same actor %s" % src)
                    ok = False
            if ptype not in QUAD:
                self.err(ln, "unknown PLOVER type %r" % ptype)
                ok = False
            if not CAMEO.match(cameo):
                self.err(ln, "CAMEO code %r is not 2-4 digits" % cameo)
                ok = False
            elif ptype in QUAD and not cameo.startswith(CAMEO_PREFIXES[ptype]):
                self.err(ln, "CAMEO %s does not belong to %s (expected a code starting with %s)"
                         % (cameo, ptype, " or ".join(CAMEO_PREFIXES[ptype])))
                ok = False
            if modality not in MODALITIES:
                self.err(ln, "unknown modality %r (allowed: %s)" % (modality, ", ".join(MODALITIES)))
                ok = False
            if neg not in ("negated=yes", "negated=no"):
                self.err(ln, "last field must be negated=yes or negated=no, got %r" % neg)
                ok = False
            if ok:
                self.relations.append({"line": ln, "trigger": tid, "source": src, "target": tgt,
                                       "type": ptype, "cameo": cameo, "modality": modality,
                                       "negated": neg == "negated=yes"})

    # ------------------------------------------------------------------ validation
    def validate(self):
        mentions = [s for s in self.spans if s["kind"] == "mention"]
        triggers = {}
        for s in self.spans:
            if s["kind"] == "trigger":
                if s["trigger"] in triggers:
                    self.err(s["line"], "trigger %s used twice (first on line %d)"
                             % (s["trigger"], triggers[s["trigger"]]["line"]))
                else:
                    triggers[s["trigger"]] = s
        # Spans never overlap by construction of the parser; check word boundaries so that
        # a span never cuts a word ("[Iran]ian").
        for s in self.spans:
            a, b = s["start"], s["end"]
            if a > 0 and self.text[a - 1].isalnum() and s["text"][0].isalnum():
                self.err(s["line"], "span %r starts inside a word" % s["text"])
            if b < len(self.text) and self.text[b].isalnum() and s["text"][-1].isalnum():
                self.err(s["line"], "span %r ends inside a word" % s["text"])
            if self.text[a:b] != s["text"]:
                self.err(s["line"], "internal error: span offsets do not match text")
        used = set()
        for s in mentions:
            for a in s["members"]:
                if a not in self.actors:
                    self.err(s["line"], "mention %r refers to unknown actor %s" % (s["text"], a))
                used.add(a)
        for aid, actor in self.actors.items():
            if aid not in used:
                self.err(actor["line"], "actor %s (%s) has no mention in the text"
                         % (aid, actor["name"]))
        seen = {}
        for r in self.relations:
            if r["trigger"] not in triggers:
                self.err(r["line"], "relation uses trigger %s which is not marked in the text"
                         % r["trigger"])
            for a in (r["source"], r["target"]):
                if a not in self.actors:
                    self.err(r["line"], "relation refers to unknown actor %s" % a)
                elif self.actors[a]["type"] == "LOCATION":
                    self.err(r["line"], "relation source/target %s (%s) is a LOCATION; places "
                                        "are never participants" % (a, self.actors[a]["name"]))
            key = (r["trigger"], r["source"], r["target"], r["type"])
            if key in seen:
                self.err(r["line"], "duplicate relation (same as line %d)" % seen[key])
            seen[key] = r["line"]
        for tid, s in triggers.items():
            if tid not in self.relation_triggers:
                self.err(s["line"], "trigger %s %r has no relation line" % (tid, s["text"]))

    def check_unannotated_names(self):
        """Warn where the text of a NAME mention occurs again without markup (convention 1:
        every mention is annotated). Occurrences inside another span are fine."""
        covered = [(s["start"], s["end"]) for s in self.spans]
        names = sorted({s["text"] for s in self.spans
                        if s["kind"] == "mention" and s["mkind"] == "NAME" and len(s["text"]) > 2})
        for name in names:
            for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(name), self.text):
                a, b = m.start(), m.end()
                if any(x <= a and b <= y for x, y in covered):
                    continue
                line = [ln for off, ln in self.line_starts if off <= a][-1]
                self.warn(line, "name %r occurs without markup (offset %d)" % (name, a))

    # ------------------------------------------------------------------ output
    def span_obj(self, start, end):
        u0 = utf16_len(self.text[:start])
        return {"start": start, "end": end, "utf16": [u0, u0 + utf16_len(self.text[start:end])],
                "text": self.text[start:end]}

    def build(self):
        user = {"by": "user"}
        mentions = sorted((s for s in self.spans if s["kind"] == "mention"),
                          key=lambda s: s["start"])
        triggers = {s["trigger"]: s for s in self.spans if s["kind"] == "trigger"}
        # Actor ids in order of first appearance in the text.
        amap = collections.OrderedDict()
        for s in mentions:
            for a in s["members"]:
                if a not in amap:
                    amap[a] = "a%d" % (len(amap) + 1)
        actors = []
        for aid, new in amap.items():
            a = self.actors[aid]
            actors.append(collections.OrderedDict([
                ("id", new), ("name", a["name"]), ("type", a["type"]), ("country", a["country"]),
                ("sector", a["sector"]), ("code", a["code"]), ("provenance", dict(user)),
                ("status", "accepted"), ("confidence", 1.0)]))
        mobjs = []
        for i, s in enumerate(mentions):
            s["id"] = "m%d" % (i + 1)
            o = collections.OrderedDict([("id", s["id"])])
            if len(s["members"]) == 1:
                o["actor"] = amap[s["members"][0]]
            else:
                o["actor"] = None
                o["members"] = [amap[a] for a in s["members"]]
            sp = self.span_obj(s["start"], s["end"])
            o.update(sp)
            o["kind"] = s["mkind"]
            o["provenance"] = dict(user)
            o["status"] = "accepted"
            o["confidence"] = 1.0
            mobjs.append(o)
        robjs = []
        for i, r in enumerate(self.relations):
            t = triggers[r["trigger"]]
            src_m = self.closest_mention(mentions, r["source"], t, r["line"])
            tgt_m = self.closest_mention(mentions, r["target"], t, r["line"])
            robjs.append(collections.OrderedDict([
                ("id", "r%d" % (i + 1)), ("source", amap[r["source"]]),
                ("target", amap[r["target"]]), ("source_mention", src_m),
                ("target_mention", tgt_m), ("type", r["type"]), ("cameo", r["cameo"]),
                ("quad", QUAD[r["type"]]), ("trigger", self.span_obj(t["start"], t["end"])),
                ("sentence", -1), ("negated", r["negated"]), ("modality", r["modality"]),
                ("time", None), ("provenance", dict(user)), ("status", "accepted"),
                ("confidence", 1.0)]))
        self.amap = amap
        self.doc = collections.OrderedDict([
            ("schema", SCHEMA), ("generator", GENERATOR), ("text", self.text),
            ("meta", collections.OrderedDict([
                ("title", self.meta["title"]), ("url", self.meta["url"]),
                ("date", self.meta["date"]), ("annotator", ANNOTATOR),
                ("notes", self.meta["notes"])])),
            ("sentences", []), ("tokens", []), ("actors", actors), ("mentions", mobjs),
            ("relations", robjs), ("diagnostics", [])])

    def closest_mention(self, mentions, aid, trig, line):
        """The mention of aid (or a plural mention including it) closest to the trigger by
        character distance, looking first inside the trigger's paragraph and only then in
        the whole text; on a tie the earlier mention wins."""
        para_a = self.text.rfind("\n\n", 0, trig["start"])
        para_a = 0 if para_a < 0 else para_a + 2
        para_b = self.text.find("\n\n", trig["end"])
        para_b = len(self.text) if para_b < 0 else para_b
        best, best_key = None, None
        for s in mentions:
            if aid not in s["members"]:
                continue
            if s["end"] <= trig["start"]:
                d = trig["start"] - s["end"]
            elif s["start"] >= trig["end"]:
                d = s["start"] - trig["end"]
            else:
                d = 0
            outside = not (para_a <= s["start"] and s["end"] <= para_b)
            key = (outside, d)
            if best_key is None or key < best_key:
                best, best_key = s, key
        if best is None:
            return ""
        if best_key[0]:
            # A relation's actors are normally mentioned in the trigger's sentence.
            self.warn(line, "no mention of %s in the paragraph of trigger %r; anchored on %r"
                      % (aid, trig["text"], best["text"]))
        return best["id"]

    def words(self):
        return len(self.text.split())


def line_of(message):
    """Sort key: the line number in a 'file:line: message' string."""
    m = re.match(r".*?:([0-9]+): ", message)
    return int(m.group(1)) if m else 0


def dump(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def stats(articles):
    rows = []
    kinds = collections.Counter()
    rtypes = collections.Counter()
    atypes = collections.Counter()
    plural = 0
    for a in articles:
        d = a.doc
        for m in d["mentions"]:
            kinds[m["kind"]] += 1
            plural += m["actor"] is None
        for r in d["relations"]:
            rtypes[r["type"]] += 1
        for ac in d["actors"]:
            atypes[ac["type"]] += 1
        rows.append((a.name, a.words(), len(d["actors"]), len(d["mentions"]),
                     len(d["relations"])))
    return rows, kinds, rtypes, atypes, plural


def stats_markdown(articles):
    rows, kinds, rtypes, atypes, plural = stats(articles)
    out = ["| article | words | actors | mentions | relations |",
           "|---|---:|---:|---:|---:|"]
    for r in rows:
        out.append("| %s | %d | %d | %d | %d |" % r)
    out.append("| **total (%d articles)** | %d | %d | %d | %d |" % (
        len(rows), sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows),
        sum(r[4] for r in rows)))
    out.append("")
    out.append("| mention kind | count |")
    out.append("|---|---:|")
    for k in MENTION_KINDS:
        out.append("| %s | %d |" % (k, kinds[k]))
    out.append("| (of which plural) | %d |" % plural)
    out.append("")
    out.append("| actor type | count |")
    out.append("|---|---:|")
    for t in ACTOR_TYPES:
        out.append("| %s | %d |" % (t, atypes[t]))
    out.append("")
    out.append("| relation type | quad | count |")
    out.append("|---|---|---:|")
    for t in PLOVER_TYPES:
        out.append("| %s | %s | %d |" % (t, QUAD[t], rtypes[t]))
    return "\n".join(out)


def print_summary(articles):
    rows, kinds, rtypes, atypes, plural = stats(articles)
    print("articles: %d" % len(rows))
    print("words: %d" % sum(r[1] for r in rows))
    print("actors: %d  (%s)" % (sum(r[2] for r in rows),
                                ", ".join("%s %d" % (t, atypes[t]) for t in ACTOR_TYPES)))
    print("mentions: %d  (%s; plural %d)" % (
        sum(r[3] for r in rows), ", ".join("%s %d" % (k, kinds[k]) for k in MENTION_KINDS),
        plural))
    print("relations: %d  (%s)" % (sum(r[4] for r in rows),
                                   ", ".join("%s %d" % (t, rtypes[t]) for t in PLOVER_TYPES
                                             if rtypes[t])))
    for r in rows:
        print("  %-40s words %4d  actors %3d  mentions %4d  relations %3d" % r)


STATS_BEGIN = "<!-- stats:begin (generated by tools/devset/build_devset.py) -->"
STATS_END = "<!-- stats:end -->"


def update_readme(path, table):
    if not os.path.exists(path):
        print("note: %s not found; stats table not written" % path, file=sys.stderr)
        return
    with open(path, encoding="utf-8") as f:
        s = f.read()
    a, b = s.find(STATS_BEGIN), s.find(STATS_END)
    if a < 0 or b < a:
        print("note: %s has no stats markers; stats table not written" % path, file=sys.stderr)
        return
    new = s[:a] + STATS_BEGIN + "\n" + table + "\n" + s[b:]
    if new != s:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)


def write_if_changed(path, content):
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as f:
            if f.read() == content:
                return False
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(content)
    return True


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_dir = os.path.normpath(os.path.join(here, "..", "..", "tests", "data", "dev"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only; write nothing")
    ap.add_argument("--dir", default=default_dir, help="dev set directory (default: %(default)s)")
    ap.add_argument("--quiet", action="store_true", help="no summary")
    args = ap.parse_args(argv)

    src = os.path.join(args.dir, "src")
    if not os.path.isdir(src):
        print("error: %s is not a directory" % src, file=sys.stderr)
        return 2
    files = sorted(f for f in os.listdir(src) if f.endswith(".ann"))
    if not files:
        print("error: no .ann files in %s" % src, file=sys.stderr)
        return 2
    articles, errors, warnings = [], [], []
    for fn in files:
        a = Article(os.path.join(src, fn))
        a.parse()
        if not a.errors:
            a.check_unannotated_names()
            a.build()
        errors += sorted(a.errors, key=line_of)
        warnings += a.warnings
        articles.append(a)
    for w in warnings:
        print(w, file=sys.stderr)
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        bad = sum(1 for a in articles if a.errors)
        print("FAILED: %d error(s) in %d of %d file(s); nothing written"
              % (len(errors), bad, len(articles)), file=sys.stderr)
        return 1
    if not args.check:
        changed = 0
        for a in articles:
            stem = os.path.splitext(a.name)[0]
            changed += write_if_changed(os.path.join(args.dir, stem + ".json"), dump(a.doc))
            # Exactly the document text (no trailing newline) so that running the extractor on
            # the .txt yields the same "text" and offsets as the gold.
            changed += write_if_changed(os.path.join(args.dir, stem + ".txt"), a.text)
        update_readme(os.path.join(args.dir, "README.md"), stats_markdown(articles))
        stems = {os.path.splitext(f)[0] for f in files}
        for f in sorted(os.listdir(args.dir)):
            base, ext = os.path.splitext(f)
            if ext in (".json", ".txt") and re.match(r"[0-9]{2}-", base) and base not in stems:
                print("warning: %s has no source in src/ (stale? remove it)" % f, file=sys.stderr)
        print("wrote %d file(s) (%d unchanged)" % (changed, 2 * len(articles) - changed))
    if not args.quiet:
        print_summary(articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
