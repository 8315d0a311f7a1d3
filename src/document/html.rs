//! Markup removal that keeps a map back to the original offsets: every kept character carries
//! the index (in chars) of the character it came from.

/// Block-level tags: their boundaries break lines.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "blockquote",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
    "pre",
];
/// Tags whose whole content is page furniture, not article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "head", "select",
    "button", "iframe", "svg",
];

/// True when the text carries HTML markup worth removing.
pub fn looks_like_html(chars: &[char]) -> bool {
    let mut tags = 0;
    for w in chars.windows(3) {
        if w[0] == '<'
            && (w[1].is_ascii_alphabetic()
                || (w[1] == '/' && w[2].is_ascii_alphabetic())
                || w[1] == '!')
        {
            tags += 1;
            if tags >= 2 {
                return true;
            }
        }
    }
    false
}

/// True when the text carries HTML whose markup was escaped once more (`&lt;div&gt;`), as news
/// dumps that stored a page's source as text do: it is decoded, then stripped.
pub fn looks_like_escaped_html(chars: &[char]) -> bool {
    let mut tags = 0;
    for w in chars.windows(5) {
        if w[..4] == ['&', 'l', 't', ';'] && (w[4].is_ascii_alphabetic() || w[4] == '/') {
            tags += 1;
            if tags >= 2 {
                return true;
            }
        }
    }
    false
}

/// The entities of `chars[from..to]` decoded, each character with its original index (the
/// first pass over escaped HTML; see [`looks_like_escaped_html`]).
pub fn decode_entities(chars: &[char], from: usize, to: usize) -> Vec<(char, u32)> {
    let mut out = Vec::with_capacity(to - from);
    let mut i = from;
    while i < to {
        if chars[i] == '&'
            && let Some((d, next)) = decode_entity(&chars[..to], i)
        {
            out.push((d, i as u32));
            i = next;
            continue;
        }
        out.push((chars[i], i as u32));
        i += 1;
    }
    out
}

fn tag_name(chars: &[char], mut i: usize) -> (String, bool) {
    let closing = chars.get(i) == Some(&'/');
    if closing {
        i += 1;
    }
    let mut name = String::new();
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
            i += 1;
        } else {
            break;
        }
    }
    (name, closing)
}

fn decode_entity(chars: &[char], i: usize) -> Option<(char, usize)> {
    // chars[i] == '&'; entity ends at ';' within 10 chars
    let end = (i + 1..chars.len().min(i + 12)).find(|&j| chars[j] == ';')?;
    let body: String = chars[i + 1..end].iter().collect();
    let c = match body.as_str() {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "copy" => '©',
        _ => {
            let n = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else if let Some(dec) = body.strip_prefix('#') {
                dec.parse::<u32>().ok()?
            } else {
                return None;
            };
            char::from_u32(n).filter(|c| !c.is_control() || *c == '\n')?
        }
    };
    Some((c, end + 1))
}

/// Removes tags, comments and furniture from `chars[from..to]`, decodes entities, and pushes
/// each kept character with its original index. Block tags become line breaks.
pub fn strip(chars: &[char], from: usize, to: usize, out: &mut Vec<(char, u32)>) {
    let mut i = from;
    let mut skip_depth: Vec<String> = Vec::new();
    while i < to {
        let c = chars[i];
        if c == '<' {
            // comment
            if chars[i..to].starts_with(&['<', '!', '-', '-']) {
                let mut j = i + 4;
                while j + 2 < to && !(chars[j] == '-' && chars[j + 1] == '-' && chars[j + 2] == '>')
                {
                    j += 1;
                }
                i = (j + 3).min(to);
                continue;
            }
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            if next.is_ascii_alphabetic() || next == '/' || next == '!' || next == '?' {
                let (name, closing) = tag_name(chars, i + 1);
                // find the tag's end, respecting quotes
                let mut j = i + 1;
                let mut quote: Option<char> = None;
                while j < to {
                    let d = chars[j];
                    match quote {
                        Some(q) if d == q => quote = None,
                        Some(_) => {}
                        None if d == '"' || d == '\'' => quote = Some(d),
                        None if d == '>' => break,
                        None => {}
                    }
                    j += 1;
                }
                let self_closing = j > 0 && chars.get(j - 1) == Some(&'/');
                if SKIP_TAGS.contains(&name.as_str()) && !self_closing {
                    if closing {
                        if let Some(pos) = skip_depth.iter().rposition(|n| *n == name) {
                            skip_depth.truncate(pos);
                        }
                    } else {
                        skip_depth.push(name.clone());
                    }
                } else if skip_depth.is_empty() && BLOCK_TAGS.contains(&name.as_str()) {
                    out.push(('\n', i as u32));
                }
                i = (j + 1).min(to);
                continue;
            }
        }
        if !skip_depth.is_empty() {
            i += 1;
            continue;
        }
        if c == '&'
            && let Some((d, next)) = decode_entity(chars, i)
        {
            out.push((d, i as u32));
            i = next;
            continue;
        }
        out.push((c, i as u32));
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        strip(&chars, 0, chars.len(), &mut out);
        out.iter().map(|(c, _)| *c).collect()
    }

    #[test]
    fn tags_scripts_and_entities_go_text_stays() {
        let s = "<p>商汤&amp;旷视</p><script>var a='<p>x</p>';</script><p>板上<a href=\"x>y\">钉钉</a></p>";
        assert_eq!(run(s), "\n商汤&旷视\n\n板上钉钉\n");
    }

    #[test]
    fn escaped_markup_is_decoded_then_stripped_with_source_offsets() {
        let s = "甲&lt;br /&gt;乙&lt;div class=&quot;t&quot;&gt;丙&amp;丁&lt;/div&gt;";
        let chars: Vec<char> = s.chars().collect();
        assert!(looks_like_escaped_html(&chars));
        assert!(!looks_like_escaped_html(
            &"a &lt; b, c &lt; d".chars().collect::<Vec<_>>()
        ));
        let decoded = decode_entities(&chars, 0, chars.len());
        let plain: Vec<char> = decoded.iter().map(|x| x.0).collect();
        let mut out = Vec::new();
        strip(&plain, 0, plain.len(), &mut out);
        let text: String = out.iter().map(|x| x.0).collect();
        assert_eq!(text, "甲\n乙\n丙&丁\n");
        // every kept character points at its source: 丙 and the & of &amp;
        let at = |c: char| decoded[out.iter().find(|x| x.0 == c).unwrap().1 as usize].1 as usize;
        assert_eq!(chars[at('丙')], '丙');
        assert_eq!(chars[at('&')], '&');
    }

    #[test]
    fn offsets_point_at_the_source_characters() {
        let s = "<b>北京</b>";
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        strip(&chars, 0, chars.len(), &mut out);
        assert_eq!(out, vec![('北', 3), ('京', 4)]);
    }
}
