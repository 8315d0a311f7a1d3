//! Merge: any number of document extracts → one knowledge graph (petgraph `StableGraph`).
//! Deterministic and order-independent: the result depends on the set of extracts only.
use crate::document::DocMeta;
use crate::model::*;
use crate::time::TimeMention;
use petgraph::stable_graph::{NodeIndex, StableGraph};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    /// `entity` or `event`.
    pub kind: String,
    #[serde(rename = "type")]
    pub node_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aliases: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<TimeMention>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, Value>,
    /// The documents it comes from: the first [`MAX_DOCUMENTS`] ids in order; all of them are
    /// counted in `document_count`.
    pub documents: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_count: Option<usize>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub key: usize,
    #[serde(rename = "type")]
    pub edge_type: String,
    pub evidence: Vec<Evidence>,
}

pub struct KnowledgeGraph {
    pub graph: StableGraph<Node, Edge>,
    pub index: BTreeMap<String, NodeIndex>,
    pub documents: Vec<DocMeta>,
}

/// The evidence kept for one node or edge: the first ones by (document, offset). The count of
/// all mentions stays in `mentions`; capping keeps memory with the graph, not the corpus, and
/// keeping the smallest keys keeps the result independent of the order of documents.
pub const MAX_EVIDENCE: usize = 20;

/// The document ids listed on one node (the smallest; `document_count` counts them all): an
/// entity named in most articles of a large corpus must not carry every id into the graph.
pub const MAX_DOCUMENTS: usize = 100;

/// Sorts, dedups and caps a growing evidence list once it is half again the cap: on a large
/// corpus the evidence lists of events and edges are most of the merger's memory.
fn cap_evidence(ev: &mut Vec<Evidence>) {
    if ev.len() > MAX_EVIDENCE + MAX_EVIDENCE / 2 {
        sort_evidence(ev);
        ev.truncate(MAX_EVIDENCE);
    }
}

fn sort_evidence(ev: &mut Vec<Evidence>) {
    ev.sort();
    ev.dedup_by(|a, b| {
        a.doc == b.doc && a.field == b.field && a.start == b.start && a.end == b.end
    });
}

/// The evidence a node or edge gathers while the merger adds documents. Once it holds more than
/// [`MAX_EVIDENCE`] distinct items it is cut back to them, and the last of them bounds what can
/// still be kept: evidence that does not sort before it never reaches the graph (those 20 or
/// smaller ones come first), so it is neither copied into the pool nor sorted. An entity named
/// in every article of a corpus then costs a comparison per mention, not a copy. The result is
/// the same as keeping it all. The list is allocated to its length: most edges of a large
/// corpus hold one or two items, and the merger's memory is mostly these lists.
#[derive(Default)]
struct EvidenceList {
    items: Vec<Evidence>,
    bound: Option<Box<Evidence>>,
}

impl EvidenceList {
    fn extend<'a>(
        &mut self,
        pool: &mut Pool,
        doc: &SharedStr,
        new: impl IntoIterator<Item = &'a Evidence>,
    ) {
        for e in new {
            if self.bound.as_deref().is_none_or(|b| e < b) {
                if self.items.len() == self.items.capacity() {
                    self.items.reserve_exact(1);
                }
                self.items.push(pool.evidence(e, doc));
            }
        }
        if self.items.len() > MAX_EVIDENCE {
            sort_evidence(&mut self.items);
            self.items.truncate(MAX_EVIDENCE);
            self.items.shrink_to_fit();
            if self.items.len() == MAX_EVIDENCE {
                self.bound = self.items.last().cloned().map(Box::new);
            }
        }
    }
}

/// One shared copy of each evidence string the merger holds: the same sentence, mention and
/// document id come back in many extracts (and a corpus repeats sentences across documents), and
/// each is stored once however many nodes and edges cite it. Strings no longer cited are dropped
/// whenever the pool has doubled since the last sweep, so the pool follows the graph, not the
/// corpus. It changes no value, only where the bytes live.
#[derive(Default)]
struct Pool {
    // strings hashed with FxHash: the merger hashes every evidence string of every extract, and
    // its keys come from the program's own output, not from an adversary
    strings: rustc_hash::FxHashSet<SharedStr>,
    sweep_at: usize,
}

impl Pool {
    fn get(&mut self, s: &str) -> SharedStr {
        match self.strings.get(s) {
            Some(x) => x.clone(),
            None => {
                // a copy, not the extract's: what the merger keeps is allocated by the merging
                // thread, and the extract's memory is freed whole with it
                let x = SharedStr::from(s);
                self.strings.insert(x.clone());
                x
            }
        }
    }
    /// `e` with its strings shared; `doc` is the id of the document being merged, which its
    /// evidence names (and which the merger holds already).
    fn evidence(&mut self, e: &Evidence, doc: &SharedStr) -> Evidence {
        Evidence {
            doc: self.doc(&e.doc, doc),
            field: e.field,
            start: e.start,
            end: e.end,
            text: self.get(&e.text),
            sentence: self.get(&e.sentence),
            rule: self.get(&e.rule),
        }
    }
    fn doc(&mut self, id: &SharedStr, doc: &SharedStr) -> SharedStr {
        if id == doc { doc.clone() } else { self.get(id) }
    }
    /// Drops the strings only the pool holds, once it has doubled since the last sweep.
    fn sweep(&mut self) {
        if self.strings.len() < self.sweep_at {
            return;
        }
        self.strings.retain(|s| std::sync::Arc::strong_count(s) > 1);
        self.strings.shrink_to_fit();
        self.sweep_at = (self.strings.len() * 2).max(1 << 12);
    }
}

/// One document as the merger keeps it: its id (shared with the evidence that cites it) and
/// publication date inline, the rest of its metadata boxed only when it has any: a corpus of
/// bare JSON lines costs a few words per document.
struct DocEntry {
    id: SharedStr,
    published: Option<chrono::NaiveDate>,
    /// the other fields (`id` empty, `published` none)
    rest: Option<Box<DocMeta>>,
}

impl DocEntry {
    fn new(id: SharedStr, meta: &DocMeta) -> DocEntry {
        let rest = DocMeta {
            id: String::new(),
            published: None,
            ..meta.clone()
        };
        DocEntry {
            id,
            published: meta.published,
            rest: (rest != DocMeta::default()).then(|| Box::new(rest)),
        }
    }

    fn into_meta(self) -> DocMeta {
        let mut meta = self.rest.map_or_else(DocMeta::default, |r| *r);
        meta.id = self.id.to_string();
        meta.published = self.published;
        meta
    }
}

/// The numbers of the documents an entity or event comes from, in the order added, as
/// variable-length deltas: numbers are handed out in order, so a node named in most documents of
/// a corpus costs about a byte per document, not four (and no id string).
#[derive(Default)]
struct DocSet {
    bytes: Vec<u8>,
    last: Option<u32>,
}

impl DocSet {
    fn push(&mut self, n: u32) {
        if self.last == Some(n) {
            return;
        }
        // zigzag: any order is kept exactly, ascending numbers take a byte or two
        let delta = i64::from(n) - self.last.map_or(0, i64::from);
        let mut z = ((delta << 1) ^ (delta >> 63)) as u64;
        loop {
            let b = (z & 0x7f) as u8;
            z >>= 7;
            if z == 0 {
                self.bytes.push(b);
                break;
            }
            self.bytes.push(b | 0x80);
        }
        self.last = Some(n);
    }

    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let mut bytes = self.bytes.iter();
        let mut prev = 0i64;
        std::iter::from_fn(move || {
            let (mut z, mut shift) = (0u64, 0);
            loop {
                let b = *bytes.next()?;
                z |= u64::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
            }
            prev += ((z >> 1) as i64) ^ -((z & 1) as i64);
            Some(prev as u32)
        })
    }
}

/// Union-find over entity ids: two entities of one type that share a name or alias are one.
struct Aliases {
    parent: BTreeMap<String, String>,
}

impl Aliases {
    fn find(&mut self, id: &str) -> String {
        let mut cur = id.to_string();
        while let Some(p) = self.parent.get(&cur) {
            if *p == cur {
                break;
            }
            cur = p.clone();
        }
        cur
    }
    fn union(&mut self, a: &str, b: &str) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // the smaller id is the root: the result does not depend on the order of unions
            let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(child, root);
        }
    }
}

/// The roles that make a participant one of an event's key participants, for merging.
const KEY_PARTICIPANT_ROLES: &[&str] = &["agent", "target", "org", "person", "product"];

/// Two reports of one event in one document may date it a few days apart (the day it happened,
/// the day it was confirmed): same-type events that share a document and a key participant and
/// whose dates (each a day or a few) lie this close are one.
const NEAR_DAYS: i64 = 7;

/// Event types that happen once in an entity's life: every report of one is the same event,
/// and different dates for it are a conflict to show, not two events.
const ONCE: &[&str] = &["founding", "listing", "bankruptcy"];

#[derive(Default)]
struct EntityAcc {
    kind: Option<EntityType>,
    /// subtype → how many documents gave it
    subtypes: BTreeMap<String, usize>,
    surfaces: BTreeSet<String>,
    evidence: EvidenceList,
    /// mentions over all its documents
    mentions: usize,
    /// the numbers of its documents (see [`Merger::docs`])
    documents: DocSet,
}

struct EventAcc {
    kind: EventKind,
    key: String,
    date: Option<TimeMention>,
    name: String,
    rule: String,
    confidence: f32,
    attributes: BTreeMap<String, Value>,
    evidence: EvidenceList,
    /// document numbers (see [`Merger::docs`])
    documents: DocSet,
    /// the entities that take part as agent, target, org, person or product
    participants: BTreeSet<String>,
    /// where its name comes from: the earliest evidence wins, whatever the order of documents
    first: (SharedStr, usize),
}

/// Accumulates document extracts one at a time (memory grows with the graph, not with the
/// corpus) and builds the graph at the end. The result depends on the set of extracts only.
#[derive(Default)]
pub struct Merger {
    /// the documents by number, in the order first seen; ids are turned back into sorted
    /// strings at the end, so the numbering never shows in the result
    docs: Vec<DocEntry>,
    /// document id → its number in `docs`
    doc_numbers: rustc_hash::FxHashMap<SharedStr, u32>,
    pool: Pool,
    entities: BTreeMap<String, EntityAcc>,
    /// boxed: an accumulator is large, and a map's nodes are allocated for eleven of them
    events: BTreeMap<String, Box<EventAcc>>,
    /// (source, target, type): the ids shared with the pool, as the thousands of edges of one
    /// event name it and its participants many times over
    edges: BTreeMap<(SharedStr, SharedStr, SharedStr), EvidenceList>,
}

/// The key participant of an event, from its id `event:TYPE:DATE:KEY`.
fn event_key(ev: &ExtractedEvent) -> String {
    ev.participants
        .iter()
        .find(|p| {
            ev.id.ends_with(&format!(
                ":{}",
                p.entity.split_once(':').map_or("", |x| x.1)
            ))
        })
        .map(|p| p.entity.clone())
        .unwrap_or_default()
}

/// What a [`Merger`] holds, for the memory benchmarks (`examples/bench_merge`).
#[derive(Debug, Default)]
pub struct MergerStats {
    pub documents: usize,
    pub entities: usize,
    pub events: usize,
    pub edges: usize,
    /// evidence items over every entity, event and edge
    pub evidence: usize,
    /// distinct pooled strings and their bytes
    pub pooled: usize,
    pub pooled_bytes: usize,
    /// bytes allocated for the entities' and events' document numbers
    pub document_set_bytes: usize,
    /// documents with metadata beyond their id and date
    pub documents_with_metadata: usize,
}

impl Merger {
    pub fn new() -> Merger {
        Merger::default()
    }

    pub fn stats(&self) -> MergerStats {
        MergerStats {
            documents: self.docs.len(),
            entities: self.entities.len(),
            events: self.events.len(),
            edges: self.edges.len(),
            evidence: self
                .entities
                .values()
                .map(|e| e.evidence.items.len())
                .chain(self.events.values().map(|e| e.evidence.items.len()))
                .chain(self.edges.values().map(|e| e.items.len()))
                .sum(),
            pooled: self.pool.strings.len(),
            pooled_bytes: self.pool.strings.iter().map(|s| s.len()).sum(),
            document_set_bytes: self
                .entities
                .values()
                .map(|e| e.documents.bytes.capacity())
                .chain(self.events.values().map(|e| e.documents.bytes.capacity()))
                .sum(),
            documents_with_metadata: self.docs.iter().filter(|d| d.rest.is_some()).count(),
        }
    }

    /// How many distinct documents a list of document numbers holds, and the first
    /// [`MAX_DOCUMENTS`] of their ids in order.
    fn doc_names(&self, numbers: &mut Vec<u32>) -> (usize, Vec<String>) {
        numbers.sort_unstable();
        numbers.dedup();
        let mut names: Vec<&str> = numbers
            .iter()
            .map(|&n| &*self.docs[n as usize].id)
            .collect();
        if names.len() > MAX_DOCUMENTS {
            names.select_nth_unstable(MAX_DOCUMENTS);
            names.truncate(MAX_DOCUMENTS);
        }
        names.sort();
        (
            numbers.len(),
            names.into_iter().map(str::to_string).collect(),
        )
    }

    pub fn add(&mut self, x: &DocExtract) {
        let doc = &x.doc.id;
        // extract is a function of the document: a document merged twice (overlapping extract
        // files, a re-run) counts once
        if self.doc_numbers.contains_key(doc.as_str()) {
            return;
        }
        let dn = self.docs.len() as u32;
        let shared_doc = SharedStr::from(doc.as_str());
        self.doc_numbers.insert(shared_doc.clone(), dn);
        self.docs.push(DocEntry::new(shared_doc.clone(), &x.doc));
        let entity_index: rustc_hash::FxHashMap<&str, &ExtractedEntity> =
            x.entities.iter().map(|e| (e.id.as_str(), e)).collect();
        for e in &x.entities {
            // looked up before it is inserted: most ids are already there, and a key is a copy
            if !self.entities.contains_key(&e.id) {
                self.entities.insert(e.id.clone(), EntityAcc::default());
            }
            let Some(acc) = self.entities.get_mut(&e.id) else {
                continue;
            };
            acc.kind = Some(e.kind);
            if let Some(st) = &e.subtype {
                *acc.subtypes.entry(st.clone()).or_default() += 1;
            }
            acc.surfaces.insert(e.name.clone());
            acc.surfaces.extend(e.aliases.iter().cloned());
            acc.evidence
                .extend(&mut self.pool, &shared_doc, &e.mentions);
            acc.mentions += e.mentions.len();
            acc.documents.push(dn);
        }
        for ev in &x.events {
            let first = ev.evidence.first().map_or((shared_doc.clone(), 0), |e| {
                (self.pool.doc(&e.doc, &shared_doc), e.start)
            });
            let acc = self.events.entry(ev.id.clone()).or_insert_with(|| {
                Box::new(EventAcc {
                    kind: ev.kind,
                    key: event_key(ev),
                    date: ev.date.clone(),
                    name: ev.name.clone(),
                    rule: ev.rule.clone(),
                    confidence: ev.confidence,
                    attributes: BTreeMap::new(),
                    evidence: EvidenceList::default(),
                    documents: DocSet::default(),
                    participants: BTreeSet::new(),
                    first: first.clone(),
                })
            });
            if first < acc.first {
                acc.first = first;
                acc.name = ev.name.clone();
                acc.date = ev.date.clone();
                acc.rule = ev.rule.clone();
            }
            acc.confidence = acc.confidence.max(ev.confidence);
            for (k, v) in &ev.attributes {
                // the same key from two documents: the smaller value, so that order never matters
                match acc.attributes.get(k) {
                    Some(old)
                        if serde_json::to_string(old).ok() <= serde_json::to_string(v).ok() => {}
                    _ => {
                        acc.attributes.insert(k.clone(), v.clone());
                    }
                }
            }
            acc.evidence
                .extend(&mut self.pool, &shared_doc, &ev.evidence);
            acc.documents.push(dn);
            acc.participants.extend(
                ev.participants
                    .iter()
                    .filter(|p| KEY_PARTICIPANT_ROLES.contains(&p.role.as_str()))
                    .map(|p| p.entity.clone()),
            );
            // the sentences of the event as a set: a mention × evidence scan is quadratic on a
            // long document whose events repeat
            // (of the shared strings, whose equality tests the pointer first: the mentions of one
            // extract share their sentence with its events')
            let sentences: rustc_hash::FxHashSet<&SharedStr> =
                ev.evidence.iter().map(|x| &x.sentence).collect();
            for p in &ev.participants {
                // the participant's mentions in the event's sentences, else the event's own
                let mut evid: Vec<&Evidence> = entity_index
                    .get(p.entity.as_str())
                    .map(|e| {
                        e.mentions
                            .iter()
                            .filter(|m| sentences.contains(&m.sentence))
                            .collect()
                    })
                    .unwrap_or_default();
                if evid.is_empty() {
                    evid.extend(&ev.evidence);
                }
                let key = (
                    self.pool.get(&ev.id),
                    self.pool.get(&p.entity),
                    self.pool.get(&p.role),
                );
                let edge = self.edges.entry(key).or_default();
                edge.extend(&mut self.pool, &shared_doc, evid);
            }
        }
        for r in &x.relations {
            let key = (
                self.pool.get(&r.source),
                self.pool.get(&r.target),
                self.pool.get(&r.kind),
            );
            let edge = self.edges.entry(key).or_default();
            edge.extend(&mut self.pool, &shared_doc, &r.evidence);
        }
        self.pool.sweep();
    }

    /// Entity ids that name one entity: same type and a shared name or alias (compared with
    /// width and case folded).
    fn entity_canon(&self) -> BTreeMap<String, String> {
        let mut aliases = Aliases {
            parent: BTreeMap::new(),
        };
        let mut owner: BTreeMap<(EntityType, String), String> = BTreeMap::new();
        for (id, e) in &self.entities {
            aliases
                .parent
                .entry(id.clone())
                .or_insert_with(|| id.clone());
            let Some(kind) = e.kind else { continue };
            for s in &e.surfaces {
                let key = (kind, crate::entity::normalize_width(s).to_lowercase());
                match owner.get(&key) {
                    Some(other) => {
                        let other = other.clone();
                        aliases.union(&other, id);
                    }
                    None => {
                        owner.insert(key, id.clone());
                    }
                }
            }
        }
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for id in self.entities.keys() {
            groups.entry(aliases.find(id)).or_default().push(id.clone());
        }
        let mut canon = BTreeMap::new();
        for members in groups.values() {
            // the member with the most mentions names the group; ties go to the smaller id
            let count = |id: &String| self.entities[id].mentions;
            let best = members
                .iter()
                .max_by(|a, b| count(a).cmp(&count(b)).then(b.cmp(a)))
                .cloned()
                .unwrap_or_default();
            for m in members {
                canon.insert(m.clone(), best.clone());
            }
        }
        canon
    }

    /// Event ids that name one real-world event: same type and key participant, and dates that
    /// nest (one range inside the other); for once-in-a-life types, any dates. Returns the
    /// canonical id of each event and, per canonical id, the dates that disagree.
    fn event_canon(
        &self,
        canon_entity: &BTreeMap<String, String>,
    ) -> (BTreeMap<String, String>, BTreeMap<String, Vec<String>>) {
        let mut groups: BTreeMap<(EventKind, String), Vec<&String>> = BTreeMap::new();
        for (id, e) in &self.events {
            if e.key.is_empty() {
                continue;
            }
            let key = canon_entity
                .get(&e.key)
                .cloned()
                .unwrap_or_else(|| e.key.clone());
            groups.entry((e.kind, key)).or_default().push(id);
        }
        let range = |id: &String| self.events[id].date.as_ref().and_then(|d| d.from.zip(d.to));
        let mut canon = BTreeMap::new();
        let mut conflicts: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for ((kind, _), ids) in groups {
            // most specific first (ranged before rangeless): it names the merged event
            let mut ids: Vec<(Option<(chrono::NaiveDate, chrono::NaiveDate)>, &String)> =
                ids.into_iter().map(|id| (range(id), id)).collect();
            let span = |r: &Option<(chrono::NaiveDate, chrono::NaiveDate)>| {
                r.map_or(i64::MAX, |(f, t)| (t - f).num_days())
            };
            ids.sort_by(|a, b| span(&a.0).cmp(&span(&b.0)).then(a.1.cmp(b.1)));
            let once = ONCE.contains(&kind.as_str());
            // the heads so far, in order, and by first day: a head never spans more than a
            // later event, so the two nest exactly when the head lies inside the event's range;
            // the earliest such head takes it (a scan of every head was quadratic in a group of
            // thousands of events, as a paragraph dated relative to each of its documents gives)
            let mut heads: Vec<(Option<(chrono::NaiveDate, chrono::NaiveDate)>, &String)> =
                Vec::new();
            let mut by_from: BTreeMap<chrono::NaiveDate, Vec<usize>> = BTreeMap::new();
            let mut rangeless: Option<usize> = None;
            for (r, id) in ids {
                let head = if once {
                    (!heads.is_empty()).then_some(0)
                } else {
                    match r {
                        Some((f, t)) => by_from
                            .range(f..=t)
                            .flat_map(|(_, hs)| hs.iter().copied())
                            .filter(|&h| heads[h].0.is_some_and(|(_, ht)| ht <= t))
                            .min(),
                        None => rangeless,
                    }
                };
                match head {
                    Some(h) => {
                        let (hr, hid) = heads[h];
                        canon.insert(id.clone(), hid.clone());
                        let nests = match (hr, r) {
                            (Some((hf, ht)), Some((f, t))) => {
                                (hf <= f && t <= ht) || (f <= hf && ht <= t)
                            }
                            (None, None) => true,
                            _ => false,
                        };
                        if !nests && let Some(d) = &self.events[id].date {
                            conflicts
                                .entry(hid.clone())
                                .or_default()
                                .push(d.value.clone());
                        }
                    }
                    None => {
                        match r {
                            Some((f, _)) => by_from.entry(f).or_default().push(heads.len()),
                            None => rangeless = rangeless.or(Some(heads.len())),
                        }
                        heads.push((r, id));
                        canon.insert(id.clone(), id.clone());
                    }
                }
            }
        }
        self.merge_near(canon_entity, &mut canon, &mut conflicts);
        for c in conflicts.values_mut() {
            c.sort();
            c.dedup();
        }
        (canon, conflicts)
    }

    /// Joins the merged events of one type that share a document and a key participant (the key
    /// of one takes part in the other) and whose dates are at most [`NEAR_DAYS`] apart. The
    /// most specific date (then the smaller id) names the result, whatever the order of input.
    /// Only heads that share a document are compared: the work is that of the documents' own
    /// events, not of every pair in the corpus.
    fn merge_near(
        &self,
        canon_entity: &BTreeMap<String, String>,
        canon: &mut BTreeMap<String, String>,
        conflicts: &mut BTreeMap<String, Vec<String>>,
    ) {
        let ce = |id: &String| canon_entity.get(id).unwrap_or(id).clone();
        // per head: its dates, documents, key and participants (of all its members)
        struct Head {
            kind: EventKind,
            from: chrono::NaiveDate,
            to: chrono::NaiveDate,
            documents: BTreeSet<u32>,
            key: String,
            participants: BTreeSet<String>,
        }
        let mut heads: BTreeMap<String, Head> = BTreeMap::new();
        for (id, head) in canon.iter() {
            let e = &self.events[id];
            let h = &self.events[head];
            // only day-like dates: two years or months side by side are two events
            let Some((from, to)) = h
                .date
                .as_ref()
                .and_then(|d| d.from.zip(d.to))
                .filter(|(f, t)| (*t - *f).num_days() < NEAR_DAYS)
            else {
                continue;
            };
            let entry = heads.entry(head.clone()).or_insert_with(|| Head {
                kind: h.kind,
                from,
                to,
                documents: BTreeSet::new(),
                key: ce(&h.key),
                participants: BTreeSet::new(),
            });
            entry.documents.extend(e.documents.iter());
            entry.participants.extend(e.participants.iter().map(&ce));
        }
        // most specific first, then the smaller id: the order in which heads absorb others
        let ids: Vec<&String> = {
            let mut v: Vec<&String> = heads.keys().collect();
            let span = |id: &String| (heads[id].to - heads[id].from).num_days();
            v.sort_by(|a, b| span(a).cmp(&span(b)).then(a.cmp(b)));
            v
        };
        let mut by_doc: std::collections::HashMap<u32, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            for &d in &heads[*id].documents {
                by_doc.entry(d).or_default().push(i);
            }
        }
        let mut joined: BTreeMap<String, String> = BTreeMap::new();
        for (i, a) in ids.iter().enumerate() {
            if joined.contains_key(*a) {
                continue;
            }
            let ha = &heads[*a];
            let mut later: Vec<usize> = ha
                .documents
                .iter()
                .flat_map(|d| by_doc[d].iter().copied())
                .filter(|&j| j > i)
                .collect();
            later.sort_unstable();
            later.dedup();
            for j in later {
                let b = ids[j];
                if joined.contains_key(b) {
                    continue;
                }
                let hb = &heads[b];
                let apart = if hb.from > ha.to {
                    (hb.from - ha.to).num_days()
                } else if ha.from > hb.to {
                    (ha.from - hb.to).num_days()
                } else {
                    0
                };
                if ha.kind == hb.kind
                    && apart <= NEAR_DAYS
                    && (ha.participants.contains(&hb.key) || hb.participants.contains(&ha.key))
                    && !ha.key.is_empty()
                    && !hb.key.is_empty()
                {
                    joined.insert(b.clone(), (*a).clone());
                    if let Some(d) = &self.events[b].date {
                        conflicts
                            .entry((*a).clone())
                            .or_default()
                            .push(d.value.clone());
                    }
                    if let Some(c) = conflicts.remove(b) {
                        conflicts.entry((*a).clone()).or_default().extend(c);
                    }
                }
            }
        }
        for head in canon.values_mut() {
            if let Some(to) = joined.get(head) {
                *head = to.clone();
            }
        }
    }

    pub fn finish(mut self) -> KnowledgeGraph {
        // what only adding needs
        drop(std::mem::take(&mut self.doc_numbers));
        drop(std::mem::take(&mut self.pool));
        let canon_entity = self.entity_canon();
        let (canon_event, conflicts) = self.event_canon(&canon_entity);
        let ce = |id: &str| {
            canon_entity
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.to_string())
        };
        let cv = |id: &str| {
            canon_event
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.to_string())
        };

        // the accumulators are consumed as the nodes are built: the peak is one copy of the
        // graph, not two. Document numbers are collected per node and named at the end.
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        let mut node_docs: BTreeMap<String, Vec<DocSet>> = BTreeMap::new();
        for (id, e) in std::mem::take(&mut self.entities) {
            let cid = ce(&id);
            let node = nodes.entry(cid.clone()).or_insert_with(|| Node {
                id: cid.clone(),
                kind: "entity".into(),
                node_type: e.kind.map_or("organization", |k| k.as_str()).into(),
                subtype: None,
                name: cid
                    .split_once(':')
                    .map_or(cid.clone(), |(_, n)| n.to_string()),
                aliases: Some(Vec::new()),
                mentions: Some(0),
                date: None,
                confidence: None,
                rule: None,
                attributes: BTreeMap::new(),
                documents: Vec::new(),
                document_count: None,
                evidence: Vec::new(),
            });
            node.aliases.get_or_insert_with(Vec::new).extend(e.surfaces);
            if node.evidence.is_empty() {
                node.evidence = e.evidence.items;
            } else {
                node.evidence.extend(e.evidence.items);
                cap_evidence(&mut node.evidence);
            }
            *node.mentions.get_or_insert(0) += e.mentions;
            node_docs.entry(cid).or_default().push(e.documents);
            // the subtype most documents gave (ties: the smaller name)
            if let Some((st, _)) = e
                .subtypes
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                && node.subtype.as_ref().is_none_or(|cur| cur > st)
            {
                node.subtype = Some(st.clone());
            }
        }
        // event nodes take their name, date, rule and attributes from the head of their group
        // (moved: the members only fill what the head lacks)
        for (id, head) in self.events.iter_mut() {
            if cv(id) != *id {
                continue;
            }
            nodes.insert(
                id.clone(),
                Node {
                    id: id.clone(),
                    kind: "event".into(),
                    node_type: head.kind.as_str().into(),
                    subtype: None,
                    name: std::mem::take(&mut head.name),
                    aliases: None,
                    mentions: None,
                    date: head.date.take(),
                    confidence: Some(head.confidence),
                    rule: Some(std::mem::take(&mut head.rule)),
                    attributes: std::mem::take(&mut head.attributes),
                    documents: Vec::new(),
                    document_count: None,
                    evidence: Vec::new(),
                },
            );
        }
        for (id, e) in std::mem::take(&mut self.events) {
            let e = *e;
            let cid = cv(&id);
            let Some(node) = nodes.get_mut(&cid) else {
                continue;
            };
            node.confidence = Some(node.confidence.unwrap_or(0.0).max(e.confidence));
            for (k, v) in e.attributes {
                node.attributes.entry(k).or_insert(v);
            }
            if node.evidence.is_empty() {
                node.evidence = e.evidence.items;
            } else {
                node.evidence.extend(e.evidence.items);
                cap_evidence(&mut node.evidence);
            }
            node_docs.entry(cid).or_default().push(e.documents);
        }
        for (id, sets) in node_docs {
            if let Some(n) = nodes.get_mut(&id) {
                // one node's numbers at a time: the lists of the whole graph are never decoded
                let mut numbers: Vec<u32> = sets.iter().flat_map(DocSet::iter).collect();
                drop(sets);
                let (count, names) = self.doc_names(&mut numbers);
                n.documents = names;
                n.document_count = Some(count);
            }
        }
        for (id, dates) in conflicts {
            if let Some(n) = nodes.get_mut(&id) {
                n.attributes
                    .insert("conflicting_dates".into(), Value::from(dates));
            }
        }
        for n in nodes.values_mut() {
            sort_evidence(&mut n.evidence);
            n.evidence.truncate(MAX_EVIDENCE);
            if let Some(al) = n.aliases.as_mut() {
                al.sort();
                al.dedup();
                al.retain(|a| *a != n.name);
            }
        }
        // the edges under their merged ends: the ids shared (an event merged from thousands
        // of documents' accumulators names thousands of edges), and each list capped as it
        // grows, as the nodes' are
        let mut ids = Pool::default();
        let mut edges: BTreeMap<(SharedStr, SharedStr, SharedStr), Vec<Evidence>> = BTreeMap::new();
        for ((s, t, kind), ev) in self.edges {
            let s = if s.starts_with("event:") {
                cv(&s)
            } else {
                ce(&s)
            };
            let edge = edges
                .entry((ids.get(&s), ids.get(&ce(&t)), kind))
                .or_default();
            if edge.is_empty() {
                *edge = ev.items;
            } else {
                edge.extend(ev.items);
                cap_evidence(edge);
            }
        }
        drop(ids);

        // allocated once: grown by doubling, the node and edge vectors were briefly twice the
        // graph
        let mut graph = StableGraph::with_capacity(nodes.len(), edges.len());
        let mut index = BTreeMap::new();
        let mut ordered: Vec<Node> = nodes.into_values().collect();
        ordered.sort_by(|a, b| {
            (a.kind != "entity")
                .cmp(&(b.kind != "entity"))
                .then_with(|| date_key(a).cmp(&date_key(b)))
                .then_with(|| a.id.cmp(&b.id))
        });
        for n in ordered {
            let id = n.id.clone();
            let ix = graph.add_node(n);
            index.insert(id, ix);
        }
        // the edges come sorted by (source, target, type): the key of a parallel edge counts
        // those before it with the same ends
        let mut last: Option<(SharedStr, SharedStr)> = None;
        let mut key = 0;
        for ((s, t, kind), mut evidence) in edges {
            let (Some(&si), Some(&ti)) = (index.get(&*s), index.get(&*t)) else {
                continue;
            };
            if s == t {
                continue;
            }
            sort_evidence(&mut evidence);
            evidence.truncate(MAX_EVIDENCE);
            if last.as_ref().is_some_and(|(ls, lt)| *ls == s && *lt == t) {
                key += 1;
            } else {
                key = 0;
                last = Some((s.clone(), t.clone()));
            }
            graph.add_edge(
                si,
                ti,
                Edge {
                    source: s.to_string(),
                    target: t.to_string(),
                    key,
                    edge_type: kind.to_string(),
                    evidence,
                },
            );
        }
        let mut docs = self.docs;
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        let documents = docs.into_iter().map(DocEntry::into_meta).collect();
        KnowledgeGraph {
            graph,
            index,
            documents,
        }
    }
}

/// Builds the graph from extracts (see [`Merger`]).
pub fn merge(extracts: &[DocExtract]) -> KnowledgeGraph {
    let mut m = Merger::new();
    for x in extracts {
        m.add(x);
    }
    m.finish()
}

/// Sort key of an event: the first day it covers (undated last).
pub fn date_key(n: &Node) -> (bool, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    match n.date.as_ref().and_then(|d| d.from) {
        Some(from) => (false, Some(from), n.date.as_ref().and_then(|d| d.to)),
        None => (true, None, None),
    }
}

impl KnowledgeGraph {
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_indices().map(move |i| &self.graph[i])
    }
    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.graph.edge_indices().map(move |i| &self.graph[i])
    }
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.graph[i])
    }
    /// Outgoing edges of a node.
    pub fn edges_from(&self, id: &str) -> Vec<&Edge> {
        // the node's own adjacency, not a scan of every edge (the timeline asks per event)
        let Some(&ix) = self.index.get(id) else {
            return Vec::new();
        };
        let mut v: Vec<&Edge> = self
            .graph
            .edges_directed(ix, petgraph::Direction::Outgoing)
            .map(|e| e.weight())
            .collect();
        v.sort_by(|a, b| (&a.target, &a.edge_type).cmp(&(&b.target, &b.edge_type)));
        v
    }
    /// Edge set from the node-link JSON (graph.json), for commands that read outputs back.
    pub fn from_json(v: &GraphJson) -> KnowledgeGraph {
        let mut graph = StableGraph::with_capacity(v.nodes.len(), v.edges.len());
        let mut index = BTreeMap::new();
        for n in &v.nodes {
            let ix = graph.add_node(n.clone());
            index.insert(n.id.clone(), ix);
        }
        for e in &v.edges {
            if let (Some(&s), Some(&t)) = (index.get(&e.source), index.get(&e.target)) {
                graph.add_edge(s, t, e.clone());
            }
        }
        KnowledgeGraph {
            graph,
            index,
            documents: v.graph.documents.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphMeta {
    pub schema: String,
    pub generator: String,
    pub documents: Vec<DocMeta>,
}

/// graph.json: node-link, as `networkx.node_link_graph(data, edges="edges")` reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphJson {
    pub directed: bool,
    pub multigraph: bool,
    pub graph: GraphMeta,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A seeded xorshift: `next(n)` draws from 0..n, the same sequence on every run.
    fn xorshift(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        }
    }

    #[test]
    fn doc_set_gives_back_what_was_pushed() {
        let pushed = [0u32, 1, 1, 2, 130, 129, 5, 70_000, u32::MAX, 0, u32::MAX];
        let mut set = DocSet::default();
        for n in pushed {
            set.push(n);
        }
        let got: Vec<u32> = set.iter().collect();
        // a repeat of the last number is dropped; anything else comes back in order
        assert_eq!(got, [0, 1, 2, 130, 129, 5, 70_000, u32::MAX, 0, u32::MAX]);
        // ascending numbers close together take a byte each
        let mut dense = DocSet::default();
        (1000..2000).for_each(|n| dense.push(n));
        assert!(dense.bytes.len() < 1010, "{}", dense.bytes.len());
    }

    #[test]
    fn event_groups_are_those_of_scanning_every_head() {
        // events of one type and participant with ranges drawn from a few weeks (so that equal,
        // nested and overlapping ranges are common) and a few undated: the indexed grouping
        // must give what the definition gives, a scan of the heads in order for one that nests
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let day0 = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        for kind in [EventKind::Funding, EventKind::Founding] {
            for _ in 0..200 {
                let mut m = Merger::new();
                for i in 0..1 + next(40) {
                    let date = (next(6) > 0).then(|| {
                        let from = day0 + chrono::Days::new(next(30));
                        let to = from + chrono::Days::new(next(3) * next(10));
                        TimeMention {
                            text: String::new(),
                            start: 0,
                            end: 0,
                            kind: crate::time::TimeType::Date,
                            value: format!("{from}/{to}"),
                            grain: crate::time::Grain::Day,
                            modifier: None,
                            from: Some(from),
                            to: Some(to),
                            anchor: crate::time::Anchor::Absolute,
                        }
                    });
                    m.events.insert(
                        format!("event:{i:03}"),
                        Box::new(EventAcc {
                            kind,
                            key: "org:甲".into(),
                            date,
                            name: String::new(),
                            rule: String::new(),
                            confidence: 1.0,
                            attributes: BTreeMap::new(),
                            evidence: EvidenceList::default(),
                            documents: DocSet::default(),
                            participants: BTreeSet::new(),
                            first: ("d".into(), 0),
                        }),
                    );
                }
                let range = |id: &String| m.events[id].date.as_ref().and_then(|d| d.from.zip(d.to));
                let nests = |a: &String, b: &String| match (range(a), range(b)) {
                    (Some((af, at)), Some((bf, bt))) => {
                        (af <= bf && bt <= at) || (bf <= af && at <= bt)
                    }
                    (None, None) => true,
                    _ => false,
                };
                let span = |id: &String| range(id).map_or(i64::MAX, |(f, t)| (t - f).num_days());
                let mut ids: Vec<&String> = m.events.keys().collect();
                ids.sort_by(|a, b| span(a).cmp(&span(b)).then(a.cmp(b)));
                let mut want = BTreeMap::new();
                let mut want_conflicts: BTreeMap<String, Vec<String>> = BTreeMap::new();
                let mut heads: Vec<&String> = Vec::new();
                for id in ids {
                    let head = if kind == EventKind::Founding {
                        heads.first().copied()
                    } else {
                        heads.iter().copied().find(|h| nests(h, id))
                    };
                    match head {
                        Some(h) => {
                            want.insert(id.clone(), h.clone());
                            if !nests(h, id)
                                && let Some(d) = &m.events[id].date
                            {
                                want_conflicts
                                    .entry(h.clone())
                                    .or_default()
                                    .push(d.value.clone());
                            }
                        }
                        None => {
                            heads.push(id);
                            want.insert(id.clone(), id.clone());
                        }
                    }
                }
                for c in want_conflicts.values_mut() {
                    c.sort();
                    c.dedup();
                }
                let (canon, conflicts) = m.event_canon(&BTreeMap::new());
                assert_eq!(canon, want);
                assert_eq!(conflicts, want_conflicts);
            }
        }
    }

    #[test]
    fn evidence_list_keeps_what_keeping_everything_keeps() {
        // documents, offsets and texts drawn from small ranges, so that equal spans and spans
        // that sort around the bound are common
        let mut draw = xorshift(0x2545_f491_4f6c_dd1d);
        let mut next = |n: u64| draw(n) as usize;
        for _ in 0..300 {
            let mut list = EvidenceList::default();
            let mut pool = Pool::default();
            let mut all = Vec::new();
            for _ in 0..1 + next(12) {
                let doc: SharedStr = format!("d{}", next(6)).into();
                let batch: Vec<Evidence> = (0..next(15))
                    .map(|_| {
                        let start = next(30);
                        Evidence {
                            doc: doc.clone(),
                            field: if next(4) == 0 {
                                TextField::Title
                            } else {
                                TextField::Text
                            },
                            start,
                            end: start + 1 + next(2),
                            text: format!("t{}", next(3)).into(),
                            sentence: "s".into(),
                            rule: "".into(),
                        }
                    })
                    .collect();
                list.extend(&mut pool, &doc, &batch);
                all.extend(batch);
            }
            let mut kept = list.items;
            sort_evidence(&mut kept);
            kept.truncate(MAX_EVIDENCE);
            sort_evidence(&mut all);
            all.truncate(MAX_EVIDENCE);
            assert_eq!(kept, all);
        }
    }
}
