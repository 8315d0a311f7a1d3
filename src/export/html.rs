//! index.html: one self-contained page (vis-network and the page's script and style inlined, the
//! graph embedded as JSON) that opens from disk with no network. The data sits in a
//! `<script type="application/json">` with `<`, `>`, `&`, U+2028 and U+2029 escaped, and the
//! page builds its DOM with textContent only, so no name from a text can become markup.
use crate::graph::KnowledgeGraph;

const TEMPLATE: &str = include_str!("../../assets/page/template.html");
const CSS: &str = include_str!("../../assets/page/page.css");
const APP: &str = include_str!("../../assets/page/page.js");
const VIS: &str = include_str!("../../assets/vendor/vis-network/vis-network.min.js");

/// JSON safe inside a `<script>` element (and as JavaScript): the characters that could end the
/// element or a line in older parsers are written as `\uXXXX` escapes.
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// index.html into `w`: the template with the graph's JSON streamed into its data script, so a
/// corpus's page is never held in memory whole.
pub fn write_html(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    // one pass over the template: a marker in a name can never be replaced
    let mut rest = TEMPLATE;
    for (marker, content) in [
        ("/*SHIJI:CSS*/", Some(CSS)),
        ("/*SHIJI:DATA*/", None),
        ("/*SHIJI:VIS*/", Some(VIS)),
        ("/*SHIJI:APP*/", Some(APP)),
    ] {
        let (before, after) = rest.split_once(marker).expect("template marker");
        w.write_all(before.as_bytes())?;
        match content {
            Some(c) => w.write_all(c.as_bytes())?,
            None => serde_json::to_writer(
                super::Escaping(&mut *w, script_escape_at),
                &super::graph_json_view(g),
            )?,
        }
        rest = after;
    }
    w.write_all(rest.as_bytes())
}

/// The escape of the character starting `rest` inside a `<script>`, with the bytes it
/// replaces, for [`super::Escaping`]: the writer form of [`script_json`].
fn script_escape_at(rest: &[u8]) -> Option<(&'static [u8], usize)> {
    Some(match rest[0] {
        b'<' => (br"\u003c", 1),
        b'>' => (br"\u003e", 1),
        b'&' => (br"\u0026", 1),
        0xE2 if rest.starts_with(&[0xE2, 0x80, 0xA8]) => (br"\u2028", 3),
        0xE2 if rest.starts_with(&[0xE2, 0x80, 0xA9]) => (br"\u2029", 3),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_element() {
        let s = script_json(r#"{"name":"</script><b>&"}"#);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["name"], "</script><b>&");
    }

    #[test]
    fn streamed_json_is_escaped_like_script_json() {
        let text = "{\"name\":\"</script><b>&\u{2028}\u{2029}文\"}";
        let mut out = Vec::new();
        std::io::Write::write_all(
            &mut crate::export::Escaping(&mut out, script_escape_at),
            text.as_bytes(),
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), script_json(text));
    }

    #[test]
    fn inlined_parts_do_not_close_their_script() {
        for part in [VIS, APP] {
            assert!(!part.to_lowercase().contains("</script"));
        }
        assert!(!VIS.contains("sourceMappingURL"));
    }
}
