// Small dyad/1 documents for the browser tests, built here so that offsets (code points and
// UTF-16) are computed, not typed by hand.

/// Code point offset of the `occurrence`-th `surface` in `text` (0-based), as {start, end, utf16}.
export function spanOf(text, surface, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; ++i) {
    at = text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`"${surface}" #${occurrence} not in text`);
  }
  const cp = (u) => Array.from(text.slice(0, u)).length;
  return { start: cp(at), end: cp(at + surface.length), utf16: [at, at + surface.length], text: surface };
}

const QUADS = {
  AGREE: 'VERBAL_COOPERATION', CONSULT: 'VERBAL_COOPERATION', SUPPORT: 'VERBAL_COOPERATION',
  CONCEDE: 'VERBAL_COOPERATION', COOPERATE: 'MATERIAL_COOPERATION', AID: 'MATERIAL_COOPERATION',
  RETREAT: 'MATERIAL_COOPERATION', REQUEST: 'VERBAL_CONFLICT', ACCUSE: 'VERBAL_CONFLICT',
  REJECT: 'VERBAL_CONFLICT', THREATEN: 'VERBAL_CONFLICT',
};

function provenance(status) {
  return status === 'suggested' ? { by: 'auto', rule: 'test:fixture' } : { by: 'user' };
}

/// A dyad/1 document: actors [{id, name, type, code}], mentions [{id, actor, surface, n?,
/// status?, confidence?}], relations [{id, source, target, sm, tm, type, cameo, trigger, status?,
/// confidence?}].
export function makeDocument(text, { title = '', actors = [], mentions = [], relations = [] }) {
  return {
    schema: 'dyad/1',
    text,
    meta: { title, url: '', date: '', annotator: '', notes: '' },
    sentences: [],
    tokens: [],
    actors: actors.map((a) => ({
      id: a.id, name: a.name, type: a.type, country: a.country ?? '', sector: a.sector ?? '',
      code: a.code ?? '', provenance: provenance(a.status ?? 'accepted'), status: a.status ?? 'accepted',
      confidence: a.confidence ?? 1,
    })),
    mentions: mentions.map((m) => {
      const s = spanOf(text, m.surface, m.n ?? 0);
      return {
        id: m.id, actor: m.actor, start: s.start, end: s.end, utf16: s.utf16, text: s.text,
        kind: m.kind ?? 'NAME', provenance: provenance(m.status ?? 'accepted'),
        status: m.status ?? 'accepted', confidence: m.confidence ?? 1,
      };
    }),
    relations: relations.map((r) => {
      const t = spanOf(text, r.trigger);
      return {
        id: r.id, source: r.source, target: r.target, source_mention: r.sm, target_mention: r.tm,
        type: r.type, cameo: r.cameo ?? '', quad: QUADS[r.type],
        trigger: { start: t.start, end: t.end, utf16: t.utf16, text: t.text }, sentence: -1,
        negated: false, modality: 'asserted', time: null, provenance: provenance(r.status ?? 'accepted'),
        status: r.status ?? 'accepted', confidence: r.confidence ?? 1,
      };
    }),
    diagnostics: [],
  };
}

export const CAUCASUS_TEXT =
  'Georgia and Armenia agreed on Tuesday to open a second crossing near Guguti. ' +
  'Kobakhidze hosted Pashinyan for talks in Tbilisi. ' +
  'Russia criticised the agreement, and Botchorishvili rejected the criticism.';

/// Six actors, six mentions (two accepted, four suggested), three relations (one accepted).
export function caucasusDocument() {
  return makeDocument(CAUCASUS_TEXT, {
    title: 'Georgia and Armenia agree on a second crossing',
    actors: [
      { id: 'a1', name: 'Georgia', type: 'STATE', country: 'GEO', code: 'GEO' },
      { id: 'a2', name: 'Armenia', type: 'STATE', country: 'ARM', code: 'ARM' },
      { id: 'a3', name: 'Irakli Kobakhidze', type: 'PERSON', country: 'GEO', sector: 'GOV', code: 'GEOGOV', status: 'suggested', confidence: 0.9 },
      { id: 'a4', name: 'Nikol Pashinyan', type: 'PERSON', country: 'ARM', sector: 'GOV', code: 'ARMGOV', status: 'suggested', confidence: 0.9 },
      { id: 'a5', name: 'Russia', type: 'STATE', country: 'RUS', code: 'RUS', status: 'suggested', confidence: 0.7 },
      { id: 'a6', name: 'Maka Botchorishvili', type: 'PERSON', country: 'GEO', sector: 'GOV', code: 'GEOGOV', status: 'suggested', confidence: 0.8 },
    ],
    mentions: [
      { id: 'm1', actor: 'a1', surface: 'Georgia' },
      { id: 'm2', actor: 'a2', surface: 'Armenia' },
      { id: 'm3', actor: 'a3', surface: 'Kobakhidze', status: 'suggested', confidence: 0.9 },
      { id: 'm4', actor: 'a4', surface: 'Pashinyan', status: 'suggested', confidence: 0.85 },
      { id: 'm5', actor: 'a5', surface: 'Russia', status: 'suggested', confidence: 0.7 },
      { id: 'm6', actor: 'a6', surface: 'Botchorishvili', status: 'suggested', confidence: 0.8 },
    ],
    relations: [
      { id: 'r1', source: 'a1', target: 'a2', sm: 'm1', tm: 'm2', type: 'AGREE', cameo: '030', trigger: 'agreed' },
      { id: 'r2', source: 'a3', target: 'a4', sm: 'm3', tm: 'm4', type: 'CONSULT', cameo: '040', trigger: 'hosted', status: 'suggested', confidence: 0.8 },
      { id: 'r3', source: 'a6', target: 'a5', sm: 'm6', tm: 'm5', type: 'REJECT', cameo: '120', trigger: 'rejected', status: 'suggested', confidence: 0.6 },
    ],
  });
}
