#!/usr/bin/env python3
"""Writes the dyad/1 JSON fixtures: valid/*.json and broken/*.json with broken/expected.tsv.

Run from anywhere: python3 tests/data/json/make_fixtures.py. Standard library only. The valid
documents are written exactly as dyad writes them (compact, key order of docs/json-schema.md),
so loading and writing them back is byte-identical except for "generator". Each broken file
has one defect (multiple-errors.json has several); expected.tsv lists, per file, the
diagnostic code and JSON pointer dyad must report, whether the JSON Schema alone can reject it
(schema=yes) and whether the defect survives being read as a JS string (js=no for bytes that
are not UTF-8).
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# Accents, curly quotes, an em dash, emoji (astral), CRLF, NBSP, a flag (two astral code
# points), a mathematical script letter (astral) and Arabic script.
S1 = "Çavuşoğlu met Bayramov on Tuesday in Baku — “warm talks” 😀."
S2 = "The two sides\u00a0agreed; وزير الخارجية accused Azerbaijan 🇦🇿 of 𝒳 delays."
TEXT = S1 + "\r\n" + S2


def u16(s, i):
    return len(s[:i].encode("utf-16-le")) // 2


def span(text, start, end):
    return {"start": start, "end": end, "utf16": [u16(text, start), u16(text, end)], "text": text[start:end]}


def find(sub, nth=0, text=TEXT):
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def auto(rule):
    return {"by": "auto", "rule": rule}


USER = {"by": "user"}


def actor(id_, name, type_, country, sector, code, prov, status, conf, **extra):
    a = {"id": id_, "name": name, "type": type_, "country": country, "sector": sector, "code": code,
         "provenance": prov, "status": status, "confidence": conf}
    a.update(extra)
    return a


def mention(id_, actor_id, sub, kind, prov, status, conf, members=None, nth=0, **extra):
    s, e = find(sub, nth)
    m = {"id": id_, "actor": actor_id}
    if members:
        m["members"] = members
    m.update(span(TEXT, s, e))
    m.update({"kind": kind, "provenance": prov, "status": status, "confidence": conf})
    m.update(extra)
    return m


def relation(id_, src, tgt, sm, tm, type_, cameo, quad, trig, sentence, negated, modality, time, prov, status, conf, **extra):
    s, e = find(trig)
    r = {"id": id_, "source": src, "target": tgt, "source_mention": sm, "target_mention": tm, "type": type_,
         "cameo": cameo, "quad": quad, "trigger": span(TEXT, s, e), "sentence": sentence, "negated": negated,
         "modality": modality, "time": span(TEXT, *find(time)) if time else None,
         "provenance": prov, "status": status, "confidence": conf}
    r.update(extra)
    return r


def full_document():
    s2 = len(S1) + 2
    tokens = []
    for word in ["Çavuşoğlu", "met", "Bayramov", "😀", "وزير", "🇦🇿", "𝒳"]:
        tokens.append(span(TEXT, *find(word)))
    tokens.sort(key=lambda t: t["start"])
    tokens[1]["x_token"] = {"pos": "VERB"}  # unknown members are kept at every level
    doc = {
        "schema": "dyad/1",
        "generator": "dyad fixture",
        "text": TEXT,
        "meta": {"title": "Çavuşoğlu and Bayramov meet — “warm talks”", "url": "https://example.org/a?b=1&c=2",
                 "date": "2026-03-12", "annotator": "fixture", "notes": "every kind of character",
                 "source_id": "wire-0042", "tags": ["caucasus", {"nested": [1, 2.5, None, True]}]},
        "sentences": [span(TEXT, 0, len(S1)), dict(span(TEXT, s2, len(TEXT)), x_sentence=2)],
        "tokens": tokens,
        "actors": [
            actor("a1", "Mevlüt Çavuşoğlu", "PERSON", "TUR", "GOV", "TURGOV", auto("rule:title+name"), "suggested", 0.85,
                  wikidata="Q310965"),
            actor("a2", "Jeyhun Bayramov", "PERSON", "AZE", "GOV", "AZEGOV", USER, "accepted", 1.0),
            actor("a3", "Baku", "LOCATION", "AZE", "", "", auto("lexicon:capitals:AZE"), "rejected", 0.5),
            actor("a4", "Iranian foreign minister", "PERSON", "IRN", "GOV", "IRNGOV",
                  dict(auto("rule:role"), x_prov={"score": -1.25e-3}), "edited", 0.7),
            actor("a5", "Azerbaijan", "STATE", "AZE", "", "AZE", auto("lexicon:countries:AZE"), "accepted", 0.95),
        ],
        "mentions": [
            mention("m1", "a1", "Çavuşoğlu", "NAME", auto("rule:title+name"), "suggested", 0.85, note="first"),
            mention("m2", "a2", "Bayramov", "NAME", USER, "accepted", 1.0),
            mention("m3", "a3", "Baku", "NAME", auto("lexicon:capitals:AZE"), "rejected", 0.5),
            mention("m4", None, "two sides", "NOMINAL", USER, "accepted", 1.0, members=["a1", "a2"]),
            mention("m5", "a4", "وزير الخارجية", "NOMINAL", auto("rule:role"), "edited", 0.7),
            mention("m6", "a5", "Azerbaijan", "NAME", auto("lexicon:countries:AZE"), "accepted", 0.95),
        ],
        "relations": [
            relation("r1", "a1", "a2", "m1", "m2", "CONSULT", "040", "VERBAL_COOPERATION", "met", 0, False, "asserted",
                     "Tuesday", auto("pattern:met"), "suggested", 0.8, x_rel={"checked": False}),
            relation("r2", "a1", "a2", "m4", "m4", "AGREE", "03", "VERBAL_COOPERATION", "agreed", 1, False, "asserted",
                     None, USER, "accepted", 1.0),
            relation("r3", "a4", "a5", "m5", "m6", "ACCUSE", "112", "VERBAL_CONFLICT", "accused", 1, True, "reported",
                     None, auto("pattern:accused"), "edited", 0.6),
        ],
        "diagnostics": [{"severity": "warning", "code": "utf8.invalid", "message": "invalid UTF-8 replaced with U+FFFD",
                         "path": "", "line": 1, "column": 5, "offset": 4, "x_diag": [True]}],
        "x_root": {"kept": ["verbatim", 1, {"deep": None}]},
    }
    r1 = doc["relations"][0]
    r1["trigger"]["x_trigger"] = "meet"
    r1["time"]["x_time"] = {"resolved": "2026-03-10"}
    r1["provenance"]["x_prov"] = []
    doc["relations"][1]["provenance"] = {"by": "user", "rule": "pattern:agreed"}  # a user's edit keeps its rule
    doc["mentions"][1]["provenance"] = {"by": "user", "x_prov": "hand"}
    return doc


def minimal_document():
    return {"schema": "dyad/1", "text": ""}


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(path, data):
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


BROKEN = []  # (file, text or bytes, [(code, path)], schema_rejects, js_ok)


def broken(name, mutate, expected, schema=True, js=True):
    doc = full_document()
    out = mutate(doc)
    data = out if isinstance(out, (str, bytes)) else dump(doc)
    BROKEN.append((name + ".json", data, expected, schema, js))


def setp(path, value):
    def f(doc):
        node = doc
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    return f


def delp(path):
    def f(doc):
        node = doc
        for k in path[:-1]:
            node = node[k]
        del node[path[-1]]
    return f


def make_broken():
    b = broken
    b("root-not-object", lambda d: "[1, 2, 3]\n", [("json.type", "")])
    b("syntax-truncated", lambda d: dump(d)[:200], [("json.syntax", "/meta")])
    b("schema-missing", delp(["schema"]), [("json.missing", "/schema")])
    b("schema-version", setp(["schema"], "dyad/2"), [("schema.version", "/schema")])
    b("text-missing", delp(["text"]), [("json.missing", "/text")])
    b("text-not-string", setp(["text"], 42), [("json.type", "/text")])
    b("text-lone-surrogate", lambda d: dump(d).replace('"text":"Ça', '"text":"\\ud800Ça', 1), [("json.syntax", "/text")],
      schema=False)
    b("invalid-utf8", lambda d: dump(d).encode("utf-8").replace("Bayramov".encode(), b"Bayr\xffmov", 1),
      [("json.utf8", "")], schema=False, js=False)
    b("deep-nesting", lambda d: dump(d)[:-2] + ',"deep":' + "[" * 100 + "]" * 100 + "}\n", [("json.depth", "/deep" + "/0" * 63)],
      schema=False)
    b("duplicate-key", lambda d: dump(d).replace('"id":"a1",', '"id":"a1","id":"a1",', 1),
      [("json.duplicate_key", "/actors/0/id")], schema=False)
    b("huge-number-overflow", lambda d: dump(d).replace('"start":0,"end":9', '"start":1e400,"end":9', 1),
      [("number.too_large", "/tokens/0/start")])
    b("huge-integer", setp(["mentions", 0, "start"], 10 ** 23), [("number.too_large", "/mentions/0/start")])
    b("negative-offset", setp(["mentions", 0, "start"], -1), [("value.range", "/mentions/0/start")])
    b("wrong-type-name", setp(["actors", 0, "name"], 5), [("json.type", "/actors/0/name")])
    b("wrong-type-negated", setp(["relations", 0, "negated"], "no"), [("json.type", "/relations/0/negated")])
    b("relations-not-array", setp(["relations"], {}), [("json.type", "/relations")])
    b("trigger-missing", delp(["relations", 0, "trigger"]), [("json.missing", "/relations/0/trigger")])
    b("id-empty", setp(["actors", 2, "id"], ""), [("id.empty", "/actors/2/id")])
    b("duplicate-actor-id", setp(["actors", 2, "id"], "a1"), [("id.duplicate", "/actors/2/id")], schema=False)
    b("duplicate-mention-id", setp(["mentions", 2, "id"], "m1"), [("id.duplicate", "/mentions/2/id")], schema=False)
    b("duplicate-relation-id", setp(["relations", 1, "id"], "r1"), [("id.duplicate", "/relations/1/id")], schema=False)
    b("dangling-mention-actor", setp(["mentions", 0, "actor"], "a99"), [("ref.dangling", "/mentions/0/actor")], schema=False)
    b("dangling-member", setp(["mentions", 3, "members", 1], "a99"), [("ref.dangling", "/mentions/3/members/1")], schema=False)
    b("dangling-relation-source", setp(["relations", 2, "source"], "a99"), [("ref.dangling", "/relations/2/source")], schema=False)
    b("dangling-relation-target", setp(["relations", 2, "target"], "a99"), [("ref.dangling", "/relations/2/target")], schema=False)
    b("dangling-source-mention", setp(["relations", 0, "source_mention"], "m99"),
      [("ref.dangling", "/relations/0/source_mention")], schema=False)
    b("dangling-target-mention", setp(["relations", 0, "target_mention"], "m99"),
      [("ref.dangling", "/relations/0/target_mention")], schema=False)
    b("anchor-wrong-actor", setp(["relations", 0, "source_mention"], "m2"), [("ref.anchor", "/relations/0/source_mention")],
      schema=False)
    b("plural-anchor-without-actor", setp(["relations", 2, "target_mention"], "m4"),
      [("ref.anchor", "/relations/2/target_mention")], schema=False)
    b("offset-out-of-range", setp(["mentions", 5, "end"], 10000), [("span.range", "/mentions/5/end")], schema=False)
    b("span-start-after-end", setp(["mentions", 1, "start"], 30), [("span.order", "/mentions/1")], schema=False)
    b("covered-text-mismatch", setp(["mentions", 1, "text"], "Bayramof"), [("span.text", "/mentions/1/text")], schema=False)

    def utf16_as_code_points(d):
        m = d["mentions"][5]
        m["utf16"] = [m["start"], m["end"]]
    b("utf16-mismatch", utf16_as_code_points, [("span.utf16", "/mentions/5/utf16")], schema=False)

    def offsets_as_utf16(d):  # a JS tool wrote UTF-16 offsets as start/end
        m = d["mentions"][5]
        m["start"], m["end"] = m["utf16"]
    b("offsets-in-utf16", offsets_as_utf16, [("span.text", "/mentions/5/text")], schema=False)
    b("enum-mention-kind", setp(["mentions", 0, "kind"], "NAMED"), [("enum.unknown", "/mentions/0/kind")])
    b("enum-status", setp(["actors", 0, "status"], "approved"), [("enum.unknown", "/actors/0/status")])
    b("enum-actor-type", setp(["actors", 4, "type"], "COUNTRY"), [("enum.unknown", "/actors/4/type")])
    b("enum-modality", setp(["relations", 0, "modality"], "likely"), [("enum.unknown", "/relations/0/modality")])
    b("enum-quad", setp(["relations", 0, "quad"], "COOPERATION"), [("enum.unknown", "/relations/0/quad")])
    b("enum-provenance", setp(["actors", 0, "provenance", "by"], "robot"), [("enum.unknown", "/actors/0/provenance/by")])
    b("plover-unknown", setp(["relations", 0, "type"], "MEET"), [("plover.type", "/relations/0/type")])
    b("plover-lowercase", setp(["relations", 0, "type"], "consult"), [("plover.type", "/relations/0/type")])
    b("cameo-malformed", setp(["relations", 0, "cameo"], "4a"), [("cameo.format", "/relations/0/cameo")])
    b("cameo-too-long", setp(["relations", 0, "cameo"], "04211"), [("cameo.format", "/relations/0/cameo")])
    b("cameo-one-digit", setp(["relations", 0, "cameo"], "4"), [("cameo.format", "/relations/0/cameo")])
    b("cameo-wrong-root", setp(["relations", 0, "cameo"], "112"), [("cameo.type", "/relations/0/cameo")])
    b("quad-mismatch", setp(["relations", 0, "quad"], "MATERIAL_CONFLICT"), [("quad.type", "/relations/0/quad")])
    b("plural-without-members", delp(["mentions", 3, "members"]), [("mention.no_actor", "/mentions/3/actor")])
    b("plural-empty-members", setp(["mentions", 3, "members"], []), [("mention.no_actor", "/mentions/3/actor")])
    b("actor-and-members", setp(["mentions", 3, "actor"], "a1"), [("mention.actor_and_members", "/mentions/3/members")])
    b("sentence-out-of-range", setp(["relations", 1, "sentence"], 5), [("sentence.range", "/relations/1/sentence")],
      schema=False)
    b("sentence-below-minus-one", setp(["relations", 1, "sentence"], -2), [("value.range", "/relations/1/sentence")])
    b("confidence-above-one", setp(["mentions", 0, "confidence"], 1.5), [("value.range", "/mentions/0/confidence")])
    b("confidence-huge", setp(["relations", 0, "confidence"], 1e308), [("value.range", "/relations/0/confidence")])

    # A NUL byte is no JSON whitespace or string character: inside the document and after it.
    b("nul-in-document", lambda d: dump(d).replace('"date":"2026', '"date":"2026\0', 1), [("json.syntax", "/meta/date")],
      schema=False)
    b("nul-after-document", lambda d: dump(d) + "\0{\"garbage\": true}\n", [("json.syntax", "")], schema=False)
    # Above 2^53 an offset is too large, not out of range; 2^64 - 1 is the largest 64-bit value.
    b("offset-above-2pow53", setp(["mentions", 0, "end"], 2 ** 53 + 1), [("number.too_large", "/mentions/0/end")])
    b("offset-2pow64-minus-1", setp(["tokens", 0, "end"], 2 ** 64 - 1), [("number.too_large", "/tokens/0/end")])

    def self_relation(d):
        d["relations"][0]["target"] = "a1"
        d["relations"][0]["target_mention"] = ""
    b("relation-self", self_relation, [("relation.self", "/relations/0/target")], schema=False)

    def many(d):
        d["actors"][0]["type"] = "NATION"
        d["mentions"][0]["actor"] = "a42"
        d["mentions"][1]["text"] = "Bayramof"
        d["relations"][0]["type"] = "MEET"
        d["relations"][2]["cameo"] = "040"
    b("multiple-errors", many, [("enum.unknown", "/actors/0/type"), ("ref.dangling", "/mentions/0/actor"),
                                ("span.text", "/mentions/1/text"), ("plover.type", "/relations/0/type"),
                                ("cameo.type", "/relations/2/cameo")])


def main():
    write("valid/full.json", dump(full_document()))
    pretty = json.dumps(full_document(), ensure_ascii=False, indent=2) + "\n"
    write("valid/full-pretty.json", pretty)
    write("valid/minimal.json", dump(minimal_document()))
    no_text_layer = full_document()
    no_text_layer["sentences"] = []
    no_text_layer["tokens"] = []
    for r in no_text_layer["relations"]:
        r["sentence"] = -1
    write("valid/no-sentences.json", dump(no_text_layer))
    make_broken()
    for old in os.listdir(os.path.join(HERE, "broken")):
        if old.endswith(".json"):
            os.remove(os.path.join(HERE, "broken", old))
    rows = ["# file\tcode\tpath\tschema\tjs"]
    for name, data, expected, schema, js in BROKEN:
        write("broken/" + name, data)
        for code, path in expected:
            rows.append("\t".join([name, code, path, "yes" if schema else "no", "yes" if js else "no"]))
    write("broken/expected.tsv", "\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
