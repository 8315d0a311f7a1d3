//! The event stage's language knowledge: `data/events/*.tsv` and `data/relations/*.tsv`.
use crate::data::{parse_tsv, read_override, read_words, read_words_by_kind};
use crate::model::{EntityType, EventKind};
use crate::{Error, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexSet};
use std::path::Path;

const TRIGGERS: &str = include_str!("../../data/events/triggers.tsv");
const NEGATION: &str = include_str!("../../data/events/negation.tsv");
const CANCEL_AFTER: &str = include_str!("../../data/events/cancel_after.tsv");
const OBSERVERS: &str = include_str!("../../data/events/observers.tsv");
const ADJUNCTS: &str = include_str!("../../data/events/adjuncts.tsv");
const REPORTERS: &str = include_str!("../../data/events/reporters.tsv");
const DATELINES: &str = include_str!("../../data/events/datelines.tsv");
const SELLERS: &str = include_str!("../../data/events/sellers.tsv");
const DOCUMENT_HEADS: &str = include_str!("../../data/events/document_heads.tsv");
const RETYPE: &str = include_str!("../../data/events/retype.tsv");
const REQUIRES: &str = include_str!("../../data/events/requires.tsv");
const INVESTING: &str = include_str!("../../data/events/investing.tsv");
const MODIFIERS: &str = include_str!("../../data/events/modifiers.tsv");
const PRODUCT_WORDS: &str = include_str!("../../data/events/product_words.tsv");
const LIGHT_VERBS: &str = include_str!("../../data/events/light_verbs.tsv");
const UNITS: &str = include_str!("../../data/events/units.tsv");
const ROUNDS: &str = include_str!("../../data/events/rounds.tsv");
const CONTEXT: &str = include_str!("../../data/events/context.tsv");
const HOLDERS: &str = include_str!("../../data/events/holders.tsv");
const MARKET_WORDS: &str = include_str!("../../data/events/market_words.tsv");
const OFFSET_SUFFIXES: &str = include_str!("../../data/events/offset_suffixes.tsv");
const TIME_LABELS: &str = include_str!("../../data/events/time_labels.tsv");
const FISCAL_PERIODS: &str = include_str!("../../data/events/fiscal_periods.tsv");
const ANAPHORS: &str = include_str!("../../data/events/anaphors.tsv");
const DEVELOP_VERBS: &str = include_str!("../../data/relations/develop_verbs.tsv");
const NARRATOR: &str = include_str!("../../data/relations/narrator.tsv");
const PRONOUNS: &str = include_str!("../../data/relations/pronouns.tsv");
const PATTERNS: &str = include_str!("../../data/relations/patterns.tsv");
const TITLE_CUES: &str = include_str!("../../data/relations/title_cues.tsv");
const COORDINATORS: &str = include_str!("../../data/relations/coordinators.tsv");
const TITLE_CONTEXT: &str = include_str!("../../data/relations/title_context.tsv");

pub struct Trigger {
    pub word: String,
    /// None for a phrase that hides a trigger (上市公司).
    pub kind: Option<EventKind>,
    pub confidence: f32,
    pub id: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refers {
    Narrator,
    NarratorOrg,
    TopicOrg,
    LastPerson,
}

/// A relation read from two neighbouring mentions of a sentence: their types, the text between
/// them (`cue`, matched whole), what must follow the right one (`then`, matched at its start) and
/// what must precede the left one (`before`, matched at its end, in the sentence). All three are
/// regexes; a plain word matches itself.
pub struct RelPattern {
    pub left: EntityType,
    pub cue: Regex,
    pub right: EntityType,
    pub then: Option<Regex>,
    pub before: Option<Regex>,
    pub relation: String,
    pub from_left: bool,
}

/// A word next to a trigger that makes the trigger part of a noun phrase (上市白酒公司, 并购标的,
/// 17家上市公司): no event (modifiers.tsv).
pub struct Modifier {
    /// None: triggers of every type.
    pub kind: Option<EventKind>,
    pub word: String,
    /// True: the word stands before the trigger; false: after it.
    pub before: bool,
    /// How many characters may stand between the trigger and the word.
    pub max_gap: usize,
}

/// Where a word of negation.tsv cancels a trigger from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NegationScope {
    /// Anywhere before the trigger in its clause.
    Clause,
    /// Only right before the trigger (或离职).
    Adjacent,
    /// Also from an earlier clause of the sentence, unless a contrast word stands between.
    Sentence,
    /// Nowhere (如果说; contrast words).
    None,
}

pub struct EventRules {
    pub triggers: Vec<Trigger>,
    pub trigger_matcher: AhoCorasick,
    pub negation: AhoCorasick,
    /// Per negation word: where it cancels a trigger from (negation.tsv).
    pub negation_scope: Vec<NegationScope>,
    /// Per negation word: true for a contrast word (结果, 但), which stops a sentence scope.
    pub negation_contrast: Vec<bool>,
    /// Words after a trigger in its clause that say the event did not happen (上市失败).
    pub cancel_after: AhoCorasick,
    /// Verbs of which an event is the object (欢庆子公司成立): names before them take no part.
    pub observers: AhoCorasick,
    /// Words right before a name (向, 据) that make it an adjunct, never the subject (adjuncts.tsv).
    pub adjunct_before: Vec<String>,
    /// Words right after a name (的) that make it an adjunct, unless the trigger follows them.
    pub adjunct_after: Vec<String>,
    /// (before, after) regexes around an organization's name that make it the reporting outlet
    /// (reporters.tsv): anchored at the end and at the start.
    pub reporters: Vec<(Regex, Regex)>,
    /// (trigger id, word, type): the trigger names an event of that type when the word stands
    /// in its clause outside a name, none when the type is None (retype.tsv).
    pub retype: Vec<(String, String, Option<EventKind>)>,
    /// (trigger id, words): the trigger names its event only when one of the words stands in
    /// its sentence (requires.tsv: 挂牌 lists a company only on a market).
    pub requires: Vec<(String, AhoCorasick)>,
    /// Words of a news lead reporting an announcement (datelines.tsv).
    pub datelines: AhoCorasick,
    /// Last words of a title in 《》 that name a document (document_heads.tsv).
    pub document_heads: Vec<String>,
    /// Those that also end a bare object (发布2023年年度报告): a text published, no product.
    pub document_objects: Vec<String>,
    /// Words after an organization that make it the seller in an acquisition (sellers.tsv).
    pub sellers: Vec<String>,
    /// Words before a name that make it the seller in an acquisition (sellers.tsv: 向).
    pub sellers_before: Vec<String>,
    /// Funding triggers said of the investor (investing.tsv).
    pub investing: Vec<String>,
    /// Words of receiving an investment (获得, 引入): names before them are funded.
    pub receiving: AhoCorasick,
    pub modifiers: Vec<Modifier>,
    /// Characters that may not stand between a trigger and its modifier word.
    pub gap_stops: Vec<char>,
    pub product_words: AhoCorasick,
    pub light_verbs: AhoCorasick,
    /// Words that, in a trigger's sentence, cancel an event of their types (context.tsv).
    pub context: AhoCorasick,
    /// Per word of `context`: the types it cancels (a word may be listed for several).
    pub context_kinds: Vec<Vec<EventKind>>,
    /// Words of the stock market: 上市 among them is a listing (market_words.tsv).
    pub market_words: AhoCorasick,
    /// Position words that stand for the person of a move (holders.tsv).
    pub holders: AhoCorasick,
    /// Endings of time expressions counted from another time (offset_suffixes.tsv).
    pub offset_suffixes: Vec<String>,
    /// Words right after a time that make it a label of a name (time_labels.tsv).
    pub time_labels: Vec<String>,
    /// Words right after a time that make it a period whose results are reported, which a
    /// text is written after (fiscal_periods.tsv).
    pub fiscal_periods: Vec<String>,
    /// Words that point back to the event the text reports (anaphors.tsv: 此轮, 此次).
    pub anaphors: Vec<String>,
    pub amount: Regex,
    pub magnitudes: Vec<(String, f64)>,
    pub currencies: Vec<(String, String)>,
    pub measures: Vec<(String, String)>,
    pub rounds: Vec<(Regex, String)>,
    pub develop_verbs: AhoCorasick,
    pub narrator_text: Vec<Regex>,
    pub narrator_title: Vec<Regex>,
    pub pronouns: Vec<Refers>,
    pub pronoun_matcher: AhoCorasick,
    pub patterns: Vec<RelPattern>,
    /// The cues of the patterns of each (left, right) type pair, as one set: a pair of mentions
    /// is matched against all its cues in one pass. The indices point into `patterns`.
    pub pattern_sets: Vec<PatternSet>,
    /// What joins two names into a list sharing a pattern relation (coordinators.tsv): the
    /// whole text between them.
    pub coordinators: RegexSet,
    /// Words between a person and "ORGANIZATION TITLE" (title_cues.tsv), and per word whether
    /// the title is a former one.
    pub title_cues: Vec<(String, bool)>,
    /// Words between an organization and its title (title_context.tsv), and per word whether
    /// the title is a former one.
    pub title_modifiers: Vec<(String, bool)>,
    /// Words after a person's name, before a title cue (同志, 先生).
    pub honorifics: Vec<String>,
    /// Words standing for an organization named before them, with the subtype it must have.
    pub org_words: Vec<(String, String)>,
}

pub struct PatternSet {
    pub left: EntityType,
    pub right: EntityType,
    pub cues: RegexSet,
    pub patterns: Vec<usize>,
}

fn ac(words: &[String]) -> Result<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(words)
        .map_err(|e| Error::Output(format!("cannot build matcher: {e}")))
}

fn entity_type(file: &str, line: usize, s: &str) -> Result<EntityType> {
    EntityType::parse(s)
        .ok_or_else(|| Error::data(file, line, format!("unknown entity type {s:?}")))
}

/// The event type named in a table's column, or the data error saying which line names none.
fn event_kind(file: &str, line: usize, field: &str) -> Result<EventKind> {
    EventKind::parse(field)
        .ok_or_else(|| Error::data(file, line, format!("unknown event type {field:?}")))
}

impl EventRules {
    pub fn load(dir: Option<&Path>) -> Result<EventRules> {
        let (file, text) = read_override(dir, "events/triggers.tsv", TRIGGERS)?;
        let mut triggers = Vec::new();
        for r in parse_tsv(&file, &text, 4)? {
            let kind = match r.fields[1] {
                "none" => None,
                t => Some(event_kind(&file, r.line, t)?),
            };
            let confidence: f32 = r.fields[2]
                .parse()
                .map_err(|_| Error::data(&file, r.line, "confidence must be a number"))?;
            triggers.push(Trigger {
                word: r.fields[0].to_string(),
                kind,
                confidence,
                id: r.fields[3].to_string(),
            });
        }
        let (file, text) = read_override(dir, "events/negation.tsv", NEGATION)?;
        let mut negation: Vec<String> = Vec::new();
        let mut negation_scope = Vec::new();
        let mut negation_contrast = Vec::new();
        for r in parse_tsv(&file, &text, 2)? {
            negation.push(r.fields[0].to_string());
            negation_scope.push(match r.fields.get(2).map_or("", |s| s.trim()) {
                "" => NegationScope::Clause,
                "adjacent" => NegationScope::Adjacent,
                "sentence" => NegationScope::Sentence,
                "none" => NegationScope::None,
                s => {
                    return Err(Error::data(
                        &file,
                        r.line,
                        format!("scope must be empty, adjacent, sentence or none, not {s:?}"),
                    ));
                }
            });
            negation_contrast.push(r.fields[1].trim() == "contrast");
        }
        let cancel_after: Vec<String> = read_words(dir, "events/cancel_after.tsv", CANCEL_AFTER)?;
        let observers: Vec<String> = read_words(dir, "events/observers.tsv", OBSERVERS)?;
        let [adjunct_before, adjunct_after] = read_words_by_kind(
            dir,
            "events/adjuncts.tsv",
            ADJUNCTS,
            "side",
            ["before", "after"],
        )?;
        let reporters = read_reporters(dir)?;
        let (file, text) = read_override(dir, "events/retype.tsv", RETYPE)?;
        let mut retype = Vec::new();
        for r in parse_tsv(&file, &text, 3)? {
            let kind = match r.fields[2].trim() {
                "none" => None,
                t => Some(event_kind(&file, r.line, t)?),
            };
            if !triggers.iter().any(|t| t.id == r.fields[0]) {
                return Err(Error::data(
                    &file,
                    r.line,
                    format!("no trigger has the id {:?}", r.fields[0]),
                ));
            }
            retype.push((r.fields[0].to_string(), r.fields[1].to_string(), kind));
        }
        let (file, text) = read_override(dir, "events/requires.tsv", REQUIRES)?;
        let mut required: Vec<(String, Vec<String>)> = Vec::new();
        for r in parse_tsv(&file, &text, 2)? {
            if !triggers.iter().any(|t| t.id == r.fields[0]) {
                return Err(Error::data(
                    &file,
                    r.line,
                    format!("no trigger has the id {:?}", r.fields[0]),
                ));
            }
            let word = r.fields[1].to_string();
            match required.iter_mut().find(|(id, _)| id == r.fields[0]) {
                Some((_, words)) => words.push(word),
                None => required.push((r.fields[0].to_string(), vec![word])),
            }
        }
        let requires = required
            .into_iter()
            .map(|(id, words)| Ok((id, ac(&words)?)))
            .collect::<Result<Vec<_>>>()?;
        let [mut document_heads, document_objects] = read_words_by_kind(
            dir,
            "events/document_heads.tsv",
            DOCUMENT_HEADS,
            "where",
            ["title", "object"],
        )?;
        document_heads.extend(document_objects.iter().cloned());
        let [sellers, sellers_before] = read_words_by_kind(
            dir,
            "events/sellers.tsv",
            SELLERS,
            "side",
            ["after", "before"],
        )?;
        let datelines: Vec<String> = read_words(dir, "events/datelines.tsv", DATELINES)?;
        let [investing, receiving] = read_words_by_kind(
            dir,
            "events/investing.tsv",
            INVESTING,
            "kind",
            ["trigger", "receive"],
        )?;
        let (file, text) = read_override(dir, "events/modifiers.tsv", MODIFIERS)?;
        let mut modifiers = Vec::new();
        let mut gap_stops = Vec::new();
        for r in parse_tsv(&file, &text, 4)? {
            if r.fields[2] == "gap_stop" {
                gap_stops.extend(r.fields[1].chars());
                continue;
            }
            let kind = match r.fields[0] {
                "*" => None,
                t => Some(event_kind(&file, r.line, t)?),
            };
            let before = match r.fields[2] {
                "before" => true,
                "after" => false,
                s => {
                    return Err(Error::data(
                        &file,
                        r.line,
                        format!("side must be before|after, not {s:?}"),
                    ));
                }
            };
            let max_gap = r.fields[3]
                .trim()
                .parse()
                .map_err(|_| Error::data(&file, r.line, "max_gap must be a number"))?;
            modifiers.push(Modifier {
                kind,
                word: r.fields[1].to_string(),
                before,
                max_gap,
            });
        }
        let product_words: Vec<String> =
            read_words(dir, "events/product_words.tsv", PRODUCT_WORDS)?;
        let light_verbs: Vec<String> = read_words(dir, "events/light_verbs.tsv", LIGHT_VERBS)?;
        let (file, text) = read_override(dir, "events/context.tsv", CONTEXT)?;
        let mut context_words: Vec<String> = Vec::new();
        let mut context_kinds: Vec<Vec<EventKind>> = Vec::new();
        for r in parse_tsv(&file, &text, 2)? {
            let kind = event_kind(&file, r.line, r.fields[1])?;
            // one pattern per word: the matcher reports a word listed twice only once
            match context_words.iter().position(|w| w == r.fields[0]) {
                Some(i) => context_kinds[i].push(kind),
                None => {
                    context_words.push(r.fields[0].to_string());
                    context_kinds.push(vec![kind]);
                }
            }
        }
        let market_words: Vec<String> = read_words(dir, "events/market_words.tsv", MARKET_WORDS)?;
        let holders: Vec<String> = read_words(dir, "events/holders.tsv", HOLDERS)?;
        let offset_suffixes: Vec<String> =
            read_words(dir, "events/offset_suffixes.tsv", OFFSET_SUFFIXES)?;
        let time_labels: Vec<String> = read_words(dir, "events/time_labels.tsv", TIME_LABELS)?;
        let fiscal_periods: Vec<String> =
            read_words(dir, "events/fiscal_periods.tsv", FISCAL_PERIODS)?;
        let anaphors: Vec<String> = read_words(dir, "events/anaphors.tsv", ANAPHORS)?;
        let (file, text) = read_override(dir, "events/units.tsv", UNITS)?;
        let mut magnitudes = Vec::new();
        let mut currencies = Vec::new();
        let mut measures = Vec::new();
        for r in parse_tsv(&file, &text, 3)? {
            let w = r.fields[0].to_string();
            match r.fields[1] {
                "magnitude" => magnitudes.push((
                    w,
                    r.fields[2]
                        .parse::<f64>()
                        .map_err(|_| Error::data(&file, r.line, "magnitude must be a number"))?,
                )),
                "currency" => currencies.push((w, r.fields[2].to_string())),
                "measure" => measures.push((w, r.fields[2].to_string())),
                k => {
                    return Err(Error::data(
                        &file,
                        r.line,
                        format!("unknown unit kind {k:?}"),
                    ));
                }
            }
        }
        let alt = |v: &mut Vec<String>| {
            v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
            v.iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|")
        };
        let mut mags: Vec<String> = magnitudes.iter().map(|m| m.0.clone()).collect();
        let mut units: Vec<String> = currencies
            .iter()
            .map(|m| m.0.clone())
            .chain(measures.iter().map(|m| m.0.clone()))
            .collect();
        let amount = Regex::new(&format!(
            r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+)(?P<approx>多|余|几)?(?P<mag>(?:{})+)?(?P<approx2>多|余)?(?P<unit>{})",
            alt(&mut mags),
            alt(&mut units)
        ))
        .map_err(|e| Error::data(&file, 0, e.to_string()))?;
        let (file, text) = read_override(dir, "events/rounds.tsv", ROUNDS)?;
        let mut rounds = Vec::new();
        for r in parse_tsv(&file, &text, 2)? {
            let re =
                Regex::new(r.fields[0]).map_err(|e| Error::data(&file, r.line, e.to_string()))?;
            rounds.push((re, r.fields[1].to_string()));
        }
        let develop: Vec<String> = read_words(dir, "relations/develop_verbs.tsv", DEVELOP_VERBS)?;
        let (file, text) = read_override(dir, "relations/narrator.tsv", NARRATOR)?;
        let mut narrator_text = Vec::new();
        let mut narrator_title = Vec::new();
        for r in parse_tsv(&file, &text, 2)? {
            let re =
                Regex::new(r.fields[0]).map_err(|e| Error::data(&file, r.line, e.to_string()))?;
            if re.capture_names().all(|n| n != Some("p")) {
                return Err(Error::data(&file, r.line, "pattern has no (?P<p>…) group"));
            }
            match r.fields[1] {
                "text" => narrator_text.push(re),
                "title" => narrator_title.push(re),
                s => {
                    return Err(Error::data(
                        &file,
                        r.line,
                        format!("scope must be text|title, not {s:?}"),
                    ));
                }
            }
        }
        let (file, text) = read_override(dir, "relations/pronouns.tsv", PRONOUNS)?;
        let mut pronoun_words = Vec::new();
        let mut pronouns = Vec::new();
        for r in parse_tsv(&file, &text, 2)? {
            pronoun_words.push(r.fields[0].to_string());
            pronouns.push(match r.fields[1] {
                "narrator" => Refers::Narrator,
                "narrator_org" => Refers::NarratorOrg,
                "topic_org" => Refers::TopicOrg,
                "last_person" => Refers::LastPerson,
                s => {
                    return Err(Error::data(
                        &file,
                        r.line,
                        format!("unknown referent {s:?}"),
                    ));
                }
            });
        }
        let (file, text) = read_override(dir, "relations/patterns.tsv", PATTERNS)?;
        let mut patterns = Vec::new();
        let anchored = |line: usize, re: &str, prefix: &str, suffix: &str| {
            Regex::new(&format!("{prefix}(?:{re}){suffix}"))
                .map_err(|e| Error::data(&file, line, e.to_string()))
        };
        for r in parse_tsv(&file, &text, 6)? {
            let optional = |i: usize, prefix: &str, suffix: &str| match r.fields.get(i) {
                Some(f) if !f.trim().is_empty() => {
                    anchored(r.line, f.trim(), prefix, suffix).map(Some)
                }
                _ => Ok(None),
            };
            patterns.push(RelPattern {
                left: entity_type(&file, r.line, r.fields[0])?,
                cue: anchored(r.line, r.fields[1], "^", "$")?,
                right: entity_type(&file, r.line, r.fields[2])?,
                then: optional(3, "^", "")?,
                before: optional(6, "", "$")?,
                relation: r.fields[4].to_string(),
                from_left: match r.fields[5].trim() {
                    "left" => true,
                    "right" => false,
                    s => {
                        return Err(Error::data(
                            &file,
                            r.line,
                            format!("from must be left|right, not {s:?}"),
                        ));
                    }
                },
            });
        }
        let mut pattern_sets: Vec<PatternSet> = Vec::new();
        let mut pairs: Vec<(EntityType, EntityType)> = Vec::new();
        for p in &patterns {
            if !pairs.contains(&(p.left, p.right)) {
                pairs.push((p.left, p.right));
            }
        }
        for (left, right) in pairs {
            let idx: Vec<usize> = (0..patterns.len())
                .filter(|&i| patterns[i].left == left && patterns[i].right == right)
                .collect();
            let cues = RegexSet::new(idx.iter().map(|&i| patterns[i].cue.as_str()))
                .map_err(|e| Error::data(&file, 0, e.to_string()))?;
            pattern_sets.push(PatternSet {
                left,
                right,
                cues,
                patterns: idx,
            });
        }
        let (file, text) = read_override(dir, "relations/coordinators.tsv", COORDINATORS)?;
        let coordinators = RegexSet::new(
            parse_tsv(&file, &text, 1)?
                .iter()
                .map(|r| format!("^(?:{})$", r.fields[0].trim())),
        )
        .map_err(|e| Error::data(&file, 0, e.to_string()))?;
        let [now, former] = read_words_by_kind(
            dir,
            "relations/title_cues.tsv",
            TITLE_CUES,
            "held",
            ["now", "former"],
        )?;
        let title_cues: Vec<(String, bool)> = (now.into_iter().map(|w| (w, false)))
            .chain(former.into_iter().map(|w| (w, true)))
            .collect();
        let [now, former, honorifics, company, university] = read_words_by_kind(
            dir,
            "relations/title_context.tsv",
            TITLE_CONTEXT,
            "kind",
            ["now", "former", "honorific", "company", "university"],
        )?;
        let title_modifiers: Vec<(String, bool)> = (now.into_iter().map(|w| (w, false)))
            .chain(former.into_iter().map(|w| (w, true)))
            .collect();
        let org_words: Vec<(String, String)> = (company.into_iter().map(|w| (w, "company".into())))
            .chain(university.into_iter().map(|w| (w, "university".into())))
            .collect();
        Ok(EventRules {
            trigger_matcher: ac(&triggers.iter().map(|t| t.word.clone()).collect::<Vec<_>>())?,
            triggers,
            negation: ac(&negation)?,
            negation_scope,
            negation_contrast,
            cancel_after: ac(&cancel_after)?,
            observers: ac(&observers)?,
            adjunct_before,
            adjunct_after,
            reporters,
            retype,
            requires,
            investing,
            receiving: ac(&receiving)?,
            datelines: ac(&datelines)?,
            sellers,
            sellers_before,
            document_heads,
            document_objects,
            modifiers,
            gap_stops,
            product_words: ac(&product_words)?,
            light_verbs: ac(&light_verbs)?,
            context: AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&context_words)
                .map_err(|e| Error::Output(format!("cannot build matcher: {e}")))?,
            context_kinds,
            market_words: ac(&market_words)?,
            holders: ac(&holders)?,
            offset_suffixes,
            time_labels,
            fiscal_periods,
            anaphors,
            amount,
            magnitudes,
            currencies,
            measures,
            rounds,
            develop_verbs: ac(&develop)?,
            narrator_text,
            narrator_title,
            pronouns,
            pronoun_matcher: ac(&pronoun_words)?,
            patterns,
            pattern_sets,
            coordinators,
            title_cues,
            title_modifiers,
            honorifics,
            org_words,
        })
    }
}

/// The patterns of `events/reporters.tsv` (告诉@, 据@了解) as (before the name, anchored at its
/// end; after the name, anchored at its start): read by the entity stage too, which types such
/// an organization as a news outlet.
pub fn read_reporters(dir: Option<&Path>) -> Result<Vec<(Regex, Regex)>> {
    let (file, text) = read_override(dir, "events/reporters.tsv", REPORTERS)?;
    let mut reporters = Vec::new();
    for r in parse_tsv(&file, &text, 1)? {
        let Some((b, a)) = r.fields[0].split_once('@') else {
            return Err(Error::data(&file, r.line, "pattern has no @ for the name"));
        };
        let re = |s: String| Regex::new(&s).map_err(|e| Error::data(&file, r.line, e.to_string()));
        reporters.push((re(format!("(?:{b})$"))?, re(format!("^(?:{a})"))?));
    }
    Ok(reporters)
}
