//! Cleaning that every scraped article needs: front matter, markup, boilerplate repeated on many
//! paragraphs (found by its repetition, not by its words), and page chrome lines (found by the
//! patterns in `data/clean/chrome.tsv`). Metadata is read on the way (`data/clean/meta.tsv`).
use super::{Byline, DocMeta, Document, html};
use crate::data::{parse_tsv, read_override};
use crate::{Error, Result};
use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use regex::{Regex, RegexSet};
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

const CHROME_TSV: &str = include_str!("../../data/clean/chrome.tsv");
const META_TSV: &str = include_str!("../../data/clean/meta.tsv");
const TEASERS_TSV: &str = include_str!("../../data/clean/teasers.tsv");

pub struct CleanRules {
    /// One anchored regex per chrome pattern, in file order (the first that matches names the
    /// kind).
    chrome: Vec<Regex>,
    chrome_kinds: Vec<String>,
    /// The words of every pattern's `requires` column, in one automaton: a pattern is tried
    /// only on a line that holds one of its words, since the bounded `.{0,N}` prefixes of
    /// the patterns make a regex scan cost microseconds per line, and most short lines hold
    /// the words of one pattern or none.
    chrome_words: AhoCorasick,
    /// The pattern each word of `chrome_words` belongs to.
    chrome_word_pattern: Vec<usize>,
    /// Patterns that require no word: tried on every short line.
    chrome_always: Vec<usize>,
    meta: Vec<(Regex, String)>,
    /// The meta patterns as one set: the few lines that match any are run through each.
    meta_any: RegexSet,
    /// The posted-time line of a link to another article (teasers.tsv), anchored.
    teaser_stamp: Option<Regex>,
    /// Marks a cut teaser's line ends with (teasers.tsv).
    teaser_cuts: Vec<String>,
}

static EMBEDDED: LazyLock<CleanRules> =
    LazyLock::new(|| CleanRules::load(None).expect("embedded data/clean tables are valid"));

impl CleanRules {
    pub fn embedded() -> &'static CleanRules {
        &EMBEDDED
    }

    /// Builds the rules from `dir` (files found there override the embedded ones).
    pub fn load(dir: Option<&Path>) -> Result<CleanRules> {
        let (file, text) = read_override(dir, "clean/chrome.tsv", CHROME_TSV)?;
        let mut chrome = Vec::new();
        let mut chrome_kinds = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut chrome_word_pattern = Vec::new();
        let mut chrome_always = Vec::new();
        for row in parse_tsv(&file, &text, 2)? {
            let i = chrome.len();
            chrome.push(
                Regex::new(&format!("^(?:{})$", row.fields[0]))
                    .map_err(|e| Error::data(&file, row.line, e.to_string()))?,
            );
            chrome_kinds.push(row.fields[1].to_string());
            let before = words.len();
            if let Some(f) = row.fields.get(2) {
                words.extend(f.split_whitespace().map(str::to_string));
            }
            chrome_word_pattern.resize(words.len(), i);
            if words.len() == before {
                chrome_always.push(i);
            }
        }
        let chrome_words =
            AhoCorasick::new(&words).map_err(|e| Error::data(&file, 0, e.to_string()))?;
        let (file, text) = read_override(dir, "clean/meta.tsv", META_TSV)?;
        let mut meta = Vec::new();
        for row in parse_tsv(&file, &text, 2)? {
            let re = Regex::new(row.fields[0])
                .map_err(|e| Error::data(&file, row.line, e.to_string()))?;
            if re.capture_names().all(|n| n != Some("v")) {
                return Err(Error::data(
                    &file,
                    row.line,
                    "pattern has no (?P<v>…) group",
                ));
            }
            meta.push((re, row.fields[1].to_string()));
        }
        let meta_any = RegexSet::new(meta.iter().map(|(re, _)| re.as_str()))
            .map_err(|e| Error::data(&file, 0, e.to_string()))?;
        let (file, text) = read_override(dir, "clean/teasers.tsv", TEASERS_TSV)?;
        let mut stamps = Vec::new();
        let mut teaser_cuts = Vec::new();
        for row in parse_tsv(&file, &text, 2)? {
            match row.fields[1] {
                "stamp" => stamps.push(format!("(?:{})", row.fields[0])),
                "cut" => teaser_cuts.push(row.fields[0].to_string()),
                k => {
                    return Err(Error::data(
                        &file,
                        row.line,
                        format!("kind must be stamp or cut, not {k:?}"),
                    ));
                }
            }
        }
        let teaser_stamp = if stamps.is_empty() {
            None
        } else {
            Some(
                Regex::new(&format!("^(?:{})$", stamps.join("|")))
                    .map_err(|e| Error::data(&file, 0, e.to_string()))?,
            )
        };
        Ok(CleanRules {
            chrome,
            chrome_kinds,
            chrome_words,
            chrome_word_pattern,
            chrome_always,
            meta,
            meta_any,
            teaser_stamp,
            teaser_cuts,
        })
    }

    /// The chrome kind of a trimmed line, if the line is page chrome.
    pub fn chrome_kind(&self, line: &str) -> Option<&str> {
        // most short lines hold no pattern's word: they cost the scan and nothing else
        let mut tried: Vec<bool> = Vec::new();
        let mut mark = |i: usize| {
            if tried.is_empty() {
                tried.resize(self.chrome.len(), false);
            }
            tried[i] = true;
        };
        self.chrome_always.iter().for_each(|&i| mark(i));
        for m in self.chrome_words.find_overlapping_iter(line) {
            mark(self.chrome_word_pattern[m.pattern().as_usize()]);
        }
        (0..tried.len())
            .find(|&i| tried[i] && self.chrome[i].is_match(line))
            .map(|i| self.chrome_kinds[i].as_str())
    }
}

/// What the caller knows about a document besides its text.
#[derive(Clone, Debug, Default)]
pub struct Given {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub source: Option<String>,
}

type Line = Vec<(char, u32)>;

/// Lines longer than this are article text, never page chrome.
const MAX_CHROME_BYTES: usize = 400;

/// Parses a publication date in the forms found in headers and front matter.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_matches(|c| c == '\'' || c == '"');
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    static YMD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
            .expect("static regex")
    });
    let c = YMD.captures(s)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// Turns the decoded text into a [`Document`]: cleaned text, offset map, metadata, sentences.
pub fn prepare(raw: &str, given: &Given, rules: &CleanRules) -> Result<Document> {
    let chars: Vec<char> = raw.chars().collect();
    let mut meta = DocMeta {
        id: given.id.clone(),
        url: given.url.clone(),
        source: given.source.clone(),
        ..DocMeta::default()
    };
    let mut front: HashMap<String, String> = HashMap::new();
    let body_start = front_matter(&chars, &mut front);
    let mut kept: Line = Vec::with_capacity(chars.len());
    if html::looks_like_html(&chars[body_start..]) {
        html::strip(&chars, body_start, chars.len(), &mut kept);
    } else if html::looks_like_escaped_html(&chars[body_start..]) {
        let decoded = html::decode_entities(&chars, body_start, chars.len());
        let plain: Vec<char> = decoded.iter().map(|x| x.0).collect();
        let mut stripped = Vec::with_capacity(plain.len());
        html::strip(&plain, 0, plain.len(), &mut stripped);
        kept.extend(
            stripped
                .into_iter()
                .map(|(c, i)| (c, decoded[i as usize].1)),
        );
    } else {
        kept.extend(
            chars[body_start..]
                .iter()
                .enumerate()
                .map(|(i, &c)| (c, (body_start + i) as u32)),
        );
    }
    // lines, trimmed
    let mut lines: Vec<Line> = Vec::new();
    for line in kept.split(|(c, _)| *c == '\n') {
        let mut s = 0;
        let mut e = line.len();
        while s < e && (line[s].0.is_whitespace() || line[s].0 == '\u{feff}') {
            s += 1;
        }
        while e > s && line[e - 1].0.is_whitespace() {
            e -= 1;
        }
        if e > s {
            lines.push(line[s..e].to_vec());
        }
    }
    strip_repeated_edges(&mut lines);
    drop_teasers(&mut lines, rules);

    // metadata from front matter, then from the header lines
    if let Some(t) = front.get("title") {
        let t = crate::document::clean::decode_entities_plain(t);
        meta.title = Some(t.trim_matches(|c| c == '\'' || c == '"').trim().to_string());
    }
    if let Some(d) = front.get("date").and_then(|d| parse_date(d)) {
        meta.published = Some(d);
    }
    if let Some(a) = front.get("author") {
        meta.source.get_or_insert_with(|| a.trim().to_string());
    }
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for (n, line) in lines.into_iter().enumerate() {
        let text: String = line.iter().map(|(c, _)| *c).collect();
        let short = text.chars().count() <= 80;
        let meta_hits: Vec<usize> = if short && rules.meta_any.is_match(&text) {
            rules.meta_any.matches(&text).into_iter().collect()
        } else {
            Vec::new()
        };
        for i in meta_hits {
            let (re, field) = &rules.meta[i];
            let Some(c) = re.captures(&text) else {
                continue;
            };
            let v = c.name("v").expect("checked at load");
            let value = v.as_str().trim().to_string();
            match field.as_str() {
                "published" if n < 12 && meta.published.is_none() => {
                    meta.published = parse_date(&value)
                }
                "source" if meta.source.is_none() => meta.source = Some(value),
                "site" if n < 12 && meta.site.is_none() => meta.site = Some(value),
                "title" if meta.title.is_none() => meta.title = Some(value),
                "author" | "editor" | "photographer"
                    if !meta
                        .bylines
                        .iter()
                        .any(|b| b.role == *field && b.name == value) =>
                {
                    let cs = text[..v.start()].chars().count();
                    let ce = cs + value.chars().count();
                    meta.bylines.push(Byline {
                        role: field.clone(),
                        name: value,
                        start: line[cs].1 as usize,
                        end: line[ce - 1].1 as usize + 1,
                        line: text.clone(),
                    });
                }
                _ => {}
            }
        }
        // chrome lines are short: a paragraph of text is never checked against the patterns
        if text.len() <= MAX_CHROME_BYTES && rules.chrome_kind(&text).is_some() {
            continue;
        }
        if meta.title.is_none() && short && out.is_empty() && could_be_headline(&text) {
            meta.title = Some(text.clone());
        }
        out.push(line);
    }
    if let Some(site) = meta.site.clone() {
        strip_site_suffix(&mut out, &site);
    }
    if given.title.is_some() {
        meta.title = given.title.clone();
    }
    if given.published.is_some() {
        meta.published = given.published;
    }
    if out.iter().flatten().all(|(c, _)| c.is_whitespace()) {
        return Err(Error::Empty {
            path: given.id.clone(),
        });
    }
    let title_len = match given_title_line(raw, given, &out) {
        Some(line) => {
            let n = line.len();
            out.insert(0, line);
            n
        }
        None => 0,
    };
    let mut joined: Line = Vec::with_capacity(kept.len() + title_len + 1);
    for line in out.iter_mut() {
        // full-width Latin letters and digits read as their ASCII forms (ＯｐｅｎＡＩ is OpenAI),
        // traditional Han as simplified; one char for one char, so offsets still map back
        for (c, _) in line.iter_mut() {
            if ('\u{ff01}'..='\u{ff5e}').contains(c) && c.is_alphanumeric() {
                *c = char::from_u32(*c as u32 - 0xfee0).unwrap_or(*c);
            } else {
                // traditional characters read as simplified (歐盟 is 欧盟), so that one set of
                // lexicons, triggers and time words serves both scripts
                *c = crate::ner::features::to_simplified(*c);
            }
        }
    }
    for line in out {
        if !joined.is_empty() {
            let at = line[0].1;
            joined.push(('\n', at));
        }
        joined.extend(line);
    }
    Ok(Document::from_parts(meta, chars.len(), joined, title_len))
}

/// The given title as a first line of its own (each char mapped to its index in the title),
/// when the text does not hold it already: a feed's headline (`{"title", "text"}`) often
/// states the article's main event and is read like its first paragraph.
fn given_title_line(raw: &str, given: &Given, lines: &[Line]) -> Option<Line> {
    let title = given.title.as_deref()?;
    let trimmed = title.trim();
    if trimmed.is_empty() || raw.contains(trimmed) {
        return None;
    }
    let first: Vec<char> = trimmed.chars().collect();
    let held = lines.iter().any(|l| {
        l.windows(first.len())
            .any(|w| w.iter().map(|x| x.0).eq(first.iter().copied()))
    });
    if held {
        return None;
    }
    let skipped = title.chars().take_while(|c| c.is_whitespace()).count();
    Some(
        first
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let c = if c.is_whitespace() { ' ' } else { c };
                (c, (skipped + i) as u32)
            })
            .collect(),
    )
}

/// A first line can be the headline unless it ends as a sentence or mid-sentence (。，；：、)
/// or is a `key: value` line of metadata (front matter that lost its fences: `date: …`).
fn could_be_headline(line: &str) -> bool {
    let ends_clause = line.ends_with(['。', '，', ',', '；', ';', '、']);
    let metadata = line.split_once(':').is_some_and(|(key, value)| {
        !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-')
            && value.starts_with(' ')
    });
    !ends_clause && !metadata
}

/// Decodes the few HTML entities that appear in front-matter values.
pub fn decode_entities_plain(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    html::strip(&chars, 0, chars.len(), &mut out);
    out.into_iter()
        .map(|(c, _)| c)
        .collect::<String>()
        .replace('_', " ")
        .trim()
        .to_string()
}

/// A YAML front matter block (`---` … `---`) at the start: its `key: value` lines go to `out`;
/// returns the char index where the body starts.
fn front_matter(chars: &[char], out: &mut HashMap<String, String>) -> usize {
    let mut i = 0;
    while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '\u{feff}') {
        i += 1;
    }
    if !chars[i..].starts_with(&['-', '-', '-']) {
        return 0;
    }
    let text: String = chars[i..chars.len().min(i + 20_000)].iter().collect();
    let mut consumed = 0usize;
    let mut first = true;
    for line in text.split_inclusive('\n') {
        consumed += line.chars().count();
        let l = line.trim();
        if first {
            if l != "---" {
                return 0;
            }
            first = false;
            continue;
        }
        if l == "---" {
            return i + consumed;
        }
        if let Some((k, v)) = l.split_once(':')
            && !k.starts_with(' ')
            && !k.starts_with('-')
        {
            out.entry(k.trim().to_string())
                .or_insert_with(|| v.trim().to_string());
        }
    }
    out.clear();
    0
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric()
}

/// Finds a string repeated at the end (then at the start) of many lines and removes it. A
/// candidate must end (start) at least `max(3, 30%)` of the lines and carry two or more letters;
/// of the candidates seen on the most lines, the longest is taken.
/// The most characters of a teaser's headline line (teasers.tsv).
const MAX_TEASER_HEADLINE: usize = 60;

/// Drops the links to other articles (teasers.tsv): a posted-time line right after a line cut
/// short goes with that line, and with the headline line before it when that one is short and
/// does not end a sentence. The links follow the article: a block that would start the text
/// (an article's own headline, lead and date) stays. After a link dropped, a headline and a
/// teaser cut short that end the text are the list's last link, whose time the page lost.
fn drop_teasers(lines: &mut Vec<Line>, rules: &CleanRules) {
    let Some(stamp) = &rules.teaser_stamp else {
        return;
    };
    let text = |l: &Line| l.iter().map(|(c, _)| *c).collect::<String>();
    let mut drop = vec![false; lines.len()];
    for i in 3..lines.len() {
        // a stamp line is short: a paragraph is never run through the pattern
        if lines[i].len() > 40 || !stamp.is_match(&text(&lines[i])) {
            continue;
        }
        let teaser = text(&lines[i - 1]);
        if !rules
            .teaser_cuts
            .iter()
            .any(|c| teaser.ends_with(c.as_str()))
        {
            continue;
        }
        drop[i] = true;
        drop[i - 1] = true;
        let head = &lines[i - 2];
        if head.len() <= MAX_TEASER_HEADLINE && head.last().is_some_and(|(c, _)| *c != '。') {
            drop[i - 2] = true;
        }
    }
    // the list's last link may come without its time, where the page was cut: after a link
    // dropped, a last line cut short goes with its headline
    let n = lines.len();
    if drop.iter().any(|&d| d) && n >= 2 && !drop[n - 1] && !drop[n - 2] {
        let last = text(&lines[n - 1]);
        let head = &lines[n - 2];
        if rules.teaser_cuts.iter().any(|c| last.ends_with(c.as_str()))
            && head.len() <= MAX_TEASER_HEADLINE
            && head.last().is_some_and(|(c, _)| *c != '。')
        {
            drop[n - 1] = true;
            drop[n - 2] = true;
        }
    }
    if drop.iter().any(|&d| d) {
        let mut i = 0;
        lines.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
    }
}

fn strip_repeated_edges(lines: &mut Vec<Line>) {
    for from_end in [true, false] {
        for _round in 0..3 {
            let sample = &lines[..lines.len().min(5000)];
            let eligible = sample.iter().filter(|l| l.len() >= 4).count();
            let threshold = (eligible * 3 / 10).max(3);
            // a repeated edge of any length repeats its 4 edge chars too: count those first, so
            // that an article with no boilerplate costs one cheap pass
            let edge4 = |line: &Line| -> Option<[char; 4]> {
                let n = line.len();
                (n >= 4).then(|| {
                    let w = if from_end { &line[n - 4..] } else { &line[..4] };
                    [w[0].0, w[1].0, w[2].0, w[3].0]
                })
            };
            let mut short: HashMap<[char; 4], usize> = HashMap::new();
            for line in sample {
                if let Some(e) = edge4(line) {
                    *short.entry(e).or_default() += 1;
                }
            }
            short.retain(|_, n| *n >= threshold);
            if short.is_empty() {
                break;
            }
            // every edge piece of 4..=40 chars of the lines in those groups, keyed by its length
            // and a hash built one char at a time (no piece is copied); the count and a line
            // that has it
            let mut counts: HashMap<(usize, u64), (usize, usize)> = HashMap::new();
            for (li, line) in sample.iter().enumerate() {
                if !edge4(line).is_some_and(|e| short.contains_key(&e)) {
                    continue;
                }
                let n = line.len();
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for k in 1..=n.min(40) {
                    let c = if from_end {
                        line[n - k].0
                    } else {
                        line[k - 1].0
                    };
                    h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
                    if k >= 4 {
                        counts.entry((k, h)).or_insert((0, li)).0 += 1;
                    }
                }
            }
            let piece_of = |li: usize, k: usize| -> Vec<char> {
                let line = &sample[li];
                let n = line.len();
                let w = if from_end { &line[n - k..] } else { &line[..k] };
                w.iter().map(|(c, _)| *c).collect()
            };
            let best = counts
                .into_iter()
                .filter(|(_, (n, _))| *n >= threshold)
                .map(|((k, _), (n, li))| (piece_of(li, k), n))
                .filter(|(p, _)| p.iter().filter(|c| !is_punct(**c)).count() >= 2)
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then(a.0.len().cmp(&b.0.len()))
                        .then(b.0.cmp(&a.0))
                });
            let Some((piece, _)) = best else { break };
            for line in lines.iter_mut() {
                let n = line.len();
                let k = piece.len();
                if n < k {
                    continue;
                }
                let matches = if from_end {
                    line[n - k..]
                        .iter()
                        .map(|(c, _)| *c)
                        .eq(piece.iter().copied())
                } else {
                    line[..k].iter().map(|(c, _)| *c).eq(piece.iter().copied())
                };
                if matches {
                    if from_end {
                        line.truncate(n - k);
                    } else {
                        line.drain(..k);
                    }
                    while line.last().is_some_and(|(c, _)| c.is_whitespace()) {
                        line.pop();
                    }
                    while line.first().is_some_and(|(c, _)| c.is_whitespace()) {
                        line.remove(0);
                    }
                }
            }
            lines.retain(|l| !l.is_empty());
        }
    }
}

/// Image captions often end with the site's name after a dash (`…离职-站名`): drop that tail.
fn strip_site_suffix(lines: &mut [Line], site: &str) {
    let site: Vec<char> = site.chars().collect();
    for line in lines.iter_mut() {
        let n = line.len();
        let k = site.len();
        if n > k + 1
            && line[n - k..]
                .iter()
                .map(|(c, _)| *c)
                .eq(site.iter().copied())
        {
            let sep = line[n - k - 1].0;
            if matches!(sep, '-' | '—' | '|' | '｜' | '@' | '_') {
                line.truncate(n - k - 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(raw: &str) -> Document {
        prepare(
            raw,
            &Given {
                id: "t".into(),
                ..Given::default()
            },
            CleanRules::embedded(),
        )
        .unwrap()
    }

    #[test]
    fn watermark_on_every_paragraph_is_found_by_repetition() {
        let raw = "第一段说了一件事。XYZ某站 | 口号在此\n\n第二段讲另一件。XYZ某站 | 口号在此\n\n第三段。XYZ某站 | 口号在此\n\n第四段没有它。";
        let d = clean(raw);
        assert!(!d.text.contains("口号"));
        assert!(d.text.contains("第四段没有它。"));
    }

    #[test]
    fn links_to_other_articles_at_the_foot_are_dropped() {
        let raw = "某公司今日发布公告称，回购1万股。\n海量资讯尽在某某APP\n某名人前脚刚退休，某公司就开始动手\n导读：某名人前脚刚退休，某公司就开始动手，瞄准……\n2019-09-16 15:32:16\n另一条新闻的标题";
        let d = clean(raw);
        assert!(d.text.contains("回购1万股"), "{}", d.text);
        assert!(!d.text.contains("退休"), "{}", d.text);
        assert!(!d.text.contains("2019-09-16"), "{}", d.text);
        // the list's last link, without its time
        let raw = "某公司今日发布公告称，回购1万股。\n某名人前脚刚退休\n导读：某名人前脚刚退休……\n2019-09-16 15:32:16\n某名人卸任前的会议\n某名人在卸任董事局主席前出席会议……";
        let d = clean(raw);
        assert!(!d.text.contains("卸任"), "{}", d.text);
        // an article's own headline, cut lead and date stay
        let raw = "某公司上市\n导语：某公司今日上市……\n2019-09-16 15:32\n正文第一句。";
        let d = clean(raw);
        assert!(d.text.contains("今日上市"), "{}", d.text);
    }

    #[test]
    fn cleaned_offsets_map_back_to_the_text_as_given() {
        let raw = "首页 > 新闻 > 科技\n\n张三在北京创立了一家公司。";
        let d = clean(raw);
        let pos = d.text.chars().position(|c| c == '北').unwrap();
        let (s, e) = d.raw_span(pos, pos + 2);
        let got: String = raw.chars().skip(s).take(e - s).collect();
        assert_eq!(got, "北京");
        assert!(!d.text.contains("首页"));
    }

    #[test]
    fn a_first_line_cut_mid_sentence_or_of_metadata_is_no_headline() {
        for raw in [
            "值得关注的是，远航集团对星河科技第三次举牌之后，\n\n股价上涨。",
            "date: Wed, 05 May 2021 22:20:03 GMT\n\n星河科技今天上市。",
            "headimg: 'https://example.com/a.png'\n\n星河科技今天上市。",
        ] {
            assert_eq!(clean(raw).meta.title, None, "{raw}");
        }
        assert_eq!(
            clean("星河科技上市：市值破千亿\n\n星河科技今天上市。")
                .meta
                .title
                .as_deref(),
            Some("星河科技上市：市值破千亿")
        );
    }

    #[test]
    fn header_gives_date_source_and_byline() {
        let raw = "某个标题\n\n王五 ☉ 文 收录源:某杂志 2021-06-18 @ 某网站\n\n正文第一句。\n编辑|赵六,头图摄影|钱七";
        let d = clean(raw);
        assert_eq!(d.meta.published, NaiveDate::from_ymd_opt(2021, 6, 18));
        assert_eq!(d.meta.source.as_deref(), Some("某杂志"));
        assert_eq!(d.meta.title.as_deref(), Some("某个标题"));
        let roles: Vec<(&str, &str)> = d
            .meta
            .bylines
            .iter()
            .map(|b| (b.role.as_str(), b.name.as_str()))
            .collect();
        assert_eq!(
            roles,
            vec![
                ("author", "王五"),
                ("editor", "赵六"),
                ("photographer", "钱七")
            ]
        );
        assert!(!d.text.contains("收录源"));
        assert!(!d.text.contains("赵六"));
    }

    #[test]
    fn front_matter_and_html() {
        let raw = "---\ntitle: '某公司上市'\ndate: Fri, 18 Jun 2021 05:37:00 GMT\n---\n<div><p>某公司&nbsp;今天上市。</p><script>x</script></div>";
        let d = clean(raw);
        assert_eq!(d.meta.title.as_deref(), Some("某公司上市"));
        assert_eq!(d.meta.published, NaiveDate::from_ymd_opt(2021, 6, 18));
        assert_eq!(d.text, "某公司 今天上市。");
    }
}
