//! graph.dot: entities shaped and coloured by type, events as boxes labelled with their date,
//! edges labelled with the role or relation, events chained by date, a legend.
use crate::graph::{KnowledgeGraph, date_key};
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

const ENTITY_TYPES: [&str; 5] = ["person", "organization", "product", "place", "work"];

/// The DOT of the graph: entities shaped and coloured by type, events as boxes chained left to
/// right by date (invisible heavy edges), role edges dashed, relation edges solid and bold, and a
/// legend.
pub fn to_dot(g: &KnowledgeGraph) -> String {
    let mut out = String::new();
    out.push_str("digraph shiji {\n");
    out.push_str(
        "  graph [rankdir=LR, fontname=\"WenQuanYi Zen Hei\", overlap=false, nodesep=0.25, ranksep=0.6];\n",
    );
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
        let relation = g.node(&e.source).is_some_and(|s| s.kind == "entity");
        let _ = writeln!(
            out,
            "  {} -> {} [label={}{}];",
            quote(&e.source),
            quote(&e.target),
            quote(&e.edge_type),
            if relation {
                ", color=\"#1f2937\", penwidth=1.6, fontcolor=\"#111827\""
            } else {
                ", style=dashed"
            }
        );
    }
    // events in date order, left to right
    let mut events: Vec<_> = g
        .nodes()
        .filter(|n| n.kind == "event" && n.date.as_ref().and_then(|d| d.from).is_some())
        .collect();
    events.sort_by(|a, b| date_key(a).cmp(&date_key(b)).then(a.id.cmp(&b.id)));
    for w in events.windows(2) {
        let _ = writeln!(
            out,
            "  {} -> {} [style=invis, weight=8];",
            quote(&w[0].id),
            quote(&w[1].id)
        );
    }
    // the legend: the types present, one node each
    let mut present: Vec<(&str, &str)> = ENTITY_TYPES
        .iter()
        .filter(|t| g.nodes().any(|n| n.kind == "entity" && n.node_type == **t))
        .map(|t| (*t, "entity"))
        .collect();
    if g.nodes().any(|n| n.kind == "event") {
        present.push(("event (dated: left to right)", "event"));
    }
    if !present.is_empty() {
        out.push_str(
            "  subgraph cluster_legend {\n    label=\"Legend\"; style=dashed; color=\"#9ca3af\"; fontsize=10;\n",
        );
        for (t, kind) in &present {
            let (shape, color) = style(t, kind);
            let _ = writeln!(
                out,
                "    {} [label={}, shape={}, fillcolor={}, fontsize=9];",
                quote(&format!("legend {t}")),
                quote(t),
                shape,
                quote(color)
            );
        }
        for w in present.windows(2) {
            let _ = writeln!(
                out,
                "    {} -> {} [style=invis];",
                quote(&format!("legend {}", w[0].0)),
                quote(&format!("legend {}", w[1].0))
            );
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}
