//! The stages in order: load/clean → sentences → time → entities → events/relations, giving one
//! [`DocExtract`] per document. `extract` is a pure function of the document and the data.
use crate::Result;
use crate::document::Document;
use crate::document::clean::{CleanRules, Given, prepare};
use crate::entity::{EntityLayer, EntityStage, Lexicon};
use crate::event::{EventLayer, EventRules, EventStage};
use crate::model::*;
use crate::time::{Anchor, Grain, TimeMention, TimeTagger};
use crate::words::Words;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A folder whose files (same names as under `data/`) replace the embedded ones.
    pub data_dir: Option<PathBuf>,
    /// Extra lexicon files (the columns of `data/lexicon/*.tsv`); their entries win.
    pub user_lexicons: Vec<PathBuf>,
}

pub struct Pipeline {
    pub clean: CleanRules,
    pub lexicon: Lexicon,
    pub events: EventRules,
    pub time: TimeTagger,
    pub words: Words,
}

/// Everything the stages found in one document, in cleaned-text offsets.
pub struct Analysis {
    pub doc: Document,
    pub times: Vec<TimeMention>,
    pub entities: EntityLayer,
    pub events: EventLayer,
}

impl Pipeline {
    pub fn new(opts: &Options) -> Result<Pipeline> {
        let lexicon = Lexicon::load(opts.data_dir.as_deref(), &opts.user_lexicons)?;
        let mut words = Words::embedded();
        // known names are words: segmentation must not split them (user entries first)
        for e in &lexicon.entries {
            let tag = match e.kind {
                EntityType::Person => "nr",
                EntityType::Place => "ns",
                EntityType::Organization => "nt",
                _ => "nz",
            };
            for s in std::iter::once(&e.name).chain(e.aliases.iter()) {
                if s.chars().count() >= 2 && !s.is_ascii() && (e.user || !words.has_word(s)) {
                    words.add_word(s, if e.user { 100_000 } else { 2_000 }, tag);
                }
            }
        }
        let time = match &opts.data_dir {
            Some(d) if d.join("time").is_dir() => TimeTagger::from_dir(&d.join("time"))?,
            _ => TimeTagger::new(),
        };
        Ok(Pipeline {
            clean: CleanRules::load(opts.data_dir.as_deref())?,
            events: EventRules::load(opts.data_dir.as_deref())?,
            lexicon,
            time,
            words,
        })
    }

    pub fn prepare(&self, raw: &str, given: &Given) -> Result<Document> {
        prepare(raw, given, &self.clean)
    }

    /// The reference date for relative times and how precisely it is known: the publication
    /// date, else the latest fully written date in the text (so that output never depends on
    /// the day it runs). A period whose results the text reports (2012年度纯利,
    /// fiscal_periods.tsv) has ended when the text is written: it makes the text of the year
    /// after it at least, known to the year (4月2日 is then of that year).
    fn reference(&self, doc: &Document) -> (NaiveDate, Grain) {
        if let Some(d) = doc.meta.published {
            return (d, Grain::Second);
        }
        let fallback = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
        let reported = |t: &TimeMention| {
            let after = doc.slice(t.end.min(doc.chars.len()), doc.chars.len());
            self.events
                .fiscal_periods
                .iter()
                .any(|w| after.starts_with(w.as_str()))
        };
        self.time
            .tag(&doc.text, fallback)
            .iter()
            .filter(|t| t.anchor == Anchor::Absolute && t.is_dated())
            .filter_map(|t| {
                let to = t.to?;
                Some(if reported(t) {
                    let next = to.succ_opt().unwrap_or(to);
                    (
                        NaiveDate::from_ymd_opt(next.year(), 1, 1).unwrap_or(next),
                        Grain::Year,
                    )
                } else {
                    (to, Grain::Second)
                })
            })
            .max_by_key(|&(d, g)| (d, g == Grain::Year))
            .unwrap_or((fallback, Grain::Second))
    }

    pub fn analyze(&self, doc: Document) -> Analysis {
        let (reference, precision) = self.reference(&doc);
        let mut times = self.time.tag_ref(
            &doc.text,
            reference.and_time(chrono::NaiveTime::MIN),
            precision,
        );
        // a date in the given title has no offsets in the text to point to; the title's
        // events take the date of the body's report of them (see `to_extract`)
        times.retain(|t| !doc.in_title(t.start));
        let entities = EntityStage {
            lexicon: &self.lexicon,
            words: &self.words,
        }
        .run(&doc);
        let events = EventStage {
            rules: &self.events,
            lexicon: &self.lexicon,
            words: &self.words,
        }
        .run(&doc, &entities, &times);
        Analysis {
            doc,
            times,
            entities,
            events,
        }
    }

    pub fn extract(&self, raw: &str, given: &Given) -> Result<DocExtract> {
        let doc = self.prepare(raw, given)?;
        Ok(to_extract(&self.analyze(doc), raw))
    }
}

/// Makes the evidence of one document's extract. Its strings are shared: every evidence names
/// the same document, and the mentions of one sentence its sentence, so each is allocated once
/// (and the merger, comparing shared strings, finds them equal by their pointer).
struct EvidenceMaker<'a> {
    doc: &'a Document,
    raw: Vec<char>,
    /// The given title, for spans in it (see [`Document::title_len`]).
    title: Vec<char>,
    id: SharedStr,
    sentences: Vec<Option<SharedStr>>,
    rules: rustc_hash::FxHashMap<&'a str, SharedStr>,
}

impl<'a> EvidenceMaker<'a> {
    fn new(doc: &'a Document, raw: &str) -> EvidenceMaker<'a> {
        EvidenceMaker {
            doc,
            raw: raw.chars().collect(),
            title: match doc.title_len {
                0 => Vec::new(),
                _ => doc.meta.title.as_deref().unwrap_or("").chars().collect(),
            },
            id: doc.meta.id.as_str().into(),
            sentences: vec![None; doc.sentences.len()],
            rules: Default::default(),
        }
    }

    /// Evidence for a cleaned span: offsets and text in the text as given, the cleaned sentence.
    fn make(&mut self, start: usize, end: usize, rule: &'a str) -> Evidence {
        let doc = self.doc;
        let (rs, re) = doc.raw_span(start, end);
        let (field, given) = if doc.in_title(start) {
            (TextField::Title, &self.title)
        } else {
            (TextField::Text, &self.raw)
        };
        let sentence = match doc.sentence_index(start) {
            Some(i) => self.sentences[i]
                .get_or_insert_with(|| doc.sentence_text(i).into())
                .clone(),
            None => "".into(),
        };
        Evidence {
            doc: self.id.clone(),
            field,
            start: rs,
            end: re,
            text: given.get(rs..re).map_or_else(
                || doc.slice(start, end).into(),
                |c| c.iter().collect::<String>().into(),
            ),
            sentence,
            rule: self
                .rules
                .entry(rule)
                .or_insert_with(|| rule.into())
                .clone(),
        }
    }
}

fn raw_time(doc: &Document, t: &TimeMention) -> TimeMention {
    let mut t = t.clone();
    let (s, e) = doc.raw_span(t.start, t.end);
    t.start = s;
    t.end = e;
    t
}

/// The key participant that names an event for its id: what the event is about.
const KEY_ROLES: &[&str] = &[
    "org", "target", "product", "agent", "person", "investor", "media", "partner", "place", "work",
];

/// Builds the serializable extract: offsets mapped to the text as given, ids made stable, one
/// event per (type, date, key participant) with every evidence.
pub fn to_extract(a: &Analysis, raw: &str) -> DocExtract {
    let doc = &a.doc;
    let mut evidence = EvidenceMaker::new(doc, raw);
    let ents = &a.entities;
    let mut entities: Vec<ExtractedEntity> = ents
        .entities
        .iter()
        .map(|e| ExtractedEntity {
            id: e.id(),
            kind: e.kind,
            subtype: e.subtype.clone(),
            name: e.name.clone(),
            aliases: e.aliases.iter().cloned().collect(),
            mentions: Vec::new(),
        })
        .collect();
    for m in &ents.mentions {
        entities[m.entity]
            .mentions
            .push(evidence.make(m.start, m.end, m.rule));
    }
    let ids: Vec<String> = entities.iter().map(|e| e.id.clone()).collect();
    let mut relations: Vec<ExtractedRelation> = a
        .events
        .relations
        .iter()
        .map(|r| ExtractedRelation {
            source: ids[r.source].clone(),
            target: ids[r.target].clone(),
            kind: r.kind.clone(),
            evidence: vec![evidence.make(r.span.0, r.span.1, &r.rule)],
        })
        .collect();
    // the article itself and its byline
    let mut extra_entities = Vec::new();
    if let Some(title) = doc.meta.title.as_deref()
        && let Some(byte) = raw.find(title)
    {
        let start = raw[..byte].chars().count();
        let work = ExtractedEntity {
            id: format!("work:{title}"),
            kind: EntityType::Work,
            subtype: Some("article".into()),
            name: title.to_string(),
            aliases: vec![],
            mentions: vec![Evidence {
                doc: evidence.id.clone(),
                field: TextField::Text,
                start,
                end: start + title.chars().count(),
                text: title.into(),
                sentence: title.into(),
                rule: "title".into(),
            }],
        };
        for b in &doc.meta.bylines {
            let ev = Evidence {
                doc: evidence.id.clone(),
                field: TextField::Text,
                start: b.start,
                end: b.end,
                text: b.name.as_str().into(),
                sentence: b.line.as_str().into(),
                rule: format!("byline:{}", b.role).into(),
            };
            let pid = format!("person:{}", b.name);
            extra_entities.push(ExtractedEntity {
                id: pid.clone(),
                kind: EntityType::Person,
                subtype: Some("journalist".into()),
                name: b.name.clone(),
                aliases: vec![],
                mentions: vec![ev.clone()],
            });
            relations.push(ExtractedRelation {
                source: pid,
                target: work.id.clone(),
                kind: format!("{}_of", b.role),
                evidence: vec![ev],
            });
        }
        extra_entities.push(work);
    }
    for e in extra_entities {
        match entities.iter_mut().find(|x| x.id == e.id) {
            Some(x) => {
                // the entity stage reads the byline too: its mention there takes the byline's rule
                for m in e.mentions {
                    match x
                        .mentions
                        .iter_mut()
                        .find(|y| y.field == m.field && y.start == m.start && y.end == m.end)
                    {
                        Some(y) => y.rule = m.rule,
                        None => x.mentions.push(m),
                    }
                }
                if x.subtype.is_none() {
                    x.subtype = e.subtype;
                }
            }
            None => entities.push(e),
        }
    }
    // events, one per (type, date, key participant)
    let mut events: BTreeMap<String, ExtractedEvent> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for ev in &a.events.events {
        // a move of people is keyed by the person: two people named to two posts of one
        // company on one day are two events
        let person_first = matches!(
            ev.kind,
            EventKind::Join | EventKind::Departure | EventKind::Appointment
        );
        let key = person_first
            .then(|| ev.participants.iter().find(|p| p.role == "person"))
            .flatten()
            .or_else(|| {
                KEY_ROLES
                    .iter()
                    .find_map(|r| ev.participants.iter().find(|p| p.role == *r))
            })
            .map(|p| ents.entities[p.entity].name.clone())
            .unwrap_or_default();
        let date_key = ev
            .date
            .as_ref()
            .map_or("undated".to_string(), |d| d.value.clone());
        let id = format!("event:{}:{}:{}", ev.kind.as_str(), date_key, key);
        let evid = evidence.make(ev.name_span.0, ev.name_span.1, &ev.rule);
        let participants: Vec<Participant> = ev
            .participants
            .iter()
            .map(|p| Participant {
                entity: ids[p.entity].clone(),
                role: p.role.clone(),
            })
            .collect();
        match events.get_mut(&id) {
            Some(x) => {
                if !x
                    .evidence
                    .iter()
                    .any(|e| e.field == evid.field && e.start == evid.start && e.end == evid.end)
                {
                    x.evidence.push(evid);
                }
                for p in participants {
                    if !x.participants.iter().any(|q| q.entity == p.entity) {
                        x.participants.push(p);
                    }
                }
                for (k, v) in &ev.attributes {
                    x.attributes.entry(k.clone()).or_insert_with(|| v.clone());
                }
                x.confidence = x.confidence.max(ev.confidence);
            }
            None => {
                order.push(id.clone());
                events.insert(
                    id.clone(),
                    ExtractedEvent {
                        id,
                        kind: ev.kind,
                        name: doc.slice(ev.name_span.0, ev.name_span.1).to_string(),
                        date: ev.date.as_ref().map(|d| raw_time(doc, d)),
                        confidence: ev.confidence,
                        rule: ev.rule.clone(),
                        participants,
                        attributes: ev.attributes.clone(),
                        evidence: vec![evid],
                    },
                );
            }
        }
    }
    // an undated report (a headline, a caption) of an event the document dates once is that event
    let keyed = |id: &str| {
        let mut parts = id.splitn(4, ':');
        let (_, kind, _, key) = (parts.next(), parts.next(), parts.next(), parts.next());
        (
            kind.unwrap_or("").to_string(),
            key.unwrap_or("").to_string(),
        )
    };
    // (the same key participant, else every participant in the same role, 1.5亿购买甲所持股份 of
    // 乙斥资1.91亿港元购买甲所持有的股份; never two rounds named apart: 天使轮 is no B轮)
    let round = |e: &ExtractedEvent| e.attributes.get("round").cloned();
    for id in order.clone() {
        if !id.contains(":undated:") {
            continue;
        }
        let k = keyed(&id);
        let Some(u) = events.get(&id) else {
            continue;
        };
        let may_join = |o: &String| {
            !o.contains(":undated:")
                && keyed(o).0 == k.0
                && match (round(u), events.get(o).and_then(round)) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        let mut dated: Vec<&String> = order
            .iter()
            .filter(|o| may_join(o) && keyed(o) == k && !k.1.is_empty())
            .collect();
        if dated.is_empty() && u.participants.iter().any(|p| p.role != "place") {
            dated = order
                .iter()
                .filter(|o| {
                    may_join(o)
                        && events.get(*o).is_some_and(|t| {
                            u.participants.iter().all(|p| {
                                t.participants
                                    .iter()
                                    .any(|q| q.entity == p.entity && q.role == p.role)
                            })
                        })
                })
                .collect();
        }
        if let [target] = dated[..] {
            let target = target.clone();
            if let Some(u) = events.remove(&id) {
                let t = events.get_mut(&target).expect("listed");
                t.evidence.extend(u.evidence);
                for p in u.participants {
                    if !t.participants.iter().any(|q| q.entity == p.entity) {
                        t.participants.push(p);
                    }
                }
                for (k, v) in u.attributes {
                    t.attributes.entry(k).or_insert(v);
                }
            }
        }
    }
    let events = order
        .into_iter()
        .filter_map(|id| events.remove(&id))
        .collect();
    DocExtract {
        id: doc.meta.id.clone(),
        schema: EXTRACT_SCHEMA.to_string(),
        doc: doc.meta.clone(),
        entities,
        events,
        relations,
    }
}

/// `shiji entities`: JSON lines `{"id","text"}` in; `{"id","entities":[{"text","start","end",
/// "type","name"}]}` out, offsets in the text as given.
pub fn entities_jsonl<R: std::io::BufRead, W: std::io::Write>(
    p: &Pipeline,
    input: R,
    mut out: W,
) -> Result<()> {
    use serde_json::json;
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|e| crate::Error::JsonLine {
            path: "<stdin>".into(),
            line: i + 1,
            message: e.to_string(),
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let d = crate::input::parse_json_line(
            "<stdin>",
            i + 1,
            &line,
            &crate::input::ReadOptions::default(),
        )?;
        let mut list = Vec::new();
        // a text with nothing left after cleaning has no entities; that is no error here
        if let Ok(doc) = p.prepare(&d.text, &d.given) {
            let a = p.analyze(doc);
            // offsets point into `text`: a mention in the given title has none there
            for m in a
                .entities
                .mentions
                .iter()
                .filter(|m| !a.doc.in_title(m.start))
            {
                let e = &a.entities.entities[m.entity];
                let (s, e2) = a.doc.raw_span(m.start, m.end);
                let text: String = d.text.chars().skip(s).take(e2 - s).collect();
                list.push(json!({"text": text, "start": s, "end": e2, "type": e.kind.as_str(), "name": e.name, "rule": m.rule}));
            }
        }
        let v = json!({"id": d.given.id, "entities": list});
        serde_json::to_writer(&mut out, &v).map_err(|e| crate::Error::Output(e.to_string()))?;
        out.write_all(b"\n")
            .map_err(|e| crate::Error::io("<stdout>", e))?;
    }
    out.flush().map_err(|e| crate::Error::io("<stdout>", e))?;
    Ok(())
}
