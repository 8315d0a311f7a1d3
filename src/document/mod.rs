//! The document every stage shares: the text as given, the cleaned text with a map back to the
//! original offsets, metadata and sentences. Stages lay spans over the cleaned text; exports
//! map them back with [`Document::raw_span`].
pub mod clean;
pub mod extract_html;
pub mod html;
pub mod load;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A byline entry (author, editor, photographer) with its place in the text as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    pub role: String,
    pub name: String,
    pub start: usize,
    pub end: usize,
    pub line: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bylines: Vec<Byline>,
}

/// A sentence of the cleaned text: `[start, end)` in cleaned chars, and its paragraph number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

pub struct Document {
    pub meta: DocMeta,
    /// Characters of the text as given.
    pub raw_chars: usize,
    /// The cleaned text the stages read.
    pub text: String,
    /// The cleaned text as chars, for char-offset work.
    pub chars: Vec<char>,
    /// For each cleaned char, the index of the raw char it came from (for the first
    /// `title_len` chars: of the title char).
    map: Vec<u32>,
    /// Cleaned chars at the start that are the given title, read as the first paragraph
    /// because the text does not contain it (0 when it does, or no title was given).
    pub title_len: usize,
    /// For each cleaned char, its byte offset in `text` (plus one final entry: `text.len()`).
    char_bytes: Vec<u32>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub(crate) fn from_parts(
        meta: DocMeta,
        raw_chars: usize,
        kept: Vec<(char, u32)>,
        title_len: usize,
    ) -> Document {
        let mut text = String::with_capacity(kept.len() * 3);
        let mut chars = Vec::with_capacity(kept.len());
        let mut map = Vec::with_capacity(kept.len());
        let mut char_bytes = Vec::with_capacity(kept.len() + 1);
        for (c, i) in kept {
            char_bytes.push(text.len() as u32);
            text.push(c);
            chars.push(c);
            map.push(i);
        }
        char_bytes.push(text.len() as u32);
        let sentences = split_sentences(&chars);
        Document {
            meta,
            raw_chars,
            text,
            chars,
            map,
            title_len,
            char_bytes,
            sentences,
        }
    }

    /// The `[start, end)` span in the text as given for a cleaned span.
    /// A span in the given title (see [`Self::title_len`]) maps into the title.
    pub fn raw_span(&self, start: usize, end: usize) -> (usize, usize) {
        let end = if start < self.title_len {
            end.min(self.title_len)
        } else {
            end
        };
        if start >= end || start >= self.map.len() {
            let p = self
                .map
                .get(start)
                .map(|&p| p as usize)
                .unwrap_or(self.raw_chars);
            return (p, p);
        }
        let end = end.min(self.map.len());
        (self.map[start] as usize, self.map[end - 1] as usize + 1)
    }

    /// Whether cleaned char `p` belongs to the given title.
    pub fn in_title(&self, p: usize) -> bool {
        p < self.title_len
    }

    /// The cleaned span of the raw span `[start, end)`, when cleaning kept all of it.
    pub fn clean_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let t = self.title_len;
        let s = t + self.map[t..].partition_point(|&r| (r as usize) < start);
        let e = t + self.map[t..].partition_point(|&r| (r as usize) < end);
        (e > s && e - s == end - start && self.map[s] as usize == start).then_some((s, e))
    }

    /// Cleaned char index of a byte offset into `text` (which must be a char boundary).
    pub fn char_of_byte(&self, byte: usize) -> usize {
        match self.char_bytes.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset into `text` of a cleaned char index.
    pub fn byte_of_char(&self, ch: usize) -> usize {
        self.char_bytes[ch.min(self.char_bytes.len() - 1)] as usize
    }

    /// The cleaned text of `[start, end)` in chars.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[self.byte_of_char(start)..self.byte_of_char(end)]
    }

    /// Index of the sentence holding cleaned char `pos`.
    pub fn sentence_index(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    pub fn sentence_text(&self, i: usize) -> &str {
        let s = self.sentences[i];
        self.slice(s.start, s.end)
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '"' | '】' | '》')
}

/// Splits at sentence-final punctuation (keeping closing quotes with the sentence) and at line
/// breaks; a line break also starts a new paragraph. Whitespace between sentences is left out.
pub fn split_sentences(chars: &[char]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, p: usize| {
        let mut s = s;
        let mut e = e;
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if e > s {
            out.push(Sentence {
                start: s,
                end: e,
                paragraph: p,
            });
        }
    };
    // A sentence of an unpunctuated, unbroken text is capped so later stages (whose work per
    // sentence grows with its length times its triggers) stay linear in the text; the cut falls
    // after the last comma or space of the sentence's tail when there is one.
    const MAX_SENTENCE: usize = 500;
    const SOFT_BREAK: usize = 150;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            push(&mut out, start, i, paragraph);
            if out.last().is_some_and(|s| s.paragraph == paragraph) {
                paragraph += 1;
            }
            start = i + 1;
        } else if is_terminal(c) {
            let mut j = i + 1;
            while j < chars.len() && (is_terminal(chars[j]) || is_closing(chars[j])) {
                j += 1;
            }
            push(&mut out, start, j, paragraph);
            start = j;
            i = j;
            continue;
        } else if i - start >= MAX_SENTENCE {
            let cut = (i - SOFT_BREAK..i)
                .rev()
                .find(|&j| matches!(chars[j], '，' | ',' | '、' | '：' | ':' | ' ' | '\t'))
                .map_or(i, |j| j + 1);
            push(&mut out, start, cut, paragraph);
            start = cut;
        }
        i += 1;
    }
    push(&mut out, start, chars.len(), paragraph);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_closing_quotes_and_break_paragraphs() {
        let chars: Vec<char> = "他说：“好。”然后走了。\n第二段".chars().collect();
        let s = split_sentences(&chars);
        let texts: Vec<String> = s
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect();
        assert_eq!(texts, vec!["他说：“好。”", "然后走了。", "第二段"]);
        assert_eq!(s[2].paragraph, 1);
        assert_eq!(s[1].paragraph, 0);
    }

    #[test]
    fn endless_sentences_are_cut_after_a_comma_when_there_is_one() {
        let text = "字".repeat(450) + "，" + &"字".repeat(700);
        let chars: Vec<char> = text.chars().collect();
        let s = split_sentences(&chars);
        assert_eq!(s[0].end, 451);
        assert!(s.iter().all(|x| x.end - x.start <= 500));
        assert_eq!(s.last().unwrap().end, chars.len());
        for w in s.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }
}
