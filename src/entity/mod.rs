//! The entity stage: people, organizations, products, places and works, from four sources
//! combined under one priority rule (see [`select`]), then resolved to one entity per real
//! name in the document.
pub mod lexicon;
mod names;

use crate::document::Document;
use crate::model::EntityType;
use crate::words::Words;
pub use lexicon::Lexicon;
use regex::Regex;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

/// A word of the segmentation (`crate::words`), in cleaned-text chars; its tag is read with
/// [`Words::tag_of`].
#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub word: crate::words::Cut<'a>,
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub kind: EntityType,
    pub subtype: Option<String>,
    pub name: String,
    pub aliases: BTreeSet<String>,
}

impl Entity {
    pub fn id(&self) -> String {
        format!("{}:{}", self.kind.id_prefix(), self.name)
    }
}

/// One occurrence of an entity in the cleaned text.
#[derive(Clone, Debug)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub rule: &'static str,
}

#[derive(Default)]
pub struct EntityLayer {
    pub entities: Vec<Entity>,
    /// Sorted by start; never overlapping.
    pub mentions: Vec<Mention>,
}

impl EntityLayer {
    /// Mentions that lie inside `[start, end)`.
    pub fn mentions_in(&self, start: usize, end: usize) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.start < start);
        let b = self.mentions.partition_point(|m| m.start < end);
        let b = (a..b)
            .rev()
            .find(|&i| self.mentions[i].end <= end)
            .map_or(a, |i| i + 1);
        &self.mentions[a..b.max(a)]
    }
}

/// A span proposed by one source, before selection.
#[derive(Clone, Debug)]
pub struct Candidate<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    pub subtype: Option<Cow<'a, str>>,
    /// The canonical name when the source knows it (lexicon), else the surface.
    pub name: Option<Cow<'a, str>>,
    pub aliases: Cow<'a, [String]>,
    /// 0 user lexicon, 1 lexicon and patterns, 2 statistical tagger, 3 jieba's tags.
    pub tier: u8,
    pub rule: &'static str,
}

impl Candidate<'_> {
    /// Whether the lexicon, built in or the user's, proposed it.
    fn is_lexicon(&self) -> bool {
        from_lexicon(self.rule)
    }
}

/// Whether a candidate's or mention's rule is the lexicon's, built in or the user's.
fn from_lexicon(rule: &str) -> bool {
    matches!(rule, "lexicon" | "user_lexicon")
}

/// The words and tags (`crate::words`, with the HMM) of the sentences that hold a title, where
/// a title calls for a name, as one sequence: segmenting every sentence would cost more than
/// all the other sources together. A sentence is cut run by run ([`crate::words::cut_in_runs`]),
/// so only the runs that the rules read around a title are cut, when first read.
struct TitleWords<'s> {
    doc: &'s Document,
    words: &'s Words,
    /// Indexes of the sentences where a title begins, ascending.
    sentences: Vec<usize>,
    /// The runs cut so far, by start: their end and their words.
    runs: std::collections::BTreeMap<usize, (usize, Vec<Token<'s>>)>,
}

impl<'s> TitleWords<'s> {
    fn new(doc: &'s Document, words: &'s Words, titles: impl Iterator<Item = usize>) -> Self {
        let mut sentences: Vec<usize> = titles.filter_map(|t| doc.sentence_index(t)).collect();
        sentences.dedup();
        TitleWords {
            doc,
            words,
            sentences,
            runs: Default::default(),
        }
    }

    /// The words of the run that holds character `q`; none outside the sentences with a title.
    fn run_at(&mut self, q: usize) -> Option<&[Token<'s>]> {
        let si = self.doc.sentence_index(q)?;
        self.sentences.binary_search(&si).ok()?;
        let s = &self.doc.sentences[si];
        let chars = &self.doc.chars;
        let kind = crate::words::cut_in_runs(chars[q]);
        let mut a = q;
        while a > s.start && crate::words::cut_in_runs(chars[a - 1]) == kind {
            a -= 1;
        }
        let (doc, words) = (self.doc, self.words);
        let run = self.runs.entry(a).or_insert_with(|| {
            let mut b = q + 1;
            while b < s.end && crate::words::cut_in_runs(chars[b]) == kind {
                b += 1;
            }
            let mut pos = a;
            let tokens = words
                .cut(doc.slice(a, b), true)
                .into_iter()
                .map(|w| {
                    let n = w.word.chars().count();
                    pos += n;
                    Token {
                        start: pos - n,
                        end: pos,
                        word: w,
                    }
                })
                .collect();
            (b, tokens)
        });
        Some(&run.1)
    }

    /// The word that begins at character `q`.
    fn starting_at(&mut self, q: usize) -> Option<Token<'s>> {
        let run = self.run_at(q)?;
        let i = run.binary_search_by(|t| t.start.cmp(&q)).ok()?;
        Some(run[i].clone())
    }

    /// The word that ends at character `q`.
    fn ending_at(&mut self, q: usize) -> Option<Token<'s>> {
        let run = self.run_at(q.checked_sub(1)?)?;
        let i = run.binary_search_by(|t| t.end.cmp(&q)).ok()?;
        Some(run[i].clone())
    }

    /// The word after `t` in the sequence: the next of its sentence, or the first of the next
    /// sentence with a title.
    fn after(&mut self, t: &Token<'_>) -> Option<Token<'s>> {
        let si = self.doc.sentence_index(t.start)?;
        if t.end < self.doc.sentences[si].end {
            return self.starting_at(t.end);
        }
        let k = self.sentences.partition_point(|&x| x <= si);
        let next = self.sentences[k..]
            .iter()
            .map(|&x| &self.doc.sentences[x])
            .find(|s| s.start < s.end)?
            .start;
        self.starting_at(next)
    }
}

/// The Han text around a span, a few characters each side, for segmenting it with its
/// context; none when neither edge of the span touches Han text, where no word can cross.
fn han_context(chars: &[char], start: usize, end: usize) -> Option<(usize, usize)> {
    const CONTEXT: usize = 4;
    let han = |i: usize| chars.get(i).is_some_and(|&c| is_han(c));
    let open_left = start > 0 && han(start - 1) && han(start);
    let open_right = end > 0 && han(end) && han(end - 1);
    if !open_left && !open_right {
        return None;
    }
    let mut from = start;
    while from > 0 && start - from < CONTEXT && han(from - 1) {
        from -= 1;
    }
    let mut to = end;
    while to - end < CONTEXT && han(to) {
        to += 1;
    }
    Some((from, to))
}

/// A tagged span without the repetitions of informal writing: a character written three
/// times or more is emphasis, not part of a name (超超超美, 唐唐唐唐秋云), while a doubled
/// character alone may be a nickname (乐乐); a name written twice in a row (徐妍徐妍) is two
/// mentions.
fn repeated_name_pieces(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let run_at = |i: usize| {
        let c = chars[i];
        let mut a = i;
        while a > 0 && chars[a - 1] == c {
            a -= 1;
        }
        let mut b = i + 1;
        while b < chars.len() && chars[b] == c {
            b += 1;
        }
        (a, b)
    };
    let (mut s, mut e) = (start, end);
    let (_, b) = run_at(s);
    if b - run_at(s).0 >= 3 && is_han(chars[s]) {
        s = b.min(e) - 1;
    }
    let (a, _) = run_at(e - 1);
    if run_at(e - 1).1 - a >= 3 && is_han(chars[e - 1]) {
        e = (a + 1).max(s + 1);
    }
    let n = e - s;
    if n >= 4 && n % 2 == 0 && chars[s..s + n / 2] == chars[s + n / 2..e] {
        return vec![(s, s + n / 2), (s + n / 2, e)];
    }
    vec![(s, e)]
}

/// Whether a tagged span that is all Latin could be a name: whole words (not `nchanged` out
/// of `unchanged`), and a capital or a digit in it, since English writes names that way and
/// the tagger, trained on Chinese, takes lowercase words (links, purchase) for names. The
/// capital is asked for only in `cased` text, where some Latin letter is a capital: text
/// that was lowercased as a whole has lost the signal.
fn whole_latin_name(chars: &[char], s: usize, e: usize, cased: bool) -> bool {
    let span = &chars[s..e];
    if !span.iter().all(char::is_ascii) {
        return true;
    }
    let letter = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let inside_word = (s > 0 && letter(s - 1)) || letter(e);
    let capital = span
        .iter()
        .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    !inside_word && (capital || !cased)
}

/// Whether `long` (which begins with `short`) is a full form of `short`: a few more Han
/// characters (阿里 → 阿里巴巴), or one or two more Latin words (Epic → Epic Games).
fn short_form_of(short: &str, long: &str) -> bool {
    let rest = &long[short.len()..];
    if short.is_ascii() && rest.starts_with(' ') {
        return rest.split_whitespace().count() <= 2;
    }
    !rest.starts_with(' ') && rest.chars().count() <= 4
}

/// A character that never stands inside a name: a list marker (①, ❶, ㈠) or a clause mark.
fn separates_names(c: char) -> bool {
    matches!(c, '\u{2460}'..='\u{24ff}' | '\u{2776}'..='\u{2793}' | '\u{3220}'..='\u{325f}' | '\u{3280}'..='\u{32bf}')
        || matches!(c, '、' | '，' | '。' | '；' | '：' | '！' | '？')
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// An organization the text gives no subtype takes one from its neighbours: the subtype all
/// the other typed organizations of its 、-list share (科大讯飞、X、和晶科技集体冲高: a
/// company), or that of an organization of the document or the lexicon whose name begins its
/// own, when that one is a company or a government body (索尼音乐 of 索尼, 欧盟竞争委员会 of
/// 欧盟).
fn infer_subtypes(
    doc: &Document,
    entities: &mut [Entity],
    mentions: &[Mention],
    lexicon: &Lexicon,
) {
    let open = |e: &Entity| e.kind == EntityType::Organization && e.subtype.is_none();
    // lists: runs of two or more organization mentions joined by 、 alone
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let joined = run.last().is_some_and(|&p| {
            mentions[p].end <= m.start && doc.slice(mentions[p].end, m.start) == "、"
        });
        if !joined || entities[m.entity].kind != EntityType::Organization {
            if run.len() >= 2 {
                lists.push(std::mem::take(&mut run));
            }
            run.clear();
        }
        if entities[m.entity].kind == EntityType::Organization {
            run.push(k);
        }
    }
    if run.len() >= 2 {
        lists.push(run);
    }
    let mut given: Vec<(usize, String)> = Vec::new();
    for list in &lists {
        let mut typed = list
            .iter()
            .filter_map(|&k| entities[mentions[k].entity].subtype.as_deref());
        let Some(first) = typed.next() else { continue };
        if typed.any(|t| t != first) {
            continue;
        }
        for &k in list {
            if open(&entities[mentions[k].entity]) {
                given.push((mentions[k].entity, first.to_string()));
            }
        }
    }
    for (i, subtype) in given {
        entities[i].subtype.get_or_insert(subtype);
    }
    // names that begin with another organization's name
    let head_subtype = |s: Option<&str>| matches!(s, Some("company" | "government"));
    let heads: Vec<(String, String)> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Organization && head_subtype(e.subtype.as_deref()))
        .flat_map(|e| {
            let subtype = e.subtype.clone().unwrap_or_default();
            std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .filter(|n| n.chars().count() >= 2)
                .map(move |n| (n, subtype.clone()))
        })
        .collect();
    for e in entities.iter_mut().filter(|e| open(e)) {
        let in_document = heads
            .iter()
            .filter(|(n, _)| e.name.len() > n.len() && e.name.starts_with(n.as_str()))
            .max_by_key(|(n, _)| n.len())
            .map(|(_, t)| t.clone());
        let listed = || {
            let ends: Vec<usize> = e.name.char_indices().map(|(i, _)| i).skip(2).collect();
            ends.into_iter().rev().find_map(|i| {
                let l = &lexicon.entries[*lexicon.by_surface.get(&e.name[..i])?];
                (l.kind == EntityType::Organization && head_subtype(l.subtype.as_deref()))
                    .then(|| l.subtype.clone())
                    .flatten()
            })
        };
        if let Some(subtype) = in_document.or_else(listed) {
            e.subtype = Some(subtype);
        }
    }
}

/// The dot between the parts of a transliterated name (瓦妮莎・帕帕斯).
fn is_name_dot(c: char) -> bool {
    matches!(c, '·' | '・' | '•' | '‧' | '･')
}

fn is_name_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '·' | '•' | '-' | '.' | '&' | '+')
}

fn is_open_quote(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '「' => '」',
        '『' => '』',
        '"' => '"',
        '‘' => '’',
        '《' => '》',
        _ => return None,
    })
}

/// Full-width ASCII to half-width, for names written either way.
pub fn normalize_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

pub struct EntityStage<'a> {
    pub lexicon: &'a Lexicon,
    pub words: &'a Words,
}

/// Whether a stock code in brackets begins at `p`: （600597）, (00700.HK), （股票代码：600597）.
fn stock_code_at(chars: &[char], p: usize) -> bool {
    let window: String = chars[p..chars.len().min(p + 20)].iter().collect();
    STOCK_CODE.is_match(&window)
}

/// A name right before a stock code in brackets (X（600663）) is a listed company, whatever
/// else the name reads as alone (a district's name, a person's).
fn listed_companies(doc: &Document, chosen: &mut [Candidate<'_>]) {
    for c in chosen.iter_mut() {
        if c.kind != EntityType::Organization && stock_code_at(&doc.chars, c.end) {
            c.kind = EntityType::Organization;
            c.subtype = Some(Cow::Borrowed("company"));
            c.name = Some(Cow::Owned(doc.chars[c.start..c.end].iter().collect()));
            c.aliases = Cow::Borrowed(&[]);
        }
    }
}

static STOCK_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[（(](?:(?:股票|证券)?代码[:：]?\s*)?(?:[A-Z]{2}[.:]?)?\d{4,6}(?:\.[A-Za-z]{2})?[）)]",
    )
    .expect("static regex")
});

/// The dateline of a news outlet after its name: 8月29日讯, 北京3月1日电, 2021年8月29日讯.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\p{Han}{2,3})?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:讯|电)")
        .expect("static regex")
});

/// A Han name followed by its romanization in brackets: 周受资（Shouzi Chew）.
static ROMANIZED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han}{2,})[（(]([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,2})[）)]")
        .expect("static regex")
});

static LATIN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z][A-Za-z0-9]*(?:[.\-+&'][A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*){0,3}")
        .expect("static regex")
});

impl<'l> EntityStage<'l> {
    pub fn run(&self, doc: &Document) -> EntityLayer {
        let chars = &doc.chars;
        let mut cands = Vec::new();
        self.lexicon_candidates(doc, &mut cands);
        let mut occupied = vec![None::<EntityType>; chars.len()];
        for c in &cands {
            for o in &mut occupied[c.start..c.end] {
                *o = Some(c.kind);
            }
        }
        self.title_persons(doc, &mut cands);
        self.cue_names(doc, &occupied, &mut cands);
        self.suffix_names(doc, &occupied, &mut cands);
        self.quoted_names(doc, &mut cands);
        self.latin_names(doc, &mut cands);
        self.romanized_persons(doc, &mut cands);
        self.repeat_names(doc, &mut cands, 1);
        self.model_names(doc, &mut cands);
        self.repeat_names(doc, &mut cands, 2);
        self.industry_names(doc, &occupied, &mut cands);
        self.source_names(doc, &occupied, &mut cands);
        self.bracket_names(doc, &occupied, &mut cands);
        self.facility_places(doc, &mut cands);
        self.investment_arms(doc, &mut cands);
        self.branch_offices(doc, &mut cands);
        self.brand_models(doc, &mut cands);
        self.byline_names(doc, &mut cands);
        self.kin_persons(doc, &mut cands);
        self.gloss_types(doc, &mut cands);
        self.promote_containing(doc, &mut cands);
        let mut chosen = select(cands);
        listed_companies(doc, &mut chosen);
        self.media_outlets(doc, &mut chosen);
        resolve(doc, chosen, self.lexicon)
    }

    /// 小米资本, 联想创投, 甲Capital: a known organization and an investor's suffix right after
    /// it (`org_suffixes.tsv`, subtype investor) name the organization's investment arm, a firm
    /// of its own, not the company: the longer name wins over the lexicon's shorter one. A
    /// suffix that is also a verb (腾讯投资了乙) or that begins a longer word (基金会) is none.
    fn investment_arms(&self, doc: &Document, cands: &mut Vec<Candidate<'l>>) {
        let chars = &doc.chars;
        let known: Vec<(usize, usize)> = cands
            .iter()
            .filter(|c| c.kind == EntityType::Organization && c.is_lexicon())
            .map(|c| (c.start, c.end))
            .collect();
        for (start, oe) in known {
            let Some(suffix) = self.lexicon.suffixes.iter().find(|x| {
                x.keep
                    && x.subtype == "investor"
                    && doc.slice(oe, chars.len()).starts_with(x.word.as_str())
            }) else {
                continue;
            };
            let end = oe + suffix.word.chars().count();
            // the known name that already ends with the suffix (甲资本) takes no second one
            if doc.slice(start, oe).ends_with(suffix.word.as_str())
                || (suffix.word.is_ascii()
                    && chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric()))
                || self.word_runs_past(doc, oe, end)
                || self.reads_as_verb(&suffix.word)
            {
                continue;
            }
            cands.push(Candidate {
                start,
                end,
                kind: EntityType::Organization,
                subtype: Some(Cow::Borrowed("investor")),
                name: None,
                aliases: Cow::Borrowed(&[]),
                tier: 1,
                rule: "investment_arm",
            });
        }
    }

    /// 国贸商城, X广场: a known place and a facility word after it (`facility_words.tsv`) are a
    /// building or venue (a place, subtype landmark), unless the company's own words follow it
    /// (strong evidence of `company_evidence.tsv`: X商场股价, X商场（600000）): then it is the
    /// company that runs it.
    fn facility_places(&self, doc: &Document, cands: &mut Vec<Candidate<'l>>) {
        let chars = &doc.chars;
        let ev = &self.lexicon.company_evidence;
        let places: Vec<(usize, usize)> = cands
            .iter()
            .filter(|c| c.kind == EntityType::Place && c.is_lexicon())
            .map(|c| (c.start, c.end))
            .collect();
        for (start, pe) in places {
            let Some(word) = self.lexicon.facility_words.iter().find(|w| {
                let n = w.chars().count();
                pe + n <= chars.len() && doc.slice(pe, pe + n) == w.as_str()
            }) else {
                continue;
            };
            let end = pe + word.chars().count();
            let company = stock_code_at(chars, end)
                || (1..=ev.max_len.min(chars.len() - end))
                    .any(|k| ev.after.get(doc.slice(end, end + k)) == Some(&true));
            // a word that runs on past the facility word (广场舞) is another word
            if self.word_runs_past(doc, pe, end) {
                continue;
            }
            let (kind, subtype) = if company {
                (EntityType::Organization, "company")
            } else {
                // the tagger's organization of the same span yields (it reads a name ending
                // with 商城 as a company's)
                cands.retain(|c| {
                    !(c.tier == 2
                        && c.kind == EntityType::Organization
                        && c.start == start
                        && c.end == end)
                });
                (EntityType::Place, "landmark")
            };
            cands.push(Candidate {
                start,
                end,
                kind,
                subtype: Some(Cow::Borrowed(subtype)),
                name: None,
                aliases: Cow::Borrowed(&[]),
                tier: 1,
                rule: "place_facility",
            });
        }
    }

    /// 小米11, 华为 Mate 40, 甲 X3 Pro: a company (from the lexicon, or named by a pattern of
    /// the document) or a known product and a model code after it, glued or after one space, are
    /// one product. The code is a Latin-and-digit token holding a digit (not a common word: 5G,
    /// Q3), or a Latin word before such a token (Mate 40); model suffixes (`model_words.tsv`:
    /// Pro, Max, 至尊版, DM-i) after it belong to the name. A code of digits alone must be short
    /// (2021 is a year, 600519 a stock code) and must not be followed by a unit (小米10亿元,
    /// 华为2021年, 小米11月), a decimal or a date's separator. A model may be a Han name too (a
    /// name-like word of the segmenter: 甲宋L, 甲双擎凯美瑞) when a code, a suffix or a powertrain
    /// prefix marks it; a prefix and such a name are a product without a brand as well. The
    /// model's code, named again alone in the document (Mate 40), is the same product.
    fn brand_models(&self, doc: &Document, cands: &mut Vec<Candidate<'l>>) {
        let chars = &doc.chars;
        let mut brands: Vec<usize> = (0..cands.len())
            .filter(|&i| {
                let c = &cands[i];
                match c.kind {
                    EntityType::Organization => {
                        (c.is_lexicon() && c.subtype.as_deref() == Some("company"))
                            || (!c.is_lexicon()
                                && c.tier == 1
                                && matches!(c.subtype.as_deref(), None | Some("company")))
                    }
                    EntityType::Product => c.is_lexicon(),
                    _ => false,
                }
            })
            .collect();
        brands.sort_by_key(|&i| (cands[i].start, cands[i].end));
        brands.dedup_by_key(|i| (cands[*i].start, cands[*i].end));
        let known_starts: HashSet<usize> = cands
            .iter()
            .filter(|c| c.is_lexicon())
            .map(|c| c.start)
            .collect();
        let mut models: Vec<Candidate<'l>> = Vec::new();
        // the model's code, where it begins, for its mentions alone
        let mut codes: Vec<(usize, usize, usize)> = Vec::new();
        for i in brands {
            let (start, be, tier) = (cands[i].start, cands[i].end, cands[i].tier);
            let product = cands[i].kind == EntityType::Product;
            // a model of a known product is of its kind (a game, a device); a brand's is untyped
            let subtype = if product {
                cands[i].subtype.clone()
            } else {
                None
            };
            let Some((code, end)) = self
                .latin_model(doc, be, &known_starts)
                .or_else(|| {
                    self.han_model(doc, be, !product && !known_starts.contains(&be))
                        .map(|e| (be, e))
                })
                // a known product's edition or powertrain (甲秦PLUS, 甲SU7 Ultra)
                .or_else(|| {
                    Some(self.model_suffixes_end(doc, be))
                        .filter(|&e| product && e > be)
                        .map(|e| (be, e))
                })
            else {
                continue;
            };
            // the model's own name: after the brand, or the Latin part of a known product
            // (甲Mate of the lexicon, then 40)
            let own = if product {
                (start..be)
                    .find(|&k| chars[k].is_ascii_alphabetic())
                    .filter(|&k| k > start)
                    .unwrap_or(code)
            } else {
                code
            };
            if chars[own].is_ascii_alphabetic() {
                codes.push((own, end, models.len()));
            }
            models.push(Candidate {
                start,
                end,
                kind: EntityType::Product,
                subtype,
                name: None,
                aliases: Cow::Borrowed(&[]),
                tier,
                rule: "brand_model",
            });
        }
        // 双擎凯美瑞: a powertrain and a Han model name, no brand
        for w in &self.lexicon.model_prefixes {
            let n = w.chars().count();
            let mut p = 0;
            while let Some(k) = doc.slice(p, chars.len()).find(w.as_str()) {
                let s = p + doc.slice(p, chars.len())[..k].chars().count();
                p = s + n;
                if let Some(end) = self.han_model(doc, s, false) {
                    models.push(Candidate {
                        start: s,
                        end,
                        kind: EntityType::Product,
                        subtype: None,
                        name: None,
                        aliases: Cow::Borrowed(&[]),
                        tier: 1,
                        rule: "brand_model",
                    });
                }
            }
        }
        // Mate 40 named alone after 甲Mate 40: the same product, by the brand's full name
        const MIN_CODE: usize = 3;
        for &(code, end, m) in &codes {
            let text = doc.slice(code, end);
            if end - code < MIN_CODE || !text.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let full: String = doc.slice(models[m].start, end).to_string();
            let n = end - code;
            let mut p = 0;
            while let Some(k) = doc.slice(p, chars.len()).find(text) {
                let s = p + doc.slice(p, chars.len())[..k].chars().count();
                p = s + n;
                let e = s + n;
                let glued = |i: Option<&char>| i.is_some_and(|c| c.is_ascii_alphanumeric());
                if s == code
                    || glued(s.checked_sub(1).and_then(|b| chars.get(b)))
                    || glued(chars.get(e))
                    || models.iter().any(|c| c.start < e && s < c.end)
                {
                    continue;
                }
                let (subtype, tier) = (models[m].subtype.clone(), models[m].tier);
                models.push(Candidate {
                    start: s,
                    end: e,
                    kind: EntityType::Product,
                    subtype,
                    name: Some(Cow::Owned(full.clone())),
                    aliases: Cow::Borrowed(&[]),
                    tier,
                    rule: "brand_model",
                });
            }
        }
        cands.extend(models);
    }

    /// The Latin model code after a brand ending at `be` (see [`Self::brand_models`]), as its
    /// start and the end of the model's name with its suffixes.
    fn latin_model(
        &self,
        doc: &Document,
        be: usize,
        known_starts: &HashSet<usize>,
    ) -> Option<(usize, usize)> {
        let chars = &doc.chars;
        let a = after_space(chars, be);
        // a Latin brand glued to a Latin word is another word (the lexicon drops it)
        if a == be && chars[be - 1].is_ascii_alphanumeric() {
            return None;
        }
        let b = latin_token(chars, a);
        if b == a {
            return None;
        }
        let (code, end) = if has_digit(chars, a, b) {
            (a, b)
        } else if !known_starts.contains(&a)
            && (chars[a].is_ascii_uppercase()
                || !self
                    .lexicon
                    .latin_common
                    .contains(&doc.slice(a, b).to_lowercase()))
        {
            // Mate 40, nova 13, (Apple Watch) Series 10: a word, then the code (a word in
            // lower case only when it is no common word)
            let c = after_space(chars, b);
            let d = latin_token(chars, c);
            if c == b || d == c || !has_digit(chars, c, d) {
                return None;
            }
            (c, d)
        } else {
            return None;
        };
        if !self.model_code(doc, code, end) {
            return None;
        }
        Some((a, self.model_suffixes_end(doc, end)))
    }

    /// Whether the Latin token `a..b` holding a digit is a model's code: not a common word (5G),
    /// not a long number (a year, a stock code) nor one followed by a unit (10亿元, 2021年), not
    /// a decimal, a date, a range, a ratio or a formula (3+1, 3 1).
    fn model_code(&self, doc: &Document, a: usize, b: usize) -> bool {
        /// The longest code of digits alone taken for a model (小米11, Mate 40).
        const MAX_DIGITS: usize = 3;
        let chars = &doc.chars;
        if self
            .lexicon
            .latin_common
            .contains(&doc.slice(a, b).to_lowercase())
        {
            return false;
        }
        if chars[a..b].iter().all(char::is_ascii_digit) {
            let rest = doc.slice(b, chars.len());
            if b - a > MAX_DIGITS
                || self
                    .lexicon
                    .model_units
                    .iter()
                    .any(|u| rest.starts_with(u.as_str()))
            {
                return false;
            }
        }
        // a decimal, a date, a range, a ratio or a formula (3 1, 3+1) goes on with a digit
        // after a mark or a space
        let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
        !((chars
            .get(b)
            .is_some_and(|c| matches!(c, '.' | '-' | '/' | ':' | ',' | ' ' | '+'))
            && digit_at(b + 1))
            || (chars[b - 1] == '+' && digit_at(b)))
    }

    /// The end of a model's name after its code ending at `end`: up to three suffixes
    /// (`model_words.tsv`: Pro Max, 至尊版, DM-i), a Latin one after a space or glued and
    /// whole (Pro, not Pros), a Han one glued.
    fn model_suffixes_end(&self, doc: &Document, mut end: usize) -> usize {
        const MAX_SUFFIXES: usize = 3;
        let chars = &doc.chars;
        for _ in 0..MAX_SUFFIXES {
            match self.model_suffix_at(doc, end) {
                Some(e) => end = e,
                None => break,
            }
        }
        debug_assert!(end <= chars.len());
        end
    }

    /// The end of a model suffix right after `end` (a Latin one may follow a space).
    fn model_suffix_at(&self, doc: &Document, end: usize) -> Option<usize> {
        let chars = &doc.chars;
        let spaced = after_space(chars, end);
        self.lexicon
            .model_suffixes
            .iter()
            .filter_map(|w| {
                let latin = w.starts_with(|c: char| c.is_ascii_alphanumeric());
                let p = if latin { spaced } else { end };
                let n = w.chars().count();
                let q = p + n;
                (q <= chars.len()
                    && doc.slice(p, q) == w.as_str()
                    // a Latin suffix is a whole token: Pro, not Pros; EV, not EVA
                    && !(w.ends_with(|c: char| c.is_ascii_alphanumeric())
                        && chars.get(q).is_some_and(char::is_ascii_alphanumeric))
                    // glued to a Latin code, a Latin suffix begins a new token only in capitals
                    // or after a digit (X3Pro is unusual, X200s is a code)
                    && (p > end || !latin || !chars[end - 1].is_ascii_alphabetic()))
                .then_some(q)
            })
            .max()
    }

    /// A Han model name at `p` (after a brand, or a powertrain prefix at `p` itself): an
    /// optional powertrain prefix, a name-like word of the segmenter (a name, a proper noun,
    /// an abbreviation: 宋, 凯美瑞, 汉), then a code glued (L, H6) and suffixes. Without a prefix
    /// the name needs a code or a suffix (甲宋L, 甲汉EV), as a brand before a person's name
    /// (甲王明) is no model — unless the name is of three or more characters, does not begin
    /// with a surname and `bare` allows it (甲凯美瑞: after a company's brand, where no known
    /// name begins). The end of the model's name.
    fn han_model(&self, doc: &Document, p: usize, bare: bool) -> Option<usize> {
        /// The shortest Han model name taken without a code or a suffix.
        const MIN_BARE: usize = 3;
        /// The longest Han model name (凯美瑞, 汉兰达) and the longest code glued to it.
        const MAX_NAME: usize = 4;
        const MAX_CODE: usize = 4;
        let chars = &doc.chars;
        let prefix = self
            .lexicon
            .model_prefixes
            .iter()
            .filter(|w| doc.slice(p, chars.len()).starts_with(w.as_str()))
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        let s = p + prefix;
        let mut e = s;
        while e < chars.len() && e - s < MAX_NAME + 2 && is_han(chars[e]) {
            e += 1;
        }
        if e == s {
            return None;
        }
        let cut = self.words.cut(doc.slice(s, e), true);
        let first = cut.first()?;
        let n = first.word.chars().count();
        if n > MAX_NAME
            || !matches!(self.words.tag_of(first), "nr" | "nrt" | "nrfg" | "nz" | "j")
            || self.lexicon.not_names.contains(first.word)
        {
            return None;
        }
        let mut end = s + n;
        // a code glued to it: capitals and digits (L, H6, DM); a suffix may come first (PLUS)
        let mut coded = false;
        if self.model_suffix_at(doc, end).is_none() {
            let b = latin_token(chars, end);
            if b > end
                && b - end <= MAX_CODE
                && chars[end..b]
                    .iter()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && self.model_code(doc, end, b)
            {
                end = b;
                coded = true;
            }
        }
        let with_suffixes = self.model_suffixes_end(doc, end);
        if prefix == 0
            && !coded
            && with_suffixes == end
            && !(bare
                && n >= MIN_BARE
                && first.word.chars().all(is_han)
                && !self.lexicon.starts_with_surname(first.word))
        {
            return None;
        }
        Some(with_suffixes)
    }

    /// 甲公司北京分公司, 乙银行上海分行: a known organization, a known place right after it and
    /// a branch word (`branch_words.tsv`) are one organization, the branch, of the parent's
    /// subtype (a company where the lexicon gives none); the parent is not an alias of it (the
    /// event stage relates the two with `part_of` where the parent is named alone).
    fn branch_offices(&self, doc: &Document, cands: &mut Vec<Candidate<'l>>) {
        let chars = &doc.chars;
        let mut places: Vec<(usize, usize)> = cands
            .iter()
            .filter(|c| c.kind == EntityType::Place && c.is_lexicon())
            .map(|c| (c.start, c.end))
            .collect();
        if places.is_empty() {
            return;
        }
        places.sort_unstable();
        let orgs: Vec<(usize, usize, u8, Option<Cow<'l, str>>)> = cands
            .iter()
            .filter(|c| c.kind == EntityType::Organization && c.is_lexicon())
            .map(|c| (c.start, c.end, c.tier, c.subtype.clone()))
            .collect();
        for (start, oe, tier, subtype) in orgs {
            let from = places.partition_point(|p| p.0 < oe);
            for &(_, pe) in places[from..].iter().take_while(|p| p.0 == oe) {
                let Some(n) = self
                    .lexicon
                    .branch_words
                    .iter()
                    .map(|w| (w, w.chars().count()))
                    .filter(|&(w, n)| pe + n <= chars.len() && doc.slice(pe, pe + n) == w.as_str())
                    .map(|(_, n)| n)
                    .max()
                else {
                    continue;
                };
                let end = pe + n;
                // a word that runs on past the branch word (分行业) is another word
                if self.word_runs_past(doc, pe, end) {
                    continue;
                }
                // the tagger's span of the same branch yields (the branch keeps its rule)
                cands.retain(|c| !(c.tier >= 2 && c.start == start && c.end == end));
                cands.push(Candidate {
                    start,
                    end,
                    kind: EntityType::Organization,
                    subtype: Some(subtype.clone().unwrap_or(Cow::Borrowed("company"))),
                    name: None,
                    aliases: Cow::Borrowed(&[]),
                    tier,
                    rule: "branch_office",
                });
            }
        }
    }

    /// 一位员工告诉X, 据X了解, X8月29日讯: an organization that nothing else gave a subtype is
    /// a news outlet where the text speaks to it or quotes it as its source
    /// (`events/reporters.tsv`, which the event stage reads too) or gives its dateline, at one
    /// of the places it is named.
    fn media_outlets(&self, doc: &Document, chosen: &mut [Candidate<'l>]) {
        /// The context read each side of a name, in characters (as the event stage reads it).
        const CONTEXT: usize = 8;
        let chars = &doc.chars;
        let framed_at = |start: usize, end: usize| {
            let before = doc.slice(start.saturating_sub(CONTEXT), start);
            let after = doc.slice(end, (end + CONTEXT).min(chars.len()));
            self.lexicon
                .reporters
                .iter()
                .any(|(b, a)| b.is_match(before) && a.is_match(after))
                || DATELINE.is_match(doc.slice(end, chars.len().min(end + 16)))
        };
        let open = |c: &Candidate<'_>| c.kind == EntityType::Organization && c.subtype.is_none();
        let mut surfaces: Vec<&str> = chosen
            .iter()
            .filter(|c| open(c))
            .map(|c| doc.slice(c.start, c.end))
            .collect();
        if surfaces.is_empty() {
            return;
        }
        surfaces.sort_unstable();
        surfaces.dedup();
        // every place each name is written, in one pass over the text
        let Ok(names) = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&surfaces)
        else {
            return;
        };
        let mut media = vec![false; surfaces.len()];
        for m in names.find_iter(&doc.text) {
            let i = m.pattern().as_usize();
            if !media[i] && framed_at(doc.char_of_byte(m.start()), doc.char_of_byte(m.end())) {
                media[i] = true;
            }
        }
        for c in chosen.iter_mut().filter(|c| open(c)) {
            if surfaces
                .binary_search(&doc.slice(c.start, c.end))
                .is_ok_and(|i| media[i])
            {
                c.subtype = Some(Cow::Borrowed("media"));
            }
        }
    }

    fn lexicon_candidates(&self, doc: &Document, out: &mut Vec<Candidate<'l>>) {
        for m in self.lexicon.matcher.find_iter(&doc.text) {
            let start = doc.char_of_byte(m.start());
            let end = doc.char_of_byte(m.end());
            // a Latin surface must not be part of a longer Latin word (AI in OpenAI)
            let first = doc.chars[start];
            let last = doc.chars[end - 1];
            if first.is_ascii_alphanumeric()
                && start > 0
                && doc.chars[start - 1].is_ascii_alphanumeric()
            {
                continue;
            }
            if last.is_ascii_alphanumeric()
                && end < doc.chars.len()
                && doc.chars[end].is_ascii_alphanumeric()
            {
                continue;
            }
            let e = &self.lexicon.entries[self.lexicon.surface_entry[m.pattern().as_usize()]];
            // a transliterated name is joined by a middle dot: 梅耶尔 in 凯文·梅耶尔 is the end of
            // another person's name, not the person the lexicon knows by that short form
            let dot =
                |c: Option<&char>| c.is_some_and(|c| matches!(c, '·' | '・' | '•' | '‧' | '-'));
            if e.kind == EntityType::Person
                && (dot(start.checked_sub(1).and_then(|i| doc.chars.get(i)))
                    || dot(doc.chars.get(end)))
            {
                continue;
            }
            if !e.user && !self.on_word_boundaries(doc, start, end) {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                kind: e.kind,
                subtype: e.subtype.as_deref().map(Cow::Borrowed),
                name: Some(Cow::Borrowed(&e.name)),
                aliases: Cow::Borrowed(&e.aliases),
                tier: if e.user { 0 } else { 1 },
                rule: if e.user { "user_lexicon" } else { "lexicon" },
            });
        }
    }

    /// Whether the segmentation of the text around a Han span keeps the span whole: a short
    /// name cut by the words around it is not that name (中行 in 集中|行动, 德里 in 兰德|里,
    /// 吉大 inside 大吉大利). A word that only extends the name to the right keeps it, since
    /// the head of a Chinese compound comes last (中国|人, 财政部|长 read as 财政部长 still
    /// name 中国 and the ministry's prefix); the known names are words of the segmenter, so
    /// a name is cut only when the words across its edges are likelier.
    ///
    /// A word that extends the name into a unit noun is the exception: 教育部|门 read as
    /// 教育部门 ("education departments") names no ministry, since its head, a unit word
    /// (`unit_heads.tsv`: 部门), begins inside the name.
    fn on_word_boundaries(&self, doc: &Document, start: usize, end: usize) -> bool {
        let unit_noun = |a: usize, b: usize| {
            a == start && b > end && {
                let word: String = doc.chars[a..b].iter().collect();
                self.lexicon
                    .unit_heads_of(&word)
                    .any(|h| b - h.chars().count() < end)
            }
        };
        let crossing = |a: usize, b: usize, _: &str| {
            b - a >= 2
                && ((a < start && b > start)
                    || (a > start && a < end && b > end)
                    || unit_noun(a, b))
        };
        if !self.window_may_hold(doc, start, end, crossing) {
            return true;
        }
        self.context_words(doc, start, end)
            .iter()
            .all(|&(a, b, _)| {
                b <= start
                    || a >= end
                    || (a == start && b >= end && !unit_noun(a, b))
                    || (a >= start && b <= end)
            })
    }

    /// Whether a word of the segmentation in context begins inside `start..end` and runs past
    /// its end.
    fn word_runs_past(&self, doc: &Document, start: usize, end: usize) -> bool {
        let runs_past = |a: usize, b: usize, _: &str| a >= start && a < end && b > end;
        if !self.window_may_hold(doc, start, end, runs_past) {
            return false;
        }
        self.context_words(doc, start, end)
            .iter()
            .any(|&(a, b, _)| a >= start && a < end && b > end)
    }

    /// Whether the segmentation of the context window of a span (see [`Self::context_words`])
    /// could hold a word `(start, end, tag)` that `wanted` accepts: false when no dictionary
    /// word of the window that begins before the span's end is wanted. The other words of a
    /// segmentation (single characters; runs of ASCII letters and digits, which the window's
    /// Han context stops at the span's edges) are never wanted by the callers, which look for
    /// words across an edge, so this cheap test spares most spans their segmentation.
    fn window_may_hold(
        &self,
        doc: &Document,
        start: usize,
        end: usize,
        wanted: impl Fn(usize, usize, &str) -> bool,
    ) -> bool {
        let Some((from, to)) = han_context(&doc.chars, start, end) else {
            return false;
        };
        let window = &doc.chars[..to];
        let mut found = false;
        for a in from..end.min(to) {
            self.words.prefixes(&window[a..], |n, tag| {
                found = found || wanted(a, a + n, tag);
            });
            if found {
                return true;
            }
        }
        false
    }

    /// The words around a span, segmented with a few characters of context each side, as
    /// `(start, end, part-of-speech tag)` in document characters; none when no word can cross
    /// its edges.
    fn context_words<'a>(
        &'a self,
        doc: &'a Document,
        start: usize,
        end: usize,
    ) -> Vec<(usize, usize, &'a str)> {
        let Some((from, to)) = han_context(&doc.chars, start, end) else {
            return Vec::new();
        };
        let mut a = from;
        self.words
            .tag(doc.slice(from, to), false)
            .iter()
            .map(|t| {
                let b = a + t.word.chars().count();
                let word = (a, b, t.tag);
                a = b;
                word
            })
            .collect()
    }

    /// A tagged span shortened to keep out an idiom that it cuts at one edge: 李鹏兴 in
    /// 李鹏兴致勃勃 is 李鹏; and a person's name to keep out the verb after it that it cuts
    /// (刘洋加 in 刘洋加入了, 王芳出 in 王芳出任): a name is followed by its predicate far more
    /// often than it ends with the first character of one. Other words across an edge are
    /// left to the tagger, which has seen the context: the dictionary joins a name's last
    /// character to the next word (刘孟|林先生, 协会|协会会长) more often than the tagger errs.
    fn outside_long_words(
        &self,
        doc: &Document,
        start: usize,
        end: usize,
        person: bool,
    ) -> (usize, usize) {
        const LONG: usize = 3;
        /// The shortest person name a trimmed span may leave (a surname and a given name).
        const MIN_PERSON: usize = 2;
        let trims = |a: usize, b: usize, tag: &str| {
            (person && tag == "v" && a > start + MIN_PERSON - 1 && a < end && b > end)
                || (b - a >= LONG
                    && tag == "i"
                    && ((a < start && b > start && b < end) || (a > start && a < end && b > end)))
        };
        if !self.window_may_hold(doc, start, end, trims) {
            return (start, end);
        }
        let (mut s, mut e) = (start, end);
        for (a, b, tag) in self.context_words(doc, start, end) {
            if person && tag == "v" && a > start + MIN_PERSON - 1 && a < end && b > end {
                e = e.min(a);
            }
            if b - a >= LONG && tag == "i" {
                if a < start && b > start && b < end {
                    s = b;
                }
                if a > start && a < end && b > end {
                    e = e.min(a);
                }
            }
        }
        if s < e { (s, e) } else { (start, end) }
    }

    /// Whether `chars` spell a boundary word (no allocation: this runs at every step of a scan).
    fn is_boundary(&self, chars: &[char]) -> bool {
        let mut buf = [0u8; 48];
        let mut n = 0;
        for c in chars {
            if n + 4 > buf.len() {
                return false;
            }
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        std::str::from_utf8(&buf[..n]).is_ok_and(|w| self.lexicon.boundary.contains(w))
    }

    fn boundary_ends_at(&self, chars: &[char], p: usize) -> bool {
        (1..=self.lexicon.boundary_max_len.min(p)).any(|k| self.is_boundary(&chars[p - k..p]))
    }

    fn boundary_starts_at(&self, chars: &[char], p: usize) -> bool {
        (1..=self.lexicon.boundary_max_len.min(chars.len() - p))
            .any(|k| self.is_boundary(&chars[p..p + k]))
    }

    /// A name the text introduces with a cue must not be a dictionary word of a common kind
    /// (创业公司, 科技公司): jieba knows those; it does not know a new brand.
    fn plausible_new_name(&self, name: &str) -> bool {
        let n = name.chars().count();
        if !(2..=12).contains(&n) || self.lexicon.is_generic(name) {
            return false;
        }
        if name
            .chars()
            .next()
            .is_some_and(|c| "一二三四五六七八九十两几数多某每这那该此".contains(c))
        {
            return false;
        }
        if name
            .chars()
            .all(|c| c.is_ascii_digit() || !c.is_alphanumeric())
        {
            return false;
        }
        if self.words.has_word(name) {
            let tags = self.words.tag(name, false);
            if tags.len() == 1
                && !matches!(
                    tags[0].tag,
                    "nr" | "ns" | "nt" | "nz" | "nrt" | "eng" | "nrfg"
                )
            {
                return false;
            }
        }
        true
    }

    /// 创始人、CEO张三; 张三董事长.
    fn title_persons(&self, doc: &Document, out: &mut Vec<Candidate<'l>>) {
        let chars = &doc.chars;
        let titles: Vec<(usize, usize)> = self
            .lexicon
            .title_matcher
            .find_iter(&doc.text)
            .map(|m| (doc.char_of_byte(m.start()), doc.char_of_byte(m.end())))
            .collect();
        let mut tokens = TitleWords::new(doc, self.words, titles.iter().map(|t| t.0));
        for (ts, mut p) in titles {
            // a title inside a longer word is not that title (董事 in 董事会)
            if tokens.starting_at(ts).is_none() || tokens.ending_at(p).is_none() {
                continue;
            }
            // skip a chain of titles: 创始人、CEO
            while p < chars.len() && matches!(chars[p], '、' | '兼' | ' ' | '/') {
                p += 1;
            }
            let after_title = self
                .lexicon
                .title_matcher
                .find(&doc.text[doc.byte_of_char(p)..]);
            if after_title.is_some_and(|t| t.start() == 0) {
                continue; // the chain goes on; the last title of it takes the name
            }
            if let Some((mut end, rule)) = self.person_at(chars, &mut tokens, p) {
                // a three-character name whose last character is a function word before a
                // number is a two-character name and a preposition (总裁陈平于2009年创立)
                if end - p == 3
                    && self.is_boundary(&chars[end - 1..end])
                    && chars.get(end).is_some_and(|c| {
                        c.is_ascii_digit() || "〇零一二两三四五六七八九十".contains(*c)
                    })
                {
                    end -= 1;
                }
                out.push(person(p, end, rule));
            }
            // 张三董事长: a name right before the title
            if let Some(t) = tokens.ending_at(ts) {
                let name: String = chars[t.start..t.end].iter().collect();
                if self.person_like(&name) && matches!(self.words.tag_of(&t.word), "nr" | "nrfg") {
                    out.push(person(t.start, t.end, "name_before_title"));
                }
            }
        }
    }

    fn person_like(&self, name: &str) -> bool {
        let n = name.chars().count();
        (2..=4).contains(&n)
            && name.chars().all(is_han)
            && self.lexicon.starts_with_surname(name)
            && !self.lexicon.is_generic(name)
    }

    /// A person's name starting at `p`: a jieba person token, a surname token joined with the
    /// given-name token after it, or a capitalized Latin name.
    fn person_at(
        &self,
        chars: &[char],
        tokens: &mut TitleWords<'_>,
        p: usize,
    ) -> Option<(usize, &'static str)> {
        if p >= chars.len() {
            return None;
        }
        if chars[p].is_ascii_uppercase() {
            let rest: String = chars[p..chars.len().min(p + 40)].iter().collect();
            let m = LATIN_NAME.find(&rest)?;
            let words = m.as_str().split(' ').count();
            if (2..=3).contains(&words) {
                return Some((p + m.as_str().chars().count(), "title_latin_person"));
            }
            return None;
        }
        let t = tokens.starting_at(p)?;
        let word: String = chars[t.start..t.end].iter().collect();
        // a whole word after the title is a name only when jieba reads it as one (来到, 强调 are
        // words that begin with a surname character)
        // a word the dictionary does not know, that the segmenter's model joined from single
        // characters after a title (创始人白鸦), is a name whatever tag the model guesses for it,
        // unless it guesses a function word or a verb
        let unknown_name = || {
            !self.words.has_word(&word)
                && !matches!(
                    self.words.tag_of(&t.word),
                    "v" | "vn" | "vd" | "d" | "p" | "c" | "u" | "uj" | "m" | "q" | "t" | "f" | "r"
                )
        };
        if t.end - t.start >= 2
            && self.person_like(&word)
            && (matches!(self.words.tag_of(&t.word), "nr" | "nrfg" | "nrt" | "x") || unknown_name())
        {
            return Some((self.name_rest(chars, tokens, &t), "title_person"));
        }
        // a name that the segmentation reads as a verb or an adjective (付强) is still a name
        // between a title and a list mark (CTO付强和CDO…, 总监周密、): a verb after a title
        // is followed by its object or a clause, not by the next item of a list
        if (2..=3).contains(&(t.end - t.start))
            && self.person_like(&word)
            && matches!(self.words.tag_of(&t.word), "v" | "vn" | "a" | "ad" | "an")
            && !self.boundary_starts_at(chars, t.start)
            && chars
                .get(t.end)
                .is_some_and(|&c| matches!(c, '、' | '和' | '与' | '及'))
        {
            return Some((t.end, "title_person"));
        }
        if t.end - t.start == 1 && self.lexicon.surnames.contains(&word) {
            let next = tokens.after(&t)?;
            let given: String = chars[next.start..next.end].iter().collect();
            let n = next.end - next.start;
            let common_word = n == 2
                && self.words.has_word(&given)
                && !self.words.tag_of(&next.word).starts_with("nr");
            if (1..=2).contains(&n)
                && given.chars().all(is_han)
                && !common_word
                && !self.boundary_starts_at(chars, next.start)
            {
                return Some((next.end, "title_person"));
            }
        }
        None
    }

    /// The end of a name that the person word `t` begins: the word's end, or the end of a
    /// proper-noun word right after it that ends the Han run (执行董事池田恒基、: a Japanese
    /// name of four characters, of which the segmentation reads the first two as a name),
    /// when the two make at most four characters. A word of another kind after the name
    /// (张三表示, 李四今天) is what the sentence says of the person.
    fn name_rest(&self, chars: &[char], tokens: &mut TitleWords<'_>, t: &Token<'_>) -> usize {
        const MAX_NAME: usize = 4;
        let Some(next) = tokens.starting_at(t.end) else {
            return t.end;
        };
        let han_run_ends = chars.get(next.end).is_none_or(|&c| !is_han(c));
        if next.end - t.start <= MAX_NAME
            && chars[next.start..next.end].iter().all(|&c| is_han(c))
            && han_run_ends
            && matches!(
                self.words.tag_of(&next.word),
                "nr" | "nrfg" | "nrt" | "nz" | "x"
            )
            && !self.boundary_starts_at(chars, next.start)
        {
            return next.end;
        }
        t.end
    }

    /// 创立了X; X创始人; X公司. A name from a weak cue must also be named by a strong cue, or
    /// be more than a phrase of common words.
    fn cue_names(
        &self,
        doc: &Document,
        occupied: &[Option<EntityType>],
        out: &mut Vec<Candidate<'l>>,
    ) {
        let chars = &doc.chars;
        let mut found: Vec<(usize, usize, bool, &lexicon::Cue)> = Vec::new();
        for m in self.lexicon.cue_matcher.find_iter(&doc.text) {
            let cue = &self.lexicon.cues[m.pattern().as_usize()];
            let cs = doc.char_of_byte(m.start());
            let ce = doc.char_of_byte(m.end());
            // a cue that ends a legal form (公司 of 股份有限公司) reads the name from before the
            // form, and the name keeps it (X股份有限公司 is the company's name)
            let legal = if cue.after {
                None
            } else {
                self.lexicon
                    .suffixes
                    .iter()
                    .filter(|x| x.keep && x.word != cue.word && x.word.ends_with(cue.word.as_str()))
                    .map(|x| (x.word.as_str(), x.word.chars().count()))
                    .filter(|&(w, n)| n <= ce && doc.slice(ce - n, ce) == w)
                    .map(|(_, n)| n)
                    .max()
            };
            let cs = legal.map_or(cs, |n| ce - n);
            // a Latin name is written with spaces around it, and between its words
            // (加盟 Zenly, 17 LIVE CEO): a space counts where Latin letters are on both sides
            let latin_space = |i: usize| {
                chars[i] == ' '
                    && i > 0
                    && chars[i - 1].is_ascii_alphanumeric()
                    && chars.get(i + 1).is_some_and(char::is_ascii_alphanumeric)
            };
            let ce = if cue.after
                && chars.get(ce) == Some(&' ')
                && chars.get(ce + 1).is_some_and(char::is_ascii_alphanumeric)
            {
                ce + 1
            } else {
                ce
            };
            let cs = if !cue.after
                && cs > 1
                && chars[cs - 1] == ' '
                && chars[cs - 2].is_ascii_alphanumeric()
            {
                cs - 1
            } else {
                cs
            };
            let (start, end) = if cue.after {
                let mut p = ce;
                while p < chars.len()
                    && p - ce < 12
                    && (is_name_char(chars[p]) || latin_space(p))
                    && occupied[p].is_none()
                {
                    if p > ce && self.boundary_starts_at(chars, p) {
                        break;
                    }
                    p += 1;
                }
                (ce, p)
            } else {
                let mut p = cs;
                while p > 0
                    && cs - p < 10
                    && (is_name_char(chars[p - 1]) || latin_space(p - 1))
                    && occupied[p - 1].is_none()
                {
                    if self.boundary_ends_at(chars, p) {
                        break;
                    }
                    p -= 1;
                }
                (p, if legal.is_some() { ce } else { cs })
            };
            // 总裁夫人: the title is a kin's (X的总裁夫人 names a person, not X's president)
            if !cue.after && self.kin_word_begins(doc.slice(ce, chars.len())) {
                continue;
            }
            // 子公司, 母公司: a relational noun, not a name's head
            if !cue.after
                && self.lexicon.generic_heads.iter().any(|h| {
                    let n = h.chars().count();
                    n > cue.word.chars().count() && n <= ce && doc.slice(ce - n, ce) == h.as_str()
                })
            {
                continue;
            }
            let (mut start, mut end) = self.trim_name(chars, start, end);
            // a time or a manner between the name and a cue after it (X今日宣布, X正式宣布) is
            // what the sentence says of the name, not part of it
            if !cue.after {
                end = self.without_trailing_adverbs(doc, start, end);
            }
            // a Latin name read back from a cue keeps to its script (创办FITURE公司 → FITURE)
            if !cue.after && end > start && chars[end - 1].is_ascii_alphanumeric() {
                let mut l = end;
                while l > start
                    && (chars[l - 1].is_ascii_alphanumeric()
                        || matches!(chars[l - 1], '.' | '-' | ' '))
                {
                    l -= 1;
                }
                if l > start && is_han(chars[l - 1]) {
                    start = l;
                }
            }
            let name: String = chars[start..end].iter().collect();
            // a team or a department (X创始团队CEO, 国际部总裁) is a unit, not the company
            if self.lexicon.unit_heads_of(&name).next().is_some() {
                continue;
            }
            if !(self.plausible_new_name(&name) && self.no_function_words(&name)) {
                continue;
            }
            // a description (国际化大型矿业公司): a word of a kind or a size (大型, 新型: jieba's
            // tag b) before a weak cue's head makes a category, not a name
            if !cue.strong
                && self
                    .words
                    .tag(&name, false)
                    .iter()
                    .any(|w| w.tag == "b" && w.word.chars().count() > 1)
            {
                continue;
            }
            found.push((start, end, cue.strong, cue));
        }
        let strong: std::collections::HashSet<String> = found
            .iter()
            .filter(|f| f.2)
            .map(|f| chars[f.0..f.1].iter().collect())
            .collect();
        for (start, end, is_strong, cue) in found {
            let name: String = chars[start..end].iter().collect();
            if !is_strong
                && !strong.contains(&name)
                && !self.more_than_common_words(&name)
                && !self.named_for_its_role(&name, cue)
            {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                kind: cue.kind,
                subtype: Some(Cow::Borrowed(&cue.subtype)),
                name: None,
                aliases: Cow::Borrowed(&[]),
                tier: 1,
                rule: if is_strong { "strong_cue" } else { "weak_cue" },
            });
        }
    }

    /// Whether `head` could be a brand of one common word before a suffix (星河 of 星河科技):
    /// one word of the dictionary, a noun that is no place, no generic word and no trade.
    fn one_brand_word(&self, head: &str) -> bool {
        let words = self.words.tag(head, false);
        words.len() == 1
            && matches!(words[0].tag, "n" | "nz" | "nr" | "nrt" | "j")
            && !self.lexicon.is_generic(head)
            && !self.lexicon.industry_generic.contains(head)
            && !self
                .lexicon
                .industry
                .iter()
                .any(|x| head.ends_with(x.word.as_str()))
    }

    /// A name of common words that an investor's weak cue introduces (远航资本领投) is still a
    /// name when it ends in an investor's suffix (资本, 创投): two independent signs that the
    /// text names a firm. A kind or a region before
    /// the suffix (社会资本, 国有资本, 海外基金: `industry_context.tsv`, generic) names a
    /// category of money, not a firm. A company's suffix after one common word as its brand
    /// (星河科技宣布) is read the same way.
    fn named_for_its_role(&self, name: &str, cue: &lexicon::Cue) -> bool {
        /// The longest brand before the suffix, in characters.
        const MAX_ROLE_BRAND: usize = 4;
        // only an investor's, or a company's whose brand is one common word: a company's weak
        // cues (股权, 有限公司) read back into longer stretches of common words, where the
        // suffix alone is weak evidence
        if !matches!(cue.subtype.as_str(), "company" | "investor") {
            return false;
        }
        self.brands_before_kept_suffix(name).any(|(head, x)| {
            x.subtype == cue.subtype
                && (2..=MAX_ROLE_BRAND).contains(&head.chars().count())
                && if cue.subtype == "company" {
                    self.one_brand_word(head)
                } else {
                    // a brand is short: one word of any kind (远航), or nouns (青松, 北京青松);
                    // a verb among several words (仍持有星河) means the cue read back into the
                    // sentence
                    !self.lexicon.industry_generic.contains(head)
                        && !self.lexicon.is_generic(head)
                        && {
                            let words = self.words.tag(head, false);
                            words.len() == 1 || words.iter().all(|w| w.tag.starts_with('n'))
                        }
                }
        })
    }

    /// Each suffix kept in names (`org_suffixes.tsv`) that `name` ends with, after a brand: the
    /// brand and the suffix.
    fn brands_before_kept_suffix<'n>(
        &self,
        name: &'n str,
    ) -> impl Iterator<Item = (&'n str, &lexicon::Suffix)> {
        self.lexicon
            .suffixes
            .iter()
            .filter(move |x| x.keep && name.len() > x.word.len() && name.ends_with(x.word.as_str()))
            .map(move |x| (&name[..name.len() - x.word.len()], x))
    }

    /// Whether the segmenter reads `word` as a verb first (控股, 投资): as a suffix, what the
    /// name before it does, not part of it.
    fn reads_as_verb(&self, word: &str) -> bool {
        self.words
            .tag(word, false)
            .first()
            .is_some_and(|w| matches!(w.tag, "v" | "vn"))
    }

    /// Whether `text` begins with a kinship word (夫人 of 总裁夫人).
    fn kin_word_begins(&self, text: &str) -> bool {
        let end = text.char_indices().nth(4).map_or(text.len(), |(i, _)| i);
        self.lexicon
            .kin_matcher
            .find(&text[..end])
            .is_some_and(|k| k.start() == 0)
    }

    /// False when the name holds a function word, adverb, numeral or pronoun (尽管很多, 至少50家):
    /// names are made of nouns, unknown words, and (for new brands) verbs. A number in a Latin
    /// name (17 LIVE) is part of the brand.
    fn no_function_words(&self, name: &str) -> bool {
        let latin = latin_with_number(name);
        !self.words.tag(name, false).iter().any(|w| {
            !(latin && w.word.chars().all(|c| c.is_ascii_digit()))
                && matches!(
                    w.tag,
                    "c" | "d"
                        | "m"
                        | "r"
                        | "p"
                        | "u"
                        | "uj"
                        | "ul"
                        | "uz"
                        | "y"
                        | "e"
                        | "o"
                        | "q"
                        | "mq"
                        | "f"
                )
        })
    }

    /// False for a phrase that jieba's dictionary segments into common words only, or that holds
    /// a common Latin word (国内AIGC创业).
    fn more_than_common_words(&self, name: &str) -> bool {
        // a number and a Latin word (17 LIVE, 36 Kr) are a brand, whatever the word means
        if latin_with_number(name) {
            return true;
        }
        let words = self.words.tag(name, false);
        let latin_common = words.iter().any(|w| {
            w.word.is_ascii() && self.lexicon.latin_common.contains(&w.word.to_lowercase())
        });
        let all_common = words.iter().all(|w| {
            self.words.has_word(w.word)
                && !matches!(w.tag, "nr" | "ns" | "nt" | "nz" | "nrt" | "nrfg")
        });
        !latin_common && !all_common
    }

    /// The end of the name `start..end` without the words of time and manner that end it
    /// (今日, 近日, 正式, 再次: jieba's tags t, d, ad), as long as two characters are left.
    fn without_trailing_adverbs(&self, doc: &Document, start: usize, end: usize) -> usize {
        if end <= start + 2 || !is_han(doc.chars[end - 1]) {
            return end;
        }
        let mut e = end;
        for w in self.words.tag(doc.slice(start, end), false).iter().rev() {
            let n = w.word.chars().count();
            if !matches!(w.tag, "t" | "d" | "ad" | "tg") || e < start + n + 2 {
                break;
            }
            e -= n;
        }
        e
    }

    /// Drops a trailing head noun (公司) and leading or trailing separators from a name.
    fn trim_name(&self, chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
        while start < end && !chars[start].is_alphanumeric() {
            start += 1;
        }
        while end > start && !chars[end - 1].is_alphanumeric() {
            end -= 1;
        }
        // the first suffix of the list that ends the name decides (the legal forms come before
        // 公司): one kept in names (有限公司) stays, a head noun (公司) goes
        for s in &self.lexicon.suffixes {
            let w: Vec<char> = s.word.chars().collect();
            if end - start > w.len() && chars[end - w.len()..end] == w[..] {
                if !s.keep {
                    end -= w.len();
                }
                break;
            }
        }
        (start, end)
    }

    /// X资本, X大学, X Labs: the name before an organization suffix, suffix included.
    fn suffix_names(
        &self,
        doc: &Document,
        occupied: &[Option<EntityType>],
        out: &mut Vec<Candidate<'l>>,
    ) {
        let chars = &doc.chars;
        for m in self.lexicon.suffix_matcher.find_iter(&doc.text) {
            let suffix = &self.lexicon.suffixes[m.pattern().as_usize()];
            if !suffix.keep {
                continue;
            }
            let ss = doc.char_of_byte(m.start());
            let se = doc.char_of_byte(m.end());
            if occupied[ss..se].iter().any(|o| o.is_some()) {
                continue;
            }
            if se < chars.len() && suffix.word.is_ascii() && chars[se].is_ascii_alphanumeric() {
                continue;
            }
            // a suffix that begins a longer word is not a suffix (科技 in 科技人才, 科技园)
            if self.word_runs_past(doc, ss, se) {
                continue;
            }
            let mut p = ss;
            while p > 0
                && ss - p < 8
                && (is_name_char(chars[p - 1]) || (suffix.word.is_ascii() && chars[p - 1] == ' '))
                && matches!(occupied[p - 1], None | Some(EntityType::Place))
            {
                if self.boundary_ends_at(chars, p) {
                    break;
                }
                p -= 1;
            }
            let (start, _) = self.trim_name(chars, p, ss);
            let head: String = chars[start..ss].iter().collect();
            // a category right before the name in apposition (创业公司星河科技) names it even
            // when its brand is one common word
            let after_category = (2..=self.lexicon.boundary_max_len.min(start)).any(|k| {
                self.lexicon
                    .category_heads
                    .contains(doc.slice(start - k, start))
            });
            if head.chars().count() < 2
                || self.lexicon.is_generic(&head)
                || !(self.plausible_new_name(&head)
                    || (after_category && self.one_brand_word(&head)))
                || !self.no_function_words(&head)
                || self.words.tag(&head, false).iter().any(|w| {
                    matches!(
                        w.tag,
                        "v" | "vn" | "a" | "ad" | "an" | "vd" | "l" | "i" | "b" | "s" | "t"
                    )
                })
            {
                continue;
            }
            // a verb that is also a suffix (控股, 投资) glued after a name that already ends
            // with a suffix (X股份控股子公司, X资本投资了) is what the name does, unless a suffix
            // follows it (X集团控股有限公司)
            if self
                .lexicon
                .industry
                .iter()
                .any(|x| x.keep && head.len() > x.word.len() && head.ends_with(x.word.as_str()))
                && self.reads_as_verb(&suffix.word)
                && !self
                    .lexicon
                    .suffixes
                    .iter()
                    .any(|x| doc.slice(se, chars.len()).starts_with(x.word.as_str()))
            {
                continue;
            }
            // a place and a sector word (亚洲科技 "Asian tech") describe the place's sector
            if suffix.sector && start < ss && self.is_place_word(&head, &occupied[start..ss]) {
                continue;
            }
            out.push(Candidate {
                start,
                end: se,
                kind: EntityType::Organization,
                subtype: Some(Cow::Borrowed(&suffix.subtype)),
                name: None,
                aliases: Cow::Borrowed(&[]),
                tier: 1,
                rule: "org_suffix",
            });
        }
    }

    /// X乳业股份, 增持X水泥, X药业（600000）: a short company name, a brand of two to four
    /// characters and an industry word or another organization suffix (`org_suffixes.tsv`),
    /// taken where the text treats it as a company — a word of `company_evidence.tsv` right
    /// after or before it, a stock code in brackets after it, or a list (A、B) whose next or
    /// previous item is an organization. A brand that is a place (上海医药) needs strong
    /// evidence (its shares, its announcements): a place and an industry word are as often
    /// that place's trade. A generic word before the industry word (全国水泥) or a sector word
    /// after it (乳业市场, 银行业) makes a trade, never a name (`industry_context.tsv`).
    fn industry_names(
        &self,
        doc: &Document,
        occupied: &[Option<EntityType>],
        cands: &mut Vec<Candidate<'l>>,
    ) {
        /// The longest brand before the industry word, in characters.
        const MAX_HEAD: usize = 4;
        const MIN_HEAD: usize = 2;
        let chars = &doc.chars;
        let lex = self.lexicon;
        let ev = &lex.company_evidence;
        // (start, end, suffix, accepted)
        let mut found: Vec<(usize, usize, &'l lexicon::Suffix, bool)> = Vec::new();
        for m in lex.industry_matcher.find_iter(&doc.text) {
            let suffix = &lex.industry[m.pattern().as_usize()];
            let ss = doc.char_of_byte(m.start());
            let se = doc.char_of_byte(m.end());
            if !suffix.keep
                || suffix.word.is_ascii()
                || ss < MIN_HEAD
                || occupied[ss..se].iter().any(|o| o.is_some())
            {
                continue;
            }
            let longest = |p: usize, words: &dyn Fn(&str) -> bool, max: usize| {
                (1..=max.min(chars.len() - p))
                    .filter(|&k| words(doc.slice(p, p + k)))
                    .max()
                    .unwrap_or(0)
            };
            let mut after = se;
            while after < chars.len() && chars[after] == ' ' {
                after += 1;
            }
            let after_len = longest(after, &|w| ev.after.contains_key(w), ev.max_len);
            let after_strong = after_len > 0 && ev.after[doc.slice(after, after + after_len)];
            let sector_len = longest(
                se,
                &|w| lex.industry_sector.contains(w),
                lex.industry_sector_max_len,
            );
            // the industry word begins a longer word of the evidence (控股 in 控股股东)
            let inside = longest(ss, &|w| ev.after.contains_key(w), ev.max_len);
            // a suffix after it (X科技股份有限公司, X水泥集团) makes a longer name, the plain
            // suffix rule's
            let runs_on = longest(after, &|w| lex.is_suffix(w), 8) > 0;
            if sector_len > after_len || inside > se - ss || runs_on {
                continue;
            }
            let code = stock_code_at(chars, after);
            // the brand: the shortest run of two to four characters before the industry word
            // that begins a word of the segmentation of its context
            let mut from = ss;
            while from > 0 && ss - from < MAX_HEAD + 2 && is_han(chars[from - 1]) {
                from -= 1;
            }
            let mut to = se;
            while to < chars.len() && to - se < 3 && is_han(chars[to]) {
                to += 1;
            }
            let mut starts = vec![false; to - from + 1];
            let mut a = from;
            let mut crossing = false;
            // a word of the dictionary for an organization that ends with the industry word
            // (the segmenter knows some listed companies) is the name
            let mut whole = None;
            for t in self.words.tag(doc.slice(from, to), false) {
                let b = a + t.word.chars().count();
                starts[a - from] = true;
                if b == se && a + MIN_HEAD <= ss && matches!(t.tag, "nt" | "nz") {
                    whole = Some(a);
                } else {
                    // a word across the industry word's edges (房地产, 银行业务)
                    crossing |= (a < ss && b > ss) || (a < se && b > se && after_len == 0);
                }
                a = b;
            }
            if crossing {
                continue;
            }
            let Some(start) = whole.or_else(|| {
                (ss.saturating_sub(MAX_HEAD)..=ss - MIN_HEAD)
                    .rev()
                    .find(|&h| h >= from && starts[h - from])
            }) else {
                continue;
            };
            if (start..ss).any(|i| !is_han(chars[i]))
                || occupied[start..ss]
                    .iter()
                    .any(|t| !matches!(t, None | Some(EntityType::Place)))
                // a boundary word inside the brand (的 in X的控股); one that begins it may be
                // the brand's first character (和 of a brand 和X)
                || (start + 1..ss).any(|a| {
                    (a + 1..=ss)
                        .any(|b| b - a <= lex.boundary_max_len && self.is_boundary(&chars[a..b]))
                })
            {
                continue;
            }
            let head = doc.slice(start, ss);
            if lex.is_function_word(head)
                || lex.industry_generic.contains(head)
                || lex.industry.iter().any(|s| head.ends_with(s.word.as_str()))
                || head
                    .chars()
                    .next()
                    .is_some_and(|c| "一二三四五六七八九十两几数多某每这那该此各本其".contains(c))
                || {
                    // a verb is no brand (发行股份, 增发股份)
                    let words = self.words.tag(head, false);
                    words.len() == 1 && matches!(words[0].tag, "v" | "vn" | "vd" | "ad" | "a")
                }
                || self.words.tag(head, false).iter().any(|w| {
                    w.word.chars().count() > 1
                        && matches!(
                            w.tag,
                            "c" | "d" | "m" | "r" | "p" | "u" | "t" | "f" | "q" | "y" | "e" | "o"
                        )
                })
            {
                continue;
            }
            // a generic word right before a brand of a place (全国 in 全国上海医药) is no name
            let before_len = (1..=ev.max_len.min(start))
                .filter(|&k| ev.before.contains_key(doc.slice(start - k, start)))
                .max()
                .unwrap_or(0);
            let before_strong = before_len > 0 && ev.before[doc.slice(start - before_len, start)];
            // a short name stands on its own: Han text before it that is neither a boundary
            // word nor evidence makes it the end of a longer name or phrase (中原出版传媒集团)
            if before_len == 0
                && start > 0
                && is_han(chars[start - 1])
                && !self.boundary_ends_at(chars, start)
                && occupied[start - 1].is_none()
            {
                continue;
            }
            // a word for shares (股份) after a trading verb is the shares of the name before it
            // (增持X股份): only what follows it counts
            let before_len = if suffix.after_only { 0 } else { before_len };
            let strong = code || after_strong || (before_strong && before_len > 0);
            // a sentence about shares and deals (持股, 举牌, 收购) speaks of companies
            let in_deal = || {
                doc.sentence_index(start).is_some_and(|i| {
                    let sent = &doc.sentences[i];
                    lex.company_evidence
                        .sentence
                        .find_iter(doc.slice(sent.start, sent.end))
                        .next()
                        .is_some()
                })
            };
            let weak = after_len > 0 || before_len > 0 || (!suffix.after_only && in_deal());
            let place = self.is_place_word(head, &occupied[start..ss]);
            let accepted = if place { strong } else { strong || weak };
            if place && !accepted {
                continue;
            }
            found.push((start, se, suffix, accepted));
        }
        if found.is_empty() {
            return;
        }
        // a list: an item next to an organization, or to an accepted name, is one too
        let org_at = |s: usize, e: usize, found: &[(usize, usize, &lexicon::Suffix, bool)]| {
            cands
                .iter()
                .any(|c| c.kind == EntityType::Organization && c.start == s && c.end == e)
                || found.iter().any(|f| f.3 && f.0 == s && f.1 == e)
        };
        loop {
            let mut changed = false;
            for i in 0..found.len() {
                let (s, e, _, ok) = found[i];
                if ok {
                    continue;
                }
                let listed = (e < chars.len()
                    && chars[e] == '、'
                    && (e + 2..=(e + 1 + 12).min(chars.len())).any(|ne| org_at(e + 1, ne, &found)))
                    || (s > 0
                        && chars[s - 1] == '、'
                        && (s.saturating_sub(13)..s - 1).any(|ps| org_at(ps, s - 1, &found)));
                if listed {
                    found[i].3 = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (start, end, suffix, ok) in found {
            if ok {
                cands.push(Candidate {
                    start,
                    end,
                    kind: EntityType::Organization,
                    subtype: Some(Cow::Borrowed(&suffix.subtype)),
                    name: None,
                    aliases: Cow::Borrowed(&[]),
                    tier: 1,
                    rule: "industry_name",
                });
            }
        }
    }

    /// 据X报道, 援引X消息: the name in a frame of `source_frames.tsv` is a news outlet, the
    /// text's source. The name is what lies between the frame's words after the last boundary
    /// word in it (据行业媒体X报道), of letters, digits and Han only; a frame over a known name
    /// or a date (据3月报道) names no new outlet.
    fn source_names(
        &self,
        doc: &Document,
        occupied: &[Option<EntityType>],
        out: &mut Vec<Candidate<'l>>,
    ) {
        /// The longest stretch between the frame's words, in characters.
        const MAX_FRAME: usize = 16;
        let chars = &doc.chars;
        for m in self.lexicon.source_frame_matcher.find_iter(&doc.text) {
            let afters = &self.lexicon.source_frames[m.pattern().as_usize()].1;
            let from = doc.char_of_byte(m.end());
            let mut p = from;
            let mut end = None;
            while p < chars.len() && p - from <= MAX_FRAME {
                if p > from
                    && afters
                        .iter()
                        .any(|a| doc.slice(p, chars.len()).starts_with(a.as_str()))
                {
                    end = Some(p);
                    break;
                }
                if !(is_name_char(chars[p]) || (chars[p] == ' ' && p > from)) {
                    break;
                }
                p += 1;
            }
            let Some(end) = end else {
                continue;
            };
            // after the last boundary word inside the frame (据行业媒体X报道)
            let mut start = from;
            for q in (from + 1..end).rev() {
                if self.boundary_ends_at(chars, q) {
                    start = q;
                    break;
                }
            }
            let (start, end) = self.trim_name(chars, start, end);
            if end <= start || occupied[start..end].iter().any(Option::is_some) {
                continue;
            }
            let name = doc.slice(start, end);
            // a phrase of common words is a kind of source (知情人士), unless it spells a
            // brand with a Latin word (VR陀螺)
            if !self.plausible_new_name(name)
                || !self.no_function_words(name)
                || !(self.more_than_common_words(name)
                    || name.chars().any(|c| c.is_ascii_alphabetic()))
                || {
                    // a person's name alone (据张三报道) is a reporter, not an outlet
                    let words = self.words.tag(name, false);
                    (words.len() == 1 && words[0].tag.starts_with("nr"))
                        || words
                            .iter()
                            .any(|w| matches!(w.tag, "t" | "ns" | "s" | "a" | "v" | "vn"))
                }
            {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                kind: EntityType::Organization,
                subtype: Some(Cow::Borrowed("media")),
                name: None,
                aliases: Cow::Borrowed(&[]),
                tier: 1,
                rule: "source_frame",
            });
        }
    }

    /// 设立台湾子公司（X）, 研发中心（X）: a name in brackets right after a head that describes
    /// an organization (`generic_heads.tsv`, bracket yes) is that organization's name. The name is
    /// two to eight letters, digits or Han characters that are no common word, function word,
    /// verb or place; one the lexicon knows is left to it.
    fn bracket_names(
        &self,
        doc: &Document,
        occupied: &[Option<EntityType>],
        out: &mut Vec<Candidate<'l>>,
    ) {
        const MAX_NAME: usize = 8;
        let chars = &doc.chars;
        for (b, _) in doc.text.match_indices(['（', '(']) {
            let q = doc.char_of_byte(b);
            let before = doc.slice(q.saturating_sub(self.lexicon.bracket_heads_max_len), q);
            if !self
                .lexicon
                .bracket_heads
                .iter()
                .any(|h| before.ends_with(h.as_str()))
            {
                continue;
            }
            let start = q + 1;
            let mut end = start;
            while end < chars.len() && end - start <= MAX_NAME && is_name_char(chars[end]) {
                end += 1;
            }
            if end - start < 2
                || end - start > MAX_NAME
                || !chars.get(end).is_some_and(|&c| matches!(c, '）' | ')'))
                || occupied[start..end].iter().any(Option::is_some)
            {
                continue;
            }
            let name = doc.slice(start, end);
            if !self.plausible_new_name(name)
                || !self.no_function_words(name)
                || !(self.more_than_common_words(name)
                    || self.one_brand_word(name)
                    || self
                        .brands_before_kept_suffix(name)
                        .any(|(head, _)| self.one_brand_word(head)))
                || {
                    // a person's name alone is no organization's
                    let words = self.words.tag(name, false);
                    (words.len() == 1 && words[0].tag.starts_with("nr"))
                        || words.iter().any(|w| {
                            w.word.chars().count() > 1
                                && matches!(w.tag, "t" | "ns" | "s" | "a" | "v" | "vn" | "eng")
                        })
                }
            {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                kind: EntityType::Organization,
                subtype: Some(Cow::Borrowed("company")),
                name: None,
                aliases: Cow::Borrowed(&[]),
                tier: 1,
                rule: "bracket_name",
            });
        }
    }

    /// Whether `head` is a place and nothing more: a lexicon place over all of it (`occupied`
    /// holds the lexicon's types over its characters), or one word that jieba tags as a place.
    fn is_place_word(&self, head: &str, occupied: &[Option<EntityType>]) -> bool {
        if occupied.iter().all(|o| *o == Some(EntityType::Place)) {
            return true;
        }
        let words = self.words.tag(head, false);
        words.len() == 1 && words[0].tag == "ns"
    }

    /// AI写作平台“某某” → product; 《某某》 → work.
    fn quoted_names(&self, doc: &Document, out: &mut Vec<Candidate<'l>>) {
        let chars = &doc.chars;
        let n = chars.len();
        let mut i = 0;
        while i < n {
            let Some(close) = is_open_quote(chars[i]) else {
                i += 1;
                continue;
            };
            let Some(len) = chars[i + 1..n.min(i + 26)].iter().position(|&c| c == close) else {
                i += 1;
                continue;
            };
            let (s, e) = (i + 1, i + 1 + len);
            let inner: String = chars[s..e].iter().collect();
            let plain =
                (1..=30).contains(&len) && !inner.chars().any(|c| "，。,；;！？!?：:".contains(c));
            if chars[i] == '《' {
                if plain {
                    out.push(Candidate {
                        start: s,
                        end: e,
                        kind: EntityType::Work,
                        subtype: None,
                        name: None,
                        aliases: Cow::Borrowed(&[]),
                        tier: 1,
                        rule: "book_title_marks",
                    });
                }
            } else if plain && len <= 12 {
                // the category word right before the quote
                let before: String = chars[i.saturating_sub(4)..i].iter().collect();
                let cat = (1..=before.chars().count()).rev().find_map(|k| {
                    let w: String = before.chars().skip(before.chars().count() - k).collect();
                    self.lexicon
                        .category_by_word
                        .get(&w)
                        .map(|&ci| &self.lexicon.categories[ci])
                });
                if let Some(cat) = cat
                    && !self.lexicon.is_generic(&inner)
                {
                    out.push(Candidate {
                        start: s,
                        end: e,
                        kind: cat.kind,
                        subtype: Some(Cow::Borrowed(&cat.subtype)),
                        name: None,
                        aliases: Cow::Borrowed(&[]),
                        tier: 1,
                        rule: "category_quoted",
                    });
                }
            }
            i = e + 1;
        }
    }

    /// Latin-script names, told apart from acronyms and common words by the data's word list,
    /// and typed by their shape and the word after them.
    fn latin_names(&self, doc: &Document, out: &mut Vec<Candidate<'l>>) {
        /// The longest category word (`categories.tsv`) read before a name, in characters.
        const MAX_CATEGORY: usize = 4;
        let chars = &doc.chars;
        let legal = self.legal_names(doc, out);
        for m in LATIN_NAME.find_iter(&doc.text) {
            let s = m.as_str();
            let start = doc.char_of_byte(m.start());
            let end = doc.char_of_byte(m.end());
            if (start > 0 && chars[start - 1].is_ascii_alphanumeric()) || s.len() < 2 {
                continue;
            }
            // inside a company's legal name (the `Ltd` of `Co., Ltd.`), or a bare legal form
            if legal.iter().any(|&(ls, le)| start < le && ls < end) || self.lexicon.is_suffix(s) {
                continue;
            }
            let first = s.chars().next().unwrap_or('a');
            if !first.is_ascii_uppercase() {
                continue;
            }
            // a category word right before the name (硬件产品Power, 旗下应用Lumo): what it names
            let category = (1..=MAX_CATEGORY.min(start)).rev().find_map(|k| {
                let w = &chars[start - k..start];
                if !w.iter().all(|&c| is_han(c)) {
                    return None;
                }
                let w: String = w.iter().collect();
                self.lexicon
                    .category_by_word
                    .get(&w)
                    .map(|&ci| &self.lexicon.categories[ci])
            });
            // a capitalized common word (not an acronym: 公司CEO, 平台GMV) is a name where a
            // product's category word calls for one (产品Power), and a common word elsewhere
            let lower = s.to_lowercase();
            let named = category.is_some_and(|c| c.kind == EntityType::Product)
                && !s.contains(' ')
                && s.chars().skip(1).any(|c| c.is_ascii_lowercase());
            if !named
                && (self.lexicon.latin_common.contains(&lower)
                    || s.split(' ')
                        .all(|w| self.lexicon.latin_common.contains(&w.to_lowercase())))
            {
                continue;
            }
            let after: String = chars[end..chars.len().min(end + 6)].iter().collect();
            let suffix = self
                .lexicon
                .suffixes
                .iter()
                .find(|x| s.ends_with(x.word.as_str()) && x.word.is_ascii());
            let (kind, subtype, tier) = if let Some(x) = suffix {
                (
                    EntityType::Organization,
                    Some(Cow::Borrowed(x.subtype.as_str())),
                    1,
                )
            } else if let Some(cat) = category {
                (cat.kind, Some(Cow::Borrowed(cat.subtype.as_str())), 1)
            } else if let Some(cue) = self.lexicon.cues.iter().find(|c| {
                !c.after
                    && after.starts_with(c.word.as_str())
                    && !self.kin_word_begins(&after[c.word.len()..])
            }) {
                // a Latin name before an organization cue (X公司, X的员工, X创始人)
                (cue.kind, Some(Cow::Borrowed(cue.subtype.as_str())), 1)
            } else if s.chars().any(|c| c.is_ascii_digit()) {
                // a common word glued to the number after it (IPO7亿元, GDP5%, AI2025年) is
                // no code: the digits begin an amount or a date (a unit of `model_words.tsv`
                // follows them)
                let letters = s.trim_end_matches(|c: char| c.is_ascii_digit());
                if letters.len() < s.len()
                    && self
                        .lexicon
                        .model_units
                        .iter()
                        .any(|u| after.starts_with(u.as_str()))
                    && self.lexicon.latin_common.contains(&letters.to_lowercase())
                {
                    continue;
                }
                // a code-like name of a plan (K100战略, G20峰会) is no product
                let rest = after.trim_start_matches(['”', '"', '」', ' ']);
                if self
                    .lexicon
                    .plan_words
                    .iter()
                    .any(|w| rest.starts_with(w.as_str()))
                {
                    continue;
                }
                (EntityType::Product, None, 2)
            } else {
                // a capitalized word with nothing to say what it names: the statistical tagger
                // or the lexicon may know it, this rule does not guess
                continue;
            };
            out.push(Candidate {
                start,
                end,
                kind,
                subtype,
                name: Some(Cow::Owned(s.to_string())),
                aliases: Cow::Borrowed(&[]),
                tier,
                rule: "latin_name",
            });
        }
    }

    /// Companies by their legal form (CAVE Interactive Co., Ltd.; Apple Inc.), and the short
    /// name right before such a legal name in brackets: CAVE（CAVE Interactive Co., Ltd.） is one
    /// company, named CAVE. Returns the spans of the legal names.
    fn legal_names(&self, doc: &Document, out: &mut Vec<Candidate<'l>>) -> Vec<(usize, usize)> {
        let chars = &doc.chars;
        let mut spans = Vec::new();
        for c in self.lexicon.legal_name.captures_iter(&doc.text) {
            let (Some(full), Some(name)) = (c.name("full"), c.name("name")) else {
                continue;
            };
            let mut start = doc.char_of_byte(full.start());
            let end = doc.char_of_byte(full.end());
            if start > 0 && chars[start - 1].is_ascii_alphanumeric() {
                continue;
            }
            // leading common words are not part of the name (Shares of Apple Inc.)
            let mut name_text = name.as_str();
            while let Some((first, rest)) = name_text.split_once(' ') {
                if !self.lexicon.latin_common.contains(&first.to_lowercase())
                    && !matches!(first, "of" | "and" | "&")
                {
                    break;
                }
                start += first.chars().count() + 1;
                name_text = rest;
            }
            if self
                .lexicon
                .latin_common
                .contains(&name_text.to_lowercase())
            {
                continue;
            }
            let legal: String = chars[start..end].iter().collect();
            // the short name before the bracket: the Latin words that end right before it and
            // begin the legal name (CAVE（CAVE Interactive …）, IBM（IBM Corp.）)
            let mut short = None;
            if start >= 2 && matches!(chars[start - 1], '（' | '(') {
                let mut ws = start - 1;
                while ws > 0 && (chars[ws - 1].is_ascii_alphanumeric() || chars[ws - 1] == ' ') {
                    ws -= 1;
                }
                let mut we = start - 1;
                while ws < we && chars[ws] == ' ' {
                    ws += 1;
                }
                while we > ws && chars[we - 1] == ' ' {
                    we -= 1;
                }
                let word: String = chars[ws..we].iter().collect();
                if word.len() >= 2 && name_text.starts_with(word.as_str()) {
                    out.push(Candidate {
                        start: ws,
                        end: we,
                        kind: EntityType::Organization,
                        subtype: Some(Cow::Borrowed("company")),
                        name: Some(Cow::Owned(word.clone())),
                        aliases: Cow::Owned(vec![legal.clone()]),
                        tier: 1,
                        rule: "legal_name_short",
                    });
                    short = Some(word);
                }
            }
            // a company the lexicon knows by the name before the form is that company
            let known = self
                .lexicon
                .by_surface
                .get(name_text)
                .map(|&i| &self.lexicon.entries[i])
                .filter(|e| e.kind == EntityType::Organization);
            out.push(Candidate {
                start,
                end,
                kind: EntityType::Organization,
                subtype: known.map_or(Some(Cow::Borrowed("company")), |e| {
                    e.subtype.as_deref().map(Cow::Borrowed)
                }),
                name: Some(
                    known
                        .map(|e| Cow::Borrowed(e.name.as_str()))
                        .or(short.map(Cow::Owned))
                        .unwrap_or_else(|| Cow::Owned(legal.clone())),
                ),
                aliases: Cow::Borrowed(&[]),
                tier: 1,
                rule: "legal_name",
            });
            spans.push((start, end));
        }
        spans
    }

    /// 周受资（Shouzi Chew）: a Han name that a surname begins, right before two or three
    /// capitalized Latin words in brackets, is a person, and the Latin words are the same person.
    /// Chinese news gives a person's romanized name this way; an organization's English name is
    /// told apart by its own words (Group, Technologies, Inc) and by the surname test.
    fn romanized_persons(&self, doc: &Document, out: &mut Vec<Candidate<'l>>) {
        for c in ROMANIZED.captures_iter(&doc.text) {
            let (Some(han), Some(latin)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let words: Vec<&str> = latin.as_str().split([' ', '-']).collect();
            if words.iter().any(|w| {
                self.lexicon.latin_common.contains(&w.to_lowercase()) || self.lexicon.is_suffix(w)
            }) {
                continue;
            }
            let han_end = doc.char_of_byte(han.end());
            let han_start = doc.char_of_byte(han.start());
            // the name is the end of the Han run: four characters after a compound surname
            // (欧阳), else three, else two
            let Some(start) = [4usize, 3, 2].into_iter().find_map(|n| {
                let s = han_end.checked_sub(n)?;
                if s < han_start {
                    return None;
                }
                let name: String = doc.chars[s..han_end].iter().collect();
                let compound = n == 4 && {
                    let two: String = name.chars().take(2).collect();
                    self.lexicon.surnames.contains(&two)
                };
                (self.person_like(&name) && (n < 4 || compound)).then_some(s)
            }) else {
                continue;
            };
            let name: String = doc.chars[start..han_end].iter().collect();
            if self.lexicon.by_surface.contains_key(&name) {
                continue;
            }
            let (ls, le) = (
                doc.char_of_byte(latin.start()),
                doc.char_of_byte(latin.end()),
            );
            for (s, e, rule) in [
                (start, han_end, "romanized_person"),
                (ls, le, "romanized_person_latin"),
            ] {
                out.push(Candidate {
                    start: s,
                    end: e,
                    kind: EntityType::Person,
                    subtype: None,
                    name: Some(Cow::Owned(name.clone())),
                    aliases: Cow::Borrowed(&[]),
                    tier: 1,
                    rule,
                });
            }
        }
    }

    /// A name that the lexicon or a pattern found once is a candidate at its every other
    /// occurrence, before the statistical sources speak (张晓明, not a tagger's 张晓); a name
    /// only the tagger found (`tier` 2, the second call) is one too, after it has spoken: the
    /// longer of two readings at one place wins (瓦妮莎 over a tagger's 瓦妮 in 瓦妮莎有…).
    fn repeat_names(&self, doc: &Document, cands: &mut Vec<Candidate<'l>>, tier: u8) {
        let mut forms: Vec<(String, usize)> = select_order(cands, |c| c.tier <= tier)
            .into_iter()
            .filter(|&i| cands[i].tier == tier || tier <= 1)
            .filter(|&i| cands[i].end - cands[i].start >= 2)
            .map(|i| (doc.chars[cands[i].start..cands[i].end].iter().collect(), i))
            .collect();
        // a transliterated name (瓦妮莎・帕帕斯) is also written by one of its parts alone
        let mut parts: Vec<(String, usize)> = Vec::new();
        for (form, i) in &forms {
            if cands[*i].kind != EntityType::Person {
                continue;
            }
            let pieces: Vec<&str> = form.split(is_name_dot).collect();
            if pieces.len() < 2 {
                continue;
            }
            for p in pieces {
                if p.chars().count() >= 2 && p.chars().all(is_han) {
                    parts.push((p.to_string(), *i));
                }
            }
        }
        // a part outranks the tagger's own reading of the same characters (奥莉维亚 read as
        // a place), not a lexicon's or a pattern's
        if tier >= 2 {
            parts.append(&mut forms);
            forms = parts;
        } else {
            forms.extend(parts);
        }
        // one entry per form, the first chosen span's (a stable sort keeps them first)
        forms.sort_by(|a, b| a.0.cmp(&b.0));
        forms.dedup_by(|later, first| later.0 == first.0);
        let set = names::NameSet::new(forms.iter().map(|f| f.0.as_str()));
        // a copy where a candidate of the same tier already reads the same span the same
        // way would only hide that candidate's rule
        let present: HashSet<(usize, usize, EntityType, u8)> = cands
            .iter()
            .map(|c| (c.start, c.end, c.kind, c.tier))
            .collect();
        for (s, e, k) in set.find_iter(&doc.chars) {
            let edge = |i: usize| doc.chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
            if (doc.chars[s].is_ascii_alphanumeric() && s > 0 && edge(s - 1))
                || (doc.chars[e - 1].is_ascii_alphanumeric() && edge(e))
            {
                continue;
            }
            if !self.on_word_boundaries(doc, s, e) {
                continue;
            }
            let base = cands[forms[k].1].clone();
            if present.contains(&(s, e, base.kind, base.tier)) {
                continue;
            }
            // a part stands for the whole name
            let name = if e - s < base.end - base.start {
                Some(Cow::Owned(
                    base.name
                        .as_deref()
                        .map(str::to_string)
                        .unwrap_or_else(|| doc.chars[base.start..base.end].iter().collect()),
                ))
            } else {
                base.name.clone()
            };
            cands.push(Candidate {
                start: s,
                end: e,
                name,
                rule: "same_name_in_document",
                ..base
            });
        }
    }

    /// The statistical tagger (tier 2), with the checks a name must pass whatever found it.
    /// A name read as a product at one place (X智能汽车解决方案) is a product wherever the
    /// tagger reads it as an organization.
    fn model_names(&self, doc: &Document, out: &mut Vec<Candidate<'l>>) {
        let first = out.len();
        self.tagged_names(doc, out);
        self.glued_prefixes(doc, &mut out[first..]);
        self.drop_word_pieces(doc, out, first);
        self.drop_half_pairs(doc, out, first);
        let products: BTreeSet<String> = out[first..]
            .iter()
            .filter(|c| c.kind == EntityType::Product)
            .map(|c| doc.chars[c.start..c.end].iter().collect())
            .collect();
        if products.is_empty() {
            return;
        }
        for c in out[first..]
            .iter_mut()
            .filter(|c| c.kind == EntityType::Organization)
        {
            let name: String = doc.chars[c.start..c.end].iter().collect();
            if products.contains(&name) {
                c.kind = EntityType::Product;
            }
        }
    }

    /// The names of the byline (作者：X, 编辑：Y) as the header gives them, whole: a pen name or an
    /// account name (某某的勇敢世界) is one person, whatever the tagger reads inside it.
    fn byline_names(&self, doc: &Document, cands: &mut Vec<Candidate<'l>>) {
        for b in &doc.meta.bylines {
            let Some((start, end)) = doc.clean_span(b.start, b.end) else {
                continue;
            };
            // a colon right after the value: it ran into the next field's label (作者:X简介:)
            if doc.chars.get(end).is_some_and(|&c| c == ':' || c == '：') {
                continue;
            }
            cands.push(Candidate {
                start,
                end,
                kind: EntityType::Person,
                subtype: Some(Cow::Borrowed("journalist")),
                name: Some(Cow::Owned(b.name.clone())),
                aliases: Cow::Borrowed(&[]),
                tier: 1,
                rule: "byline",
            });
        }
    }

    /// 总裁的夫人Scarlet, 其父亲唐本国: the name right after a kinship word
    /// (`data/entity/kin_words.tsv`) is a person: one to three capitalized Latin words, or a
    /// name that the tagger found there and that a surname begins.
    fn kin_persons(&self, doc: &Document, cands: &mut Vec<Candidate<'l>>) {
        const MAX_WORDS: usize = 3;
        let chars = &doc.chars;
        let mut found: Vec<(usize, usize)> = Vec::new();
        for m in self.lexicon.kin_matcher.find_iter(&doc.text) {
            let p = doc.char_of_byte(m.end());
            let Some(&first) = chars.get(p) else {
                continue;
            };
            if first.is_ascii_uppercase() {
                let rest: String = chars[p..chars.len().min(p + 40)].iter().collect();
                if let Some(n) = LATIN_NAME.find(&rest).filter(|n| n.start() == 0) {
                    let words: Vec<&str> = n.as_str().split(' ').collect();
                    let common = words.iter().any(|w| {
                        self.lexicon.latin_common.contains(&w.to_lowercase())
                            || self.lexicon.is_suffix(w)
                    });
                    let end = p + n.as_str().chars().count();
                    let glued = chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
                    if words.len() <= MAX_WORDS && !common && !glued {
                        found.push((p, end));
                    }
                }
            } else if is_han(first) {
                found.extend(
                    cands
                        .iter()
                        .filter(|c| c.start == p && c.tier == 2 && c.kind != EntityType::Person)
                        .filter(|c| self.person_like(doc.slice(c.start, c.end)))
                        .map(|c| (c.start, c.end)),
                );
            }
        }
        for (start, end) in found {
            cands.push(person(start, end, "kin_person"));
        }
    }

    /// Tonal（一种壁挂式健身器材）: a bracketed gloss that begins with a word of
    /// `data/entity/glosses.tsv` gives the name right before the bracket its type. The name is
    /// the span another source found there (unless the lexicon, which knows the name, found
    /// it), or else the capitalized Latin word or words before the bracket.
    fn gloss_types(&self, doc: &Document, cands: &mut Vec<Candidate<'l>>) {
        let chars = &doc.chars;
        for (b, open) in doc.text.match_indices(['（', '(']) {
            let after = &doc.text[b + open.len()..];
            let at = doc.char_of_byte(b);
            let gloss = self
                .lexicon
                .glosses
                .iter()
                .find(|(w, _)| after.starts_with(w.as_str()))
                .map(|g| (g.1, None));
            let Some((kind, head_subtype)) = gloss.or_else(|| {
                self.product_gloss(doc, at, after)
                    .map(|st| (EntityType::Product, Some(st)))
            }) else {
                continue;
            };
            let mut typed = false;
            for c in cands.iter_mut().filter(|c| c.end == at) {
                if c.is_lexicon() {
                    typed = true;
                    continue;
                }
                if c.kind != kind {
                    c.kind = kind;
                    c.subtype = None;
                }
                if c.subtype.is_none() {
                    c.subtype = head_subtype.map(Cow::Borrowed);
                }
                c.tier = c.tier.min(1);
                c.rule = "bracket_gloss";
                typed = true;
            }
            if typed {
                continue;
            }
            let mut s = at;
            while s > 0 && (chars[s - 1].is_ascii_alphanumeric() || " -.".contains(chars[s - 1])) {
                s -= 1;
            }
            while s < at && !chars[s].is_ascii_alphanumeric() {
                s += 1;
            }
            let mut e = at;
            while e > s && chars[e - 1] == ' ' {
                e -= 1;
            }
            let name: String = chars[s..e].iter().collect();
            if e - s >= 2
                && chars[s].is_ascii_uppercase()
                && !self.lexicon.is_generic(&name)
                && !name
                    .split(' ')
                    .all(|w| self.lexicon.latin_common.contains(&w.to_lowercase()))
            {
                cands.push(Candidate {
                    start: s,
                    end: e,
                    kind,
                    subtype: head_subtype.map(Cow::Borrowed),
                    name: None,
                    aliases: Cow::Borrowed(&[]),
                    tier: 1,
                    rule: "bracket_gloss",
                });
            }
        }
    }

    /// DMS（驾驶员感知系统）: a Latin name (an acronym, a brand) before a bracketed description
    /// that ends in a product head (`product_heads.tsv`) is a product. A Han name before such a
    /// bracket may be the company that makes it, and is left alone.
    fn product_gloss(&self, doc: &Document, at: usize, after: &str) -> Option<&'l str> {
        const MAX_GLOSS: usize = 12;
        if at == 0 || !doc.chars[at - 1].is_ascii_alphanumeric() {
            return None;
        }
        let close = after.find(['）', ')'])?;
        let inner = &after[..close];
        let plain = inner.chars().count() <= MAX_GLOSS && inner.chars().all(is_han);
        plain.then(|| self.product_head(inner)).flatten()
    }

    /// The subtype that the product head ending `word` gives (`product_heads.tsv`: 系统
    /// software, 芯片 hardware), the longest head deciding (操作系统, not 系统); none when no
    /// head ends it.
    fn product_head(&self, word: &str) -> Option<&'l str> {
        self.lexicon
            .product_heads
            .iter()
            .filter(|(h, _)| word.ends_with(h.as_str()))
            .max_by_key(|(h, _)| h.len())
            .map(|(_, subtype)| subtype.as_str())
    }

    /// A one-character place that the tagger found next to another place abbreviation it did not
    /// take (中台 "middle platform": 台 tagged, 中 not) is half of a word, not a pair of places:
    /// the tagger reads a real pair (中美, 日韩) whole, both characters places.
    fn drop_half_pairs(&self, doc: &Document, out: &mut Vec<Candidate>, first: usize) {
        let chars = &doc.chars;
        let places: BTreeSet<usize> = out[first..]
            .iter()
            .filter(|c| c.kind == EntityType::Place && c.end - c.start == 1)
            .map(|c| c.start)
            .collect();
        if places.is_empty() {
            return;
        }
        let abbr = |i: usize| {
            chars
                .get(i)
                .is_some_and(|c| self.lexicon.abbreviations.contains_key(c))
        };
        let half = |p: usize| {
            (p > 0 && abbr(p - 1) && !places.contains(&(p - 1)))
                || (abbr(p + 1) && !places.contains(&(p + 1)))
        };
        let mut i = 0;
        out.retain(|c| {
            i += 1;
            i <= first || c.kind != EntityType::Place || c.end - c.start != 1 || !half(c.start)
        });
    }

    /// A tagged person whose name the document also writes as the end of a longer word of the
    /// segmentation (雷达 in 激光雷达, 王星 in 海王星) is the head of that word, a common noun,
    /// here and elsewhere. A word that begins with the name (马克思主义, 伏羲氏) is derived
    /// from a person's name and says nothing against it.
    fn drop_word_pieces(&self, doc: &Document, out: &mut Vec<Candidate>, first: usize) {
        let chars = &doc.chars;
        let mut pieces: BTreeSet<String> = BTreeSet::new();
        let mut checked: BTreeSet<String> = BTreeSet::new();
        for c in &out[first..] {
            if c.kind != EntityType::Person || !chars[c.start..c.end].iter().all(|&ch| is_han(ch)) {
                continue;
            }
            let name: String = chars[c.start..c.end].iter().collect();
            if !checked.insert(name.clone()) {
                continue;
            }
            let n = c.end - c.start;
            let inside_word = doc.text.match_indices(name.as_str()).any(|(b, _)| {
                let s = doc.char_of_byte(b);
                self.context_words(doc, s, s + n)
                    .iter()
                    .any(|&(a, e, _)| a < s && e == s + n)
            });
            if inside_word {
                pieces.insert(name);
            }
        }
        if pieces.is_empty() {
            return;
        }
        let mut i = 0;
        out.retain(|c| {
            i += 1;
            i <= first
                || c.kind != EntityType::Person
                || !pieces.contains(&chars[c.start..c.end].iter().collect::<String>())
        });
    }

    /// A Latin name that the text always writes right after the same Han characters (at least
    /// [`GLUED_MIN`] times, never alone) is named with them: a name that mixes scripts, such
    /// as a media outlet's (某某Insight), of which the tagger reads only the Latin part. The
    /// shared characters are the longest common end of the Han runs before each occurrence;
    /// at least two, and no function word.
    fn glued_prefixes(&self, doc: &Document, cands: &mut [Candidate]) {
        const GLUED_MIN: usize = 3;
        const MAX_PREFIX: usize = 4;
        let chars = &doc.chars;
        let latin = |c: char| c.is_ascii_alphanumeric();
        let mut prefixes: HashMap<String, Option<usize>> = HashMap::new();
        for c in cands.iter() {
            if c.kind != EntityType::Organization
                || c.start == 0
                || !is_han(chars[c.start - 1])
                || !chars[c.start..c.end].iter().all(|&ch| ch.is_ascii())
            {
                continue;
            }
            let name: String = chars[c.start..c.end].iter().collect();
            if prefixes.contains_key(&name) {
                continue;
            }
            let n = c.end - c.start;
            // every whole-word occurrence, and the Han characters before each
            let mut shared: Option<Vec<char>> = None;
            let mut count = 0;
            for (b, _) in doc.text.match_indices(name.as_str()) {
                let s = doc.char_of_byte(b);
                let e = s + n;
                if e < chars.len() && latin(chars[e]) || s > 0 && latin(chars[s - 1]) {
                    continue;
                }
                count += 1;
                let mut a = s;
                while a > 0 && s - a < MAX_PREFIX && is_han(chars[a - 1]) {
                    a -= 1;
                }
                let run = &chars[a..s];
                shared = Some(match shared {
                    None => run.to_vec(),
                    Some(prev) => {
                        let k = prev
                            .iter()
                            .rev()
                            .zip(run.iter().rev())
                            .take_while(|(x, y)| x == y)
                            .count();
                        prev[prev.len() - k..].to_vec()
                    }
                });
            }
            let prefix: String = shared.unwrap_or_default().into_iter().collect();
            let ok = count >= GLUED_MIN
                && prefix.chars().count() >= 2
                && !self.lexicon.is_generic(&prefix)
                && self.no_function_words(&prefix);
            prefixes.insert(name, ok.then(|| prefix.chars().count()));
        }
        for c in cands.iter_mut() {
            let name: String = chars[c.start..c.end].iter().collect();
            if let Some(Some(k)) = prefixes.get(&name)
                && c.start >= *k
            {
                c.start -= k;
            }
        }
    }

    fn tagged_names(&self, doc: &Document, out: &mut Vec<Candidate<'l>>) {
        let cased = doc.chars.iter().any(char::is_ascii_uppercase);
        for span in crate::ner::NerModel::embedded().tag_chars(&doc.chars) {
            // a list marker or a clause mark inside a span separates names (①霍华德②基廷)
            let mut a = span.start;
            for k in span.start..=span.end {
                if k == span.end || separates_names(doc.chars[k]) {
                    if k > a {
                        for (s, e) in repeated_name_pieces(&doc.chars, a, k) {
                            self.model_name(doc, s, e, span.label, cased, out);
                        }
                    }
                    a = k + 1;
                }
            }
        }
    }

    fn model_name(
        &self,
        doc: &Document,
        start: usize,
        end: usize,
        label: crate::ner::NerLabel,
        cased: bool,
        out: &mut Vec<Candidate<'l>>,
    ) {
        {
            let (mut s, mut e) = (start, end);
            // a stray Latin letter glued to a Han name (CEO蒂姆 → O蒂姆) is not part of it
            while s < e
                && doc.chars[s].is_ascii_alphabetic()
                && e - s > 1
                && is_han(doc.chars[e - 1])
                && !is_han(doc.chars[s])
            {
                s += 1;
            }
            // a date unit glued to the name after a number (8 月凯文) belongs to the date
            while s + 1 < e
                && "年月日号".contains(doc.chars[s])
                && s > 0
                && (doc.chars[s - 1].is_ascii_digit() || doc.chars[s - 1] == ' ')
            {
                s += 1;
            }
            while s < e && !doc.chars[s].is_alphanumeric() {
                s += 1;
            }
            while e > s && !doc.chars[e - 1].is_alphanumeric() {
                e -= 1;
            }
            if e > s {
                (s, e) = self.outside_long_words(doc, s, e, label == crate::ner::NerLabel::Person);
            }
            if e - s < 2 && !(e > s && is_han(doc.chars[s]) && label == crate::ner::NerLabel::Place)
            {
                return;
            }
            if !whole_latin_name(&doc.chars, s, e, cased) {
                return;
            }
            let name: String = doc.chars[s..e].iter().collect();
            // a bracket opened or closed outside the span (company CAVE (株式会社…) is text
            // around names, not one
            let depth = name.chars().try_fold(0i32, |d, c| match c {
                '(' | '（' => Some(d + 1),
                ')' | '）' => (d > 0).then_some(d - 1),
                _ => Some(d),
            });
            if depth != Some(0) {
                return;
            }
            // a Latin person's name begins and ends with a capital (Vincent van Gogh):
            // a capitalized word and a lowercase one (Each file) are a sentence's start
            if label == crate::ner::NerLabel::Person && cased && name.is_ascii() {
                let capital = |w: Option<&str>| {
                    w.and_then(|w| w.chars().next())
                        .is_some_and(|c| !c.is_ascii_lowercase())
                };
                if !capital(name.split_whitespace().next())
                    || !capital(name.split_whitespace().next_back())
                {
                    return;
                }
            }
            // a word for a kind or a style (佛系, 中式) read as an organization or a place
            let style_word = label != crate::ner::NerLabel::Person
                && e - s == 2
                && is_han(doc.chars[s])
                && self
                    .lexicon
                    .style_suffixes
                    .contains(doc.chars[s + 1].encode_utf8(&mut [0u8; 4]) as &str);
            if style_word
                || (label == crate::ner::NerLabel::Organization
                    && self.unit_with_ceo(doc, &name, e))
                || self.lexicon.is_generic(&name)
                // 公司总部, 公司员工: two generic heads name nothing
                || self.lexicon.generic_heads.iter().any(|h| {
                    name.strip_suffix(h.as_str())
                        .is_some_and(|r| self.lexicon.generic_heads.contains(r))
                })
                || self.latin_common_phrase(doc, s, e)
                || self.lexicon.description_heads.is_match(&name)
                || self.common_mixed_phrase(&name)
            {
                return;
            }
            // an organization or place whose first characters end a word begun before it
            // (常驻|上海公司 read as 驻上海公司, 达摩克利斯 read as 摩克利斯) is a piece of a
            // longer phrase, not a name
            if matches!(
                label,
                crate::ner::NerLabel::Organization | crate::ner::NerLabel::Place
            ) && self
                .context_words(doc, s, e)
                .iter()
                .any(|&(a, b, _)| a < s && b > s && b < e)
            {
                return;
            }
            // a product's description after the name (X智能汽车解决方案): its head's subtype
            let head = matches!(
                label,
                crate::ner::NerLabel::Organization | crate::ner::NerLabel::Product
            )
            .then(|| self.product_follows(doc, s, e))
            .flatten();
            let kind = match label {
                crate::ner::NerLabel::Person => EntityType::Person,
                crate::ner::NerLabel::Organization if head.is_some() => EntityType::Product,
                crate::ner::NerLabel::Organization => EntityType::Organization,
                crate::ner::NerLabel::Place => EntityType::Place,
                crate::ner::NerLabel::Product => EntityType::Product,
            };
            // a one-character place is an abbreviation (日、韩; 在华): it names the full place
            let full = (e - s == 1 && kind == EntityType::Place)
                .then(|| self.lexicon.abbreviations.get(&doc.chars[s]))
                .flatten();
            let known = full.and_then(|f| self.lexicon.by_surface.get(f));
            // an organization that ends in a suffix has the suffix's subtype (X证券: company)
            let suffix_subtype = (kind == EntityType::Organization)
                .then(|| {
                    self.lexicon
                        .suffixes
                        .iter()
                        .find(|x| x.keep && name.ends_with(x.word.as_str()))
                })
                .flatten()
                .map(|x| Cow::Borrowed(x.subtype.as_str()));
            out.push(Candidate {
                start: s,
                end: e,
                kind,
                subtype: known
                    .and_then(|&i| {
                        self.lexicon.entries[i]
                            .subtype
                            .as_deref()
                            .map(Cow::Borrowed)
                    })
                    .or(suffix_subtype)
                    .or(head.map(Cow::Borrowed)),
                name: full.map(|f| Cow::Borrowed(f.as_str())),
                aliases: known.map_or(Cow::Borrowed(&[]), |&i| {
                    Cow::Borrowed(&self.lexicon.entries[i].aliases)
                }),
                tier: 2,
                rule: "ner_model",
            });
        }
    }

    /// Whether `name`, ending at `e`, is a unit inside a company that the text gives a chief
    /// (国际部总裁, 游戏事业群CEO): a name that ends in a unit head (`unit_heads.tsv`) followed by
    /// a title of a chief executive (`titles.tsv`, relation `ceo_of`). A ministry (外交部) has a
    /// minister and a spokesperson, never a CEO.
    fn unit_with_ceo(&self, doc: &Document, name: &str, e: usize) -> bool {
        if self.lexicon.unit_heads_of(name).next().is_none() {
            return false;
        }
        let after = &doc.text[doc.byte_of_char(e)..];
        self.lexicon
            .titles
            .iter()
            .any(|t| t.relation == "ceo_of" && after.starts_with(t.word.as_str()))
    }

    /// Whether a Latin name at `s..e` is followed by the description of a product: after any
    /// further Latin words (a model name, Pro-X), a run of Han words with no function word that
    /// ends in a product head (`data/entity/product_heads.tsv`): X智能汽车解决方案. The head's
    /// subtype (software), or none.
    fn product_follows(&self, doc: &Document, s: usize, e: usize) -> Option<&'l str> {
        const MAX_RUN: usize = 12;
        let chars = &doc.chars;
        if !chars[s..e].iter().all(char::is_ascii) {
            return None;
        }
        let mut p = e;
        while p < chars.len() && (chars[p].is_ascii_alphanumeric() || " -+".contains(chars[p])) {
            p += 1;
        }
        let han = p;
        while p < chars.len() && p - han < MAX_RUN && is_han(chars[p]) {
            p += 1;
        }
        // word by word, up to the first function word: a word ending in a head ends the
        // description (方案 in 领航方案, not in 方案书)
        for w in self.words.tag(doc.slice(han, p), false) {
            if matches!(
                w.tag,
                "c" | "d" | "m" | "r" | "p" | "u" | "uj" | "ul" | "uz" | "y" | "e" | "o" | "q"
            ) {
                return None;
            }
            if let Some(subtype) = self.product_head(w.word) {
                return Some(subtype);
            }
        }
        None
    }

    /// Whether a span that mixes Han and Latin is made of common words only: dictionary words
    /// that are not names, and Latin words the data lists as common (电商SaaS, 门店APP).
    fn common_mixed_phrase(&self, name: &str) -> bool {
        if !name.chars().any(is_han) || !name.chars().any(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        self.words.tag(name, false).iter().all(|w| {
            if w.word.chars().all(|c| c.is_ascii_alphanumeric()) {
                self.lexicon.latin_common.contains(&w.word.to_lowercase())
            } else {
                w.word.chars().all(is_han)
                    && self.words.has_word(w.word)
                    && !matches!(w.tag, "nr" | "ns" | "nt" | "nz" | "nrt" | "nrfg" | "j")
            }
        })
    }

    /// Whether a Latin span lies in a run of Latin words that the data lists as common
    /// (Instruction in "Instruction Tuning").
    fn latin_common_phrase(&self, doc: &Document, s: usize, e: usize) -> bool {
        if !doc.chars[s..e].iter().all(|c| c.is_ascii()) {
            return false;
        }
        let latin = |c: char| c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '.';
        let (mut a, mut b) = (s, e);
        while a > 0 && latin(doc.chars[a - 1]) {
            a -= 1;
        }
        while b < doc.chars.len() && latin(doc.chars[b]) {
            b += 1;
        }
        let run: String = doc.chars[a..b]
            .iter()
            .collect::<String>()
            .trim()
            .to_lowercase();
        self.lexicon.latin_common.contains(&run)
            || run
                .split(' ')
                .filter(|w| !w.is_empty())
                .all(|w| self.lexicon.latin_common.contains(w))
    }
}

fn person(start: usize, end: usize, rule: &'static str) -> Candidate<'static> {
    Candidate {
        start,
        end,
        kind: EntityType::Person,
        subtype: None,
        name: None,
        aliases: Cow::Borrowed(&[]),
        tier: 1,
        rule,
    }
}

/// A statistical span that holds a lexicon name and more (中国共产党中央委员会 around 中国) is the
/// longer organization or place, unless what it adds is a generic head noun (美国谷歌总部 is
/// 美国 + 谷歌 + 总部; `data/entity/generic_heads.tsv`): then it joins the lexicon's tier, where
/// length decides. Three spans are not promoted, so that the known name inside them wins:
/// - one around a person's name: a person's name and more (张三棋局, 张三系公司) is something
///   of that person, not an organization;
/// - a place that only adds words before a known place (广纳台湾 is "recruit widely in"
///   Taiwan): the head of a Chinese place name comes last, so words before it are not a
///   longer place (a longer place keeps the known one inside, 奥兰多迪士尼乐园);
/// - one where a Latin word follows a known Han organization (甲科技AutoX智能): the Latin
///   word starts another name, a brand or product line of the organization, not a longer name
///   of it.
impl EntityStage<'_> {
    fn promote_containing(&self, doc: &Document, cands: &mut [Candidate<'_>]) {
        let mut lexicon: Vec<(usize, usize, EntityType)> = cands
            .iter()
            .filter(|c| c.tier == 1 && c.is_lexicon())
            .map(|c| (c.start, c.end, c.kind))
            .collect();
        // lexicon spans never overlap (leftmost-longest): sorted by start, the ones meeting a
        // span are a slice found by binary search, not a scan of the document's spans
        lexicon.sort_unstable();
        // a brand and its model (甲凯美瑞) read by the tagger as one organization stay a product
        let models: HashSet<(usize, usize)> = cands
            .iter()
            .filter(|c| c.rule == "brand_model")
            .map(|c| (c.start, c.end))
            .collect();
        let chars = &doc.chars;
        for c in cands.iter_mut().filter(|c| {
            c.tier == 2
                && matches!(c.kind, EntityType::Organization | EntityType::Place)
                && !models.contains(&(c.start, c.end))
        }) {
            let from = lexicon.partition_point(|&(_, e, _)| e <= c.start);
            let to = lexicon.partition_point(|&(s, _, _)| s < c.end);
            let meeting = &lexicon[from..to.max(from)];
            let inside: Vec<&(usize, usize, EntityType)> = meeting
                .iter()
                .filter(|&&(s, e, _)| c.start <= s && e <= c.end && (e - s) < (c.end - c.start))
                .collect();
            let crosses = meeting
                .iter()
                .any(|&(s, e, _)| !(c.start <= s && e <= c.end));
            if inside.is_empty()
                || crosses
                || inside.iter().any(|&&(_, _, k)| k == EntityType::Person)
            {
                continue;
            }
            let words_before_place = c.kind == EntityType::Place
                && inside.iter().all(|&&(s, _, _)| s > c.start)
                && inside.iter().any(|&&(_, e, _)| e == c.end);
            let brand_after_org = inside.iter().any(|&&(_, e, k)| {
                let mut p = e;
                while p < c.end && chars[p] == ' ' {
                    p += 1;
                }
                let latin = p;
                while p < c.end && (chars[p].is_ascii_alphanumeric() || chars[p] == ' ') {
                    p += 1;
                }
                k == EntityType::Organization && p > latin && chars[latin].is_ascii_alphabetic()
            });
            if words_before_place || brand_after_org {
                continue;
            }
            let rest: String = (c.start..c.end)
                .filter(|&i| !inside.iter().any(|&&(s, e, _)| s <= i && i < e))
                .map(|i| chars[i])
                .collect();
            let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
            if !rest.is_empty() && !self.lexicon.generic_heads.contains(rest) {
                c.tier = 1;
            }
        }
    }
}

/// The priority rule: by tier (user lexicon, then lexicon and patterns, then the statistical
/// tagger, then jieba's tags); within a tier the longest span wins, then the earliest, then
/// lexicon over pattern. A chosen span blocks every span that overlaps it.
pub fn select(cands: Vec<Candidate<'_>>) -> Vec<Candidate<'_>> {
    let order = select_order(&cands, |_| true);
    let mut slots: Vec<Option<Candidate<'_>>> = cands.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// [`select`] over the candidates that `keep` accepts, as indexes into `cands`, by start.
fn select_order(cands: &[Candidate<'_>], keep: impl Fn(&Candidate<'_>) -> bool) -> Vec<usize> {
    // at one span of one tier: the lexicon, then the reading the name has elsewhere in the
    // document (a person's 奥莉维亚 where the tagger alone would read a place), then the rest
    let rank = |c: &Candidate<'_>| {
        if c.is_lexicon() {
            0
        } else if c.rule == "same_name_in_document" {
            1
        } else {
            2
        }
    };
    // the sort key, computed once per candidate; the index last keeps the order of equals
    let mut keyed: Vec<_> = (0..cands.len())
        .filter(|&i| keep(&cands[i]))
        .map(|i| {
            let c = &cands[i];
            let len = c.end.saturating_sub(c.start);
            (c.tier, std::cmp::Reverse(len), c.start, rank(c), c.kind, i)
        })
        .collect();
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.into_iter().map(|k| k.5).collect();
    let max_end = order.iter().map(|&i| cands[i].end).max().unwrap_or(0);
    let mut taken = vec![false; max_end];
    let mut out = Vec::new();
    for i in order {
        let c = &cands[i];
        if c.start >= c.end || taken[c.start..c.end].iter().any(|&t| t) {
            continue;
        }
        taken[c.start..c.end].iter_mut().for_each(|t| *t = true);
        out.push(i);
    }
    out.sort_by_key(|&i| cands[i].start);
    out
}

/// Chosen spans → entities. Every name keeps one type in the document (the one of its best
/// source), is found again at each of its other occurrences, and a short form joins the long
/// form it begins (阿里 → 阿里巴巴).
fn resolve(doc: &Document, chosen: Vec<Candidate<'_>>, lexicon: &Lexicon) -> EntityLayer {
    // surface → (best tier, kind, subtype, canonical, aliases)
    let chosen_surfaces: Vec<String> = chosen
        .iter()
        .map(|c| normalize_width(&doc.chars[c.start..c.end].iter().collect::<String>()))
        .collect();
    let mut by_surface: HashMap<&str, &Candidate<'_>> = HashMap::new();
    for (c, surface) in chosen.iter().zip(&chosen_surfaces) {
        match by_surface.get(surface.as_str()) {
            Some(prev) if prev.tier <= c.tier => {}
            _ => {
                by_surface.insert(surface, c);
            }
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut surface_entity: HashMap<String, usize> = HashMap::new();
    let mut surfaces: Vec<&str> = by_surface.keys().copied().collect();
    surfaces.sort();
    for surface in surfaces {
        let c = by_surface[surface];
        let canonical = c
            .name
            .as_deref()
            .map(normalize_width)
            .unwrap_or_else(|| surface.to_string());
        // a name found by a pattern that the lexicon knows takes the lexicon's identity
        let (kind, subtype, canonical, aliases) = match lexicon.by_surface.get(&canonical) {
            Some(&i) if c.name.is_none() => {
                let e = &lexicon.entries[i];
                (e.kind, e.subtype.clone(), e.name.clone(), e.aliases.clone())
            }
            _ => (
                c.kind,
                c.subtype.as_deref().map(str::to_string),
                canonical,
                c.aliases.to_vec(),
            ),
        };
        let key = (kind, canonical.clone());
        let idx = *index.entry(key).or_insert_with(|| {
            entities.push(Entity {
                kind,
                subtype: subtype.clone(),
                name: canonical.clone(),
                aliases: aliases.iter().cloned().collect(),
            });
            entities.len() - 1
        });
        if surface != canonical {
            entities[idx].aliases.insert(surface.to_string());
        }
        if entities[idx].subtype.is_none() {
            entities[idx].subtype = subtype;
        }
        surface_entity.insert(surface.to_string(), idx);
    }
    // short forms: an organization or product name that begins one longer one of the same type
    let mut redirect: Vec<usize> = (0..entities.len()).collect();
    let mut by_name: Vec<usize> = (0..entities.len()).collect();
    by_name.sort_by(|&x, &y| {
        (entities[x].kind, &entities[x].name).cmp(&(entities[y].kind, &entities[y].name))
    });
    // two names the lexicon lists as two entries (微信, 微信公众号) stay two
    let listed = |name: &str| {
        lexicon
            .by_surface
            .get(name)
            .is_some_and(|&k| lexicon.entries[k].name == name)
    };
    for i in 0..entities.len() {
        let a = &entities[i];
        if a.name.chars().count() < 2
            || !matches!(
                a.kind,
                EntityType::Organization | EntityType::Product | EntityType::Person
            )
        {
            continue;
        }
        let a_listed = listed(&a.name);
        // names that begin with `a`'s name sort right after it
        let from = by_name.partition_point(|&k| {
            (entities[k].kind, entities[k].name.as_str()) < (a.kind, a.name.as_str())
        });
        let long = by_name[from..]
            .iter()
            .take_while(|&&j| entities[j].kind == a.kind && entities[j].name.starts_with(&a.name))
            .copied()
            .filter(|&j| {
                j != i
                    && entities[j].name.chars().count() > a.name.chars().count()
                    && short_form_of(&a.name, &entities[j].name)
                    // FITURE and FITURE创始团队 are two things: a long form that only adds a
                    // generic head (团队, 总部, 公司) is not the name's full form
                    && !lexicon.generic_heads.iter().any(|h| entities[j].name[a.name.len()..].ends_with(h.as_str()))
                    // nor is a branch of it (甲公司北京分行)
                    && !lexicon.branch_words.iter().any(|w| entities[j].name.ends_with(w.as_str()))
                    && !(a_listed && listed(&entities[j].name))
                    // nor a known company's investment arm (甲 and 甲资本)
                    && !(a_listed && lexicon.suffixes.iter().any(|x| {
                        x.subtype == "investor" && entities[j].name[a.name.len()..] == x.word
                    }))
            });
        // a short form of two long ones (金山 of 金山软件 and 金山云) is left alone
        let mut long = long;
        if let (Some(j), None) = (long.next(), long.next()) {
            redirect[i] = j;
        }
    }
    for (surface, idx) in surface_entity.iter_mut() {
        // a chain of short forms (瓦妮 → 瓦妮莎 → 瓦妮莎·帕帕斯) ends at the longest; each
        // step is longer, so the chain ends
        let mut j = redirect[*idx];
        while redirect[j] != j {
            j = redirect[j];
        }
        if j != *idx {
            entities[j].aliases.insert(surface.clone());
            *idx = j;
        }
    }
    // every occurrence of every surface form, leftmost-longest, not crossing chosen spans
    let mut forms: Vec<(String, usize)> = surface_entity
        .iter()
        .filter(|(s, _)| s.chars().count() >= 2)
        .map(|(s, &i)| (s.clone(), i))
        .collect();
    forms.sort();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut covered = vec![false; doc.chars.len()];
    for (c, surface) in chosen.iter().zip(&chosen_surfaces) {
        if let Some(&e) = surface_entity.get(surface) {
            covered[c.start..c.end].iter_mut().for_each(|x| *x = true);
            mentions.push(Mention {
                start: c.start,
                end: c.end,
                entity: e,
                rule: c.rule,
            });
        }
    }
    {
        let set = names::NameSet::new(forms.iter().map(|(s, _)| s.as_str()));
        for (s, e, k) in set.find_iter(&doc.chars) {
            if covered[s..e].iter().any(|&x| x) {
                continue;
            }
            let latin_edge = |i: usize| doc.chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
            if (doc.chars[s].is_ascii_alphanumeric() && s > 0 && latin_edge(s - 1))
                || (doc.chars[e - 1].is_ascii_alphanumeric() && latin_edge(e))
            {
                continue;
            }
            covered[s..e].iter_mut().for_each(|x| *x = true);
            mentions.push(Mention {
                start: s,
                end: e,
                entity: forms[k].1,
                rule: "same_name_in_document",
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    // 凯文·梅耶尔（Kevin Mayer）: a Latin name in brackets right after a name is that name in
    // another script, so its entity is the same
    let mut same: Vec<(usize, usize)> = Vec::new();
    for w in mentions.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let open = doc.slice(a.end, b.start);
        let close = doc.chars.get(b.end).copied();
        let latin = doc.chars[b.start..b.end].iter().all(|c| c.is_ascii());
        let han = doc.chars[a.start..a.end].iter().any(|&c| is_han(c));
        // the name may close its quotes or title marks first: 《要塞英雄》（Fortnite）
        let open = open.trim_start_matches(['》', '”', '」', '』', '"']);
        if (open == "（" || open == "(")
            && matches!(close, Some('）' | ')'))
            && latin
            && han
            && a.entity != b.entity
        {
            // the lexicon knows the Latin name: its entity (type, canonical name) is the one
            if from_lexicon(b.rule) && !from_lexicon(a.rule) {
                same.push((a.entity, b.entity));
            } else {
                same.push((b.entity, a.entity));
            }
        }
    }
    // 甲乙科技有限公司（甲乙）, （以下简称“甲乙科技”）: a bracket right after an organization that
    // holds its name's characters in order gives its short name, whatever type that name was
    // taken for
    for w in mentions.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.entity == b.entity || entities[a.entity].kind != EntityType::Organization {
            continue;
        }
        let open = doc.slice(a.end, b.start);
        let Some(label) = open.strip_prefix('（').or_else(|| open.strip_prefix('(')) else {
            continue;
        };
        let label = label.trim_end_matches(['“', '"', '「', '：', ':']);
        let label = lexicon
            .short_name_cues
            .iter()
            .find_map(|c| label.strip_prefix(c.as_str()))
            .unwrap_or(label)
            .trim_end_matches(['为', '：', ':']);
        let after = doc.slice(b.end, (b.end + 2).min(doc.chars.len()));
        let after = after.trim_start_matches(['”', '"', '」']);
        if !label.is_empty() || !(after.starts_with('）') || after.starts_with(')')) {
            continue;
        }
        let short = &doc.chars[b.start..b.end];
        let long = &doc.chars[a.start..a.end];
        let mut rest = long.iter();
        if short.len() >= 2
            && short.len() < long.len()
            && short.iter().all(|c| rest.any(|l| l == c))
        {
            same.push((b.entity, a.entity));
        }
    }
    for (from, to) in same {
        let alias = entities[from].name.clone();
        entities[to].aliases.insert(alias);
        let more: Vec<String> = entities[from].aliases.iter().cloned().collect();
        entities[to].aliases.extend(more);
        for m in mentions.iter_mut().filter(|m| m.entity == from) {
            m.entity = to;
        }
    }
    infer_subtypes(doc, &mut entities, &mentions, lexicon);
    // drop entities that ended with no mention (redirected short forms)
    let mut used = vec![false; entities.len()];
    for m in &mentions {
        used[m.entity] = true;
    }
    let mut new_index = vec![usize::MAX; entities.len()];
    let mut kept = Vec::new();
    for (i, e) in entities.into_iter().enumerate() {
        if used[i] {
            new_index[i] = kept.len();
            kept.push(e);
        }
    }
    for m in &mut mentions {
        m.entity = new_index[m.entity];
    }
    for e in &mut kept {
        let name = e.name.clone();
        e.aliases.remove(&name);
    }
    EntityLayer {
        entities: kept,
        mentions,
    }
}

/// The position after one space at `p`, or `p`.
fn after_space(chars: &[char], p: usize) -> usize {
    if chars.get(p) == Some(&' ') { p + 1 } else { p }
}

/// The end of the Latin token (letters, digits, a final +) that begins at `p`.
fn latin_token(chars: &[char], p: usize) -> usize {
    let mut e = p;
    while e < chars.len() && chars[e].is_ascii_alphanumeric() {
        e += 1;
    }
    if e > p && e < chars.len() && chars[e] == '+' {
        e += 1;
    }
    e
}

/// Whether `chars[a..b]` holds an ASCII digit.
fn has_digit(chars: &[char], a: usize, b: usize) -> bool {
    chars[a..b].iter().any(char::is_ascii_digit)
}

/// Whether `name` is Latin text of a number and a word, apart (17 LIVE, 36 Kr): a brand.
fn latin_with_number(name: &str) -> bool {
    let mut parts = name.split(' ');
    let (Some(number), Some(word), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphanumeric())
}
