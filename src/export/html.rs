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

pub fn to_html(g: &KnowledgeGraph) -> String {
    let data = script_json(&serde_json::to_string(&super::graph_json_view(g)).expect("serializes"));
    let mut out =
        String::with_capacity(TEMPLATE.len() + CSS.len() + APP.len() + VIS.len() + data.len());
    // one pass over the template: a marker in a name can never be replaced
    let mut rest = TEMPLATE;
    for (marker, content) in [
        ("/*SHIJI:CSS*/", CSS),
        ("/*SHIJI:DATA*/", data.as_str()),
        ("/*SHIJI:VIS*/", VIS),
        ("/*SHIJI:APP*/", APP),
    ] {
        let (before, after) = rest.split_once(marker).expect("template marker");
        out.push_str(before);
        out.push_str(content);
        rest = after;
    }
    out.push_str(rest);
    out
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
    fn inlined_parts_do_not_close_their_script() {
        for part in [VIS, APP] {
            assert!(!part.to_lowercase().contains("</script"));
        }
        assert!(!VIS.contains("sourceMappingURL"));
    }
}
