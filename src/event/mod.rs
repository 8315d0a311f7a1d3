//! The event and relation stage: trigger words (data) make events; roles come from the entities
//! of the clause (and the subject carried from the clause before); the date from the clause,
//! else the sentence, else the narrative time when a cue carries it. Relations come from titles,
//! from events, and from mention patterns.
pub mod amount;
pub mod rules;

use crate::document::Document;
use crate::entity::{EntityLayer, Lexicon, Mention};
use crate::model::{EntityType, EventKind};
use crate::time::{TimeMention, TimeType};
use crate::words::Words;
pub use rules::EventRules;
use rules::{NegationScope, Refers};
use serde_json::Value;
use std::collections::BTreeMap;

/// A participant: the entity, its role, and the span that names it (None when it was carried
/// from an earlier clause or resolved from a pronoun).
#[derive(Clone, Debug)]
pub struct Role {
    pub entity: usize,
    pub role: String,
    pub span: Option<(usize, usize)>,
}

#[derive(Clone, Debug)]
pub struct EventMention {
    pub kind: EventKind,
    pub rule: String,
    pub trigger: (usize, usize),
    /// The extractive name: the clause, from the agent when it opens the sentence.
    pub name_span: (usize, usize),
    pub sentence: usize,
    pub date: Option<TimeMention>,
    pub participants: Vec<Role>,
    pub attributes: BTreeMap<String, Value>,
    pub confidence: f32,
}

#[derive(Clone, Debug)]
pub struct RelationMention {
    pub source: usize,
    pub target: usize,
    pub kind: String,
    pub span: (usize, usize),
    pub rule: String,
}

#[derive(Default)]
pub struct EventLayer {
    pub events: Vec<EventMention>,
    pub relations: Vec<RelationMention>,
    pub narrator: Option<usize>,
    pub narrator_org: Option<usize>,
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?' | '\n'
    )
}

/// Whether the char at `i` ends a clause: punctuation, or a space between two Han characters,
/// which separates clauses the way a comma does in headlines and captions (甲完成B轮融资 乙领投)
/// but never the words of a Latin name.
fn clause_break_at(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    is_clause_break(c)
        || (c.is_whitespace()
            && i > 0
            && crate::entity::is_han(chars[i - 1])
            && chars.get(i + 1).is_some_and(|&n| crate::entity::is_han(n)))
}

/// Whether `c` is a Han character of the dictionary's runs (what `Words::cut` cuts into words).
fn is_han_word_char(c: char) -> bool {
    !c.is_ascii() && crate::words::cut_in_runs(c)
}

/// Whether `chars` end with `w` at `at`.
fn ends_at(chars: &[char], at: usize, w: &str) -> bool {
    let n = w.chars().count();
    at >= n && chars[at - n..at].iter().copied().eq(w.chars())
}

/// The longest word of a table (word, value) that ends at `at`.
fn longest_ending_at<'t, T>(
    chars: &[char],
    at: usize,
    table: &'t [(String, T)],
) -> Option<&'t (String, T)> {
    table
        .iter()
        .filter(|(w, _)| ends_at(chars, at, w))
        .max_by_key(|(w, _)| w.len())
}

/// The most characters a relation pattern reads between two mentions (its own regex bounds it
/// further: 甲……，……，总部位于乙 may span a few clauses), after the right one or before the
/// left one.
const MAX_CUE: usize = 90;

/// Cues that carry the narrative time into a sentence that has no date of its own.
const NARRATIVE_CUES: &[&str] = &[
    "随后",
    "此后",
    "之后",
    "后来",
    "接着",
    "紧接着",
    "不久",
    "同时",
];

pub struct EventStage<'a> {
    pub rules: &'a EventRules,
    pub lexicon: &'a Lexicon,
    /// The dictionary that cuts a trigger's clause into words (a trigger straddling two words
    /// is none).
    pub words: &'a Words,
}

impl EventStage<'_> {
    pub fn run(&self, doc: &Document, ents: &EntityLayer, times: &[TimeMention]) -> EventLayer {
        let mut layer = EventLayer::default();
        let reporters = self.reporters(doc, ents);
        let mut relations = self.title_relations(doc, ents, &reporters);
        self.pattern_relations(doc, ents, &mut relations);
        self.branch_relations(doc, ents, &mut relations);
        let narrator = self.narrator(doc, ents);
        let narrator_org = narrator.and_then(|p| {
            relations
                .iter()
                .find(|r| r.source == p && matches!(r.kind.as_str(), "founder_of" | "ceo_of"))
                .or_else(|| {
                    relations
                        .iter()
                        .find(|r| r.source == p && r.kind == "employee_of")
                })
                .map(|r| r.target)
        });
        layer.narrator = narrator;
        layer.narrator_org = narrator_org;
        let topic_org = narrator_org.or_else(|| topic_org(ents, &reporters));
        // sorted by start for the binary searches of `date_for` (stable: same order as given
        // when the tagger already sorts)
        let mut sorted_times = times.to_vec();
        sorted_times.sort_by_key(|t| t.start);
        let ctx = Context {
            doc,
            ents,
            times: &sorted_times,
            narrator,
            narrator_org,
            topic_org,
            relations: &relations,
            reporters: &reporters,
        };
        // where the triggers of events other than statements stand, kept or not
        let mut specific_triggers: Vec<usize> = Vec::new();
        let mut from = 0;
        while let Some(m) = self
            .rules
            .trigger_matcher
            .find(aho_corasick::Input::new(&doc.text).range(from..))
        {
            let trig = &self.rules.triggers[m.pattern().as_usize()];
            let ts = doc.char_of_byte(m.start());
            let te = doc.char_of_byte(m.end());
            // 隔离开关, 赶上市场: a trigger whose first and last characters both belong to other
            // words of its clause is none; the search goes on from its second character, where
            // a trigger may start (申请辞去 holds 辞去)
            if self.straddles(doc, ts, te) {
                from = doc.byte_of_char(ts + 1);
                continue;
            }
            from = m.end();
            if trig.kind.is_some_and(|k| k != EventKind::Statement) {
                specific_triggers.push(ts);
            }
            if let Some(ev) = self.event_at(&ctx, trig, ts, te) {
                layer.events.push(ev);
            }
        }
        self.proceeds_of_listings(doc, &mut layer.events);
        // 宣布完成融资 is the funding: a statement sharing its clause with another event goes;
        // so does one whose clause holds the trigger of an event that could not be made
        // (宣布加盟 without the person is no statement either)
        let specific: Vec<(usize, usize)> = layer
            .events
            .iter()
            .filter(|e| e.kind != EventKind::Statement)
            .map(|e| e.name_span)
            .collect();
        // (the clause of its trigger, that is: the clause a statement's name takes in after it
        // holds what was stated, made into an event or not: 宣布，上市的进程取消)
        layer.events.retain(|e| {
            let own_end = (e.trigger.1..e.name_span.1)
                .find(|&i| clause_break_at(&doc.chars, i))
                .unwrap_or(e.name_span.1);
            e.kind != EventKind::Statement
                || !(specific
                    .iter()
                    .any(|s| s.0 < e.name_span.1 && e.name_span.0 < s.1)
                    || specific_triggers
                        .iter()
                        .any(|&t| t >= e.trigger.1 && t < own_end))
        });
        self.date_anaphors(doc, &mut layer.events);
        self.event_relations(doc, &layer.events, ents, &mut relations);
        self.develop_relations(doc, ents, (narrator_org, topic_org), &mut relations);
        relations.sort_by(|a, b| {
            a.span
                .cmp(&b.span)
                .then(a.kind.cmp(&b.kind))
                .then(a.source.cmp(&b.source))
                .then(a.target.cmp(&b.target))
        });
        relations.dedup_by(|a, b| {
            a.source == b.source && a.target == b.target && a.kind == b.kind && a.span == b.span
        });
        relations.retain(|r| r.source != r.target);
        layer.relations = relations;
        layer
    }

    fn event_at(
        &self,
        ctx: &Context,
        trig: &rules::Trigger,
        ts: usize,
        te: usize,
    ) -> Option<EventMention> {
        let kind = trig.kind;
        let doc = ctx.doc;
        let chars = &doc.chars;
        let si = doc.sentence_index(ts)?;
        let sent = doc.sentences[si];
        let mut cs = ts;
        // a comma inside brackets (腾讯控股（00700，HK）) ends no clause; nor does one of a
        // bracket left open before the trigger or closed after it
        let mut depth = 0i32;
        while cs > sent.start && (depth > 0 || !clause_break_at(chars, cs - 1)) {
            match chars[cs - 1] {
                '）' | ')' => depth += 1,
                '（' | '(' => depth = (depth - 1).max(0),
                _ => {}
            }
            cs -= 1;
        }
        let mut ce = te;
        let mut depth = 0i32;
        while ce < sent.end && (depth > 0 || !clause_break_at(chars, ce)) {
            match chars[ce] {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = (depth - 1).max(0),
                _ => {}
            }
            ce += 1;
        }
        // a trigger inside a longer word of another meaning is no trigger (发布会 vs 发布 handled
        // by leftmost-longest); negation or condition before it in the clause cancels it
        // 入股 that takes control is an acquisition, 购买 of shares too; 出售 of a number of
        // shares sells a block, no company (retype.tsv)
        let mut kind = self.retype(ctx, trig, cs, ce).unwrap_or(kind)?;
        let before = doc.slice(cs, ts);
        if self.rules.negation.find_iter(before).any(|m| {
            match self.rules.negation_scope[m.pattern().as_usize()] {
                NegationScope::Clause | NegationScope::Sentence => true,
                NegationScope::Adjacent => before[m.end()..]
                    .chars()
                    .all(|c| matches!(c, '（' | '(' | '“' | '"' | '「' | '《')),
                NegationScope::None => false,
            }
        }) {
            return None;
        }
        // 甲本想……，让员工离职: an intention or a condition in an earlier clause governs this
        // one, unless a contrast (结果, 但) comes after it
        let mut governed = false;
        for m in self.rules.negation.find_iter(doc.slice(sent.start, ts)) {
            let i = m.pattern().as_usize();
            if self.rules.negation_contrast[i] {
                governed = false;
            } else if self.rules.negation_scope[i] == NegationScope::Sentence {
                governed = true;
            }
        }
        if governed {
            return None;
        }
        // ...and so does a failure after it (上市失败, 收购告吹)
        if self.rules.cancel_after.find(doc.slice(te, ce)).is_some() {
            return None;
        }
        // a trigger inside a noun phrase (并购标的, 上市白酒公司) or a bare item of a list of
        // nouns (项目的融资、投资、建设) names no event
        if self.modified(chars, trig.kind, (cs, ce), (ts, te)) || is_list_item(chars, ts, te) {
            return None;
        }
        // a trigger inside a title in 《》 (《上市公司收购管理办法》) names a text, not an event
        if in_book_title(&chars[sent.start..ts]) {
            return None;
        }
        // 多次挂牌 offers an asset, 挂牌成立 opens an institute: some triggers need a word of
        // their sense in the sentence (requires.tsv: 在新三板挂牌, 挂牌上市)
        if let Some((_, words)) = self.rules.requires.iter().find(|(id, _)| *id == trig.id)
            && words.find(doc.sentence_text(si)).is_none()
        {
            return None;
        }
        // a sentence about pledges or share sales uses 融资 / 出售 in another sense (context.tsv)
        if self.in_context(doc, si, kind) {
            return None;
        }
        // a duration right after the trigger of a beginning (创业超20年, 上市两年) is the time
        // spent since, a state and not the event
        if matches!(
            kind,
            EventKind::Founding | EventKind::Listing | EventKind::Join | EventKind::Appointment
        ) && duration_follows(ctx.times, te)
        {
            return None;
        }
        // 即将退休的甲, 新加入的乙: a move in a relative clause on the person named right after
        // its 的 describes that person, the news of the sentence is elsewhere
        if matches!(
            kind,
            EventKind::Join | EventKind::Departure | EventKind::Appointment
        ) && chars.get(te) == Some(&'的')
            && ctx.ents.mentions_in(te + 1, ce).first().is_some_and(|m| {
                m.start == te + 1 && ctx.ents.entities[m.entity].kind == EntityType::Person
            })
        {
            return None;
        }
        let mut participants: Vec<Role> = Vec::new();
        // 甲与媒体欢庆子公司成立: the names before a verb that takes the event as its object
        // celebrate or witness it, they do not take part
        let observed_from = self
            .rules
            .observers
            .find_iter(before)
            .last()
            .map(|m| cs + before[..m.end()].chars().count());
        let clause_mentions = ctx.ents.mentions_in(observed_from.unwrap_or(cs), ce);
        // X被Y收购: the agent follows 被, what stands before it is the object
        let passive = (cs..ts).rev().find(|&i| chars[i] == '被');
        // the end of the last seller named before the trigger (向甲及乙购入: a list it heads)
        let mut seller_end: Option<usize> = None;
        for m in clause_mentions {
            if ctx.reporters[m.entity] && kind != EventKind::Interview {
                continue;
            }
            let agent_side = match passive {
                Some(p) if m.start < ts => m.start > p,
                _ => m.start < ts,
            };
            let mut role = self.role_for(ctx, kind, m, agent_side);
            // 向交易所提交上市申请, 在港交所上市: the exchange, not the company listed
            if kind == EventKind::Listing && role == "org" && self.adjunct_before(doc, m.start) {
                role = "exchange".into();
            }
            // 担任甲 CEO: a post is held in an organization, whatever the tagger took the name
            // before the title for (a product's name is often its company's)
            if matches!(kind, EventKind::Join | EventKind::Appointment)
                && role == "product"
                && self.title_after(doc, m.end, ce)
            {
                role = "org".into();
            }
            // 购买甲所持股份: 甲 sells its holding (a bracket after the name aside)
            if kind == EventKind::Acquisition
                && role == "target"
                && self.rules.sellers.iter().any(|w| {
                    doc.slice(skip_bracket(chars, m.end, ce), ce)
                        .starts_with(w.as_str())
                })
            {
                role = "seller".into();
            }
            // 向甲及乙购入丙的股份: who is addressed sells
            if kind == EventKind::Acquisition && m.start < ts {
                let sells = self
                    .rules
                    .sellers_before
                    .iter()
                    .any(|w| m.start >= cs + w.chars().count() && ends_at(chars, m.start, w))
                    || seller_end
                        .is_some_and(|e| self.rules.coordinators.is_match(doc.slice(e, m.start)));
                if sells {
                    role = "seller".into();
                    seller_end = Some(m.end);
                } else {
                    seller_end = None;
                }
            }
            participants.push(Role {
                entity: m.entity,
                role,
                span: Some((m.start, m.end)),
            });
        }
        // a weak trigger (调整, 研发) used as a noun (产品的研发) makes no event; else it needs a
        // name in its clause, or a date and a subject in its sentence
        let weak = trig.confidence < 0.7;
        if weak && ts > 0 && chars[ts - 1] == '的' && self.rules.light_verbs.find(before).is_none()
        {
            return None;
        }
        let is_subject = |m: &Mention| {
            let e = &ctx.ents.entities[m.entity];
            matches!(e.kind, EntityType::Person | EntityType::Organization)
                && e.subtype.as_deref() != Some("investor")
                && !ctx.reporters[m.entity]
        };
        // 向交易所, 甲的下属: an addressee or a possessor is no subject (adjuncts.tsv)
        let subject_here = |m: &Mention| is_subject(m) && !self.adjunct(doc, m, ts);
        let has_subject_before = clause_mentions
            .iter()
            .any(|m| m.start < ts && subject_here(m));
        let mut name_start = cs;
        if !has_subject_before && observed_from.is_none() {
            // the subject of the sentence, carried into this clause; a person who moves (joins,
            // leaves, takes a post) is the person last named before it, not a company that
            // opened the sentence (甲公司公布，乙因个人原因，已辞任董事)
            let before_clause = ctx.ents.mentions_in(sent.start, cs);
            let mover = matches!(
                kind,
                EventKind::Join | EventKind::Departure | EventKind::Appointment
            )
            .then(|| {
                before_clause.iter().rev().find(|m| {
                    ctx.ents.entities[m.entity].kind == EntityType::Person && subject_here(m)
                })
            })
            .flatten();
            // 有着甲色彩的新项目乙: a name inside a 的-phrase describing the next name, one of
            // its kind in the same clause, is no subject; the described one is
            let describes_a_later_name = |m: &Mention| {
                before_clause
                    .iter()
                    .find(|n| n.start >= m.end)
                    .is_some_and(|n| {
                        ctx.ents.entities[n.entity].kind == ctx.ents.entities[m.entity].kind
                            && chars[m.end..n.start].contains(&'的')
                            && !(m.end..n.start).any(|i| clause_break_at(chars, i))
                    })
            };
            let carried = mover.or_else(|| {
                before_clause
                    .iter()
                    .filter(|m| !describes_a_later_name(m))
                    .find(|m| {
                        subject_here(m)
                        // 张三：…: a name before a colon labels what follows (a speaker, a
                        // field), it is no subject of the clauses after it
                        && !matches!(chars.get(m.end), Some('：' | ':'))
                        // 甲公司副总裁乙离职: the person moves, the company is theirs
                        && !(matches!(
                            kind,
                            EventKind::Join | EventKind::Departure | EventKind::Appointment
                        ) && ctx.ents.entities[m.entity].kind == EntityType::Organization
                            && self.affiliation_of_next_person(ctx, m.end))
                    })
            });
            if let Some(m) = carried {
                if !participants.iter().any(|p| p.entity == m.entity) {
                    participants.push(Role {
                        entity: m.entity,
                        role: self.role_for(ctx, kind, m, true),
                        span: Some((m.start, m.end)),
                    });
                }
                name_start = m.start;
            } else {
                self.resolve_pronouns(ctx, sent.start, ts, kind, &mut participants);
            }
        }
        // 甲入股乙, 甲领投: the organization before a trigger said of the investor invests (not
        // one it is addressed to: 向乙注资)
        if kind == EventKind::Funding && self.rules.investing.contains(&trig.word) {
            // 乙获得甲入股: only the names after a word of receiving invest
            let from = self
                .rules
                .receiving
                .find_iter(before)
                .last()
                .map_or(cs, |m| cs + before[..m.end()].chars().count());
            for p in participants.iter_mut() {
                if let Some((s, _)) = p.span
                    && s >= from
                    && s < ts
                    && ctx.ents.entities[p.entity].kind == EntityType::Organization
                    && !self.adjunct_before(doc, s)
                {
                    p.role = "investor".into();
                }
            }
            // 甲……，分别投了乙的A轮: with the company funded named after the trigger, the
            // subject carried from an earlier clause is the investor too
            let funded_after = participants.iter().any(|p| {
                p.role == "org"
                    && p.span.is_some_and(|(s, _)| s >= te)
                    && ctx.ents.entities[p.entity].kind == EntityType::Organization
            });
            if funded_after && from == cs {
                for p in participants.iter_mut() {
                    if let Some((s, _)) = p.span
                        && s < cs
                        && ctx.ents.entities[p.entity].kind == EntityType::Organization
                        && !self.adjunct_before(doc, s)
                    {
                        p.role = "investor".into();
                    }
                }
            }
        }
        if kind == EventKind::Funding {
            // investors named anywhere in the sentence
            for m in ctx.ents.mentions_in(sent.start, sent.end) {
                let e = &ctx.ents.entities[m.entity];
                if e.kind == EntityType::Organization
                    && e.subtype.as_deref() == Some("investor")
                    && !participants.iter().any(|p| p.entity == m.entity)
                {
                    participants.push(Role {
                        entity: m.entity,
                        role: "investor".into(),
                        span: Some((m.start, m.end)),
                    });
                }
            }
        }
        // 天利公司董事长毛某创建了博物馆: with an organization founded after the trigger, one
        // named before it is the founder's (or the founding parent), not the one founded
        if kind == EventKind::Founding
            && participants.iter().any(|p| {
                ctx.ents.entities[p.entity].kind == EntityType::Organization
                    && p.span.is_some_and(|s| s.0 >= te)
            })
        {
            for p in participants.iter_mut() {
                if p.role == "org" && p.span.is_some_and(|s| s.1 <= ts) {
                    p.role = "agent".into();
                }
            }
        }
        // 由甲公司张三先生创办 / 甲公司董事长张三创建了…: an organization named right before a
        // person (with at most a title between) is that person's, not the one founded
        if kind == EventKind::Founding {
            participants.retain(|p| {
                p.role != "org"
                    || !p
                        .span
                        .is_some_and(|s| self.affiliation_of_next_person(ctx, s.1))
            });
        }
        if kind == EventKind::Founding {
            self.keep_founders(ctx, (cs, ts, te), &mut participants);
        }
        if kind == EventKind::Founding
            && !participants.iter().any(|p| {
                ctx.ents.entities[p.entity].kind == EntityType::Organization && p.role == "org"
            })
        {
            return None;
        }
        // 上市 of a product (新车上市) is its launch, not a listing
        let has_product = participants
            .iter()
            .any(|p| ctx.ents.entities[p.entity].kind == EntityType::Product);
        let product_word = self.rules.product_words.find(doc.slice(cs, ce)).is_some();
        // ...unless the clause speaks of the stock market (在港股上市, 发行股票并上市)
        let market = self.rules.market_words.find(doc.slice(cs, ce)).is_some();
        if kind == EventKind::Listing && (has_product || product_word) && !market {
            kind = EventKind::ProductLaunch;
            // 提交新药的上市申请: an application to sell a product launches nothing yet
            if self.in_context(doc, si, kind) {
                return None;
            }
        }
        // 发布了《关于……的公告》: a filing published, no launch
        if kind == EventKind::ProductLaunch && self.launches_a_document(chars, te, ce) {
            return None;
        }
        // a launch launches something: a product named, a product word, or a launch event itself
        if kind == EventKind::ProductLaunch
            && !has_product
            && !product_word
            && trig.confidence < 0.8
        {
            return None;
        }
        // 裁掉甲, 甲被裁掉: a layoff whose object is a named person dismisses that person (a
        // departure); staff are laid off in numbers (裁员500人), not by name
        let is_person = |p: &Role| ctx.ents.entities[p.entity].kind == EntityType::Person;
        if kind == EventKind::Layoff
            && participants.iter().any(|p| {
                is_person(p)
                    && p.span
                        .is_some_and(|(s, _)| s >= te || passive.is_some_and(|b| s < b))
            })
        {
            kind = EventKind::Departure;
            for p in participants.iter_mut().filter(|p| is_person(p)) {
                p.role = "person".into();
            }
        }
        self.fill_org(ctx, kind, (sent.start, sent.end), ts, &mut participants);
        if participants.is_empty() {
            return None;
        }
        // people's moves need the person
        if matches!(
            kind,
            EventKind::Join | EventKind::Departure | EventKind::Appointment
        ) && !participants
            .iter()
            .any(|p| ctx.ents.entities[p.entity].kind == EntityType::Person)
            && !self.holder_before(doc.slice(sent.start, ts))
        {
            return None;
        }
        // an acquisition buys an organization or is made by one (早稻收购 is procurement)
        if kind == EventKind::Acquisition
            && !participants
                .iter()
                .any(|p| ctx.ents.entities[p.entity].kind == EntityType::Organization)
        {
            return None;
        }
        // a partnership has two sides (深股通携手两家机构 on the market is none)
        if kind == EventKind::Partnership && participants.len() < 2 {
            return None;
        }
        // 上市公司的并购重组的价格机制: any trigger used as a noun (after 的) with nobody named in
        // its clause and no date speaks of such events in general, not of one
        // ...and so does one that modifies a noun after its 的, dated or not (此后多轮融资的新闻稿:
        // the text speaks of the noun), unless a name follows the 的 (完成融资的甲公司: 甲's)
        let modifies_noun = chars.get(te) == Some(&'的')
            && ctx
                .ents
                .mentions_in(te + 1, ce)
                .first()
                .is_none_or(|m| m.start != te + 1);
        // 如今市场红海一片，除了甲，乙自身上线的小商店等功能: a relative clause (modifying the
        // noun after its 的) tells background to what the sentence says: only a time of its own
        // clause dates it, not the sentence's
        let date = date_for(ctx, self.rules, (cs, ce), ts, si, modifies_noun)
            .filter(|d| !self.future_offset(doc, d));
        let noun_use =
            ts > 0 && chars[ts - 1] == '的' && self.rules.light_verbs.find(before).is_none();
        if ((weak || noun_use) && date.is_none() || modifies_noun) && clause_mentions.is_empty() {
            return None;
        }
        let mut attributes = BTreeMap::new();
        let clause_text = doc.slice(cs, ce);
        for (k, v) in amount::amounts(self.rules, doc.sentence_text(si)) {
            if k == "amount"
                && !matches!(
                    kind,
                    EventKind::Funding
                        | EventKind::Acquisition
                        | EventKind::Listing
                        | EventKind::Legal
                )
            {
                continue;
            }
            if k == "parameters"
                && kind != EventKind::Development
                && kind != EventKind::ProductLaunch
            {
                continue;
            }
            attributes.entry(k).or_insert(v);
        }
        if kind == EventKind::Funding {
            for (re, round) in &self.rules.rounds {
                if let Some(c) = re.captures(clause_text) {
                    let mut r = String::new();
                    c.expand(round, &mut r);
                    attributes.insert("round".into(), Value::String(r));
                    break;
                }
            }
        }
        let mut confidence = trig.confidence;
        if date.is_none() {
            confidence *= 0.8;
        }
        if participants.iter().all(|p| p.span.is_none()) {
            confidence *= 0.7;
        }
        participants.sort_by(|a, b| a.entity.cmp(&b.entity).then(a.role.cmp(&b.role)));
        participants.dedup_by(|a, b| a.entity == b.entity);
        // 董事会宣布，……的进程取消: a statement whose trigger ends its clause says what the next
        // clause says, which its name takes in (the name alone would be an empty 宣布)
        let mut name_end = ce;
        if kind == EventKind::Statement
            && doc.slice(te, ce).trim().is_empty()
            && ce + 1 < sent.end
            && !matches!(chars[ce], '。' | '！' | '？' | '!' | '?' | '\n')
        {
            name_end = ce + 1;
            while name_end < sent.end && !clause_break_at(chars, name_end) {
                name_end += 1;
            }
        }
        Some(EventMention {
            kind,
            rule: trig.id.clone(),
            trigger: (ts, te),
            name_span: (name_start.min(cs), name_end),
            sentence: si,
            date,
            participants,
            attributes,
            confidence: (confidence * 100.0).round() / 100.0,
        })
    }

    /// 甲首发上市…，甲募资总额预计为4亿元: a funding whose trigger retype.tsv makes a listing
    /// next to an IPO word (募资) is the proceeds of the document's listing when a listing of
    /// the same organization was triggered by such a word, even in another sentence, and the
    /// two are not dated apart (甲2015年首发上市，今年定增募资 raises new money).
    fn proceeds_of_listings(&self, doc: &Document, events: &mut [EventMention]) {
        let span = |e: &EventMention| e.date.as_ref().and_then(|d| Some((d.from?, d.to?)));
        let listings: Vec<(&str, Vec<usize>, Option<_>)> = events
            .iter()
            .filter(|e| e.kind == EventKind::Listing)
            .map(|e| {
                let orgs = e.participants.iter().map(|p| p.entity).collect();
                (doc.slice(e.trigger.0, e.trigger.1), orgs, span(e))
            })
            .collect();
        if listings.is_empty() {
            return;
        }
        // a round named (Pre-IPO轮募资) is a funding whatever the document lists
        for e in events
            .iter_mut()
            .filter(|e| e.kind == EventKind::Funding && !e.attributes.contains_key("round"))
        {
            let words: Vec<&str> = self
                .rules
                .retype
                .iter()
                .filter(|(id, _, k)| *id == e.rule && *k == Some(EventKind::Listing))
                .map(|(_, w, _)| w.as_str())
                .collect();
            let dates = span(e);
            let same_listing = listings.iter().any(|(trigger, orgs, listed)| {
                words.iter().any(|w| trigger.contains(w))
                    && e.participants
                        .iter()
                        .any(|p| p.role == "org" && orgs.contains(&p.entity))
                    && match (dates, listed) {
                        (Some((a, b)), Some((c, d))) => a <= *d && *c <= b,
                        _ => true,
                    }
            });
            if same_listing {
                e.kind = EventKind::Listing;
            }
        }
    }

    /// 此轮调整, 此次裁员: an undated event whose clause points back (anaphors.tsv, before the
    /// trigger) to the event the text reports takes the date of the first earlier event of its
    /// type that is dated, else that of the lead: the first dated event, when it stands in the
    /// first paragraph that tells of any event.
    fn date_anaphors(&self, doc: &Document, events: &mut [EventMention]) {
        let chars = &doc.chars;
        let paragraph = |e: &EventMention| doc.sentences[e.sentence].paragraph;
        let lead = events
            .iter()
            .find(|e| !doc.in_title(e.trigger.0))
            .map(paragraph);
        for i in 0..events.len() {
            if events[i].date.is_some() {
                continue;
            }
            let (ns, ts) = (events[i].name_span.0, events[i].trigger.0);
            let mut cs = ts;
            while cs > ns && !clause_break_at(chars, cs - 1) {
                cs -= 1;
            }
            let clause = doc.slice(cs, ts);
            if !self
                .rules
                .anaphors
                .iter()
                .any(|w| clause.contains(w.as_str()))
            {
                continue;
            }
            let kind = events[i].kind;
            let earlier = &events[..i];
            let date = earlier
                .iter()
                .find(|e| e.kind == kind && e.date.is_some())
                .or_else(|| {
                    earlier
                        .iter()
                        .find(|e| e.date.is_some())
                        .filter(|e| Some(paragraph(e)) == lead)
                })
                .and_then(|e| e.date.clone());
            events[i].date = date;
        }
    }

    /// True when a word of context.tsv in sentence `si` says its triggers name no event of
    /// type `kind`.
    fn in_context(&self, doc: &Document, si: usize, kind: EventKind) -> bool {
        self.rules
            .context
            .find_iter(doc.sentence_text(si))
            .any(|m| self.rules.context_kinds[m.pattern().as_usize()].contains(&kind))
    }

    /// True when the best cut of the clause around the trigger at `ts..te` into dictionary
    /// words puts a word boundary neither at its start nor at its end: its first character
    /// ends a word begun before it and its last one begins a word that goes on after it (隔离开关
    /// cut 隔离/开关 holds no 离开).
    fn straddles(&self, doc: &Document, ts: usize, te: usize) -> bool {
        let chars = &doc.chars;
        if ts == 0 || te >= chars.len() || te - ts < 2 {
            return false;
        }
        if !is_han_word_char(chars[ts - 1]) || !is_han_word_char(chars[te]) {
            return false;
        }
        // the run of Han characters around the trigger, at most a clause's length each side
        let mut b = te;
        while b < chars.len() && b - te < 16 && is_han_word_char(chars[b]) {
            b += 1;
        }
        let starts = self.word_starts(doc, ts, b, 16);
        !starts.contains(&ts) && !starts.contains(&te)
    }

    /// Where the words of the best dictionary cut begin, for the run of Han characters that
    /// ends at `end` and reaches back from `from` by at most `reach` characters.
    fn word_starts(&self, doc: &Document, from: usize, end: usize, reach: usize) -> Vec<usize> {
        let chars = &doc.chars;
        let mut a = from;
        while a > 0 && from - a < reach && is_han_word_char(chars[a - 1]) {
            a -= 1;
        }
        let mut at = a;
        self.words
            .cut(doc.slice(a, end), false)
            .iter()
            .map(|w| {
                let start = at;
                at += w.word.chars().count();
                start
            })
            .collect()
    }

    /// The people of a founding who founded: those before the trigger (甲创办了乙, 由甲创办),
    /// and after it only the one an organization's 的 introduces (创办了乙的甲). A person named
    /// after it otherwise (创建了经营“甲”牌产品的专卖店) describes what was founded; one before
    /// the organization founded, with that organization before the trigger (甲旗下的乙公司成立于,
    /// 甲的乙公司成立), owns or describes it, unless 由 introduces the person (由甲和乙公司创办).
    fn keep_founders(
        &self,
        ctx: &Context,
        (cs, ts, te): (usize, usize, usize),
        out: &mut Vec<Role>,
    ) {
        let chars = &ctx.doc.chars;
        let founded: Vec<(usize, usize)> = out
            .iter()
            .filter(|p| {
                p.role == "org" && ctx.ents.entities[p.entity].kind == EntityType::Organization
            })
            .filter_map(|p| p.span)
            .collect();
        out.retain(|p| {
            let Some((s, e)) = p.span else {
                return true;
            };
            if ctx.ents.entities[p.entity].kind != EntityType::Person {
                return true;
            }
            if s >= te {
                return (s > 0 && chars[s - 1] == '的') || self.founder_title_before(ctx, te, s);
            }
            let before = ctx.doc.slice(cs.min(s), s);
            let by = before
                .rfind('由')
                .is_some_and(|i| !before[i..].starts_with("由于"));
            by || !founded.iter().any(|&(fs, fe)| fs >= e && fe <= ts)
        });
    }

    /// True when a founder's title (titles.tsv) ends within two characters before `at`, after
    /// `from`, with no punctuation after it: 创立于1925年，创始人是甲 / 创始人名叫甲.
    fn founder_title_before(&self, ctx: &Context, from: usize, at: usize) -> bool {
        let text = ctx.doc.slice(from, at);
        self.lexicon
            .title_matcher
            .find_iter(text)
            .filter(|m| self.lexicon.titles[m.pattern().as_usize()].relation == "founder_of")
            .last()
            .is_some_and(|m| {
                let rest = &text[m.end()..];
                rest.chars().count() <= 2 && rest.chars().all(|c| c.is_alphabetic())
            })
    }

    /// True when a modifier word (modifiers.tsv) stands next to the trigger at `ts..te`, within
    /// the clause `cs..ce`, with at most its gap of plain characters between them.
    fn modified(
        &self,
        chars: &[char],
        kind: Option<EventKind>,
        (cs, ce): (usize, usize),
        (ts, te): (usize, usize),
    ) -> bool {
        let plain = |c: &char| c.is_alphanumeric() && !self.rules.gap_stops.contains(c);
        self.rules.modifiers.iter().any(|m| {
            if m.kind.is_some_and(|k| Some(k) != kind) {
                return false;
            }
            let w: Vec<char> = m.word.chars().collect();
            (0..=m.max_gap).any(|gap| {
                if m.before {
                    ts >= cs + gap + w.len()
                        && chars[ts - gap..ts].iter().all(plain)
                        && chars[ts - gap - w.len()..ts - gap] == w[..]
                } else {
                    te + gap + w.len() <= ce
                        && chars[te..te + gap].iter().all(plain)
                        && chars[te + gap..te + gap + w.len()] == w[..]
                }
            })
        })
    }

    /// True when the trigger ending at `te` has for object a title in 《》 that names a document
    /// (document_heads.tsv): 发布了《……公告》; or when its clause, which ends at `ce`, ends with a
    /// word that names a text even unbracketed (将发布三期临床数据, 发布年度报告).
    fn launches_a_document(&self, chars: &[char], te: usize, ce: usize) -> bool {
        let object: String = chars[te..ce].iter().collect();
        let object = object.trim_end();
        if self
            .rules
            .document_objects
            .iter()
            .any(|h| object.ends_with(h.as_str()))
        {
            return true;
        }
        let mut i = te;
        if chars.get(i) == Some(&'了') {
            i += 1;
        }
        if chars.get(i) != Some(&'《') {
            return false;
        }
        let Some(close) = (i + 1..ce).find(|&k| chars[k] == '》') else {
            return false;
        };
        let title: String = chars[i + 1..close].iter().collect();
        self.rules
            .document_heads
            .iter()
            .any(|h| title.ends_with(h.as_str()))
    }

    /// True when a word of adjuncts.tsv (向, 对) stands right before `start`.
    fn adjunct_before(&self, doc: &Document, mut start: usize) -> bool {
        while start > 0 && doc.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        self.rules.adjunct_before.iter().any(|w| {
            let n = w.chars().count();
            start >= n && doc.slice(start - n, start) == w
        })
    }

    /// The type a word of retype.tsv in the clause `cs..ce` gives the trigger (Some(None): no
    /// event), when the word stands outside every name (腾讯控股 is a name, not 控股) and outside
    /// every longer trigger phrase of the table (the IPO of Pre-IPO轮 names a round, not the
    /// listing); None when no word of the trigger's stands there.
    fn retype(
        &self,
        ctx: &Context,
        trig: &rules::Trigger,
        cs: usize,
        ce: usize,
    ) -> Option<Option<EventKind>> {
        let clause = ctx.doc.slice(cs, ce);
        let mentions = ctx.ents.mentions_in(cs, ce);
        let mut words = self
            .rules
            .retype
            .iter()
            .filter(|(id, _, _)| *id == trig.id)
            .peekable();
        words.peek()?;
        // byte spans of the clause's trigger phrases, which hold a word without saying it
        let phrases: Vec<(usize, usize)> = self
            .rules
            .trigger_matcher
            .find_iter(clause)
            .map(|m| (m.start(), m.end()))
            .collect();
        words
            .find(|(_, word, _)| {
                let n = word.chars().count();
                clause.match_indices(word.as_str()).any(|(b, w)| {
                    let s = cs + clause[..b].chars().count();
                    !mentions.iter().any(|m| m.start < s + n && s < m.end)
                        && !phrases
                            .iter()
                            .any(|&(ps, pe)| ps <= b && b + w.len() <= pe && pe - ps > w.len())
                })
            })
            .map(|r| r.2)
    }

    /// True when the mention is an adjunct of its clause (an addressee after 向, a possessor
    /// before 的), not a subject; a possessor right before the trigger at `ts` (甲的融资) stays
    /// the subject.
    fn adjunct(&self, doc: &Document, m: &Mention, ts: usize) -> bool {
        self.adjunct_before(doc, m.start)
            || self.rules.adjunct_after.iter().any(|w| {
                let n = w.chars().count();
                m.end + n <= doc.chars.len() && m.end + n != ts && doc.slice(m.end, m.end + n) == w
            })
    }

    /// Per entity: true when the text speaks to or quotes the organization as its source
    /// (reporters.tsv: 告诉X, 据X了解, X注意到), the outlet reporting, not a party.
    fn reporters(&self, doc: &Document, ents: &EntityLayer) -> Vec<bool> {
        let mut out = vec![false; ents.entities.len()];
        if self.rules.reporters.is_empty() {
            return out;
        }
        for m in &ents.mentions {
            if out[m.entity] || ents.entities[m.entity].kind != EntityType::Organization {
                continue;
            }
            let before = doc.slice(m.start.saturating_sub(8), m.start);
            // (a dateline reads past the markup and spaces after the name: X</a> 4 月 30 日消息)
            let after = doc.slice(m.end, (m.end + 24).min(doc.chars.len()));
            out[m.entity] = self
                .rules
                .reporters
                .iter()
                .any(|(b, a)| b.is_match(before) && a.is_match(after));
        }
        out
    }

    /// True when a person mention starts at `end`, or after nothing but a title or position
    /// word (董事长, CEO) in the same clause, or the organization's head noun (公司).
    fn affiliation_of_next_person(&self, ctx: &Context, end: usize) -> bool {
        let ents = ctx.ents;
        let Some(next) = ents
            .mentions
            .get(ents.mentions.partition_point(|m| m.start < end))
        else {
            return false;
        };
        if ents.entities[next.entity].kind != EntityType::Person || next.start > end + 8 {
            return false;
        }
        let gap = ctx.doc.slice(end, next.start);
        // 甲节能公司张三: the head noun the name left out (org_suffixes.tsv, keep: no) may
        // stand between
        let gap = self
            .lexicon
            .suffixes
            .iter()
            .filter(|x| !x.keep)
            .find_map(|x| gap.strip_prefix(x.word.as_str()))
            .unwrap_or(gap);
        gap.is_empty()
            || self
                .lexicon
                .title_matcher
                .find(gap)
                .or_else(|| self.rules.holders.find(gap))
                .is_some_and(|m| m.start() == 0 && m.end() == gap.len())
    }

    /// True when a title of the lexicon starts at `at` (after spaces), before `end`.
    fn title_after(&self, doc: &Document, mut at: usize, end: usize) -> bool {
        while at < end && doc.chars[at].is_whitespace() {
            at += 1;
        }
        self.lexicon
            .title_matcher
            .find(doc.slice(at, end))
            .is_some_and(|m| m.start() == 0)
    }

    /// A position word (董事长, 部长, or a title of the lexicon) in `text`: the holder moves.
    fn holder_before(&self, text: &str) -> bool {
        self.rules.holders.find(text).is_some() || self.lexicon.title_matcher.find(text).is_some()
    }

    /// 一年后 read from the publication date into the future: in a narrative it counts from the
    /// story's time, which the tagger does not know, so it dates nothing; nor does a narrative
    /// time (此后) carried from such a date past the publication.
    fn future_offset(&self, doc: &Document, d: &TimeMention) -> bool {
        use crate::time::Anchor;
        let offset = d.anchor == Anchor::Published
            && self
                .rules
                .offset_suffixes
                .iter()
                .any(|s| d.text.ends_with(s.as_str()));
        (offset || d.anchor == Anchor::Narrative)
            && matches!((d.from, doc.meta.published), (Some(f), Some(p)) if f > p)
    }

    fn role_for(&self, ctx: &Context, kind: EventKind, m: &Mention, before: bool) -> String {
        let e = &ctx.ents.entities[m.entity];
        let investor = e.subtype.as_deref() == Some("investor");
        match e.kind {
            EntityType::Person => match kind {
                // what follows 收购 / 并购 is bought, whatever the tagger took it for
                EventKind::Acquisition if !before => "target",
                EventKind::Join
                | EventKind::Departure
                | EventKind::Appointment
                | EventKind::Interview => "person",
                _ => "agent",
            },
            EntityType::Organization => match kind {
                EventKind::Funding if investor => "investor",
                EventKind::Acquisition if before => "agent",
                EventKind::Acquisition => "target",
                EventKind::Interview if e.subtype.as_deref() == Some("media") => "media",
                EventKind::Partnership => "partner",
                _ => "org",
            },
            EntityType::Product => "product",
            EntityType::Place => "place",
            EntityType::Work => match kind {
                EventKind::Interview => "media",
                _ => "work",
            },
        }
        .to_string()
    }

    /// 我 / 我们 / 公司 / 他 before the trigger, when the clause names no subject.
    fn resolve_pronouns(
        &self,
        ctx: &Context,
        cs: usize,
        ts: usize,
        kind: EventKind,
        out: &mut Vec<Role>,
    ) {
        let text = ctx.doc.slice(cs, ts);
        for m in self.rules.pronoun_matcher.find_iter(text) {
            let entity = match self.rules.pronouns[m.pattern().as_usize()] {
                Refers::Narrator => ctx.narrator,
                Refers::NarratorOrg => ctx.narrator_org,
                Refers::TopicOrg => ctx.topic_org,
                Refers::LastPerson => last_person(ctx, cs),
            };
            if let Some(entity) = entity {
                if out.iter().any(|p| p.entity == entity) {
                    continue;
                }
                let role = match (ctx.ents.entities[entity].kind, kind) {
                    (
                        EntityType::Person,
                        EventKind::Join
                        | EventKind::Departure
                        | EventKind::Appointment
                        | EventKind::Interview,
                    ) => "person",
                    (EntityType::Person, _) => "agent",
                    _ => "org",
                };
                out.push(Role {
                    entity,
                    role: role.to_string(),
                    span: None,
                });
            }
        }
    }

    /// Events of an organization's life need the organization: when the clause names none, it
    /// is the agent's (by the relations found), else the narrator's when a pronoun points there.
    fn fill_org(
        &self,
        ctx: &Context,
        kind: EventKind,
        sentence: (usize, usize),
        ts: usize,
        out: &mut Vec<Role>,
    ) {
        let cs = sentence.0;
        let org_centric = matches!(
            kind,
            EventKind::Restructuring
                | EventKind::Layoff
                | EventKind::Funding
                | EventKind::Listing
                | EventKind::Relocation
                | EventKind::ProductLaunch
                | EventKind::Development
        );
        if !org_centric || out.iter().any(|p| p.role == "org") {
            return;
        }
        let agent_org = out
            .iter()
            .filter(|p| ctx.ents.entities[p.entity].kind == EntityType::Person)
            .find_map(|p| {
                ctx.relations
                    .iter()
                    .find(|r| {
                        r.source == p.entity && matches!(r.kind.as_str(), "founder_of" | "ceo_of")
                    })
                    .map(|r| r.target)
            });
        let org = agent_org
            .or_else(|| {
                // a first-person subject (我, 我们) before the trigger speaks for the narrator's company
                self.pronoun_org(ctx.doc.slice(cs, ts), ctx.narrator_org, ctx.topic_org)
            })
            .or_else(|| {
                // else the first organization the sentence names (not an investor)
                ctx.ents
                    .mentions_in(sentence.0, sentence.1)
                    .iter()
                    .find(|m| {
                        let e = &ctx.ents.entities[m.entity];
                        e.kind == EntityType::Organization
                            && e.subtype.as_deref() != Some("investor")
                            && !ctx.reporters[m.entity]
                    })
                    .map(|m| m.entity)
            });
        if let Some(org) = org
            && !out.iter().any(|p| p.entity == org)
        {
            out.push(Role {
                entity: org,
                role: "org".into(),
                span: None,
            });
        }
    }

    /// The organization a pronoun in `text` stands for (我/我们 → the narrator's, 公司 → the
    /// document's topic organization).
    fn pronoun_org(
        &self,
        text: &str,
        narrator_org: Option<usize>,
        topic_org: Option<usize>,
    ) -> Option<usize> {
        self.rules.pronoun_matcher.find_iter(text).find_map(|m| {
            match self.rules.pronouns[m.pattern().as_usize()] {
                Refers::Narrator | Refers::NarratorOrg => narrator_org,
                Refers::TopicOrg => topic_org,
                Refers::LastPerson => None,
            }
        })
    }

    /// ORG创始人、CEO PERSON → founder_of, ceo_of (by the title table).
    fn title_relations(
        &self,
        doc: &Document,
        ents: &EntityLayer,
        reporters: &[bool],
    ) -> Vec<RelationMention> {
        let chars = &doc.chars;
        let mut out: Vec<RelationMention> = Vec::new();
        let matches: Vec<(usize, usize, usize)> = self
            .lexicon
            .title_matcher
            .find_iter(&doc.text)
            .map(|m| {
                (
                    doc.char_of_byte(m.start()),
                    doc.char_of_byte(m.end()),
                    m.pattern().as_usize(),
                )
            })
            .collect();
        let is = |m: &Mention, kind: EntityType| ents.entities[m.entity].kind == kind;
        let mut i = 0;
        while i < matches.len() {
            // a chain of titles joined by 、 or 兼
            let mut j = i;
            while j + 1 < matches.len() {
                let gap = &chars[matches[j].1..matches[j + 1].0];
                if gap.iter().all(|c| matches!(c, '、' | '兼' | ' ' | '/')) && gap.len() <= 2 {
                    j += 1;
                } else {
                    break;
                }
            }
            let chain_start = matches[i].0;
            let mut chain_end = matches[j].1;
            // 董事长 张三, 董事长、总经理：张三, 董事长——张三
            while chain_end < chars.len()
                && matches!(
                    chars[chain_end],
                    ' ' | '\u{a0}' | '\u{3000}' | '、' | '：' | ':' | '—'
                )
            {
                chain_end += 1;
            }
            let (org_end, former) = self.before_title(chars, chain_start);
            let title_ends_clause = chars
                .get(matches[j].1)
                .is_none_or(|&c| is_clause_break(c) || matches!(c, '）' | ')'));
            // 某公司董事长张三、总经理李四: a title after a name the title before it introduced
            // is of the same organization
            let listed = (org_end > 0 && chars[org_end - 1] == '、')
                .then(|| out.last())
                .flatten()
                .filter(|r| r.span.1 == org_end - 1)
                .map(|r| (r.target, r.span.0));
            // one edge per relation is kept (the first): a chain's titles go in the order of
            // titles.tsv, highest first (党委书记、董事长 is a chairman)
            let mut chain: Vec<&(usize, usize, usize)> = matches[i..=j].iter().collect();
            chain.sort_by_key(|t| t.2);
            let mut push = |source: usize, target: usize, span: (usize, usize), former: bool| {
                for t in &chain {
                    out.push(RelationMention {
                        source,
                        target,
                        kind: if former {
                            "former_employee_of".into()
                        } else {
                            self.lexicon.titles[t.2].relation.clone()
                        },
                        span,
                        rule: format!("title:{}", self.lexicon.titles[t.2].word),
                    });
                }
            };
            // mentions never overlap and are sorted: the one ending at org_end is the last that
            // starts before it, the one starting at chain_end is found by its start
            let mut before = ents.mentions.partition_point(|m| m.start < org_end);
            let mut left = before
                .checked_sub(1)
                .map(|k| &ents.mentions[k])
                .filter(|m| m.end == org_end);
            // 某集团董事局 + 主席张三: an organization whose name took the title's first word
            // (集团董事局 alone is the word 集团, read below)
            if left.is_none()
                && org_end == chain_start
                && let Some(m) = before
                    .checked_sub(1)
                    .map(|k| &ents.mentions[k])
                    .filter(|m| {
                        m.end > chain_start
                            && m.end < matches[i].1
                            && is(m, EntityType::Organization)
                            && !self
                                .rules
                                .org_words
                                .iter()
                                .any(|(w, _)| w == doc.slice(m.start, chain_start))
                    })
            {
                left = Some(m);
                before = ents.mentions.partition_point(|x| x.start < m.end);
            }
            let org = left.filter(|m| is(m, EntityType::Organization));
            let person = ents
                .mentions
                .get(ents.mentions.partition_point(|m| m.start < chain_end))
                .filter(|m| m.start == chain_end && is(m, EntityType::Person));
            if let (Some(o), Some(p)) = (org, person) {
                push(p.entity, o.entity, (o.start, p.end), former);
            } else if let Some(p) = person
                && left.is_none()
                && let Some((o, start)) = listed
            {
                push(p.entity, o, (start, p.end), former);
            } else if let Some(p) = person
                && left.is_none()
                && let Some((o, start)) = self
                    .org_word_before(doc, ents, org_end)
                    .or_else(|| self.sentence_org(doc, ents, reporters, org_end, chain_start))
            {
                // 公司董事长张三 (公司 for the company named before); 某大学举行……，校长张三
                push(p.entity, o, (start, p.end), former);
            } else if let Some(p) = left.filter(|m| is(m, EntityType::Person))
                && person.is_none()
                && !matches!(chars.get(matches[j].1), Some('：' | ':'))
                && let Some(o) = before
                    .checked_sub(2)
                    .map(|k| &ents.mentions[k])
                    .filter(|m| m.end == p.start && is(m, EntityType::Organization))
            {
                // 某公司张三董事长
                push(p.entity, o.entity, (o.start, matches[j].1), former);
            } else if let Some(o) = org
                && person.is_none()
                && title_ends_clause
            {
                // PERSON 现任 ORG TITLE。: the title ends its clause, so no one named after it
                // holds it instead
                if let Some(p) = before
                    .checked_sub(2)
                    .map(|k| &ents.mentions[k])
                    .filter(|m| is(m, EntityType::Person))
                    && let Some(held_before) = self.title_cue(doc.slice(p.end, o.start))
                {
                    push(
                        p.entity,
                        o.entity,
                        (p.start, matches[j].1),
                        former || held_before,
                    );
                } else if let Some((p, held_before)) = self.sketched_person(doc, ents, o.start) {
                    // 张三，1962年生，某公司董事长，……: the person a sketch opens with
                    push(
                        p.entity,
                        o.entity,
                        (p.start, matches[j].1),
                        former || held_before,
                    );
                }
            } else if left.is_none()
                && person.is_none()
                && title_ends_clause
                && let Some((p, o, held_before)) = self.cue_before_title(doc, ents, org_end)
            {
                // 某公司成立，张三任董事长。: the organization named last before the person
                push(
                    p.entity,
                    o.entity,
                    (o.start, matches[j].1),
                    former || held_before,
                );
            }
            i = j + 1;
        }
        out
    }

    /// Where the organization of a title at `at` ends, past the words that may stand between
    /// them (某银行（600000）的时任董事长), and whether those words say the title was held before.
    fn before_title(&self, chars: &[char], mut at: usize) -> (usize, bool) {
        let mut former = false;
        if let Some((w, f)) = longest_ending_at(chars, at, &self.rules.title_modifiers) {
            at -= w.chars().count();
            former = *f;
        }
        if at > 0 && chars[at - 1] == '的' {
            at -= 1;
        }
        if at > 0 && matches!(chars[at - 1], '）' | ')') {
            let open = chars[at.saturating_sub(24)..at - 1]
                .iter()
                .rposition(|c| matches!(c, '（' | '('));
            if let Some(k) = open {
                at = at.saturating_sub(24) + k;
            }
        }
        (at, former)
    }

    /// A cue of holding (title_cues.tsv) between a person and "ORGANIZATION TITLE", after an
    /// honorific and before a bracket (张三同志现任, 李四博士（现任): whether it says held
    /// before.
    fn title_cue(&self, between: &str) -> Option<bool> {
        let mut rest = between;
        if let Some(h) = self
            .rules
            .honorifics
            .iter()
            .find(|h| rest.starts_with(h.as_str()))
        {
            rest = &rest[h.len()..];
        }
        rest = rest.strip_prefix(['（', '(']).unwrap_or(rest);
        self.rules
            .title_cues
            .iter()
            .find(|(cue, _)| cue == rest)
            .map(|&(_, former)| former)
    }

    /// 张三任董事长: a person and a cue of holding (title_cues.tsv, after an honorific at most)
    /// ending at `at`, and the organization named right before the person, at the end of the
    /// clause before; and whether the cue says held before.
    fn cue_before_title<'e>(
        &self,
        doc: &Document,
        ents: &'e EntityLayer,
        at: usize,
    ) -> Option<(&'e Mention, &'e Mention, bool)> {
        let chars = &doc.chars;
        let (cue, former) = longest_ending_at(chars, at, &self.rules.title_cues)?;
        let mut at = at - cue.chars().count();
        if let Some(h) = self.rules.honorifics.iter().find(|h| ends_at(chars, at, h)) {
            at -= h.chars().count();
        }
        let k = ents
            .mentions
            .partition_point(|m| m.start < at)
            .checked_sub(1)?;
        let p = &ents.mentions[k];
        if p.end != at || ents.entities[p.entity].kind != EntityType::Person {
            return None;
        }
        // the organization ends the clause before the person's (某公司成立了乙公司，张三任董事长;
        // …“乙学校”，聘请张三任校长), not one named inside it (甲和乙成立合资公司，张三任总裁)
        let o = &ents.mentions[k.checked_sub(1)?];
        if ents.entities[o.entity].kind != EntityType::Organization {
            return None;
        }
        let between = doc
            .slice(o.end, p.start)
            .trim_start_matches(['”', '」', '’', '）', ')', '"']);
        let mut rest = between.chars();
        let lead = rest
            .next()
            .is_some_and(|c| matches!(c, '，' | ',' | '；' | ';'));
        let rest: Vec<char> = rest.collect();
        (lead && rest.len() <= 4 && !rest.iter().any(|&c| is_clause_break(c)))
            .then_some((p, o, *former))
    }

    /// 公司董事长张三: a word ending at `at` that stands for an organization (title_context.tsv),
    /// a word of its own there, and the nearest organization of its subtype named before it in
    /// the paragraph: the organization and where the word starts.
    fn org_word_before(
        &self,
        doc: &Document,
        ents: &EntityLayer,
        at: usize,
    ) -> Option<(usize, usize)> {
        let chars = &doc.chars;
        let (word, subtype) = longest_ending_at(chars, at, &self.rules.org_words)?;
        let start = at - word.chars().count();
        // 子公司 is no 公司: the word must begin a word of the best cut of its run of Han
        if start > 0
            && is_han_word_char(chars[start - 1])
            && !self.word_starts(doc, start, at, 12).contains(&start)
        {
            return None;
        }
        let si = doc.sentence_index(start)?;
        let paragraph = doc.sentences[si].paragraph;
        let from = doc
            .sentences
            .iter()
            .find(|s| s.paragraph == paragraph)
            .map_or(0, |s| s.start)
            .max(start.saturating_sub(MAX_CUE * 2));
        // 公司 is first the one named …公司, then any of the subtype
        let head: String = word
            .chars()
            .skip_while(|c| matches!(c, '该' | '本'))
            .collect();
        let orgs = ents.mentions_in(from, start);
        let of_subtype = |m: &&Mention| {
            let e = &ents.entities[m.entity];
            e.kind == EntityType::Organization && e.subtype.as_deref().is_none_or(|s| s == subtype)
        };
        orgs.iter()
            .rev()
            .filter(of_subtype)
            .find(|m| ents.entities[m.entity].name.ends_with(head.as_str()))
            .or_else(|| orgs.iter().rev().find(of_subtype))
            .map(|m| (m.entity, start))
    }

    /// 某大学举行……，校长张三: a title with nothing named before it (past 的 and the words of
    /// `before_title`), in a sentence that opens with an organization (after a date at most):
    /// the organization and where it starts. Not the outlet of a dateline (X 4月30日消息, which
    /// employs nobody it reports on), nor one that another organization of its kind follows
    /// before the title (甲公司获得股权成为乙公司第一大股东，新任董事长张三: which one's, the
    /// sentence does not say; an association it belongs to competes with no company for it).
    fn sentence_org(
        &self,
        doc: &Document,
        ents: &EntityLayer,
        reporters: &[bool],
        org_end: usize,
        chain_start: usize,
    ) -> Option<(usize, usize)> {
        let chars = &doc.chars;
        // after 、 the title is one of a list, not the sentence's (某公司董事长张三、总经理李四)
        let bare = org_end == 0 || {
            let c = chars[org_end - 1];
            c != '、' && (!is_han_word_char(c) || is_clause_break(c))
        };
        if !bare {
            return None;
        }
        let s = doc.sentences[doc.sentence_index(chain_start)?];
        let named = ents.mentions_in(s.start, org_end);
        let first = named.first()?;
        let lead = &chars[s.start..first.start];
        let is_org = |m: &Mention| ents.entities[m.entity].kind == EntityType::Organization;
        (is_org(first)
            && !reporters[first.entity]
            && !named[1..].iter().any(|m| {
                let (a, b) = (&ents.entities[m.entity], &ents.entities[first.entity]);
                is_org(m)
                    && m.entity != first.entity
                    && a.subtype.is_some()
                    && a.subtype == b.subtype
            })
            && (lead.is_empty()
                || lead.last().is_some_and(|&c| is_clause_break(c))
                || lead.iter().all(|&c| !is_han_word_char(c))))
        .then_some((first.entity, first.start))
    }

    /// 张三，1962年生，某公司董事长，: the person a sketch opens with, for a title whose
    /// organization opens a clause (after a cue of title_cues.tsv at most): the person named
    /// last before that clause in the sentence, standing at the start of a clause and followed
    /// by ， or a bracket; and whether the cue says held before.
    fn sketched_person<'e>(
        &self,
        doc: &Document,
        ents: &'e EntityLayer,
        org_start: usize,
    ) -> Option<(&'e Mention, bool)> {
        let chars = &doc.chars;
        let mut at = org_start;
        let mut former = false;
        if let Some(&(ref cue, f)) = longest_ending_at(chars, at, &self.rules.title_cues) {
            at -= cue.chars().count();
            former = f;
        }
        if at == 0 || !(is_clause_break(chars[at - 1]) || chars[at - 1] == '、') {
            return None;
        }
        let s = doc.sentences[doc.sentence_index(org_start)?];
        let p = ents
            .mentions_in(s.start, at)
            .iter()
            .rfind(|m| ents.entities[m.entity].kind == EntityType::Person)?;
        let opens = p.start == s.start || {
            let c = chars[p.start - 1];
            !is_han_word_char(c) || is_clause_break(c)
        };
        let then = chars
            .get(p.end)
            .is_some_and(|&c| matches!(c, '，' | ',' | '（' | '('));
        (opens && then).then_some((p, former))
    }

    /// Relations from the order of two mentions and the words between them (patterns.tsv).
    fn pattern_relations(
        &self,
        doc: &Document,
        ents: &EntityLayer,
        out: &mut Vec<RelationMention>,
    ) {
        for (k, w) in ents.mentions.windows(2).enumerate() {
            let (a, b) = (&w[0], &w[1]);
            if doc.sentence_index(a.start) != doc.sentence_index(b.start) {
                continue;
            }
            let Some(si) = doc.sentence_index(a.start) else {
                continue;
            };
            let sent = doc.sentences[si];
            if b.start - a.end > MAX_CUE {
                continue;
            }
            let (ka, kb) = (ents.entities[a.entity].kind, ents.entities[b.entity].kind);
            let Some(set) = self
                .rules
                .pattern_sets
                .iter()
                .find(|s| s.left == ka && s.right == kb)
            else {
                continue;
            };
            let between = doc.slice(a.end, b.start);
            for i in set.cues.matches(between).iter() {
                let p = &self.rules.patterns[set.patterns[i]];
                if p.then
                    .as_ref()
                    .is_some_and(|re| !re.is_match(doc.slice(b.end, sent.end.min(b.end + MAX_CUE))))
                {
                    continue;
                }
                if p.before.as_ref().is_some_and(|re| {
                    !re.is_match(
                        doc.slice(sent.start.max(a.start.saturating_sub(MAX_CUE)), a.start),
                    )
                }) {
                    continue;
                }
                let (s, t) = if p.from_left {
                    (a.entity, b.entity)
                } else {
                    (b.entity, a.entity)
                };
                out.push(RelationMention {
                    source: s,
                    target: t,
                    kind: p.relation.clone(),
                    span: (a.start, b.end),
                    rule: format!("pattern:{}", p.relation),
                });
                // 甲、乙持有丙; 甲及其子公司乙合计持有丙: each name of a list ending in the
                // source holds the relation
                if p.from_left {
                    let mut j = k;
                    while j > 0 {
                        let (prev, next) = (&ents.mentions[j - 1], &ents.mentions[j]);
                        if ents.entities[prev.entity].kind != ka
                            || prev.start < sent.start
                            || !self
                                .rules
                                .coordinators
                                .is_match(doc.slice(prev.end, next.start))
                        {
                            break;
                        }
                        out.push(RelationMention {
                            source: prev.entity,
                            target: t,
                            kind: p.relation.clone(),
                            span: (prev.start, b.end),
                            rule: format!("pattern:{}", p.relation),
                        });
                        j -= 1;
                    }
                }
            }
        }
    }

    /// 甲公司北京分公司 (a branch the entity stage found, rule `branch_office`) is part of 甲公司
    /// where the document names the parent alone: the organization whose name or a written
    /// form of it begins the branch's name, the longest.
    fn branch_relations(&self, doc: &Document, ents: &EntityLayer, out: &mut Vec<RelationMention>) {
        for m in ents.mentions.iter().filter(|m| m.rule == "branch_office") {
            let branch = doc.slice(m.start, m.end);
            let parent = ents
                .entities
                .iter()
                .enumerate()
                .filter(|&(i, e)| i != m.entity && e.kind == EntityType::Organization)
                .filter_map(|(i, e)| {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .filter(|n| n.len() < branch.len() && branch.starts_with(n.as_str()))
                        .map(String::len)
                        .max()
                        .map(|n| (n, i))
                })
                .max_by_key(|&(n, i)| (n, std::cmp::Reverse(i)));
            if let Some((_, p)) = parent {
                out.push(RelationMention {
                    source: m.entity,
                    target: p,
                    kind: "part_of".into(),
                    span: (m.start, m.end),
                    rule: "branch_office".into(),
                });
            }
        }
    }

    fn event_relations(
        &self,
        doc: &Document,
        events: &[EventMention],
        ents: &EntityLayer,
        out: &mut Vec<RelationMention>,
    ) {
        for ev in events {
            let with = |role: &'static str| {
                ev.participants
                    .iter()
                    .filter(move |p| p.role == role)
                    .map(|p| p.entity)
            };
            let orgs: Vec<usize> = with("org").collect();
            let mut push = |s: usize, t: usize, kind: &str| {
                out.push(RelationMention {
                    source: s,
                    target: t,
                    kind: kind.to_string(),
                    span: ev.name_span,
                    rule: format!("event:{}", ev.rule),
                })
            };
            match ev.kind {
                EventKind::Founding => {
                    for a in with("agent").filter(|&a| ents.entities[a].kind == EntityType::Person)
                    {
                        for &o in &orgs {
                            push(a, o, "founder_of");
                        }
                    }
                }
                EventKind::Funding => {
                    for i in with("investor") {
                        for &o in &orgs {
                            push(i, o, "investor_in");
                        }
                    }
                }
                // 甲入股乙: a stake bought makes its buyer an investor in the company
                EventKind::Acquisition
                    if self
                        .rules
                        .investing
                        .iter()
                        .any(|w| w == doc.slice(ev.trigger.0, ev.trigger.1)) =>
                {
                    for a in with("agent") {
                        for t in with("target") {
                            push(a, t, "investor_in");
                        }
                    }
                }
                EventKind::Departure => {
                    for p in with("person") {
                        for &o in &orgs {
                            push(p, o, "former_employee_of");
                        }
                    }
                }
                EventKind::Join | EventKind::Appointment => {
                    for p in with("person") {
                        for &o in &orgs {
                            push(p, o, "employee_of");
                        }
                    }
                }
                EventKind::ProductLaunch | EventKind::Development => {
                    // the product made is the object: named after the trigger
                    let made = ev.participants.iter().filter(|p| {
                        p.role == "product" && p.span.is_some_and(|s| s.0 >= ev.trigger.1)
                    });
                    for p in made.map(|p| p.entity) {
                        for &o in &orgs {
                            push(o, p, "develops");
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// 我们还做过……平台“X”、平台“Y”: every product of a sentence with a making verb belongs to
    /// the sentence's organization (named before the verb, or the narrator's for 我们/公司).
    fn develop_relations(
        &self,
        doc: &Document,
        ents: &EntityLayer,
        (narrator_org, topic_org): (Option<usize>, Option<usize>),
        out: &mut Vec<RelationMention>,
    ) {
        for (si, s) in doc.sentences.iter().enumerate() {
            let text = doc.sentence_text(si);
            let Some(v) = self.rules.develop_verbs.find(text) else {
                continue;
            };
            let verb_at = s.start + text[..v.start()].chars().count();
            let mentions = ents.mentions_in(s.start, s.end);
            let products: Vec<&Mention> = mentions
                .iter()
                .filter(|m| {
                    ents.entities[m.entity].kind == EntityType::Product && m.start >= verb_at
                })
                .collect();
            if products.is_empty() {
                continue;
            }
            let org = mentions
                .iter()
                .filter(|m| {
                    m.end <= verb_at && ents.entities[m.entity].kind == EntityType::Organization
                })
                .rfind(|m| ents.entities[m.entity].subtype.as_deref() != Some("investor"))
                .map(|m| m.entity)
                .or_else(|| self.pronoun_org(&text[..v.start()], narrator_org, topic_org));
            if let Some(o) = org {
                for p in products {
                    out.push(RelationMention {
                        source: o,
                        target: p.entity,
                        kind: "develops".into(),
                        span: (s.start, s.end),
                        rule: "develop_verb".into(),
                    });
                }
            }
        }
    }

    fn narrator(&self, doc: &Document, ents: &EntityLayer) -> Option<usize> {
        let person_in = |s: usize, e: usize| {
            ents.mentions_in(s, e)
                .iter()
                .find(|m| ents.entities[m.entity].kind == EntityType::Person)
                .map(|m| m.entity)
        };
        for re in &self.rules.narrator_text {
            for c in re.captures_iter(&doc.text) {
                let g = c.name("p")?;
                if let Some(p) = person_in(doc.char_of_byte(g.start()), doc.char_of_byte(g.end())) {
                    return Some(p);
                }
            }
        }
        let first = doc.sentences.first()?;
        let title = doc.slice(first.start, first.end);
        if self
            .rules
            .narrator_title
            .iter()
            .any(|re| re.is_match(title))
        {
            return person_in(first.start, first.end);
        }
        None
    }
}

struct Context<'a> {
    doc: &'a Document,
    ents: &'a EntityLayer,
    times: &'a [TimeMention],
    narrator: Option<usize>,
    narrator_org: Option<usize>,
    topic_org: Option<usize>,
    relations: &'a [RelationMention],
    /// Per entity: the outlet reporting (see `EventStage::reporters`).
    reporters: &'a [bool],
}

/// The organization a document is about: the one it names most, if it names it twice or more
/// (investors aside).
fn topic_org(ents: &EntityLayer, reporters: &[bool]) -> Option<usize> {
    let mut counts = vec![0usize; ents.entities.len()];
    for m in &ents.mentions {
        counts[m.entity] += 1;
    }
    (0..ents.entities.len())
        .filter(|&i| {
            let e = &ents.entities[i];
            e.kind == EntityType::Organization
                && e.subtype.as_deref() != Some("investor")
                && !reporters[i]
                && counts[i] >= 2
        })
        .max_by(|&a, &b| counts[a].cmp(&counts[b]).then(b.cmp(&a)))
}

fn last_person(ctx: &Context, before: usize) -> Option<usize> {
    let si = ctx.doc.sentence_index(before)?;
    let para = ctx.doc.sentences[si].paragraph;
    let sentences = &ctx.doc.sentences;
    let para_start = sentences
        .get(sentences.partition_point(|s| s.paragraph + 1 < para))
        .map_or(0, |s| s.start);
    ctx.ents
        .mentions_in(para_start, before)
        .iter()
        .rev()
        .find(|m| ctx.ents.entities[m.entity].kind == EntityType::Person)
        .map(|m| m.entity)
}

/// A trigger that is a whole item of a list of nouns: followed by 、 and preceded by 、 or 的
/// (提供设计、建造、融资、运营; 项目的融资、投资).
fn is_list_item(chars: &[char], ts: usize, te: usize) -> bool {
    ts > 0 && chars.get(te) == Some(&'、') && matches!(chars[ts - 1], '、' | '的')
}

/// The position after a bracketed aside (（00700，HK）) that starts at `at`, else `at`.
fn skip_bracket(chars: &[char], at: usize, end: usize) -> usize {
    if !matches!(chars.get(at), Some('（' | '(')) {
        return at;
    }
    (at + 1..end)
        .find(|&i| matches!(chars[i], '）' | ')'))
        .map_or(at, |i| i + 1)
}

/// True when `before` (the sentence up to a trigger) leaves a 《 open.
fn in_book_title(before: &[char]) -> bool {
    let open = before.iter().rposition(|&c| c == '《');
    let close = before.iter().rposition(|&c| c == '》');
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// A duration starting within two characters after `te` (创业超20年, 上市两年).
fn duration_follows(times: &[TimeMention], te: usize) -> bool {
    let a = times.partition_point(|t| t.start < te);
    times[a..]
        .iter()
        .take_while(|t| t.start <= te + 2)
        .any(|t| t.kind == TimeType::Duration)
}

fn dated(t: &TimeMention) -> bool {
    t.is_dated() && t.kind != TimeType::Duration
}

/// The date of an event: the time expression of its clause (nearest before the trigger, else
/// after), else the sentence's, else the narrative time when a cue carries it into the sentence,
/// else the date of the paragraph's lead when it reports an announcement (`clause_only`: the
/// clause's time alone).
fn date_for(
    ctx: &Context,
    rules: &EventRules,
    (cs, ce): (usize, usize),
    ts: usize,
    si: usize,
    clause_only: bool,
) -> Option<TimeMention> {
    let times = ctx.times;
    let sent = ctx.doc.sentences[si];
    // 2020年度第三期: a time that labels a name dates nothing (time_labels.tsv)
    let label = |t: &TimeMention| {
        let after = ctx.doc.slice(t.end, (t.end + 4).min(ctx.doc.chars.len()));
        rules
            .time_labels
            .iter()
            .any(|w| after.starts_with(w.as_str()))
    };
    // times are sorted by start (see `run`): the candidates are found by binary search, so
    // that a document with many times and many triggers stays linear
    let in_range = |s: usize, e: usize| {
        let a = times.partition_point(|t| t.start < s);
        let b = times.partition_point(|t| t.start <= e).max(a);
        times[a..b]
            .iter()
            .filter(move |t| t.end <= e && dated(t) && !label(t))
    };
    // a vague time before the trigger (最近一次融资停留在2020年4月) yields to a precise one after
    // it in the same clause
    let vague = |t: &TimeMention| t.modifier == Some(crate::time::TimeMod::Approx);
    let before = in_range(cs, ts).next_back();
    let after = in_range(ts, ce).next();
    let clause_time = match (before, after) {
        (Some(b), Some(a)) if vague(b) && !vague(a) => Some(a),
        (Some(b), _) => Some(b),
        (None, a) => a,
    };
    if let Some(t) = clause_time {
        return Some(t.clone());
    }
    if clause_only {
        return None;
    }
    if let Some(t) = in_range(sent.start, cs)
        .next_back()
        .or_else(|| in_range(ce, sent.end).next())
    {
        return Some(t.clone());
    }
    let opening = ctx.doc.slice(sent.start, (sent.start + 4).min(sent.end));
    if NARRATIVE_CUES.iter().any(|c| opening.starts_with(c)) {
        let para = sent.paragraph;
        let sentences = &ctx.doc.sentences;
        let first = sentences.partition_point(|s| s.paragraph < para);
        let para_start = sentences
            .get(first)
            .filter(|s| s.paragraph == para)
            .map_or(sent.start, |s| s.start);
        return in_range(para_start, sent.start).next_back().cloned();
    }
    // 8月14日晚，甲发布公告。公告显示，甲拟收购乙: a paragraph opening with a dated lead that
    // reports an announcement (datelines.tsv) dates what its later sentences report
    let sentences = &ctx.doc.sentences;
    let first = sentences.partition_point(|s| s.paragraph < sent.paragraph);
    let lead = sentences
        .get(first)
        .filter(|s| s.paragraph == sent.paragraph && first < si)?;
    let t = in_range(lead.start, lead.end).next()?;
    (t.start <= lead.start + DATELINE_REACH
        && rules
            .datelines
            .find(ctx.doc.slice(lead.start, lead.end))
            .is_some())
    .then(|| t.clone())
}

/// How far into its lead sentence a paragraph's date may start, to date the paragraph.
const DATELINE_REACH: usize = 12;
