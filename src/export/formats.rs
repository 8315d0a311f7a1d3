//! The formats analysts load: GraphML, Neo4j bulk-import CSVs and a Cypher script, JSON-LD
//! (schema.org), TimelineJS JSON, and flat CSV tables for pandas. Each is a pure, deterministic
//! function of the graph (nodes and edges in graph order, maps sorted).
use crate::graph::{Edge, KnowledgeGraph, Node};
use crate::time::{Grain, TimeMention};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write;

fn json_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serializes")
}

fn mod_label(d: &TimeMention) -> String {
    d.modifier
        .and_then(|m| serde_json::to_value(m).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn grain_label(d: &TimeMention) -> String {
    serde_json::to_value(d.grain)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// GraphML

/// XML text or attribute content: markup characters escaped, characters XML 1.0 forbids dropped,
/// line breaks and tabs kept as character references (valid in text and attribute values).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // as references: an attribute value would turn them into spaces
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The XML escape of the character starting `rest`, with the bytes it replaces, for
/// [`super::Escaping`]: the writer form of [`xml_escape`].
fn xml_escape_at(rest: &[u8]) -> Option<(&'static [u8], usize)> {
    Some(match rest[0] {
        b'&' => (b"&amp;", 1),
        b'<' => (b"&lt;", 1),
        b'>' => (b"&gt;", 1),
        b'"' => (b"&quot;", 1),
        b'\'' => (b"&apos;", 1),
        b'\r' => (b"&#13;", 1),
        b'\n' => (b"&#10;", 1),
        b'\t' => (b"&#9;", 1),
        c if c < 0x20 => (b"", 1),
        // U+FFFE and U+FFFF: not XML characters
        0xEF if rest.starts_with(&[0xEF, 0xBF, 0xBE]) || rest.starts_with(&[0xEF, 0xBF, 0xBF]) => {
            (b"", 3)
        }
        _ => return None,
    })
}

const NODE_KEYS: [(&str, &str); 16] = [
    ("kind", "string"),
    ("type", "string"),
    ("subtype", "string"),
    ("name", "string"),
    ("aliases", "string"),
    ("mentions", "int"),
    ("date", "string"),
    ("date_value", "string"),
    ("date_from", "string"),
    ("date_to", "string"),
    ("confidence", "double"),
    ("rule", "string"),
    ("attributes", "string"),
    ("documents", "string"),
    ("document_count", "int"),
    ("evidence", "string"),
];

fn node_values(n: &Node) -> Vec<(&'static str, Option<String>)> {
    let d = n.date.as_ref();
    vec![
        ("kind", Some(n.kind.clone())),
        ("type", Some(n.node_type.clone())),
        ("subtype", n.subtype.clone()),
        ("name", Some(n.name.clone())),
        ("aliases", n.aliases.as_ref().map(json_str)),
        ("mentions", n.mentions.map(|m| m.to_string())),
        ("date", d.map(json_str)),
        ("date_value", d.map(|d| d.value.clone())),
        ("date_from", d.and_then(|d| d.from).map(|x| x.to_string())),
        ("date_to", d.and_then(|d| d.to).map(|x| x.to_string())),
        ("confidence", n.confidence.map(|c| json_str(&c))),
        ("rule", n.rule.clone()),
        (
            "attributes",
            (!n.attributes.is_empty()).then(|| json_str(&n.attributes)),
        ),
        ("documents", Some(json_str(&n.documents))),
        ("document_count", n.document_count.map(|c| c.to_string())),
        ("evidence", Some(json_str(&n.evidence))),
    ]
}

/// graph.graphml into `w`, a node at a time (a corpus's file is never held in memory whole):
/// every node and edge with its attributes; lists and maps as JSON strings.
pub fn write_graphml(g: &KnowledgeGraph, out: &mut impl std::io::Write) -> std::io::Result<()> {
    out.write_all(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
            .as_bytes(),
    )?;
    out.write_all(
        "  <key id=\"g_schema\" for=\"graph\" attr.name=\"schema\" attr.type=\"string\"/>\n"
            .as_bytes(),
    )?;
    out.write_all(
        "  <key id=\"g_documents\" for=\"graph\" attr.name=\"documents\" attr.type=\"string\"/>\n"
            .as_bytes(),
    )?;
    for (k, t) in NODE_KEYS {
        writeln!(
            out,
            "  <key id=\"n_{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        )?;
    }
    for (k, t) in [("key", "int"), ("type", "string"), ("evidence", "string")] {
        writeln!(
            out,
            "  <key id=\"e_{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        )?;
    }
    out.write_all("  <graph id=\"shiji\" edgedefault=\"directed\">\n".as_bytes())?;
    writeln!(
        out,
        "    <data key=\"g_schema\">{}</data>",
        super::GRAPH_SCHEMA
    )?;
    // a corpus's document list streams through the escaping, as the nodes do
    out.write_all(b"    <data key=\"g_documents\">")?;
    serde_json::to_writer(super::Escaping(&mut *out, xml_escape_at), &g.documents)?;
    out.write_all(b"</data>\n")?;
    for n in g.nodes() {
        writeln!(out, "    <node id=\"{}\">", xml_escape(&n.id))?;
        for (k, v) in node_values(n) {
            if let Some(v) = v {
                writeln!(out, "      <data key=\"n_{k}\">{}</data>", xml_escape(&v))?;
            }
        }
        out.write_all("    </node>\n".as_bytes())?;
    }
    for (i, e) in g.edges().enumerate() {
        writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml_escape(&e.source),
            xml_escape(&e.target)
        )?;
        writeln!(out, "      <data key=\"e_key\">{}</data>", e.key)?;
        writeln!(
            out,
            "      <data key=\"e_type\">{}</data>",
            xml_escape(&e.edge_type)
        )?;
        writeln!(
            out,
            "      <data key=\"e_evidence\">{}</data>",
            xml_escape(&json_str(&e.evidence))
        )?;
        out.write_all("    </edge>\n".as_bytes())?;
    }
    out.write_all("  </graph>\n</graphml>\n".as_bytes())
}

// ---------------------------------------------------------------------------------------------
// CSV helpers

/// A CSV table into `out`, a row at a time.
fn write_csv(
    out: &mut impl std::io::Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> std::io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(header)?;
    for r in rows {
        w.write_record(&r)?;
    }
    w.flush()
}

/// What a writer of this module writes, as text (the writers stream into files; tests and
/// callers that want the text use these).
fn to_string(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("utf-8 in, utf-8 out")
}

/// `product_launch` → `ProductLaunch`: a label from a type name (letters, digits, `_` only).
pub fn label(s: &str) -> String {
    let mut out = String::new();
    for part in s.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut cs = part.chars();
        if let Some(f) = cs.next() {
            out.push(f.to_ascii_uppercase());
            out.extend(cs);
        }
    }
    if out.is_empty() { "Other".into() } else { out }
}

/// `investor_in` → `INVESTOR_IN`: a relationship type (letters, digits, `_` only).
pub fn rel_type(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() { "RELATED".into() } else { t }
}

fn labels(n: &Node) -> String {
    let kind = if n.kind == "event" { "Event" } else { "Entity" };
    format!("{kind};{}", label(&n.node_type))
}

// ---------------------------------------------------------------------------------------------
// Neo4j

pub const NODES_CSV_HEADER: [&str; 13] = [
    "id:ID",
    "name",
    ":LABEL",
    "kind",
    "type",
    "subtype",
    "aliases",
    "mentions:int",
    "date",
    "date_from",
    "date_to",
    "confidence:float",
    "evidence",
];
pub const EDGES_CSV_HEADER: [&str; 6] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "type",
    "key:int",
    "evidence",
];

fn first_sentences(ev: &[crate::model::Evidence]) -> String {
    let mut s: Vec<&str> = ev.iter().map(|e| &*e.sentence).collect();
    s.dedup();
    s.join(" ")
}

/// nodes.csv for `neo4j-admin database import` (lists as JSON strings).
pub fn to_nodes_csv(g: &KnowledgeGraph) -> String {
    to_string(|w| write_nodes_csv(g, w))
}

/// nodes.csv into `w`, a row at a time.
pub fn write_nodes_csv(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let rows = g.nodes().map(|n| {
        let d = n.date.as_ref();
        vec![
            n.id.clone(),
            n.name.clone(),
            labels(n),
            n.kind.clone(),
            n.node_type.clone(),
            n.subtype.clone().unwrap_or_default(),
            n.aliases.as_ref().map(json_str).unwrap_or_default(),
            n.mentions.map(|m| m.to_string()).unwrap_or_default(),
            d.map(|d| d.value.clone()).unwrap_or_default(),
            opt_date(d.and_then(|d| d.from)),
            opt_date(d.and_then(|d| d.to)),
            n.confidence.map(|c| json_str(&c)).unwrap_or_default(),
            first_sentences(&n.evidence),
        ]
    });
    write_csv(w, &NODES_CSV_HEADER, rows)
}

/// edges.csv for `neo4j-admin database import`: `:TYPE` is the role or relation in upper case.
pub fn to_edges_csv(g: &KnowledgeGraph) -> String {
    to_string(|w| write_edges_csv(g, w))
}

/// edges.csv into `w`, a row at a time.
pub fn write_edges_csv(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let rows = g.edges().map(|e| {
        vec![
            e.source.clone(),
            e.target.clone(),
            rel_type(&e.edge_type),
            e.edge_type.clone(),
            e.key.to_string(),
            first_sentences(&e.evidence),
        ]
    });
    write_csv(w, &EDGES_CSV_HEADER, rows)
}

/// A Cypher string literal in single quotes: backslash, quotes, line breaks, control and
/// bidirectional characters escaped.
pub fn cypher_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control()
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c) =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// graph.cypher: MERGE statements for every node and edge (run with `cypher-shell -f`).
pub fn to_cypher(g: &KnowledgeGraph) -> String {
    to_string(|w| write_cypher(g, w))
}

/// graph.cypher into `w`, a statement at a time.
pub fn write_cypher(g: &KnowledgeGraph, out: &mut impl std::io::Write) -> std::io::Result<()> {
    out.write_all(
        "// shiji knowledge graph: cypher-shell -f graph.cypher\n\
         CREATE CONSTRAINT shiji_id IF NOT EXISTS FOR (n:Shiji) REQUIRE n.id IS UNIQUE;\n"
            .as_bytes(),
    )?;
    for n in g.nodes() {
        let kind = if n.kind == "event" { "Event" } else { "Entity" };
        let mut props = vec![
            format!("n.name = {}", cypher_str(&n.name)),
            format!("n.kind = {}", cypher_str(&n.kind)),
            format!("n.type = {}", cypher_str(&n.node_type)),
        ];
        if let Some(s) = &n.subtype {
            props.push(format!("n.subtype = {}", cypher_str(s)));
        }
        if let Some(a) = &n.aliases {
            props.push(format!(
                "n.aliases = [{}]",
                a.iter()
                    .map(|x| cypher_str(x))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if let Some(m) = n.mentions {
            props.push(format!("n.mentions = {m}"));
        }
        if let Some(d) = &n.date {
            props.push(format!("n.date = {}", cypher_str(&d.value)));
            if let Some(f) = d.from {
                props.push(format!("n.date_from = date('{f}')"));
            }
            if let Some(t) = d.to {
                props.push(format!("n.date_to = date('{t}')"));
            }
        }
        if let Some(c) = n.confidence {
            props.push(format!("n.confidence = {}", json_str(&c)));
        }
        props.push(format!(
            "n.evidence = {}",
            cypher_str(&first_sentences(&n.evidence))
        ));
        writeln!(
            out,
            "MERGE (n:Shiji {{id: {}}}) SET n:{kind}:{}, {};",
            cypher_str(&n.id),
            label(&n.node_type),
            props.join(", ")
        )?;
    }
    for e in g.edges() {
        writeln!(
            out,
            "MATCH (a:Shiji {{id: {}}}), (b:Shiji {{id: {}}}) MERGE (a)-[r:{} {{key: {}}}]->(b) SET r.type = {}, r.evidence = {};",
            cypher_str(&e.source),
            cypher_str(&e.target),
            rel_type(&e.edge_type),
            e.key,
            cypher_str(&e.edge_type),
            cypher_str(&first_sentences(&e.evidence))
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// JSON-LD (schema.org)

fn schema_type(n: &Node) -> &'static str {
    if n.kind == "event" {
        return "Event";
    }
    match n.node_type.as_str() {
        "person" => "Person",
        "organization" => "Organization",
        "product" => "Product",
        "place" => "Place",
        "work" => "CreativeWork",
        _ => "Thing",
    }
}

/// An IRI for a node id: `urn:shiji:` and the id, with characters IRIs forbid percent-encoded.
pub fn iri(id: &str) -> String {
    let mut out = String::from("urn:shiji:");
    for c in id.chars() {
        if c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`' | '%' | '#' | '?'
            )
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || matches!(c, '\u{200e}' | '\u{200f}')
        {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The schema.org property an event → entity role or an entity → entity relation becomes, and
/// whether it is stated on the source (true) or, inverted, on the target (false).
fn jsonld_property(e: &Edge, target: Option<&Node>) -> (String, bool) {
    let target_type = target.map_or("", |t| t.node_type.as_str());
    let p = match e.edge_type.as_str() {
        "place" => ("location", true),
        "investor" => ("funder", true),
        "org" => ("organizer", true),
        "product" => ("about", true),
        "agent" | "person" => ("actor", true),
        "founder_of" => ("founder", false),
        "ceo_of" | "employee_of" => ("worksFor", true),
        "former_employee_of" => ("alumniOf", true),
        "investor_in" => ("funder", false),
        "develops" => ("producer", false),
        "located_in" | "headquartered_in" if target_type == "place" => ("location", true),
        "part_of" if target_type == "place" => ("containedInPlace", true),
        "part_of" => ("parentOrganization", true),
        "author_of" => ("author", false),
        "editor_of" => ("editor", false),
        other => return (format!("shiji:{other}"), true),
    };
    (p.0.to_string(), p.1)
}

/// graph.jsonld: a schema.org `@graph` (Person, Organization, Product, Place, CreativeWork,
/// Event with startDate/endDate), with an inline context so it needs no network.
pub fn to_jsonld(g: &KnowledgeGraph) -> String {
    to_string(|w| write_jsonld(g, w))
}

/// graph.jsonld into `w`, a node at a time.
pub fn write_jsonld(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    // the edge properties first, as IRIs per holder node; each node's object is then built,
    // written and dropped in turn, so that no tree of the whole graph is ever held
    let mut props: BTreeMap<&str, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for e in g.edges() {
        let (prop, forward) = jsonld_property(e, g.node(&e.target));
        let (holder, value) = if forward {
            (&e.source, &e.target)
        } else {
            (&e.target, &e.source)
        };
        if g.node(holder).is_some() {
            props
                .entry(holder.as_str())
                .or_default()
                .entry(prop)
                .or_default()
                .push(iri(value));
        }
    }
    let doc = JsonLd {
        context: json!({
            "@vocab": "https://schema.org/",
            "shiji": "urn:shiji:vocab:"
        }),
        graph: JsonLdItems { g, props: &props },
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}

#[derive(serde::Serialize)]
struct JsonLd<'a> {
    #[serde(rename = "@context")]
    context: Value,
    #[serde(rename = "@graph")]
    graph: JsonLdItems<'a>,
}

struct JsonLdItems<'a> {
    g: &'a KnowledgeGraph,
    props: &'a BTreeMap<&'a str, BTreeMap<String, Vec<String>>>,
}

impl serde::Serialize for JsonLdItems<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let nodes = self
            .g
            .nodes()
            .map(|n| jsonld_node(n, self.props.get(n.id.as_str())));
        let docs = self.g.documents.iter().map(jsonld_document);
        ser.collect_seq(nodes.chain(docs))
    }
}

fn jsonld_node(n: &crate::graph::Node, props: Option<&BTreeMap<String, Vec<String>>>) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("@id".into(), json!(iri(&n.id)));
    m.insert("@type".into(), json!(schema_type(n)));
    m.insert("name".into(), json!(n.name));
    m.insert("identifier".into(), json!(n.id));
    m.insert("shiji:type".into(), json!(n.node_type));
    if let Some(s) = &n.subtype {
        m.insert("shiji:subtype".into(), json!(s));
    }
    if let Some(a) = n.aliases.as_ref().filter(|a| !a.is_empty()) {
        m.insert("alternateName".into(), json!(a));
    }
    if let Some(d) = &n.date {
        let start = d.from.map(|f| match d.grain {
            Grain::Year => f.format("%Y").to_string(),
            Grain::Month => f.format("%Y-%m").to_string(),
            _ => f.to_string(),
        });
        if let Some(s) = start {
            m.insert("startDate".into(), json!(s));
        }
        if !matches!(d.grain, Grain::Year | Grain::Month | Grain::Day)
            && let Some(t) = d.to
        {
            m.insert("endDate".into(), json!(t.to_string()));
        }
        m.insert("temporal".into(), json!(d.text));
    }
    if let Some(s) = n.evidence.first() {
        m.insert("description".into(), json!(s.sentence));
    }
    if !n.documents.is_empty() {
        m.insert(
            "subjectOf".into(),
            json!(
                n.documents
                    .iter()
                    .map(|d| json!({"@id": iri(&format!("doc:{d}"))}))
                    .collect::<Vec<_>>()
            ),
        );
    }
    for (prop, values) in props.into_iter().flatten() {
        let entry = m.entry(prop.clone()).or_insert_with(|| json!([]));
        if let Value::Array(a) = entry {
            a.extend(values.iter().map(|v| json!({"@id": v})));
        }
    }
    Value::Object(m)
}

fn jsonld_document(d: &crate::document::DocMeta) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("@id".into(), json!(iri(&format!("doc:{}", d.id))));
    m.insert("@type".into(), json!("NewsArticle"));
    m.insert("identifier".into(), json!(d.id));
    if let Some(t) = &d.title {
        m.insert("headline".into(), json!(t));
    }
    if let Some(p) = d.published {
        m.insert("datePublished".into(), json!(p.to_string()));
    }
    if let Some(s) = &d.source {
        m.insert("url".into(), json!(s));
    }
    Value::Object(m)
}

// ---------------------------------------------------------------------------------------------
// TimelineJS

fn tljs_date(d: &TimeMention, day: chrono::NaiveDate) -> Value {
    use chrono::Datelike;
    let mut m = serde_json::Map::new();
    m.insert("year".into(), json!(day.year().to_string()));
    if matches!(
        d.grain,
        Grain::Half
            | Grain::Quarter
            | Grain::Month
            | Grain::Week
            | Grain::Day
            | Grain::Hour
            | Grain::Minute
            | Grain::Second
    ) {
        m.insert("month".into(), json!(day.month().to_string()));
    }
    if matches!(
        d.grain,
        Grain::Week | Grain::Day | Grain::Hour | Grain::Minute | Grain::Second
    ) {
        m.insert("day".into(), json!(day.day().to_string()));
    }
    Value::Object(m)
}

/// timeline.tljs.json for TimelineJS: dated events only, a date at its own grain (a year stays a
/// year), grouped by event type.
pub fn to_tljs(g: &KnowledgeGraph) -> String {
    to_string(|w| write_tljs(g, w))
}

/// How many documents' titles the TimelineJS title slide names.
const TLJS_TITLES: usize = 5;

/// timeline.tljs.json into `w`, an event at a time.
pub fn write_tljs(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let entries = super::timeline::entries(g);
    // the titles of the first few documents: a corpus's thousands would make a title slide of
    // megabytes
    let mut title = g
        .documents
        .iter()
        .take(TLJS_TITLES)
        .map(|d| d.title.as_deref().unwrap_or(&d.id))
        .collect::<Vec<_>>()
        .join("; ");
    if g.documents.len() > TLJS_TITLES {
        title.push_str(&format!("; … ({} documents)", g.documents.len()));
    }
    // the fields in the order of a sorted map, as the whole-document `json!` wrote them
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        events: TljsEvents<'a>,
        title: Value,
    }
    let doc = Doc {
        events: TljsEvents(&entries),
        title: json!({"text": {"headline": html_escape(if title.is_empty() { "shiji timeline" } else { &title }), "text": ""}}),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}

struct TljsEvents<'a>(&'a [super::timeline::TimelineEntry]);

impl serde::Serialize for TljsEvents<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.iter().filter_map(tljs_event))
    }
}

/// One dated event for TimelineJS (none for an undated one).
fn tljs_event(e: &super::timeline::TimelineEntry) -> Option<Value> {
    let d = e.date.as_ref()?;
    let from = d.from?;
    let mut ev = serde_json::Map::new();
    ev.insert("unique_id".into(), json!(e.id));
    ev.insert("start_date".into(), tljs_date(d, from));
    if matches!(
        d.grain,
        Grain::Century | Grain::Decade | Grain::Half | Grain::Quarter | Grain::Week
    ) && let Some(to) = d.to
    {
        ev.insert("end_date".into(), tljs_date(d, to));
    }
    ev.insert(
        "display_date".into(),
        json!(super::timeline::date_label(Some(d))),
    );
    let participants = e
        .participants
        .iter()
        .map(|p| format!("{} ({})", p.name, p.role))
        .collect::<Vec<_>>()
        .join(", ");
    let sentence = e
        .evidence
        .first()
        .map(|x| x.sentence.to_string())
        .unwrap_or_default();
    // TimelineJS renders `text` as HTML: escape it
    ev.insert(
            "text".into(),
            json!({
                "headline": html_escape(&e.name),
                "text": format!("<p>{}</p><p>{}</p>", html_escape(&sentence), html_escape(&participants)),
            }),
        );
    ev.insert("group".into(), json!(e.kind));
    Some(Value::Object(ev))
}

/// Text for an HTML context: `& < > " '` escaped.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// CSV tables for pandas

/// events.csv: one row per event in timeline order.
pub fn to_events_csv(g: &KnowledgeGraph) -> String {
    to_string(|w| write_events_csv(g, w))
}

/// events.csv into `w`, a row at a time.
pub fn write_events_csv(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let header = [
        "id",
        "type",
        "name",
        "date",
        "grain",
        "mod",
        "date_from",
        "date_to",
        "confidence",
        "rule",
        "participants",
        "roles",
        "attributes",
        "documents",
        "doc",
        "field",
        "start",
        "end",
        "sentence",
    ];
    let rows = super::timeline::entries(g).into_iter().map(|e| {
        let d = e.date.as_ref();
        let n = g.node(&e.id);
        let ev = e.evidence.first();
        vec![
            e.id.clone(),
            e.kind.clone(),
            e.name.clone(),
            d.map(|d| d.value.clone()).unwrap_or_default(),
            d.map(grain_label).unwrap_or_default(),
            d.map(mod_label).unwrap_or_default(),
            opt_date(d.and_then(|d| d.from)),
            opt_date(d.and_then(|d| d.to)),
            e.confidence.map(|c| json_str(&c)).unwrap_or_default(),
            n.and_then(|n| n.rule.clone()).unwrap_or_default(),
            json_str(&e.participants.iter().map(|p| &p.name).collect::<Vec<_>>()),
            json_str(&e.participants.iter().map(|p| &p.role).collect::<Vec<_>>()),
            n.filter(|n| !n.attributes.is_empty())
                .map(|n| json_str(&n.attributes))
                .unwrap_or_default(),
            json_str(&n.map(|n| n.documents.clone()).unwrap_or_default()),
            ev.map(|x| x.doc.to_string()).unwrap_or_default(),
            ev.map(|x| x.field.as_str().to_string()).unwrap_or_default(),
            ev.map(|x| x.start.to_string()).unwrap_or_default(),
            ev.map(|x| x.end.to_string()).unwrap_or_default(),
            ev.map(|x| x.sentence.to_string()).unwrap_or_default(),
        ]
    });
    write_csv(w, &header, rows)
}

/// entities.csv: one row per entity in graph order.
pub fn to_entities_csv(g: &KnowledgeGraph) -> String {
    to_string(|w| write_entities_csv(g, w))
}

/// entities.csv into `w`, a row at a time.
pub fn write_entities_csv(g: &KnowledgeGraph, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let header = [
        "id",
        "type",
        "subtype",
        "name",
        "aliases",
        "mentions",
        "documents",
        "degree",
        "first_sentence",
    ];
    // degrees in one pass over the edges, not one pass per entity
    let mut degree: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in g.edges() {
        *degree.entry(e.source.as_str()).or_default() += 1;
        if e.target != e.source {
            *degree.entry(e.target.as_str()).or_default() += 1;
        }
    }
    let rows = g.nodes().filter(|n| n.kind == "entity").map(|n| {
        vec![
            n.id.clone(),
            n.node_type.clone(),
            n.subtype.clone().unwrap_or_default(),
            n.name.clone(),
            json_str(&n.aliases.clone().unwrap_or_default()),
            n.mentions.unwrap_or(0).to_string(),
            json_str(&n.documents),
            degree.get(n.id.as_str()).copied().unwrap_or(0).to_string(),
            n.evidence
                .first()
                .map(|x| x.sentence.to_string())
                .unwrap_or_default(),
        ]
    });
    write_csv(w, &header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_xml_is_escaped_like_xml_escape() {
        let text = "{\"a\":\"<&>'\\\"\r\n\t\u{1}\u{fffe}\u{ffff}\u{fffd}文\"}\n";
        let mut out = Vec::new();
        std::io::Write::write_all(
            &mut crate::export::Escaping(&mut out, xml_escape_at),
            text.as_bytes(),
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), xml_escape(text));
    }

    #[test]
    fn tljs_title_names_a_few_documents_and_counts_the_rest() {
        let docs = |n: usize| crate::graph::KnowledgeGraph {
            graph: Default::default(),
            index: Default::default(),
            documents: (0..n)
                .map(|i| crate::document::DocMeta {
                    id: format!("d{i}"),
                    title: (i % 2 == 0).then(|| format!("标题{i}")),
                    ..Default::default()
                })
                .collect(),
        };
        let headline = |g| {
            let v: Value = serde_json::from_str(&to_tljs(&g)).unwrap();
            v["title"]["text"]["headline"].as_str().unwrap().to_string()
        };
        assert_eq!(headline(docs(2)), "标题0; d1");
        assert_eq!(
            headline(docs(7)),
            "标题0; d1; 标题2; d3; 标题4; … (7 documents)"
        );
    }

    #[test]
    fn escapes() {
        assert_eq!(
            cypher_str("a'b\\c\n\u{202e}"),
            "'a\\'b\\\\c\\n\\u202e'".to_string()
        );
        assert_eq!(xml_escape("<a&\"\u{1}>"), "&lt;a&amp;&quot;&gt;");
        assert_eq!(label("product_launch"), "ProductLaunch");
        assert_eq!(rel_type("investor_in"), "INVESTOR_IN");
        assert_eq!(iri("org:a b<"), "urn:shiji:org:a%20b%3C");
    }
}
