//! graph.dot: entities shaped and coloured by type, events as boxes labelled with their date,
//! edges labelled with the role or relation.
use crate::graph::KnowledgeGraph;
use std::fmt::Write;

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks and control and
/// bidirectional characters dropped or spelled out, so no name can break the file.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn style(node_type: &str, kind: &str) -> (&'static str, &'static str) {
    if kind == "event" {
        return ("box", "#fde68a");
    }
    match node_type {
        "person" => ("ellipse", "#bfdbfe"),
        "organization" => ("house", "#bbf7d0"),
        "product" => ("component", "#fbcfe8"),
        "place" => ("octagon", "#e5e7eb"),
        "work" => ("note", "#ddd6fe"),
        _ => ("ellipse", "#ffffff"),
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

pub fn to_dot(g: &KnowledgeGraph) -> String {
    let mut out = String::new();
    out.push_str("digraph shiji {\n");
    out.push_str("  graph [rankdir=LR, fontname=\"WenQuanYi Zen Hei\", overlap=false];\n");
    out.push_str("  node [style=filled, fontname=\"WenQuanYi Zen Hei\", fontsize=11];\n");
    out.push_str("  edge [fontname=\"WenQuanYi Zen Hei\", fontsize=9, color=\"#6b7280\"];\n");
    for n in g.nodes() {
        let (shape, color) = style(&n.node_type, &n.kind);
        let label = if n.kind == "event" {
            let date = n
                .date
                .as_ref()
                .map_or("undated".to_string(), |d| d.value.clone());
            format!("{} · {}\n{}", date, n.node_type, truncate(&n.name, 24))
        } else {
            n.name.clone()
        };
        let _ = writeln!(
            out,
            "  {} [label={}, shape={}, fillcolor={}, tooltip={}];",
            quote(&n.id),
            quote(&label),
            shape,
            quote(color),
            quote(&format!("{} ({})", n.name, n.node_type))
        );
    }
    for e in g.edges() {
        let _ = writeln!(
            out,
            "  {} -> {} [label={}];",
            quote(&e.source),
            quote(&e.target),
            quote(&e.edge_type)
        );
    }
    out.push_str("}\n");
    out
}
